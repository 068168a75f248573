import RenkeiCore

/// The counts `renkei stats` reports: organisations by kind, partnerships by relation and status,
/// projects and connected components.
public struct DatasetStatistics: Sendable, Equatable {
    /// The dataset's name.
    public var name: String
    /// Number of organisations.
    public var organizations: Int
    /// Organisations that are not generic.
    public var namedOrganizations: Int
    /// Generic organisations (「地域の保育園」).
    public var genericOrganizations: Int
    /// Number of partnerships.
    public var partnerships: Int
    /// Partnerships with status realised.
    public var realised: Int
    /// Partnerships with status planned.
    public var planned: Int
    /// Partnerships without any relation (plain edge lists).
    public var partnershipsWithoutRelations: Int
    /// Number of projects.
    public var projects: Int
    /// Connected components of the partnership graph (every organisation counts, an isolated
    /// one being a component of its own).
    public var components: Int
    /// Organisations in the largest component.
    public var largestComponent: Int
    /// Organisations with no partnership.
    public var isolatedOrganizations: Int
    /// Organisations per kind, in vocabulary order (every kind of the vocabulary, zeros included).
    public var kinds: [(label: String, count: Int)]
    /// Partnerships carrying each relation, in vocabulary order (zeros included). A partnership
    /// with several relations counts once under each.
    public var relations: [(label: String, count: Int)]

    /// Equal when every count and every label is equal.
    public static func == (a: DatasetStatistics, b: DatasetStatistics) -> Bool {
        a.name == b.name && a.organizations == b.organizations && a.namedOrganizations == b.namedOrganizations
            && a.genericOrganizations == b.genericOrganizations && a.partnerships == b.partnerships
            && a.realised == b.realised && a.planned == b.planned
            && a.partnershipsWithoutRelations == b.partnershipsWithoutRelations && a.projects == b.projects
            && a.components == b.components && a.largestComponent == b.largestComponent
            && a.isolatedOrganizations == b.isolatedOrganizations
            && a.kinds.map(\.label) == b.kinds.map(\.label) && a.kinds.map(\.count) == b.kinds.map(\.count)
            && a.relations.map(\.label) == b.relations.map(\.label) && a.relations.map(\.count) == b.relations.map(\.count)
    }

    /// Counts a dataset.
    /// - Complexity: O(*n* + *m* log *d*) (building the partnership graph dominates); the
    ///   components come from `AnalysisGraph.connectedComponents()`, O(*n* + *m*).
    public init(_ dataset: Dataset) {
        // One pass, nothing allocated per partnership (a million of them are counted in a file
        // read back); a relation named twice on one partnership counts once.
        var realised = 0, withoutRelations = 0
        var relationCounts: [String: Int] = [:]
        for p in dataset.partnerships {
            if p.status == .realised { realised += 1 }
            if p.relations.isEmpty { withoutRelations += 1; continue }
            for (i, r) in p.relations.enumerated() where !p.relations[..<i].contains(where: { $0.id == r.id }) {
                relationCounts[r.id, default: 0] += 1
            }
        }
        self.init(name: dataset.metadata.name, organizations: dataset.organizations, vocabulary: dataset.vocabulary,
                  partnerships: dataset.partnerships.count, realised: realised, withoutRelations: withoutRelations,
                  projects: dataset.projects.count, relationCounts: relationCounts,
                  graph: AnalysisGraph.partnershipGraph(of: dataset))
    }

    /// Counts from their parts: the organisations, the partnership counts (`relationCounts`:
    /// partnerships per relation id) and the partnership graph (every organisation a vertex).
    init(name: String, organizations list: [Organization], vocabulary: Vocabulary, partnerships: Int, realised: Int,
         withoutRelations: Int, projects: Int, relationCounts: [String: Int], graph: AnalysisGraph) {
        self.name = name
        organizations = list.count
        genericOrganizations = list.filter(\.generic).count
        namedOrganizations = organizations - genericOrganizations
        self.partnerships = partnerships
        self.realised = realised
        planned = partnerships - realised
        partnershipsWithoutRelations = withoutRelations
        self.projects = projects

        var kindCounts: [String: Int] = [:]
        for o in list { kindCounts[o.kind.id, default: 0] += 1 }
        var kindList = vocabulary.kinds.sorted().map { ($0.id, kindCounts[$0.id] ?? 0) }
        for (id, n) in kindCounts.sorted(by: { $0.key < $1.key }) where !kindList.contains(where: { $0.0 == id }) {
            kindList.append((id, n))
        }
        kinds = kindList.map { (label: $0.0, count: $0.1) }
        relations = vocabulary.relations.sorted().map { (label: $0.japanese, count: relationCounts[$0.id] ?? 0) }

        let partition = graph.connectedComponents()
        components = partition.count
        largestComponent = partition.members.first?.count ?? 0
        isolatedOrganizations = graph.nodes.count { graph.degree(of: $0) == 0 }
    }

    /// The statistics as one JSON object: `organizations`, `partnerships`, `projects`, `components`
    /// (counts), `kinds` and `relations` (objects of counts keyed by Japanese label), and more.
    public var json: JSONValue {
        .object([
            ("dataset", .string(name)),
            ("organizations", .int(organizations)),
            ("named_organizations", .int(namedOrganizations)),
            ("generic_organizations", .int(genericOrganizations)),
            ("partnerships", .int(partnerships)),
            ("status", .object([("realised", .int(realised)), ("planned", .int(planned))])),
            ("partnerships_without_relations", .int(partnershipsWithoutRelations)),
            ("projects", .int(projects)),
            ("components", .int(components)),
            ("largest_component", .int(largestComponent)),
            ("isolated_organizations", .int(isolatedOrganizations)),
            ("kinds", .object(kinds.map { ($0.label, .int($0.count)) })),
            ("relations", .object(relations.map { ($0.label, .int($0.count)) })),
        ])
    }

