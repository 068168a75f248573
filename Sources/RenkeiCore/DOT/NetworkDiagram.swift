import Foundation

extension DiagramWriter {
    /// All projects' partnerships in one picture.
    ///
    /// Every organisation taking part in a project is a node; organisations in two or more projects
    /// (the bridges between projects) get a thick black outline and leads a double outline. Node
    /// size follows ``DiagramOptions/centrality`` (degree when nil; one size for all with
    /// ``DiagramOptions/uniformSize``); in networks larger than
    /// ``DiagramOptions/networkLabelAllLimit`` only the ``DiagramOptions/networkLabelCount`` most
    /// central organisations carry names (ties broken by dataset order). Up to
    /// ``DiagramOptions/networkSFDPThreshold`` nodes the layout is `neato`, above it `sfdp`; both with
    /// overlap removal (`overlap=prism`). Edges are coloured by their most frequent relation and
    /// widen with the number of partnerships.
    /// - Complexity: O(*n* log *n* + *m* log *m*).
    public func networkDOT() -> String { networkDOT(focus: nil) }

    /// The network diagram of this dataset drawn around some organisations (an ego network, a
    /// chain, the changes between two surveys): `focus` sets the title, the engine and root, the
    /// organisations outlined in red and the edges drawn as added (thick green), removed (dashed red) or
    /// changed (thick orange).
    public func focusDOT(_ focus: DiagramFocus) -> String { networkDOT(focus: focus) }

    /// The DOT node name of every organisation ``networkDOT()`` draws, by organisation id: the id
    /// itself, or `n1`, `n2` … when some id cannot be a DOT name of its own. Maps Graphviz's
    /// layout of the network back to organisations.
    public func networkNodeNames() -> [String: String] {
        nodeNames(networkIDs(projectsOf: networkProjects(), edges: pairEdges(dataset.partnerships)))
    }

    /// The projects each organisation leads or partners in.
    func networkProjects() -> [String: Set<String>] {
        var projectsOf: [String: Set<String>] = [:]
        for p in dataset.projects { projectsOf[p.lead, default: []].insert(p.id) }
        for p in dataset.partnerships {
            guard let pr = p.project else { continue }
            projectsOf[p.source, default: []].insert(pr)
            projectsOf[p.target, default: []].insert(pr)
        }
        return projectsOf
    }

    /// The organisations the network diagram draws (leads and everyone in a partnership), in
    /// dataset order.
    func networkIDs(projectsOf: [String: Set<String>], edges: [PairEdge]) -> [String] {
        var present = Set(projectsOf.keys)
        for e in edges { present.insert(e.a); present.insert(e.b) }
        return present.sorted { (position($0), $0) < (position($1), $1) }
    }

