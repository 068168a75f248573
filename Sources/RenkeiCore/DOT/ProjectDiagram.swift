extension DiagramWriter {
    /// One project's partnership diagram (連携図).
    ///
    /// The lead organisation sits in the centre (`twopi` with the lead as `root`), partners around it
    /// in kind order so that each kind forms a sector of the circle. Each pair of organisations gets
    /// one edge labelled with what they did (会場提供, 後援 …); an edge with several relations is
    /// drawn as parallel strands, one colour per relation. With clustering the layout switches to
    /// `fdp`, which draws clusters.
    /// - Throws: ``DiagramError/unknownProject(_:suggestion:)``.
    /// - Complexity: O(*p* log *p*) for the project's *p* partnerships.
    public func projectDOT(id: String) throws -> String {
        guard let project = dataset.project(id: id) else {
            let ids = dataset.projects.map(\.id)
            throw DiagramError.unknownProject(id, suggestion: closest(to: id, among: ids))
        }
        return projectDOT(project, partnerships: dataset.partnerships(ofProject: id))
    }

    /// Every project's diagram, in dataset order: ``projectDOT(id:)`` for each project, with the
    /// partnerships grouped by project in one pass instead of one scan per project.
    /// - Complexity: O(*P* log *P*) for all *P* partnerships.
    public func allProjectDOTs() -> [(id: String, dot: String)] {
        var byProject: [String: [Partnership]] = [:]
        for p in dataset.partnerships { if let id = p.project { byProject[id, default: []].append(p) } }
        return dataset.projects.map { ($0.id, projectDOT($0, partnerships: byProject[$0.id] ?? [])) }
    }

    /// The diagram of `project` drawn from its `partnerships`.
    func projectDOT(_ project: Project, partnerships: [Partnership]) -> String {
        let edges = pairEdges(partnerships)
        let lead = organization(project.lead)

        // Participants: the lead, then partners in kind order, then name.
        var partnerIDs = Set<String>()
        for p in partnerships { partnerIDs.insert(p.source); partnerIDs.insert(p.target) }
        partnerIDs.remove(lead.id)
        let partners = partnerIDs.map(organization).sorted {
            ($0.kind, $0.name, $0.id) < ($1.kind, $1.name, $1.id)
        }
        let ids = [lead.id] + partners.map(\.id)
        let names = nodeNames(ids)
        let size = options.uniformSize ? nil : options.centrality.map { DiagramWriter.normalised($0, ids: ids) }
        let clustered = options.clusterBy != .none

        var b = DOTBuilder()
        b.open("graph " + DOTEscaping.quoted("project-" + project.id))
        let usedKinds = Array(Set(([lead] + partners).map(\.kind)))
        var rows = kindLegend(usedKinds)
        rows += communityLegend(Array(Set(ids.map { options.communities?[$0] ?? -1 })))
        let relations = Array(Set(edges.flatMap(\.relations)))
        rows += relationLegend(relations)
        var markers = [markerRow("二重枠", "主催団体（\(lead.kind.id)）")]
        if partners.contains(where: \.generic) { markers.append(markerRow("破線の枠", "一般的な連携先（特定の団体でない）")) }
        if edges.contains(where: \.allPlanned) { markers.append(markerRow("破線", "予定の連携")) }
        if edges.contains(where: { $0.direction != nil }) { markers.append(markerRow("矢印", "一方向の連携")) }
        if size != nil { markers.append(markerRow("大きさ", options.centralityName ?? "中心性")) }
        rows += [legendHeading("表示")] + markers

        var subtitle = "主催：\(lead.fullName)"
        let place = [project.prefecture, project.municipality].compactMap { $0 }.joined()
        if !place.isEmpty { subtitle += "　地域：\(place)" }
        if let year = project.year { subtitle += "　\(year)年度" }
        subtitle += "　連携先 \(partners.count) 団体"
        b.defaults("graph", [
            ("layout", .string(options.engine ?? (clustered ? "fdp" : "twopi"))),
            ("fontname", .string(options.font)), ("fontsize", .number(11)),
            ("label", headerLabel(title: "連携図：\(project.title)", subtitle: subtitle, legendRows: rows)),
            ("labelloc", .string("t")), ("labeljust", .string("l")),
            ("bgcolor", .string("white")), ("pad", .string("0.3")),
            // Overlap removal without shrinking: twopi's ring radius (ranksep) survives, so edge
            // labels keep room between the lead and its partners.
            ("overlap", .string("false")), ("overlap_shrink", .string("false")), ("splines", .string("true")),
            ("outputorder", .string("edgesfirst")),
        ] + (clustered ? [("start", startValue)] as [(String, DOTValue)]
             : [("root", .string(names[lead.id]!)), ("ranksep", .number(ringRadius(leadName: lead.name)))]))
        commonDefaults(&b)

        writeNodes(&b, ids: ids, names: names) { o in
            let style = DiagramPalette.style(of: o.kind)
            var a: [(String, DOTValue)] = [("label", .text(o.name)), ("shape", .string(style.shape)),
                                           ("fillcolor", .string(fill(of: o)))]
            if o.id == lead.id {
                a += [("style", .string(nodeStyle(of: o, bold: true))), ("peripheries", .number(2)),
                      ("penwidth", .number(2)), ("fontsize", .number(15))]
            } else {
                a.append(("style", .string(nodeStyle(of: o))))
                if let s = size?[o.id] { a.append(("fontsize", .number(10 + 8 * s))) }
            }
            return a
        }
        for e in edges {
            let colors = e.relations.map { DiagramPalette.style(of: $0).color }
            var a: [(String, DOTValue)] = [
                ("label", .text(e.relations.map(\.japanese).joined(separator: "\n"))),
                ("color", .string(colors.isEmpty ? "#555555" : colors.joined(separator: ":"))),
                ("penwidth", .number(e.relations.count > 1 ? 1.5 : 2)),
            ]
            if e.allPlanned { a.append(("style", .string("dashed"))) }
            var (tail, head) = (e.a, e.b)
            if let d = e.direction {
                (tail, head) = d
                a.append(("dir", .string("forward")))
            }
            b.edge(names[tail]!, names[head]!, a)
        }
        b.close()
        return b.text
    }

    /// The distance (inches) from the lead to the ring of partners: half the lead's width (about
    /// 0.21 in per character at 15 pt) plus room for edge labels (2.2 in), at least 2.6.
    func ringRadius(leadName: String) -> Double {
        let width = 0.21 * Double(leadName.count) + 0.6
        return max(2.6, (width / 2 + 2.2) * 10).rounded() / 10
    }
}
