/// What fills the organisation nodes of a diagram.
public enum DiagramColoring: String, Sendable, CaseIterable {
    /// Fill colour by kind (社協, 行政 …).
    case kind
    /// Fill colour by community (from ``DiagramOptions/communities``); kind still shows as shape.
    case community
}

/// How organisation nodes are grouped into boxes (Graphviz clusters).
public enum DiagramClustering: String, Sendable, CaseIterable {
    /// One cluster per kind, labelled with the kind.
    case kind
    /// One cluster per community (「コミュニティ N」), unassigned organisations in 「未分類」.
    case community
    /// No clusters.
    case none
}

/// Settings shared by every diagram.
public struct DiagramOptions: Sendable, Equatable {
    /// The default font family: a Japanese font shipped by Debian's `fonts-noto-cjk`.
    public static let defaultFont = "Noto Sans CJK JP"

    /// Font family for every text in the picture.
    public var font: String
    /// What fills organisation nodes (kind colours by default).
    public var colorBy: DiagramColoring
    /// How organisation nodes are boxed into clusters (none by default).
    public var clusterBy: DiagramClustering
    /// Community number per organisation id, used by `.community` colouring and clustering.
    /// Organisations missing from the map form community `-1` (drawn white, clustered as 「未分類」).
    public var communities: [String: Int]?
    /// A centrality value per organisation id; sets node size (and, in the network, which nodes
    /// carry labels). Nil: the network diagram uses degree; the project diagram uses equal sizes.
    public var centrality: [String: Double]?
    /// Japanese name of the centrality, shown in the legend (「次数」 when nil).
    public var centralityName: String?
    /// Draw every organisation at one size (`renkei render --size-by none`), ignoring
    /// ``centrality``; in large networks the labelled organisations are still chosen by degree.
    public var uniformSize: Bool
    /// Seed for the layout engines' random start (`start=randomN`).
    public var seed: UInt64
    /// In network diagrams larger than ``networkLabelAllLimit`` nodes, how many of the most
    /// central organisations carry a name.
    public var networkLabelCount: Int
    /// Network diagrams up to this many nodes label every organisation.
    public var networkLabelAllLimit: Int
    /// Networks with more nodes than this are laid out with `sfdp` instead of `neato`.
    public var networkSFDPThreshold: Int
    /// Layout engine written into the DOT (`layout=`) instead of each diagram's own choice.
    public var engine: String?

    /// Options with the defaults every command uses unless told otherwise.
    public init(font: String = DiagramOptions.defaultFont, colorBy: DiagramColoring = .kind,
                clusterBy: DiagramClustering = .none, communities: [String: Int]? = nil,
                centrality: [String: Double]? = nil, centralityName: String? = nil, seed: UInt64 = 1,
                networkLabelCount: Int = 40, networkLabelAllLimit: Int = 80, networkSFDPThreshold: Int = 150,
                engine: String? = nil, uniformSize: Bool = false) {
        self.font = font
        self.colorBy = colorBy
        self.clusterBy = clusterBy
        self.communities = communities
        self.centrality = centrality
        self.centralityName = centralityName
        self.seed = seed
        self.networkLabelCount = networkLabelCount
        self.networkLabelAllLimit = networkLabelAllLimit
        self.networkSFDPThreshold = networkSFDPThreshold
        self.engine = engine
        self.uniformSize = uniformSize
    }
}

/// Why a diagram cannot be drawn.
public enum DiagramError: RenkeiError, Equatable {
    case unknownProject(String, suggestion: String?)

    /// The message shown to the user (English, like every CLI error).
    public var description: String {
        switch self {
        case let .unknownProject(id, suggestion):
            return "unknown project '\(id)'" + Suggestion.didYouMean(suggestion)
        }
    }
}

/// Writes the three partnership diagrams (連携図) of a dataset as DOT text.
///
/// Output is deterministic: nodes follow the dataset's order (or kind order where grouping
/// matters), edges follow their end points, and every number is printed with fixed decimals.
public struct DiagramWriter: Sendable {
    /// The dataset drawn.
    public var dataset: Dataset
    /// Font, colouring, clustering, sizes and seed.
    public var options: DiagramOptions

    /// A writer for one dataset with the given options.
    public init(dataset: Dataset, options: DiagramOptions = DiagramOptions()) {
        self.dataset = dataset
        self.options = options
    }

    // MARK: - Shared pieces

    /// An organisation by id, or a placeholder of kind その他 for an id the dataset lacks.
    func organization(_ id: String) -> Organization {
        dataset.organization(id: id) ?? Organization(id: id, name: id, kind: .other)
    }

    /// Position used to order organisations: dataset order, unknown ids last.
    func position(_ id: String) -> Int { dataset.organizationPosition(id: id) ?? Int.max }

    /// One drawn edge: every partnership between the same two organisations.
    struct PairEdge {
        var a: String
        var b: String
        var relationCounts: [RelationKind: Int] = [:]
        var count = 0
        var allPlanned = true
        /// Non-nil when every partnership is directed the same way: (source, target).
        var direction: (String, String)?
        var mixedDirection = false

