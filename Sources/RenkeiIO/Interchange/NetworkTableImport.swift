import Foundation
import RenkeiCore

/// Reading a table back: the import half of ``NetworkTable`` (the readers of GraphML, GEXF and
/// node-link JSON fill a table, and this turns it into a dataset).
extension NetworkTable {
    /// The name fields whose text the ``NameText`` rule checks, with their positions.
    static let checkedNameFields = [("name", NodeSlot.name), ("label", NodeSlot.label), ("kind", NodeSlot.kind),
                                    ("legal_form", NodeSlot.legalForm), ("category", NodeSlot.category)]
    /// The list fields whose items it checks.
    static let checkedListFields = [("aliases", NodeSlot.aliases), ("lead_projects", NodeSlot.leadProjects),
                                    ("lead_project_titles", NodeSlot.titles), ("lead_project_prefectures", NodeSlot.prefectures),
                                    ("lead_project_municipalities", NodeSlot.municipalities)]

    /// The dataset this table describes, and the metrics it carries (nil when it has none).
    ///
    /// Organisation kinds and relations not in the standard vocabulary are added to the dataset's
    /// vocabulary (a relation takes its Japanese label from `relation_labels`). Projects are
    /// rebuilt from `lead_projects` and the parallel `lead_project_titles`, `…_prefectures`,
    /// `…_municipalities` and `…_years` (a file without them: each title is its id, each place the lead's).
    /// - Parameters:
    ///   - file: the file name used in error messages.
    ///   - edgeFile: the file the edges came from, when not `file` (`edges.csv` beside `nodes.csv`).
    /// - Throws: ``InputError`` listing every bad value and dangling edge end.
    ///
    /// The table is consumed: each edge's values are released once its partnership is made, so a
    /// large file's table and dataset are not held whole at the same time.
    public consuming func dataset(file: String, edgeFile: String? = nil) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        var problems: [InputProblem] = []
        var vocabulary = Vocabulary.standard
        var organizations: [Organization] = []
        var projects: [Project] = []
        var seenProjects = Set<String>()
        var seenNodes = Set<CanonicalKey>()  // String equality, hashed once per id (not per lookup)
        var metricValues: [String: [String: Double]] = [:]
        func string(_ v: AttributeValue?) -> String? { v.map(\.text) }
        func list(_ v: AttributeValue?) -> [String] {
            guard let v else { return [] }
            if case .list(let l) = v { return l }
            return ListCodec.split(v.text)
        }
        func bool(_ v: AttributeValue?) -> Bool {
            if case .boolean(let b)? = v { return b }
            return false
        }
        for n in nodes {
            guard seenNodes.insert(CanonicalKey(n.id)).inserted else {
                problems.append(InputProblem(file: file, line: n.line, field: "id", message: "node id \(n.id) appears twice"))
                continue
            }
            let kindName = string(n.values[NodeSlot.kind]) ?? OrganizationKind.other.id
            var named = NameText.check(n.id, file: file, line: n.line, field: "id", problems: &problems)
            for (field, slot) in Self.checkedNameFields {
                if let text = string(n.values[slot]) {
                    named = NameText.check(text, file: file, line: n.line, field: field, problems: &problems) && named
                }
            }
            for (field, slot) in Self.checkedListFields {
                for item in list(n.values[slot]) {
                    named = NameText.check(item, file: file, line: n.line, field: field, problems: &problems) && named
                }
            }
            guard named else { continue }
            let kind = vocabulary.kind(named: kindName) ?? vocabulary.addKind(id: kindName, english: nil)
            let org = Organization(
                id: n.id, name: string(n.values[NodeSlot.name]) ?? string(n.values[NodeSlot.label]) ?? n.id, kind: kind,
                category: string(n.values[NodeSlot.category]), legalForm: string(n.values[NodeSlot.legalForm]),
                prefecture: string(n.values[NodeSlot.prefecture]), municipality: string(n.values[NodeSlot.municipality]),
                aliases: list(n.values[NodeSlot.aliases]), generic: bool(n.values[NodeSlot.generic]))
            organizations.append(org)
            // The projects it leads, with the parallel lists of their titles, places and years
            // (an item missing or empty: the title is the id, the place the lead's, no year).
            let titles = list(n.values[NodeSlot.titles])
            let prefectures = list(n.values[NodeSlot.prefectures])
            let municipalities = list(n.values[NodeSlot.municipalities])
            let years = list(n.values[NodeSlot.years])
            // Renkei writes the titles whenever it writes the projects; a file without them (an
            // older export, another tool) gives each project its lead's place.
            let hasPlaces = !titles.isEmpty || !prefectures.isEmpty || !municipalities.isEmpty
            func item(_ l: [String], _ i: Int) -> String? { i < l.count && !l[i].isEmpty ? l[i] : nil }
            for (i, p) in list(n.values[NodeSlot.leadProjects]).enumerated() where seenProjects.insert(p).inserted {
                var year: Int?
                if let y = item(years, i) {
                    if let v = Int(y), (1900...2200).contains(v) { year = v } else {
                        problems.append(InputProblem(file: file, line: n.line, field: "lead_project_years",
                                                     message: "'\(y)' (project \(p)) is not a year"))
                    }
                }
                projects.append(Project(id: p, title: item(titles, i) ?? p, lead: n.id,
                                        prefecture: hasPlaces ? item(prefectures, i) : org.prefecture,
                                        municipality: hasPlaces ? item(municipalities, i) : org.municipality,
                                        year: year))
            }
            for (j, c) in metricColumns.enumerated() {
                switch n.values[NetworkTable.organizationAttributes.count + j] {
                case .integer(let i)?: metricValues[n.id, default: [:]][c.name] = Double(i)
                case .double(let d)?: metricValues[n.id, default: [:]][c.name] = d
                default: break
                }
            }
        }
        let efile = edgeFile ?? file
        var partnerships: [Partnership] = []
        var rows = edges
        edges = []  // the rows are now held once, by `rows`, and emptied as they are read
        partnerships.reserveCapacity(rows.count)
        for r in rows.indices {
            let e = rows[r]
            rows[r].values = []
            for (end, field) in [(e.source, "source"), (e.target, "target")] where !seenNodes.contains(CanonicalKey(end)) {
                problems.append(InputProblem(file: efile, line: e.line, field: field,
                                             message: "edge \(e.id) names node \(end), which is not in the file"))
            }
            let ids = list(e.values[EdgeSlot.relations])
            let labels = list(e.values[EdgeSlot.labels])
            var labelled = true
            for (field, items) in [("relations", ids), ("relation_labels", labels)] {
                for item in items {
                    labelled = NameText.check(item, file: efile, line: e.line, field: field, problems: &problems) && labelled
                }
            }
            guard labelled else { continue }
            var relations: [RelationKind] = []
            if ids.isEmpty {
                for l in labels {
                    relations.append(vocabulary.relation(named: l) ?? vocabulary.addRelation(id: l, japanese: l, english: nil))
                }
            } else {
                for (i, id) in ids.enumerated() {
                    let label = i < labels.count ? labels[i] : id
                    relations.append(vocabulary.relation(named: id) ?? vocabulary.addRelation(id: id, japanese: label, english: nil))
                }
            }
            var status = PartnershipStatus.realised
            if let s = string(e.values[EdgeSlot.status]) {
                if let st = PartnershipStatus(rawValue: s) { status = st } else {
                    problems.append(InputProblem(file: efile, line: e.line, field: "status",
                                                 message: "unknown status '\(s)' (expected realised or planned)"))
                }
            }
            var direction = PartnershipDirection.mutual
            if let s = string(e.values[EdgeSlot.direction]) {
                if let d = PartnershipDirection(rawValue: s) { direction = d } else {
                    problems.append(InputProblem(file: efile, line: e.line, field: "direction",
                                                 message: "unknown direction '\(s)' (expected mutual or directed)"))
                }
            }
            var weight = 1.0
            switch e.values[EdgeSlot.weight] {
            case .double(let d)?: weight = d
            case .integer(let i)?: weight = Double(i)
            default: break
            }
            // The rule of every reader (and of validate): a weight is a positive, finite number.
            // NaN and 1e309 (∞) would be written back as null, which no reader accepts.
            if !weight.isFinite || weight <= 0 {
                problems.append(InputProblem(file: efile, line: e.line, field: "weight",
                                             message: "weight \(weight.isFinite ? JSONValue.format(weight) : "\(weight)") of edge \(e.id) is not a positive finite number (weights must be positive numbers)"))
            }
            let evidence = list(e.values[EdgeSlot.evidence]).compactMap { SourceReference(parsing: $0) }
            partnerships.append(Partnership(project: string(e.values[EdgeSlot.project]), source: e.source, target: e.target,
                                            relations: relations, status: status, weight: weight, direction: direction,
                                            evidence: evidence, note: string(e.values[EdgeSlot.note])))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        let dataset = Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                              projects: projects, partnerships: partnerships)
        let metrics = metricColumns.isEmpty ? nil : NodeMetrics(columns: Array(metricColumns), values: metricValues)
        return (dataset, metrics)
    }
}
