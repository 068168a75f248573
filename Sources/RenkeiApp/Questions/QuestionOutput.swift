import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// What a question about organisations (`ego`, `path`, `diff`) produces: its data as a report
/// (table, JSON, CSV) or a diagram (SVG, PNG, PDF, DOT).
public enum QuestionFormat: Sendable, Equatable {
    case report(ReportFormat)
    case diagram(RenderFormat)

    /// `table`, `json`, `csv`, `svg`, `png`, `pdf` or `dot` (case-insensitive).
    public init?(name: String) {
        let n = name.lowercased()
        if let r = ReportFormat(rawValue: n) { self = .report(r) }
        else if let d = RenderFormat(rawValue: n) { self = .diagram(d) }
        else { return nil }
    }

    /// The format named, else the output file's extension, else a text table.
    public static func chosen(_ name: String?, out: String?) -> QuestionFormat? {
        if let name { return QuestionFormat(name: name) }
        if let out, let dot = out.lastIndex(of: ".") { return QuestionFormat(name: String(out[out.index(after: dot)...])) ?? .report(.table) }
        return .report(.table)
    }

    /// True for the diagram formats.
    public var isDiagram: Bool { if case .diagram = self { return true } else { return false } }
}

/// The answer to a question: text or diagram bytes, and what Graphviz warned about.
public struct QuestionOutput: Sendable {
    public var bytes: [UInt8]
    public var warnings: [String]

    /// A data report: the JSON object for `.json`, else the table in `format`.
    static func report(_ format: ReportFormat, json: JSONValue, table: ReportTable) -> QuestionOutput {
        let text = format == .json ? json.serialized() + "\n" : table.rendered(as: format)
        return QuestionOutput(bytes: Array(text.utf8), warnings: [])
    }
}

enum QuestionDiagram {
    /// The dataset a diagram is drawn from.
    /// - Throws: ``RequestError`` for a plain edge list, which has none.
    static func dataset(of graph: OrganizationGraph) throws -> Dataset {
        guard let dataset = graph.dataset else { throw RequestError("a diagram needs a dataset, not a plain edge list") }
        return dataset
    }

    /// Renders the DOT `focus` makes of `dataset` in `format`, with the diagrams' font check.
    static func render(_ dataset: Dataset, focus: DiagramFocus, format: RenderFormat, fonts: JapaneseFonts) throws -> QuestionOutput {
        let request = RenderRequest(input: DatasetInput(path: ""), target: .network, format: format, fonts: fonts)
        var warnings: [String] = []
        let options = try request.diagramOptions(for: dataset, rendering: format != .dot, warnings: &warnings)
        let dot = DiagramWriter(dataset: dataset, options: options).focusDOT(focus)
        if format == .dot { return QuestionOutput(bytes: Array(dot.utf8), warnings: warnings) }
        let result = try GraphvizRenderer.shared.render(dot: dot, format: format, engine: nil, fonts: fonts)
        return QuestionOutput(bytes: result.data, warnings: warnings + result.warnings.map { "Graphviz: \($0)" })
    }

    /// The part of `dataset` among `ids`: those organisations, the projects their kept partnerships
    /// belong to, and the partnerships between them that `filter` accepts (`keep`, when given, decides
    /// per partnership instead).
    static func subset(of dataset: Dataset, ids: Set<String>, filter: GraphFilter,
                       keep: ((Partnership) -> Bool)? = nil) -> Dataset {
        let partnerships = dataset.partnerships.filter {
            ids.contains($0.source) && ids.contains($0.target) && (keep?($0) ?? filter.accepts($0))
        }
        let projects = Set(partnerships.compactMap(\.project))
        return Dataset(metadata: dataset.metadata, vocabulary: dataset.vocabulary,
                       organizations: dataset.organizations.filter { ids.contains($0.id) },
                       projects: dataset.projects.filter { projects.contains($0.id) && ids.contains($0.lead) },
                       partnerships: partnerships)
    }
}

extension OrganizationGraph {
    /// The relations (Japanese labels, in vocabulary order) and projects (ids, sorted) of the
    /// partnerships between two organisations that `filter` accepts.
    func partnershipDetails(_ a: String, _ b: String, filter: GraphFilter) -> (relations: [String], projects: [String]) {
        guard let dataset else { return ([], []) }
        var relations = Set<RelationKind>(), projects = Set<String>()
        for p in dataset.partnerships where filter.accepts(p)
            && ((p.source == a && p.target == b) || (p.source == b && p.target == a)) {
            relations.formUnion(p.relations)
            if let pr = p.project { projects.insert(pr) }
        }
        return (relations.sorted().map(\.japanese), projects.sorted())
    }

    /// The filter a dataset graph was built with (the default for a plain edge list).
    func filter(_ selection: GraphSelection, path: String) throws -> GraphFilter {
        guard let dataset else { return GraphFilter() }
        return try selection.filter(for: dataset, path: path)
    }
}
