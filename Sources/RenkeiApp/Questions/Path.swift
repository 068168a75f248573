import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// The shortest chain of partnerships between two organisations (`renkei path`).
public struct PathRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var from: String
    public var to: String
    /// Every shortest chain instead of the first.
    public var all: Bool
    /// Use tie strength as distance, the way betweenness does.
    public var weighted: Bool
    public var distance: EdgeDistance
    /// The most chains listed with ``all``.
    public var limit: Int
    public var fonts: JapaneseFonts

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), from: String, to: String, all: Bool = false,
                weighted: Bool = false, distance: EdgeDistance = .inverse, limit: Int = 10_000, fonts: JapaneseFonts = .system) {
        self.input = input
        self.selection = selection
        self.from = from
        self.to = to
        self.all = all
        self.weighted = weighted
        self.distance = distance
        self.limit = limit
        self.fonts = fonts
    }

    /// - Throws: `InputError`, ``RequestError`` (unknown or ambiguous organisation), `AnalysisError`
    ///   (a weight that gives no positive length).
    public func run() throws -> PathReport {
        let g = try OrganizationGraph.load(input, selection: selection)
        let s = try OrganizationLookup.vertex(named: from, in: g), t = try OrganizationLookup.vertex(named: to, in: g)
        let filter = try g.filter(selection, path: input.path)
        let chains = try g.graph.shortestChains(from: s, to: t, all: all, weighted: weighted, distance: distance, limit: limit)
        var components: [NodeIndex] = []
        if chains == nil {
            // Each end's component, named by its organisation with the most partners.
            let parts = g.graph.connectedComponents()
            for v in [s, t] {
                let members = parts.members[Int(parts.component[v.int])]
                components.append(members.max { (g.graph.degree(of: $0), -$0.int) < (g.graph.degree(of: $1), -$1.int) }!)
            }
        }
        var steps: [[PathReport.Step]] = []
        for chain in chains?.chains ?? [] {
            steps.append(zip(chain, chain.dropFirst()).map { u, v in
                let d = g.partnershipDetails(g.graph.labels[u.int], g.graph.labels[v.int], filter: filter)
                return PathReport.Step(source: u, target: v, relations: d.relations, projects: d.projects)
            })
        }
        return PathReport(graph: g, filter: filter, from: s, to: t, chains: chains, steps: steps,
                          largestInComponents: components, weighted: weighted, fonts: fonts)
    }
}

/// The shortest chains between two organisations, or the two components they lie in.
public struct PathReport: Sendable {
    public struct Step: Sendable, Equatable {
        public var source: NodeIndex
        public var target: NodeIndex
        /// Japanese relation labels.
        public var relations: [String]
        /// The projects the step's partnerships belong to (sorted).
        public var projects: [String]
    }

    public var graph: OrganizationGraph
    var filter: GraphFilter
    public var from: NodeIndex
    public var to: NodeIndex
    /// Nil when there is no chain.
    public var chains: ShortestChains?
    /// Each chain's steps.
    public var steps: [[Step]]
    /// Without a chain: the organisation with the most partners in `from`'s and in `to`'s component.
    public var largestInComponents: [NodeIndex]
    var weighted: Bool
    var fonts: JapaneseFonts

    func label(_ v: NodeIndex) -> String { graph.graph.labels[v.int] }

    /// Without a chain: they lie in different components, each named by its largest organisation.
    public var note: String? {
        guard chains == nil, largestInComponents.count == 2 else { return nil }
        let (a, b) = (largestInComponents[0], largestInComponents[1])
        return "no chain of partnerships joins \(graph.names[from.int]) and \(graph.names[to.int]): they lie in different components "
            + "(the largest organisation of \(graph.names[from.int])'s is \(graph.names[a.int]) [\(label(a))], "
            + "of \(graph.names[to.int])'s \(graph.names[b.int]) [\(label(b))])"
    }

    /// `from`, `to`, `length` (null without a chain) and `paths`: each an array of steps with
    /// `source`, `target`, `relations` and `project` (the projects joined by "; "); without a chain
    /// also `components` (the largest organisation of each end's component).
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [("from", .string(label(from))), ("to", .string(label(to)))]
        if let chains {
            fields.append(("length", weighted ? .double(chains.length) : .int(chains.hops)))
        } else {
            fields.append(("length", .null))
        }
        fields.append(("paths", .array(steps.map { path in .array(path.map { s in .object([
            ("source", .string(label(s.source))), ("target", .string(label(s.target))),
            ("relations", .array(s.relations.map(JSONValue.string))), ("project", .string(s.projects.joined(separator: "; "))),
        ]) }) })))
        if chains == nil {
            fields.append(("components", .array(largestInComponents.map { v in .object([
                ("largest", .string(label(v))), ("name", .string(graph.names[v.int]))]) })))
        }
        return .object(fields)
    }

    /// One row per step: `path, step, source, source_name, target, target_name, relations, project`.
    public var table: ReportTable {
        let title: String
        if let chains {
            title = "\(graph.names[from.int]) → \(graph.names[to.int])：最短 \(chains.hops) 段" + (weighted ? "（距離 \(ReportValue.fixed(chains.length, digits: 4))）" : "")
                + "、\(chains.chains.count) 通り" + (chains.truncated ? "以上" : "")
        } else {
            title = "\(graph.names[from.int]) と \(graph.names[to.int]) をつなぐ連携はありません"
        }
        var table = ReportTable(columns: ["path", "step", "source", "source_name", "target", "target_name", "relations", "project"], title: title)
        for (i, path) in steps.enumerated() {
            for (j, s) in path.enumerated() {
                table.append([.integer(i + 1), .integer(j + 1), .text(label(s.source)), .text(graph.names[s.source.int]),
                              .text(label(s.target)), .text(graph.names[s.target.int]),
                              .text(s.relations.joined(separator: "; ")), .text(s.projects.joined(separator: "; "))])
            }
        }
        return table
    }

    /// The report, or a diagram of the chains laid out from left to right.
    public func output(_ format: QuestionFormat) throws -> QuestionOutput {
        switch format {
        case .report(let r):
            return QuestionOutput.report(r, json: json, table: table)
        case .diagram(let f):
            let dataset = try QuestionDiagram.dataset(of: graph)
            guard chains != nil else { throw RequestError(note ?? "no chain") }
            let pairs = Set(steps.joined().map { DiagramFocus.pairKey(label($0.source), label($0.target)) })
            let ids = Set(steps.joined().flatMap { [label($0.source), label($0.target)] } + [label(from)])
            let sub = QuestionDiagram.subset(of: dataset, ids: ids, filter: filter) {
                pairs.contains(DiagramFocus.pairKey($0.source, $0.target)) && filter.accepts($0)
            }
            let focus = DiagramFocus(title: "\(graph.names[from.int]) から \(graph.names[to.int]) への連携の道筋",
                                     subtitle: "最短 \(chains!.hops) 段・\(steps.count) 通り", highlighted: [label(from), label(to)],
                                     highlightMeaning: "起点と終点の団体", engine: "dot", rankdir: "LR")
            return try QuestionDiagram.render(sub, focus: focus, format: f, fonts: fonts)
        }
    }
}
