import RenkeiCore
import RenkeiIO

/// Which partnerships an analysis, diagram or export works on: the dataset filters.
public struct GraphSelection: Sendable, Equatable {
    /// Drop planned partnerships.
    public var realisedOnly: Bool
    /// Keep generic partners (「地域の保育園」).
    public var includeGeneric: Bool
    /// Relation ids or Japanese labels to keep (empty: all); each item may itself be a list
    /// (``Vocabulary/splitList(_:)``).
    public var relations: [String]
    /// Project ids to keep (empty: all); each item may be a comma-separated list.
    public var projects: [String]
    /// How a partnership becomes an edge weight; nil: ``automaticWeighting(for:kind:)``.
    public var weighting: PartnershipWeighting?
    /// Prefectures of the projects to keep (empty: all); see ``view(of:)``.
    public var prefectures: [String] = []
    /// Municipalities of the projects to keep (empty: all).
    public var municipalities: [String] = []
    /// Survey years of the projects to keep (empty: all).
    public var years: [Int] = []
    /// Kinds of the organisations to keep (ids or English names; empty: all).
    public var kinds: [String] = []

    /// A selection; the defaults keep everything and weigh a partnership automatically.
    public init(realisedOnly: Bool = false, includeGeneric: Bool = true, relations: [String] = [],
                projects: [String] = [], weighting: PartnershipWeighting? = nil) {
        self.realisedOnly = realisedOnly
        self.includeGeneric = includeGeneric
        self.relations = relations
        self.projects = projects
        self.weighting = weighting
    }

    /// True when the selection narrows the dataset (a plain edge list cannot be narrowed).
    public var filtersPartnerships: Bool {
        realisedOnly || !includeGeneric || !relations.isEmpty || !projects.isEmpty || narrowsDataset
    }

    /// The project ids named, split and trimmed.
    var projectIDs: [String] { projects.flatMap(Vocabulary.splitList) }

    /// The graph filter for `dataset`, with relations and projects checked against it.
    /// - Throws: ``RequestError`` for an unknown relation or project, with a did-you-mean hint.
    public func filter(for dataset: Dataset, path: String) throws -> GraphFilter {
        var filter = GraphFilter(realisedOnly: realisedOnly, includeGeneric: includeGeneric,
                                 weighting: weighting ?? .relations)
        let relationNames = relations.flatMap(Vocabulary.splitList)
        if !relationNames.isEmpty {
            var ids = Set<String>()
            for name in relationNames {
                guard let r = dataset.vocabulary.relation(named: name) else {
                    throw RequestError.unknown("relation", name, among: dataset.vocabulary.relationNames)
                }
                ids.insert(r.id)
            }
            filter.relations = ids
        }
        let ids = projectIDs
        if !ids.isEmpty {
            for id in ids where dataset.project(id: id) == nil {
                throw RequestError.unknown("project", id, among: dataset.projects.map(\.id), in: path)
            }
            filter.projects = Set(ids)
        }
        return filter
    }

    /// The weighting used when none is asked for: an edge-list CSV whose weight column carries
    /// weights (some partnership weighs other than 1) is weighed by it; anything else by its
    /// number of relation kinds.
    public static func automaticWeighting(for dataset: Dataset, kind: DatasetLoader.PathKind) -> PartnershipWeighting {
        kind == .edgeListCSV && dataset.partnerships.contains { $0.weight != 1 } ? .weight : .relations
    }
}

/// An analysis graph with the organisation name and kind of each vertex, and the dataset it came
/// from (nil for a plain edge list).
public struct OrganizationGraph: Sendable {
    /// The graph analysed.
    public var graph: AnalysisGraph
    /// Each vertex's organisation name (its label for a plain edge list).
    public var names: [String]
    /// Each vertex's kind id (その他 for a plain edge list).
    public var kinds: [String]
    /// The dataset, when the input was one.
    public var dataset: Dataset?
    /// How partnerships were weighed (nil for a plain edge list, whose third field is the weight).
    public var weighting: PartnershipWeighting?

    /// Which edge weight was used, for standard error: set for an edge-list CSV, where the choice
    /// was made from the data.
    public var weightingNote: String? {
        guard let weighting, let chosen = automaticChoice else { return nil }
        return chosen ? "edge weight: \(weighting.rawValue) (the CSV's weight column)"
                      : "edge weight: \(weighting.rawValue)"
    }
    /// True when the weighting was chosen automatically from an edge-list CSV's weight column,
    /// false when chosen automatically without one, nil when asked for or not applicable.
    var automaticChoice: Bool?

    public init(graph: AnalysisGraph, names: [String], kinds: [String], dataset: Dataset?,
                weighting: PartnershipWeighting? = nil) {
        self.graph = graph
        self.names = names
        self.kinds = kinds
        self.dataset = dataset
        self.weighting = weighting
    }

    /// The graph of a fast reader (no dataset), whose vertices are `organizations` in order.
    init(graph: AnalysisGraph, organizations: [Organization], weighting: PartnershipWeighting) {
        self.init(graph: graph, names: organizations.map(\.name), kinds: organizations.map(\.kind.id), dataset: nil,
                  weighting: weighting)
    }

