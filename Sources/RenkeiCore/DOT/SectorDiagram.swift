extension DiagramWriter {
    /// The sector summary: kinds as nodes, an edge between two kinds weighted by the number of
    /// partnerships between their organisations (a loop for partnerships within a kind), node size
    /// by the number of projects that partner with an organisation of the kind (a partner is any
    /// end of a project's partnership other than the project's lead). Laid out with `circo`.
    /// - Complexity: O(*m* + *k*²) for *m* partnerships and *k* kinds.
    public func sectorsDOT() -> String {
        var pairCount: [KindPair: Int] = [:]
        var projectsOf: [OrganizationKind: Set<String>] = [:]
        var used = Set<OrganizationKind>()
        var leadOf: [String: String] = [:]
        for p in dataset.projects { leadOf[p.id] = p.lead }
        for p in dataset.partnerships where p.source != p.target {
            let ks = organization(p.source).kind, kt = organization(p.target).kind
            used.insert(ks); used.insert(kt)
            pairCount[KindPair(ks, kt), default: 0] += 1
            if let pr = p.project {
                for id in [p.source, p.target] where id != leadOf[pr] {
                    projectsOf[organization(id).kind, default: []].insert(pr)
                }
            }
        }
        let kinds = used.sorted()
        let maxProjects = Double(kinds.map { projectsOf[$0]?.count ?? 0 }.max() ?? 0)
        let maxPairs = Double(pairCount.values.max() ?? 1)

        var b = DOTBuilder()
        b.open("graph " + DOTEscaping.quoted("sectors"))
        var rows = kindLegend(kinds)
        rows += [legendHeading("表示"),
                 markerRow("大きさ", "その種別と連携した事業の数"),
                 markerRow("線の太さ", "種別間の連携の件数")]
        b.defaults("graph", [
            ("layout", .string(options.engine ?? "circo")),
            ("fontname", .string(options.font)), ("fontsize", .number(11)),
            ("label", headerLabel(title: "分野別の連携：\(dataset.metadata.name)",
                                  subtitle: "\(dataset.projects.count) 事業・\(dataset.partnerships.count) 件の連携",
                                  legendRows: rows)),
            ("labelloc", .string("t")), ("labeljust", .string("l")),
            ("bgcolor", .string("white")), ("pad", .string("0.3")),
            // No `mindist`: circo in Graphviz 2.43 keeps that attribute's symbol between graphs and
            // crashes on the next circo layout in the same process.
            ("splines", .string("true")),
            ("outputorder", .string("edgesfirst")),
        ])
        commonDefaults(&b)
        for k in kinds {
            let style = DiagramPalette.style(of: k)
            let n = projectsOf[k]?.count ?? 0
            let s = maxProjects > 0 ? Double(n) / maxProjects : 0
            var words = ["filled"]
            if !style.extraStyle.isEmpty { words.append(style.extraStyle) }
            b.node("kind:" + k.id, [
                ("label", .text("\(k.id)\n\(n) 事業")), ("shape", .string(style.shape)),
                ("fillcolor", .string(style.fill)), ("style", .string(words.joined(separator: ","))),
                ("width", .number(0.9 + 1.4 * s.squareRoot())), ("height", .number(0.5 + 0.9 * s.squareRoot())),
                ("fontsize", .number(11 + 7 * s)),
            ])
        }
        for (pair, count) in pairCount.sorted(by: { $0.key < $1.key }) {
            b.edge("kind:" + pair.a.id, "kind:" + pair.b.id, [
                ("label", .text("\(count) 件")),
                ("penwidth", .number(1 + 7 * Double(count) / maxPairs)),
                ("color", .string("#55555599")),
            ])
        }
        b.close()
        return b.text
    }
}

/// An unordered pair of kinds, smaller first.
struct KindPair: Hashable, Comparable {
    let a: OrganizationKind
    let b: OrganizationKind
    init(_ x: OrganizationKind, _ y: OrganizationKind) { (a, b) = x <= y ? (x, y) : (y, x) }
    static func < (l: KindPair, r: KindPair) -> Bool { (l.a, l.b) < (r.a, r.b) }
}