    /// Summary rows: (JSON field, Japanese label, count).
    var summaryRows: [(String, String, Int)] {
        [
            ("organizations", "団体数", organizations),
            ("named_organizations", "固有名の団体", namedOrganizations),
            ("generic_organizations", "一般名の団体", genericOrganizations),
            ("partnerships", "連携数", partnerships),
            ("realised", "実施済みの連携", realised),
            ("planned", "予定の連携", planned),
            ("partnerships_without_relations", "連携内容なしの連携", partnershipsWithoutRelations),
            ("projects", "事業数", projects),
            ("components", "連結成分数", components),
            ("largest_component", "最大成分の団体数", largestComponent),
            ("isolated_organizations", "孤立した団体", isolatedOrganizations),
        ]
    }

    /// Renders the statistics: three aligned tables (概要, 種別, 連携内容) for `table`, one JSON
    /// object for `json`, and for `csv` one table `section,label,count` (sections `summary`,
    /// `kind`, `relation`; summary labels are the JSON field names).
    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String {
        switch format {
        case .json:
            return json.serialized() + "\n"
        case .csv:
            var t = ReportTable(columns: ["section", "label", "count"])
            for (field, _, n) in summaryRows { t.append([.text("summary"), .text(field), .integer(n)]) }
            for k in kinds { t.append([.text("kind"), .text(k.label), .integer(k.count)]) }
            for r in relations { t.append([.text("relation"), .text(r.label), .integer(r.count)]) }
            return t.csv(rawCells: rawCells)
        case .table:
            var summary = ReportTable(columns: ["項目", "値"], title: "概要: \(name)")
            for (_, label, n) in summaryRows { summary.append([.text(label), .integer(n)]) }
            var kindTable = ReportTable(columns: ["種別", "団体数"], title: "種別ごとの団体数")
            for k in kinds { kindTable.append([.text(k.label), .integer(k.count)]) }
            var relationTable = ReportTable(columns: ["連携内容", "連携数"], title: "連携内容ごとの連携数")
            for r in relations { relationTable.append([.text(r.label), .integer(r.count)]) }
            return [summary, kindTable, relationTable].map { $0.textTable() }.joined(separator: "\n")
        }
    }
}

extension LoadedDataset {
    /// The text `renkei validate` prints: a one-line summary, warnings, and with `merges` every
    /// merged spelling grouped by organisation with its reasons.
    public func validationReport(merges showMerges: Bool) -> String {
        LoadedDataset.validationReport(name: dataset.metadata.name, organizations: dataset.organizations.count,
                                       partnerships: dataset.partnerships.count, projects: dataset.projects.count,
                                       encodings: encodings, warnings: warnings, merges: merges,
                                       possibleDuplicates: possibleDuplicates, showMerges: showMerges)
    }

    /// The validation text from its parts (``validationReport(merges:)``).
    static func validationReport(name: String, organizations: Int, partnerships: Int, projects: Int,
                                 encodings: [(file: String, encoding: TextEncoding)], warnings: [InputProblem],
                                 merges: [EntityMerge], possibleDuplicates: [PossibleDuplicate] = [],
                                 showMerges: Bool) -> String {
        var out = "OK: \(name): " + [ReportValue.counted(organizations, "organisation"),
            ReportValue.counted(partnerships, "partnership"), ReportValue.counted(projects, "project")].joined(separator: ", ")
        if !encodings.isEmpty {
            out += " (" + encodings.map { "\($0.file): \($0.encoding)" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        // With --merges the possible duplicates are listed beside the merges instead.
        for w in warnings where !(showMerges && w.kind == InputProblem.possibleDuplicate) { out += "warning: \(w)\n" }
        guard showMerges else { return out }
        if !possibleDuplicates.isEmpty {
            out += "Possible duplicates, kept apart (\(ReportValue.counted(possibleDuplicates.count, "pair"))):\n"
            for p in possibleDuplicates {
                let place = p.location.map { " at \($0)" } ?? ""
                out += "  \(p.names[0]) [id: \(p.organizations[0])] / \(p.names[1]) [id: \(p.organizations[1])]: \(p.reason)\(place)\n"
            }
        }
        if merges.isEmpty {
            out += "No names were merged.\n"
            return out
        }
        var order: [String] = []
        var byOrg: [String: [EntityMerge]] = [:]
        for m in merges {
            if byOrg[m.organization] == nil { order.append(m.organization) }
            byOrg[m.organization, default: []].append(m)
        }
        out += "Merged names (\(order.count) organisation\(order.count == 1 ? "" : "s")):\n"
        for id in order {
            let group = byOrg[id]!
            out += "  \(group[0].name) [id: \(id)]\n"
            for m in group {
                let places = m.locations.isEmpty ? "" : " at " + m.locations.map(\.description).joined(separator: ", ")
                out += "    \(m.spelling): \(m.reasons.joined(separator: "; "))\(places)\n"
            }
        }
        return out
    }
}