    func networkDOT(focus: DiagramFocus?) -> String {
        let edges = pairEdges(dataset.partnerships)
        let projectsOf = networkProjects()
        let ids = networkIDs(projectsOf: projectsOf, edges: edges)
        let names = nodeNames(ids)
        let leads = dataset.leadIDs

        var degree: [String: Double] = [:]
        for e in edges { degree[e.a, default: 0] += 1; degree[e.b, default: 0] += 1 }
        let centrality = options.uniformSize ? degree : (options.centrality ?? degree)
        let size = options.uniformSize ? Dictionary(uniqueKeysWithValues: ids.map { ($0, 0.5) })
                                       : DiagramWriter.normalised(centrality, ids: ids)
        let labelled: Set<String>
        if ids.count <= options.networkLabelAllLimit {
            labelled = Set(ids)
        } else {
            let ranked = ids.sorted { ((-(centrality[$0] ?? 0)), position($0), $0) < ((-(centrality[$1] ?? 0)), position($1), $1) }
            labelled = Set(ranked.prefix(max(0, options.networkLabelCount)))
        }
        let large = ids.count > options.networkSFDPThreshold
        let clustered = options.clusterBy != .none
        let engine = focus?.engine ?? (clustered ? "fdp" : (large ? "sfdp" : "neato"))
        let maxCount = Double(edges.map(\.count).max() ?? 1)

        var b = DOTBuilder()
        b.open("graph " + DOTEscaping.quoted("network"))
        let orgs = ids.map(organization)
        var rows = kindLegend(Array(Set(orgs.map(\.kind))))
        rows += communityLegend(Array(Set(ids.map { options.communities?[$0] ?? -1 })))
        // Edges drawn in a change colour show no relation colour.
        rows += relationLegend(Array(Set(edges.filter { focus?.change(of: $0.a, $0.b) == nil }.compactMap(\.primary))))
        var markers = [markerRow("二重枠", "事業の主催団体")]
        if orgs.contains(where: { !leads.contains($0.id) && (projectsOf[$0.id]?.count ?? 0) >= 2 }) {
            markers.append(markerRow("黒の太枠", "複数の事業に参加する団体（橋渡し）"))
        }
        if orgs.contains(where: \.generic) { markers.append(markerRow("破線の枠", "一般的な連携先（特定の団体でない）")) }
        if edges.contains(where: \.allPlanned) { markers.append(markerRow("破線", "予定の連携")) }
        if !options.uniformSize {
            markers.append(markerRow("大きさ", options.centrality == nil ? "次数（連携先の数）" : (options.centralityName ?? "中心性")))
        }
        markers.append(markerRow("線の太さ", "連携の件数"))
        if let focus {
            if !focus.highlighted.isEmpty { markers.append(markerRow("赤の太枠", focus.highlightMeaning)) }
            if edges.contains(where: { focus.change(of: $0.a, $0.b) == .added }) {
                markers.append(lineRow(DiagramFocus.addedColor, "緑の太線：\(focus.addedMeaning)"))
            }
            if edges.contains(where: { focus.change(of: $0.a, $0.b) == .removed }) {
                markers.append(lineRow(DiagramFocus.removedColor, "赤の破線：\(focus.removedMeaning)"))
            }
            if edges.contains(where: { focus.change(of: $0.a, $0.b) == .changed }) {
                markers.append(lineRow(DiagramFocus.changedColor, "橙の太線：\(focus.changedMeaning)"))
            }
        }
        if labelled.count < ids.count { markers.append(markerRow("名前", "中心性の高い \(labelled.count) 団体のみ表示")) }
        rows += [legendHeading("表示")] + markers
        let title = focus?.title ?? "連携ネットワーク：\(dataset.metadata.name)"
        let subtitle = focus?.subtitle ?? "\(dataset.projects.count) 事業・\(ids.count) 団体・\(edges.count) 組の連携"

        var graph: [(String, DOTValue)] = [
            ("layout", .string(options.engine ?? engine)),
            ("fontname", .string(options.font)), ("fontsize", .number(11)),
            ("label", headerLabel(title: title, subtitle: subtitle, legendRows: rows)),
            ("labelloc", .string("t")), ("labeljust", .string("l")),
            ("bgcolor", .string("white")), ("pad", .string("0.3")),
            ("overlap", .string("prism")), ("outputorder", .string("edgesfirst")),
            ("start", startValue),
        ]
        if let root = focus?.root, let name = names[root] { graph.append(("root", .text(name))) }
        if let rankdir = focus?.rankdir { graph.append(("rankdir", .string(rankdir))) }
        if large { graph += [("splines", .string("false")), ("overlap_scaling", .number(-4))] }
        else { graph += [("splines", .string("true")), ("sep", .string("+6"))] }
        b.defaults("graph", graph)
        commonDefaults(&b)

        writeNodes(&b, ids: ids, names: names) { o in
            let style = DiagramPalette.style(of: o.kind)
            let s = size[o.id] ?? 0
            let isLead = leads.contains(o.id)
            let bridge = !isLead && (projectsOf[o.id]?.count ?? 0) >= 2
            var a: [(String, DOTValue)] = [("shape", .string(style.shape)), ("fillcolor", .string(fill(of: o))),
                                           ("style", .string(nodeStyle(of: o, bold: isLead)))]
            if labelled.contains(o.id) {
                a.insert(("label", .text(o.name)), at: 0)
                a.append(("fontsize", .number(9 + 9 * s)))
            } else {
                a.insert(("label", .string("")), at: 0)
                let w = 0.15 + 0.45 * s.squareRoot()
                a += [("width", .number(w)), ("height", .number(w)), ("fixedsize", .string("true"))]
                a.append(("tooltip", .text(o.name)))
            }
            if isLead { a += [("peripheries", .number(2)), ("penwidth", .number(2))] }
            if bridge { a += [("color", .string("#000000")), ("penwidth", .number(large ? 1.5 : 3))] }
            if focus?.highlighted.contains(o.id) == true {
                a += [("color", .string(DiagramFocus.removedColor)), ("penwidth", .number(4))]
            }
            return a
        }
        let alpha = edges.count > 300 ? "99" : ""
        for e in edges {
            var a: [(String, DOTValue)] = [
                ("color", .string((e.primary.map { DiagramPalette.style(of: $0).color } ?? "#555555") + alpha)),
                ("penwidth", .number(0.8 + 2.5 * log2(1 + Double(e.count)) / log2(1 + maxCount))),
                ("tooltip", .text(e.relations.map(\.japanese).joined(separator: "・"))),
            ]
            if e.allPlanned { a.append(("style", .string("dashed"))) }
            switch focus?.change(of: e.a, e.b) {
            case .added?: a[0].1 = .string(DiagramFocus.addedColor); a[1].1 = .number(4)
            case .removed?: a[0].1 = .string(DiagramFocus.removedColor); a[1].1 = .number(2.5)
                a.removeAll { $0.0 == "style" }; a.append(("style", .string("dashed")))
            case .changed?: a[0].1 = .string(DiagramFocus.changedColor); a[1].1 = .number(3.5)
            default: break
            }
            b.edge(names[e.a]!, names[e.b]!, a)
        }
        b.close()
        return b.text
    }
}