        var relations: [RelationKind] { relationCounts.keys.sorted() }

        /// The relation drawn as the edge's colour: the most frequent, then the first in order.
        var primary: RelationKind? {
            relationCounts.min { l, r in l.value != r.value ? l.value > r.value : l.key < r.key }?.key
        }
    }

    /// Groups partnerships into one edge per unordered pair, in a stable order.
    func pairEdges(_ partnerships: [Partnership]) -> [PairEdge] {
        var edges: [String: PairEdge] = [:]
        var order: [String] = []
        for p in partnerships where p.source != p.target {
            let (a, b) = (position(p.source), p.source) <= (position(p.target), p.target)
                ? (p.source, p.target) : (p.target, p.source)
            let key = a + "\u{0}" + b
            var e = edges[key] ?? { order.append(key); return PairEdge(a: a, b: b) }()
            e.count += 1
            for r in p.relations { e.relationCounts[r, default: 0] += 1 }
            if p.status != .planned { e.allPlanned = false }
            if p.direction == .directed && !e.mixedDirection {
                if e.count == 1 { e.direction = (p.source, p.target) }
                else if let d = e.direction, d.0 != p.source || d.1 != p.target {
                    e.direction = nil
                    e.mixedDirection = true
                }
            } else {
                e.direction = nil
                e.mixedDirection = true
            }
            edges[key] = e
        }
        return order.map { edges[$0]! }.sorted {
            (position($0.a), $0.a, position($0.b), $0.b) < (position($1.a), $1.a, position($1.b), $1.b)
        }
    }

    /// Fill colour of an organisation under the chosen colouring.
    func fill(of o: Organization) -> String {
        switch options.colorBy {
        case .kind: return DiagramPalette.style(of: o.kind).fill
        case .community:
            guard let c = options.communities?[o.id] else { return "#FFFFFF" }
            return DiagramPalette.communityColor(c)
        }
    }

    /// Node style words for an organisation.
    func nodeStyle(of o: Organization, bold: Bool = false) -> String {
        var words = ["filled"]
        let extra = DiagramPalette.style(of: o.kind).extraStyle
        if !extra.isEmpty { words.append(extra) }
        if o.generic { words.append("dashed") }
        if bold { words.append("bold") }
        return words.joined(separator: ",")
    }

    /// Graph, node and edge defaults every diagram shares.
    func commonDefaults(_ b: inout DOTBuilder) {
        b.defaults("node", [("fontname", .string(options.font)), ("fontsize", .number(11)),
                            ("style", .string("filled")), ("color", .string("#333333")),
                            ("margin", .string("0.12,0.06"))])
        b.defaults("edge", [("fontname", .string(options.font)), ("fontsize", .number(9)),
                            ("fontcolor", .string("#333333")), ("dir", .string("none"))])
    }

    /// Unique, readable DOT node names: the organisation ids, or `n1`, `n2` … for all nodes when
    /// an id cannot be carried exactly by DOT (``DOTEscaping/canRepresent(_:)``).
    func nodeNames(_ ids: [String]) -> [String: String] {
        var seen = Set<String>()
        var clash = false
        for id in ids where !DOTEscaping.canRepresent(id) || !seen.insert(DOTEscaping.quoted(id)).inserted { clash = true }
        var names: [String: String] = [:]
        for (i, id) in ids.enumerated() { names[id] = clash ? "n\(i + 1)" : id }
        return names
    }

    /// The group an organisation is clustered in, with its label, or nil when not clustering.
    func clusterKey(of o: Organization) -> (sortKey: Int, id: String, label: String)? {
        switch options.clusterBy {
        case .none: return nil
        case .kind: return (o.kind.order, "kind_\(o.kind.order)", o.kind.id)
        case .community:
            let c = options.communities?[o.id] ?? -1
            return (c == -1 ? Int.max : c, c == -1 ? "community_none" : "community_\(c)",
                    c == -1 ? "未分類" : "コミュニティ \(c)")
        }
    }

    /// Writes node statements, inside clusters when clustering; `attributes` gives each node's.
    func writeNodes(_ b: inout DOTBuilder, ids: [String], names: [String: String],
                    attributes: (Organization) -> [(String, DOTValue)]) {
        let orgs = ids.map(organization)
        if options.clusterBy == .none {
            for o in orgs { b.node(names[o.id]!, attributes(o)) }
            return
        }
        var groups: [String: (Int, String, [Organization])] = [:]
        for o in orgs {
            let k = clusterKey(of: o)!
            groups[k.id, default: (k.sortKey, k.label, [])].2.append(o)
        }
        for (id, g) in groups.sorted(by: { ($0.value.0, $0.key) < ($1.value.0, $1.key) }) {
            b.open("subgraph " + DOTEscaping.quoted("cluster_" + id))
            b.defaults("graph", [("label", .text(g.1)), ("style", .string("rounded,dashed")),
                                 ("color", .string("#888888")), ("fontsize", .number(12))])
            for o in g.2 { b.node(names[o.id]!, attributes(o)) }
            b.close()
        }
    }