    /// Loads `input` and builds the graph `selection` describes.
    ///
    /// A plain edge list goes through `EdgeListGraphReader` (fast, no dataset); anything else is
    /// loaded as a dataset and turned into a partnership graph with `selection`'s filter.
    /// - Throws: `InputError` for unreadable input, ``RequestError`` for a selection that does not
    ///   fit the data (filters on a plain edge list, unknown relations or projects).
    /// - Parameter needsDataset: false when the caller never reads ``dataset``: an edge-list CSV
    ///   without filters then goes through ``CompactEdgeList``, a dataset folder through
    ///   ``CompactDatasetFolder`` (the same graph, names and kinds, without building a `Dataset`),
    ///   and `dataset` is nil.
    public static func load(_ input: DatasetInput, selection: GraphSelection, needsDataset: Bool = true) throws -> OrganizationGraph {
        if !needsDataset, !selection.filtersPartnerships, let compact = try input.compactEdgeList() {
            let weighting = selection.weighting ?? (compact.hasWeights ? .weight : .relations)
            let graph = compact.graph(weighting: weighting)
            var loaded = OrganizationGraph(graph: graph, organizations: compact.organizations, weighting: weighting)
            if selection.weighting == nil { loaded.automaticChoice = weighting == .weight }
            return loaded
        }
        if !needsDataset, !selection.filtersPartnerships, let folder = try input.compactFolder() {
            // A folder's partnerships weigh by their relations unless asked otherwise (automaticWeighting).
            let weighting = selection.weighting ?? .relations
            return OrganizationGraph(graph: folder.graph(weighting: weighting), organizations: folder.loaded.dataset.organizations,
                                     weighting: weighting)
        }
        if input.isPlainEdgeList {
            if selection.filtersPartnerships {
                throw RequestError("filtering by status, generic partners, relations, projects, place, year or kind needs a dataset, not a plain edge list")
            }
            let graph = try EdgeListGraphReader.read(path: input.path)
            return OrganizationGraph(graph: graph, names: graph.labels,
                                     kinds: [String](repeating: OrganizationKind.other.id, count: graph.nodeCount), dataset: nil)
        }
        let dataset = try selection.view(of: input.load().dataset)
        var filter = try selection.filter(for: dataset, path: input.path)
        let kind = input.kind
        if selection.weighting == nil { filter.weighting = GraphSelection.automaticWeighting(for: dataset, kind: kind) }
        let graph = AnalysisGraph.partnershipGraph(of: dataset, filter: filter)
        var names: [String] = [], kinds: [String] = []
        names.reserveCapacity(graph.nodeCount)
        kinds.reserveCapacity(graph.nodeCount)
        for id in graph.labels {
            let o = dataset.organization(id: id)
            names.append(o?.name ?? id)
            kinds.append(o?.kind.id ?? OrganizationKind.other.id)
        }
        var loaded = OrganizationGraph(graph: graph, names: names, kinds: kinds, dataset: dataset, weighting: filter.weighting)
        if selection.weighting == nil && kind == .edgeListCSV { loaded.automaticChoice = filter.weighting == .weight }
        return loaded
    }

    /// A per-organisation report: columns `id`, `name`, `kind`, then `columns`; one row per vertex
    /// in `order` (all vertices in index order when nil), cut to `top` rows.
    func organizationTable(columns: [String], values: (Int) -> [ReportValue], order: [Int]? = nil,
                           top: Int? = nil, title: String? = nil) -> ReportTable {
        var table = ReportTable(columns: ["id", "name", "kind"] + columns, title: title)
        var rows = order ?? Array(0..<graph.nodeCount)
        if let top, top >= 0, rows.count > top { rows = Array(rows.prefix(top)) }
        for v in rows {
            table.append([.text(graph.labels[v]), .text(names[v]), .text(kinds[v])] + values(v))
        }
        return table
    }

    /// Vertices by `key` descending, ties by index (deterministic); NaN ranks last. Cut to the
    /// first `top` when given.
    static func ranking(_ key: [Double], top: Int? = nil) -> [Int] {
        let order = (0..<key.count).sorted { a, b in
            let x = key[a].isNaN ? -Double.infinity : key[a], y = key[b].isNaN ? -Double.infinity : key[b]
            return x != y ? x > y : a < b
        }
        guard let top, top >= 0, order.count > top else { return order }
        return Array(order.prefix(top))
    }
}

/// A dataset with projects for the commands that count projects (partners, projection), and the
/// filter the selection describes.
struct ProjectDataset {
    var dataset: Dataset
    var filter: GraphFilter
    /// Set when the input had no projects and each source organisation was read as the lead of one.
    var note: String?

    /// An edge list has no projects: it is read as each source organisation (団体名) listing its
    /// partners, so every source leads one implied project (`Dataset.withImpliedProjects()`).
    static func load(_ input: DatasetInput, selection: GraphSelection) throws -> ProjectDataset {
        let loaded = try selection.view(of: input.load().dataset)
        let dataset = loaded.withImpliedProjects()
        var note: String?
        if loaded.projects.isEmpty && !dataset.projects.isEmpty {
            note = "\(input.path) has no projects; each source organisation is read as the lead of one project (\(ReportValue.counted(dataset.projects.count, "project")))"
        }
        return ProjectDataset(dataset: dataset, filter: try selection.filter(for: dataset, path: input.path), note: note)
    }
}
