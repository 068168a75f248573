import Foundation
import RenkeiCore

/// Computed values per node, attached to exports: node id → metric name → value.
public struct NodeMetrics: Sendable, Equatable {
    /// The columns, in output order: numeric node attributes (type `integer` for whole-number
    /// metrics such as degree, community and core number, else `double`).
    public var columns: [AttributeSpec]
    /// Node id → metric name → value. A node or metric missing here is left empty in the export.
    public var values: [String: [String: Double]]

    /// Creates a metrics table.
    public init(columns: [AttributeSpec], values: [String: [String: Double]]) {
        self.columns = columns
        self.values = values
    }

    /// The columns `--with-metrics` attaches, in this order.
    public static let standardColumns: [AttributeSpec] = [
        AttributeSpec(name: "degree", japanese: "次数", type: .integer),
        AttributeSpec(name: "betweenness", japanese: "媒介中心性", type: .double),
        AttributeSpec(name: "pagerank", japanese: "PageRank", type: .double),
        AttributeSpec(name: "clustering", japanese: "クラスタ係数", type: .double),
        AttributeSpec(name: "community", japanese: "コミュニティ", type: .integer),
        AttributeSpec(name: "core_number", japanese: "コア数", type: .integer),
    ]
}

/// The attribute columns and rows every exporter writes, built once from a dataset.
///
/// Nodes are the dataset's organisations in dataset order; edges are its partnerships in
/// dataset order, one edge per partnership (several partnerships between the same pair are
/// parallel edges with their own ids `e0`, `e1`, …). Partnerships naming an organisation that
/// the dataset does not hold are left out (the loader reports them).
public struct NetworkTable: Sendable {
    /// One node: an organisation.
    public struct Node: Sendable {
        /// The organisation id.
        public var id: String
        /// Display label: the name with its legal form.
        public var label: String
        /// The kind, for colouring.
        public var kind: OrganizationKind
        /// Values parallel to ``NetworkTable/nodeAttributes``; nil where the dataset has none.
        public var values: [AttributeValue?]
        /// Where the node was read from, for error messages.
        public var line: Int?
    }

    /// One edge: a partnership.
    public struct Edge: Sendable {
        /// The edge id (`e0` …).
        public var id: String
        /// The source organisation id.
        public var source: String
        /// The target organisation id.
        public var target: String
        /// Values parallel to ``NetworkTable/edgeAttributes``.
        public var values: [AttributeValue?]
        /// Where the edge was read from, for error messages.
        public var line: Int?
    }

    /// The dataset's name, description, source and licence.
    public var metadata: DatasetMetadata
    /// Node attribute columns: ``organizationAttributes`` then the metric columns.
    public private(set) var nodeAttributes: [AttributeSpec]
    /// Edge attribute columns: ``partnershipAttributes``.
    public var edgeAttributes: [AttributeSpec] { NetworkTable.partnershipAttributes }
    /// Nodes in dataset order.
    public var nodes: [Node]
    /// Edges in partnership order. A table made of a dataset makes them when asked, one at a time
    /// for ``forEachEdge(_:)`` (the streaming writers), all at once here.
    public var edges: [Edge] {
        get {
            if case .stored(let edges) = edgeRows { return edges }
            var out: [Edge] = []
            out.reserveCapacity(edgeCount)
            forEachEdge { out.append($0) }
            return out
        }
        set { edgeRows = .stored(newValue) }
    }

    /// Where the edges come from: kept as they were read, or made on demand from a dataset's
    /// partnerships (`Dataset` is copy-on-write: no copy is made) or from the fast reader's rows.
    enum EdgeRows: Sendable {
        case stored([Edge])
        case partnerships(Dataset)
        case rows(RowEdges)
    }
    private(set) var edgeRows: EdgeRows = .stored([])

    /// Number of edges, without making them.
    public var edgeCount: Int {
        switch edgeRows {
        case .stored(let edges): return edges.count
        case .partnerships(let d): return d.partnerships.lazy.filter { Self.isDrawn($0, in: d) }.count
        case .rows(let c): return c.count
        }
    }

    /// Calls `body` with every edge in order; a table made of a dataset makes each edge only for
    /// the call, so a writer holds one edge at a time.
    public func forEachEdge(_ body: (Edge) throws -> Void) rethrows {
        try withEdgeAccess { count, edge in for k in 0..<count { try body(edge(k)) } }
    }