    /// The graph label: title and subtitle on the left, the legend (凡例) on their right, as one
    /// HTML-like table. Side by side, because Graphviz stretches a nested table to the width of
    /// its column, which a long subtitle above it would set.
    ///
    /// Written to keep libgvc 2.43 from leaking (measured with valgrind): every table is one row
    /// or one column (two-dimensional tables are sized through temporary graphs it never fully
    /// frees, `sizeArray`/`makeGraphs`), and only the title and subtitle use `<FONT>` (each `<FONT>` element
    /// leaks about 120 bytes per rendering in `htmlparse`; `<B>` leaks too). Colour samples are
    /// coloured cell borders and sizes come from the graph's `fontsize`. What remains is a leak of
    /// about 72 bytes per text item inside libgvc's `htmlparse`, which no caller can free.
    func headerLabel(title: String, subtitle: String?, legendRows: [String]) -> DOTValue {
        var h = "\n<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"2\">\n<TR>"
        h += "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\" FACE=\"\(boldFace)\">\(DOTEscaping.html(title))</FONT>"
        if let subtitle { h += "<BR/><BR/><FONT POINT-SIZE=\"11\">\(DOTEscaping.html(subtitle))</FONT>" }
        h += "</TD>\n"
        if !legendRows.isEmpty {
            h += "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">\n"
            h += "<TR><TD ALIGN=\"LEFT\">凡例</TD></TR>\n"
            h += legendRows.joined()
            h += "</TABLE></TD>\n"
        }
        h += "</TR></TABLE>\n"
        return .html(h)
    }

    /// The bold face of the diagram font, for the title (HTML `<B>` leaks in libgvc 2.43).
    var boldFace: String { DOTEscaping.html(options.font + " Bold") }

    /// A legend section heading: 【種別（色・形）】.
    func legendHeading(_ text: String) -> String {
        "<TR><TD ALIGN=\"LEFT\">\(DOTEscaping.html("【" + text + "】"))</TD></TR>\n"
    }

    /// A legend row for a fill colour: the text with a bar of the colour on its left (a thin
    /// grey frame for white).
    func swatchRow(_ color: String, _ text: String) -> String {
        let cell = color == "#FFFFFF" ? "BORDER=\"1\" COLOR=\"#777777\"" : "BORDER=\"3\" SIDES=\"L\" COLOR=\"\(color)\""
        return "<TR><TD ALIGN=\"LEFT\" \(cell)>\(DOTEscaping.html(text))</TD></TR>\n"
    }

    /// A legend row for a line colour: the text underlined in the colour.
    func lineRow(_ color: String, _ text: String) -> String {
        "<TR><TD ALIGN=\"LEFT\" BORDER=\"3\" SIDES=\"B\" COLOR=\"\(color)\">\(DOTEscaping.html(text))</TD></TR>\n"
    }

    /// Legend rows for the kinds drawn, by colour (when colouring by kind) and shape.
    func kindLegend(_ kinds: [OrganizationKind]) -> [String] {
        guard !kinds.isEmpty else { return [] }
        var rows = [legendHeading(options.colorBy == .kind ? "種別（色・形）" : "種別（形）")]
        for k in kinds.sorted() {
            let s = DiagramPalette.style(of: k)
            let color = options.colorBy == .kind ? s.fill : "#FFFFFF"
            rows.append(swatchRow(color, "\(k.id)（\(s.shapeJapanese)）"))
        }
        return rows
    }

    /// Legend rows for the communities drawn (community colouring).
    func communityLegend(_ communities: [Int]) -> [String] {
        guard options.colorBy == .community, !communities.isEmpty else { return [] }
        var rows = [legendHeading("コミュニティ（色）")]
        for c in communities.sorted() {
            let color = c == -1 ? "#FFFFFF" : DiagramPalette.communityColor(c)
            rows.append(swatchRow(color, c == -1 ? "未分類" : "コミュニティ \(c)"))
        }
        return rows
    }

    /// Legend rows for the relations whose colours are drawn.
    func relationLegend(_ relations: [RelationKind]) -> [String] {
        guard !relations.isEmpty else { return [] }
        var rows = [legendHeading("連携の内容（線の色）")]
        for r in relations.sorted() {
            let c = DiagramPalette.style(of: r).color
            rows.append(lineRow(c, r.japanese))
        }
        return rows
    }

    /// A legend row explaining a marker (二重枠, 破線 …): 「二重枠：主催団体」.
    func markerRow(_ sample: String, _ text: String) -> String {
        "<TR><TD ALIGN=\"LEFT\">\(DOTEscaping.html(sample + "：" + text))</TD></TR>\n"
    }

    /// The `start` attribute that seeds neato, fdp and sfdp.
    var startValue: DOTValue { .string("random\(options.seed)") }

    /// Scales a centrality to 0…1 by the largest value.
    static func normalised(_ values: [String: Double], ids: [String]) -> [String: Double] {
        let maxValue = ids.compactMap { values[$0] }.filter(\.isFinite).max() ?? 0
        var out: [String: Double] = [:]
        for id in ids {
            let v = values[id] ?? 0
            out[id] = maxValue > 0 && v.isFinite ? max(0, v) / maxValue : 0
        }
        return out
    }
}
