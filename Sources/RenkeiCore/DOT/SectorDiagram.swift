extension DiagramWriter {
    /// The sector summary: kinds as nodes, an edge between two kinds weighted by the number of
    /// partnerships between their organisations (a loop for partnerships within a kind;
    /// ``SectorGraph``, as `renkei projection --view sectors`), node size by the number of
    /// projects that partner with an organisation of the kind (``FrequentPartners`` by kind, as
    /// `renkei partners`: a partner is any end of a project's partnership other than the
    /// project's lead). Laid out with `circo`.
    /// - Complexity: O(*m* log *m* + *k*²) for *m* partnerships and *k* kinds.
    public func sectorsDOT() -> String {
        let sectors = SectorGraph(dataset: dataset)
        var projectsOf: [String: Int] = [:]
        for row in FrequentPartners(dataset: dataset, by: .kind).rows { projectsOf[row.key] = row.projects }
        let kinds = sectors.kinds
        let maxProjects = Double(kinds.map { projectsOf[$0.id] ?? 0 }.max() ?? 0)
        let maxPairs = Double(sectors.partnerships.joined().max() ?? 1)

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
            let n = projectsOf[k.id] ?? 0
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
        for i in kinds.indices {
            for j in i..<kinds.count where sectors.partnerships[i][j] > 0 {
                let count = sectors.partnerships[i][j]
                b.edge("kind:" + kinds[i].id, "kind:" + kinds[j].id, [
                    ("label", .text("\(count) 件")),
                    ("penwidth", .number(1 + 7 * Double(count) / maxPairs)),
                    ("color", .string("#55555599")),
                ])
            }
        }
        b.close()
        return b.text
    }
}