/// How ``DiagramWriter/focusDOT(_:)`` draws a network around some organisations.
public struct DiagramFocus: Sendable, Equatable {
    /// How an edge differs between two versions of a network.
    public enum EdgeChange: Sendable, Equatable { case added, removed, changed }

    /// Colour of added edges (Tol's bright green) and of removed ones and the highlight outline
    /// (Tol's bright red).
    public static let addedColor = "#228833"
    public static let removedColor = "#EE6677"
    /// Colour of edges present in both versions whose relations or status changed (Tol's vibrant
    /// orange, which no relation colour is near).
    public static let changedColor = "#EE7733"

    public var title: String
    public var subtitle: String?
    /// Organisation ids outlined in red, and what the outline means in the legend.
    public var highlighted: Set<String>
    public var highlightMeaning: String
    /// Layout engine (nil: the network's own choice), the twopi root and the dot rank direction.
    public var engine: String?
    public var root: String?
    public var rankdir: String?
    /// Edge changes by unordered pair of organisation ids (see ``pairKey(_:_:)``).
    public var changes: [String: EdgeChange]
    public var addedMeaning: String
    public var removedMeaning: String
    public var changedMeaning: String

    public init(title: String, subtitle: String? = nil, highlighted: Set<String> = [], highlightMeaning: String = "中心の団体",
                engine: String? = nil, root: String? = nil, rankdir: String? = nil, changes: [String: EdgeChange] = [:],
                addedMeaning: String = "新しい連携", removedMeaning: String = "なくなった連携",
                changedMeaning: String = "内容が変わった連携") {
        self.title = title
        self.subtitle = subtitle
        self.highlighted = highlighted
        self.highlightMeaning = highlightMeaning
        self.engine = engine
        self.root = root
        self.rankdir = rankdir
        self.changes = changes
        self.addedMeaning = addedMeaning
        self.removedMeaning = removedMeaning
        self.changedMeaning = changedMeaning
    }

    /// The key of an unordered pair of organisation ids.
    public static func pairKey(_ a: String, _ b: String) -> String { a < b ? a + "\u{0}" + b : b + "\u{0}" + a }

    func change(of a: String, _ b: String) -> EdgeChange? { changes[DiagramFocus.pairKey(a, b)] }
}