    /// Calls `body` with the number of edges and a function giving edge *k* (in
    /// ``forEachEdge(_:)``'s order), safe to call from several threads at once.
    public func withEdgeAccess<T>(_ body: (_ count: Int, _ edge: @Sendable (Int) -> Edge) throws -> T) rethrows -> T {
        switch edgeRows {
        case .stored(let edges): return try body(edges.count) { edges[$0] }
        case .rows(let c): return try body(c.count) { Self.edge($0, c.partnership($0)) }
        case .partnerships(let d):
            let drawn = d.partnerships.indices.filter { Self.isDrawn(d.partnerships[$0], in: d) }
            return try body(drawn.count) { Self.edge(drawn[$0], d.partnerships[drawn[$0]]) }
        }
    }

    /// True when both organisations of the partnership are in the dataset.
    static func isDrawn(_ p: Partnership, in dataset: Dataset) -> Bool {
        dataset.organizationPosition(id: p.source) != nil && dataset.organizationPosition(id: p.target) != nil
    }

    /// The edge of partnership number `i`.
    static func edge(_ i: Int, _ p: Partnership) -> Edge {
        let values: [AttributeValue?] = [
            .list(p.relations.map(\.id)),
            .list(p.relations.map(\.japanese)),
            .string(p.status.rawValue),
            .double(p.weight),
            p.project.map { .string($0) },
            evidenceValue(p.evidence),
            .string(p.direction.rawValue),
            noteValue(p.note),
        ]
        return Edge(id: "e\(i)", source: p.source, target: p.target, values: values, line: nil)
    }

    /// A partnership's `evidence` attribute (nil without references), as ``edge(_:_:)`` makes it.
    static func evidenceValue(_ evidence: [SourceReference]) -> AttributeValue? {
        evidence.isEmpty ? nil : .list(evidence.map(\.description))
    }

    /// A partnership's `note` attribute, as ``edge(_:_:)`` makes it.
    static func noteValue(_ note: String?) -> AttributeValue? { note.map { .string($0) } }
    /// The metric columns: the ``nodeAttributes`` after ``organizationAttributes`` (with positions,
    /// the last two are `x` and `y`).
    public var metricColumns: ArraySlice<AttributeSpec> {
        nodeAttributes[NetworkTable.organizationAttributes.count...]
    }

    /// Node attributes every export carries, before any metrics.
    public static let organizationAttributes: [AttributeSpec] = [
        AttributeSpec(name: "name", japanese: "名称", type: .string),
        AttributeSpec(name: "label", japanese: "表示名", type: .string),
        AttributeSpec(name: "kind", japanese: "種別", type: .string),
        AttributeSpec(name: "category", japanese: "分類", type: .string),
        AttributeSpec(name: "legal_form", japanese: "法人格", type: .string),
        AttributeSpec(name: "prefecture", japanese: "都道府県", type: .string),
        AttributeSpec(name: "municipality", japanese: "市区町村", type: .string),
        AttributeSpec(name: "generic", japanese: "一般名の連携先", type: .boolean),
        AttributeSpec(name: "lead", japanese: "事業実施団体", type: .boolean),
        AttributeSpec(name: "lead_projects", japanese: "実施事業", type: .list),
        AttributeSpec(name: "lead_project_titles", japanese: "実施事業名", type: .list),
        AttributeSpec(name: "lead_project_prefectures", japanese: "実施事業の都道府県", type: .list),
        AttributeSpec(name: "lead_project_municipalities", japanese: "実施事業の市区町村", type: .list),
        AttributeSpec(name: "lead_project_years", japanese: "実施事業の年度", type: .list),
        AttributeSpec(name: "aliases", japanese: "別名", type: .list),
    ]

    /// Edge attributes every export carries.
    public static let partnershipAttributes: [AttributeSpec] = [
        AttributeSpec(name: "relations", japanese: "連携内容コード", type: .list),
        AttributeSpec(name: "relation_labels", japanese: "連携内容", type: .list),
        AttributeSpec(name: "status", japanese: "実施状況", type: .string),
        AttributeSpec(name: "weight", japanese: "重み", type: .double),
        AttributeSpec(name: "project", japanese: "事業", type: .string),
        AttributeSpec(name: "evidence", japanese: "出典", type: .list),
        AttributeSpec(name: "direction", japanese: "方向", type: .string),
        AttributeSpec(name: "note", japanese: "備考", type: .string),
    ]

