import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// One organisation's partners and their partners (`renkei ego`).
public struct EgoRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    /// The organisation: an id, a name or an alias.
    public var organization: String
    /// 1: its partners; 2: their partners too.
    public var depth: Int
    public var fonts: JapaneseFonts

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), organization: String, depth: Int = 1,
                fonts: JapaneseFonts = .system) {
        self.input = input
        self.selection = selection
        self.organization = organization
        self.depth = depth
        self.fonts = fonts
    }

    /// - Throws: `InputError`, ``RequestError`` (unknown or ambiguous organisation, bad depth).
    public func run() throws -> EgoReport {
        guard depth >= 1 else { throw RequestError("the depth must be at least 1 (got \(depth))") }
        let g = try OrganizationGraph.load(input, selection: selection)
        let center = try OrganizationLookup.vertex(named: organization, in: g)
        let members = g.graph.egoNetwork(of: center, radius: depth)
        let filter = try g.filter(selection, path: input.path)
        let inside = Set(members.map(\.node))
        var edges: [EgoReport.Edge] = []
        for (u, v, _) in g.graph.edges where inside.contains(u) && inside.contains(v) {
            let d = g.partnershipDetails(g.graph.labels[u.int], g.graph.labels[v.int], filter: filter)
            edges.append(EgoReport.Edge(source: u, target: v, relations: d.relations, projects: d.projects))
        }
        return EgoReport(graph: g, filter: filter, center: center, depth: depth, members: members, edges: edges, fonts: fonts)
    }
}

/// The ego network of one organisation.
public struct EgoReport: Sendable {
    public struct Edge: Sendable, Equatable {
        public var source: NodeIndex
        public var target: NodeIndex
        /// Japanese relation labels.
        public var relations: [String]
        /// Project ids.
        public var projects: [String]
    }

    public var graph: OrganizationGraph
    var filter: GraphFilter
    public var center: NodeIndex
    public var depth: Int
    /// The centre (depth 0) and every organisation within the depth, by depth then vertex order.
    public var members: [EgoMember]
    /// Every partnered pair among the members.
    public var edges: [Edge]
    var fonts: JapaneseFonts

    func node(_ v: NodeIndex) -> [(String, JSONValue)] {
        [("id", .string(graph.graph.labels[v.int])), ("name", .string(graph.names[v.int])), ("kind", .string(graph.kinds[v.int]))]
    }

    /// `center`, `nodes` (`id`, `name`, `kind`, `depth`) and `edges` (`source`, `target`, `relations`, `projects`).
    public var json: JSONValue {
        .object([
            ("center", .object(node(center))),
            ("nodes", .array(members.map { .object(node($0.node) + [("depth", .int($0.depth))]) })),
            ("edges", .array(edges.map { e in .object([
                ("source", .string(graph.graph.labels[e.source.int])), ("target", .string(graph.graph.labels[e.target.int])),
                ("relations", .array(e.relations.map(JSONValue.string))), ("projects", .array(e.projects.map(JSONValue.string))),
            ]) })),
        ])
    }

    /// One row per member: `id, name, kind, depth, via, relations, projects` — for a partner, its
    /// partnerships with the centre; for a partner's partner, the depth-1 partners it is reached through.
    public var table: ReportTable {
        var table = ReportTable(columns: ["id", "name", "kind", "depth", "via", "relations", "projects"],
                                title: "\(graph.names[center.int]) の連携（深さ \(depth)）")
        table.headers = ["projects": "事業"]
        let depthOf = Dictionary(uniqueKeysWithValues: members.map { ($0.node, $0.depth) })
        for m in members {
            let v = m.node
            let toward = edges.filter { ($0.source == v && depthOf[$0.target] == m.depth - 1) || ($0.target == v && depthOf[$0.source] == m.depth - 1) }
            let via = toward.map { $0.source == v ? $0.target : $0.source }.sorted().map { graph.names[$0.int] }
            let relations = Set(toward.flatMap(\.relations)).sorted(), projects = Set(toward.flatMap(\.projects)).sorted()
            table.append([.text(graph.graph.labels[v.int]), .text(graph.names[v.int]), .text(graph.kinds[v.int]), .integer(m.depth),
                          .text(m.depth <= 1 ? "" : via.joined(separator: "; ")),
                          .text(relations.joined(separator: "; ")), .text(projects.joined(separator: "; "))])
        }
        return table
    }

    /// The report, or a diagram centred on the organisation (twopi, rooted at it).
    /// - Throws: ``RequestError`` for a diagram of a plain edge list; `RenderError`.
    public func output(_ format: QuestionFormat) throws -> QuestionOutput {
        switch format {
        case .report(let r):
            return QuestionOutput.report(r, json: json, table: table)
        case .diagram(let f):
            let dataset = try QuestionDiagram.dataset(of: graph)
            let ids = Set(members.map { graph.graph.labels[$0.node.int] })
            let name = graph.names[center.int], id = graph.graph.labels[center.int]
            let focus = DiagramFocus(title: "\(name) の連携（深さ \(depth)）",
                                     subtitle: "\(members.count - 1) 団体・\(edges.count) 組の連携", highlighted: [id],
                                     highlightMeaning: "中心の団体", engine: "twopi", root: id)
            return try QuestionDiagram.render(QuestionDiagram.subset(of: dataset, ids: ids, filter: filter), focus: focus, format: f, fonts: fonts)
        }
    }
}