    /// Graph-level metadata fields, in output order.
    public static let metadataFields = ["name", "description", "source", "licence"]

    /// Builds the table of a dataset, with optional metrics and then positions (columns `x`, `y`,
    /// ``NodePositions/attributes``) appended to each node.
    /// - Complexity: O(*n* + *m* + *p*) for *n* organisations, *m* partnerships, *p* projects.
    public init(dataset: Dataset, metrics: NodeMetrics? = nil, positions: NodePositions? = nil) {
        metadata = dataset.metadata
        let metricColumns = metrics?.columns ?? []
        nodeAttributes = NetworkTable.organizationAttributes + metricColumns + (positions == nil ? [] : NodePositions.attributes)
        var ledProjects: [String: [Project]] = [:]
        for p in dataset.projects { ledProjects[p.lead, default: []].append(p) }
        /// A list of the led projects' field, parallel to `lead_projects` (absent when every item is empty).
        func parallel(_ led: [Project], _ item: (Project) -> String?) -> AttributeValue? {
            let items = led.map { item($0) ?? "" }
            return items.allSatisfy(\.isEmpty) ? nil : .list(items)
        }
        nodes = dataset.organizations.map { o in
            let ledList = ledProjects[o.id] ?? []
            let led = ledList.map(\.id)
            var values: [AttributeValue?] = [
                .string(o.name),
                .string(o.fullName),
                .string(o.kind.id),
                o.category.map { .string($0) },
                o.legalForm.map { .string($0) },
                o.prefecture.map { .string($0) },
                o.municipality.map { .string($0) },
                .boolean(o.generic),
                .boolean(!led.isEmpty),
                led.isEmpty ? nil : .list(led),
                parallel(ledList, \.title),
                parallel(ledList, \.prefecture),
                parallel(ledList, \.municipality),
                parallel(ledList, { $0.year.map(String.init) }),
                o.aliases.isEmpty ? nil : .list(o.aliases),
            ]
            let row = metrics?.values[o.id]
            for c in metricColumns {
                if let v = row?[c.name], v.isFinite {
                    values.append(c.type == .integer && v == v.rounded() && abs(v) < 9e15 ? .integer(Int(v)) : .double(v))
                } else {
                    values.append(nil)
                }
            }
            if let positions {
                let p = positions.points[o.id]
                values += [p.map { .double($0.x) }, p.map { .double($0.y) }]
            }
            return Node(id: o.id, label: o.fullName, kind: o.kind, values: values, line: nil)
        }
        edgeRows = .partnerships(dataset)
    }

    /// The table of the dataset ``CompactEdgeList/loadedDataset()`` gives, without building it:
    /// its edges are made from the rows one at a time (the same edges, in the same order).
    public init(compact: CompactEdgeList) {
        self.init(dataset: compact.datasetWithoutPartnerships())
        // Every row is the first row's partnership with its own ends, weight and line.
        edgeRows = .rows(RowEdges(organizations: compact.organizations, sources: compact.sources, targets: compact.targets,
                                  weights: compact.weights, lines: compact.lines, shapeOfRow: nil,
                                  shapes: compact.partnershipCount > 0 ? [compact.partnership(0)] : []))
    }

    /// The table of the dataset ``FolderDatasetLoader`` loads from the folder the fast reader
    /// read, without building it: its edges are made from the rows one at a time (the same
    /// edges, in the same order). Nil when the folder's partnerships have evidence or notes that
    /// the fast reader did not keep (``CompactDatasetFolder/read(folder:vocabulary:keepDetails:)``).
    public init?(folder: CompactDatasetFolder) {
        guard let rows = folder.rowEdges else { return nil }
        self.init(dataset: folder.loaded.dataset)
        edgeRows = .rows(rows)
    }

    /// A table read from a file: rows keyed by attribute name.
    init(metadata: DatasetMetadata, metricColumns: [AttributeSpec],
         nodes: [(id: String, values: [String: AttributeValue], line: Int?)],
         edges: [(id: String, source: String, target: String, values: [String: AttributeValue], line: Int?)]) {
        let nodeSpecs = NetworkTable.organizationAttributes + metricColumns
        self.init(metadata: metadata, metricColumns: metricColumns,
                  nodes: nodes.map { Self.node($0.id, values: $0.values, line: $0.line, specs: nodeSpecs) },
                  edges: edges.map { Self.edge($0.id, source: $0.source, target: $0.target, values: $0.values, line: $0.line) })
    }

    /// A table read from a file, its rows already arranged (``node(_:values:line:specs:)``,
    /// ``edge(_:source:target:values:line:)``).
    init(metadata: DatasetMetadata, metricColumns: [AttributeSpec], nodes: [Node], edges: [Edge]) {
        self.metadata = metadata
        nodeAttributes = NetworkTable.organizationAttributes + metricColumns
        self.nodes = nodes
        self.edges = edges
    }

    /// A node read from a file: values keyed by attribute name, arranged as `specs` (the
    /// ``nodeAttributes``) order them.
    static func node(_ id: String, values: [String: AttributeValue], line: Int?, specs: [AttributeSpec]) -> Node {
        let kind = OrganizationKind(id: values["kind"].map(\.text) ?? OrganizationKind.other.id, english: "", order: 0)
        return Node(id: id, label: values["label"]?.text ?? values["name"]?.text ?? id, kind: kind,
                    values: specs.map { values[$0.name] }, line: line)
    }

    /// A node read from a file whose values are already arranged as ``nodeAttributes`` (the
    /// organisation attributes first, so its kind and label are found by position).
    static func node(_ id: String, row: [AttributeValue?], line: Int?) -> Node {
        let kind = OrganizationKind(id: row[NodeSlot.kind]?.text ?? OrganizationKind.other.id, english: "", order: 0)
        return Node(id: id, label: row[NodeSlot.label]?.text ?? row[NodeSlot.name]?.text ?? id, kind: kind,
                    values: row, line: line)
    }

    /// Positions of the organisation attributes in a node's values (``organizationAttributes``).
    enum NodeSlot {
        static let name = slot("name"), label = slot("label"), kind = slot("kind"), category = slot("category")
        static let legalForm = slot("legal_form"), prefecture = slot("prefecture"), municipality = slot("municipality")
        static let generic = slot("generic"), leadProjects = slot("lead_projects"), titles = slot("lead_project_titles")
        static let prefectures = slot("lead_project_prefectures"), municipalities = slot("lead_project_municipalities")
        static let years = slot("lead_project_years"), aliases = slot("aliases")
        static func slot(_ name: String) -> Int { organizationAttributes.firstIndex { $0.name == name }! }
    }

    /// Positions of the partnership attributes in an edge's values (``partnershipAttributes``).
    enum EdgeSlot {
        static let relations = slot("relations"), labels = slot("relation_labels"), status = slot("status")
        static let weight = slot("weight"), project = slot("project"), evidence = slot("evidence")
        static let direction = slot("direction"), note = slot("note")
        static func slot(_ name: String) -> Int { partnershipAttributes.firstIndex { $0.name == name }! }
        /// Each attribute name's position (the first, as ``slot(_:)`` finds it).
        static let byName: [String: Int] = {
            var out: [String: Int] = [:]
            for (i, a) in partnershipAttributes.enumerated() where out[a.name] == nil { out[a.name] = i }
            return out
        }()
    }

    /// Other tools' directed graphs, read: each edge listed (the edges without a `direction` value)
    /// becomes directed when its own flag says so, or, without one, when the graph's default does.
    /// Edges as a reader meets them, in one part or in two read on two threads (``XMLSplit``):
    /// ids the file leaves out, and the direction of edges without a `direction` value, are
    /// settled once the parts are joined.
    struct ReadEdges {
        private var edges: [Edge] = []
        /// Per edge without a `direction` value: its own directed flag, or nil for the graph's default.
        private var undirected: [(edge: Int, directed: Bool?)] = []
        /// The edges without an id.
        private var unnamed: [Int] = []

        /// Appends an edge; `named`: the file gave its id (else it is `e` + its number);
        /// `directed`: its own flag, used when it has no `direction` value.
        mutating func append(_ edge: Edge, named: Bool, directed: Bool?) {
            if edge.values[EdgeSlot.direction] == nil { undirected.append((edges.count, directed)) }
            if !named { unnamed.append(edges.count) }
            edges.append(edge)
        }

        /// Appends the edges read after these.
        mutating func append(contentsOf other: ReadEdges) {
            let offset = edges.count
            edges += other.edges
            undirected += other.undirected.map { ($0.edge + offset, $0.directed) }
            unnamed += other.unnamed.map { $0 + offset }
        }

        /// The edges, each without an id named `e` + its number, and those without a `direction`
        /// value marked directed by their own flag, else by the graph's default (other tools'
        /// directed graphs).
        consuming func finished(directedByDefault: Bool) -> [Edge] {
            var out = edges
            edges = []
            for k in unnamed { out[k].id = "e\(k)" }
            for (i, flag) in undirected where flag ?? directedByDefault { out[i].values[EdgeSlot.direction] = .string("directed") }
            return out
        }
    }

    /// An edge read from a file: values keyed by attribute name.
    static func edge(_ id: String, source: String, target: String, values: [String: AttributeValue], line: Int?) -> Edge {
        Edge(id: id, source: source, target: target, values: partnershipAttributes.map { values[$0.name] }, line: line)
    }

    /// The value of a named node attribute.
    public func value(_ name: String, of node: Node) -> AttributeValue? {
        guard let i = nodeAttributes.firstIndex(where: { $0.name == name }) else { return nil }
        return node.values[i]
    }

    /// The value of a named edge attribute.
    public func value(_ name: String, of edge: Edge) -> AttributeValue? {
        guard let i = edgeAttributes.firstIndex(where: { $0.name == name }) else { return nil }
        return edge.values[i]
    }

    /// Graph-level metadata as (field, value) pairs, skipping empty ones.
    public var metadataPairs: [(String, String)] {
        var out: [(String, String)] = [("name", metadata.name)]
        if let d = metadata.description { out.append(("description", d)) }
        if let s = metadata.source { out.append(("source", s)) }
        if let l = metadata.licence { out.append(("licence", l)) }
        return out
    }

    /// Number of distinct neighbours of each node (self-loops ignored), in node order.
    /// - Complexity: O(*n* + *m*) expected.
    public func distinctDegrees() -> [Int] {
        var pairs = Set<Int64>()
        var degree = [Int](repeating: 0, count: nodes.count)
        func count(_ s: Int, _ t: Int) {
            guard s != t else { return }
            let key = Int64(min(s, t)) << 32 | Int64(max(s, t))
            if pairs.insert(key).inserted { degree[s] += 1; degree[t] += 1 }
        }
        // The fast reader's rows name the nodes by position (the table's nodes are its
        // organisations, in order).
        if case .rows(let c) = edgeRows, c.organizations.count == nodes.count,
           zip(c.organizations, nodes).allSatisfy({ $0.id == $1.id }) {
            pairs.reserveCapacity(c.count)
            for i in 0..<c.count { count(Int(c.sources[i]), Int(c.targets[i])) }
            return degree
        }
        var position: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { position[n.id] = i }
        func count(_ source: String, _ target: String) {
            guard let s = position[source], let t = position[target] else { return }
            count(s, t)
        }
        switch edgeRows {  // the endpoints only: no edge (or partnership) is made
        case .stored(let edges): for e in edges { count(e.source, e.target) }
        case .partnerships(let d): for p in d.partnerships where Self.isDrawn(p, in: d) { count(p.source, p.target) }
        case .rows(let c): for i in 0..<c.count { count(c.organizations[Int(c.sources[i])].id, c.organizations[Int(c.targets[i])].id) }
        }
        return degree
    }
}

extension NetworkTable {
    /// Decides the metric columns of a file from the attributes it declares that Renkei does not
    /// know: numeric ones become metrics (standard names keep their Japanese header).
    static func metricColumns(from declared: [(name: String, type: AttributeType)]) -> [AttributeSpec] {
        let known = Set(organizationAttributes.map(\.name) + ["id"])
        var out: [AttributeSpec] = []
        for d in declared where !known.contains(d.name) && (d.type == .integer || d.type == .double) {
            guard !out.contains(where: { $0.name == d.name }) else { continue }
            let japanese = NodeMetrics.standardColumns.first(where: { $0.name == d.name })?.japanese ?? d.name
            out.append(AttributeSpec(name: d.name, japanese: japanese, type: d.type))
        }
        return out
    }

    /// Every node attribute's type by name: ``organizationAttributes`` and the `metrics` columns.
    static func nodeTypes(metrics: [AttributeSpec]) -> [String: AttributeType] {
        Dictionary((organizationAttributes + metrics).map { ($0.name, $0.type) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The declared type of a known node attribute, or nil.
    static func nodeType(_ name: String) -> AttributeType? {
        organizationAttributes.first(where: { $0.name == name })?.type
    }

    /// The declared type of a known edge attribute, or nil.
    static func edgeType(_ name: String) -> AttributeType? {
        partnershipAttributes.first(where: { $0.name == name })?.type
    }
}
