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
        // Node id → its organisation's position (-1 until it is made). String equality, hashed
        // once per id (not per lookup).
        var seenNodes: [CanonicalKey: Int32] = [:]
        var metricValues: [String: [String: Double]] = [:]
        func bool(_ v: AttributeValue?) -> Bool {
            if case .boolean(let b)? = v { return b }
            return false
        }
        for n in nodes {
            let key = CanonicalKey(n.id)
            guard seenNodes.updateValue(-1, forKey: key) == nil else {
                problems.append(InputProblem(file: file, line: n.line, field: "id", message: "node id \(n.id) appears twice"))
                continue
            }
            let kindName = textOf(n.values[NodeSlot.kind]) ?? OrganizationKind.other.id
            var named = NameText.check(n.id, file: file, line: n.line, field: "id", problems: &problems)
            for (field, slot) in Self.checkedNameFields {
                if let text = textOf(n.values[slot]) {
                    named = NameText.check(text, file: file, line: n.line, field: field, problems: &problems) && named
                }
            }
            for (field, slot) in Self.checkedListFields {
                for item in itemsOf(n.values[slot]) {
                    named = NameText.check(item, file: file, line: n.line, field: field, problems: &problems) && named
                }
            }
            guard named else { continue }
            let kind = vocabulary.kind(named: kindName) ?? vocabulary.addKind(id: kindName, english: nil)
            let org = Organization(
                id: n.id, name: textOf(n.values[NodeSlot.name]) ?? textOf(n.values[NodeSlot.label]) ?? n.id, kind: kind,
                category: textOf(n.values[NodeSlot.category]), legalForm: textOf(n.values[NodeSlot.legalForm]),
                prefecture: textOf(n.values[NodeSlot.prefecture]), municipality: textOf(n.values[NodeSlot.municipality]),
                aliases: itemsOf(n.values[NodeSlot.aliases]), generic: bool(n.values[NodeSlot.generic]))
            seenNodes[key] = Int32(organizations.count)
            organizations.append(org)
            // The projects it leads, with the parallel lists of their titles, places and years
            // (an item missing or empty: the title is the id, the place the lead's, no year).
            let titles = itemsOf(n.values[NodeSlot.titles])
            let prefectures = itemsOf(n.values[NodeSlot.prefectures])
            let municipalities = itemsOf(n.values[NodeSlot.municipalities])
            let years = itemsOf(n.values[NodeSlot.years])
            // Renkei writes the titles whenever it writes the projects; a file without them (an
            // older export, another tool) gives each project its lead's place.
            let hasPlaces = !titles.isEmpty || !prefectures.isEmpty || !municipalities.isEmpty
            func item(_ l: [String], _ i: Int) -> String? { i < l.count && !l[i].isEmpty ? l[i] : nil }
            for (i, p) in itemsOf(n.values[NodeSlot.leadProjects]).enumerated() where seenProjects.insert(p).inserted {
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
        var rows = edges
        edges = []  // the rows are now held once, by `rows`, and emptied as they are read
        let converted = Self.partnerships(of: &rows, file: efile, nodes: seenNodes)
        problems += converted.problems
        var partnerships = converted.partnerships
        // Relations are looked up in edge order on this thread, as the vocabulary grows with the
        // ones it lacks; each name is looked up once until the vocabulary next grows.
        var known: [String: RelationKind] = [:], knownCount = vocabulary.relations.count
        func relation(_ name: String, label: String) -> RelationKind {
            if vocabulary.relations.count != knownCount { known = [:]; knownCount = vocabulary.relations.count }
            if let r = known[name] { return r }
            if let r = vocabulary.relation(named: name) { known[name] = r; return r }
            return vocabulary.addRelation(id: name, japanese: label, english: nil)
        }
        // A run of rows naming the same relations (their lists are often one value, RecentValues)
        // shares one relation list, unless the vocabulary grew in between.
        var last: (ids: [String], labels: [String], relations: [RelationKind], vocabulary: Int)?
        for (r, ids, labels) in converted.named {
            if let last, last.vocabulary == vocabulary.relations.count, last.ids == ids, last.labels == labels {
                partnerships[r].relations = last.relations
                continue
            }
            var relations: [RelationKind] = []
            if ids.isEmpty {
                for l in labels { relations.append(relation(l, label: l)) }
            } else {
                for (i, id) in ids.enumerated() { relations.append(relation(id, label: i < labels.count ? labels[i] : id)) }
            }
            partnerships[r].relations = relations
            last = (ids, labels, relations, vocabulary.relations.count)
        }
        guard problems.isEmpty else { throw InputError(problems) }
        let dataset = Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                              projects: projects, partnerships: partnerships, ends: converted.ends)
        let metrics = metricColumns.isEmpty ? nil : NodeMetrics(columns: Array(metricColumns), values: metricValues)
        return (dataset, metrics)
    }

    /// Edges at least this many are converted on all cores.
    static let parallelEdges = 65_536

    /// The partnerships of edge rows (each row's values emptied once it is read), with every
    /// problem in row order and, per row naming relations, its relation ids and labels (looked up
    /// by the caller, in row order, as they may grow the vocabulary). The partnership of a row
    /// with a problem stands in for nothing: a caller with problems throws.
    ///
    /// Rows are converted in contiguous runs on all cores (`DispatchQueue.concurrentPerform`), each
    /// run into its own slots and problem list, joined in row order: the result is that of one loop.
    /// - Complexity: O(*m*) work, O(*m* / cores) wall time.
    static func partnerships(of rows: inout [Edge], file: String, nodes: [CanonicalKey: Int32])
        -> (partnerships: [Partnership], ends: [SIMD2<Int32>], problems: [InputProblem], named: [(Int, [String], [String])]) {
        let count = rows.count
        let runs = count < parallelEdges ? 1 : 16
        var problems = [[InputProblem]](repeating: [], count: runs)
        var named = [[(Int, [String], [String])]](repeating: [], count: runs)
        var ends = [SIMD2<Int32>](repeating: SIMD2(-1, -1), count: count)
        let partnerships = rows.withUnsafeMutableBufferPointer { rows in
            ends.withUnsafeMutableBufferPointer { ends in
            [Partnership](unsafeUninitializedCapacity: count) { out, initialized in
                problems.withUnsafeMutableBufferPointer { problems in
                    named.withUnsafeMutableBufferPointer { named in
                        let slots = ConversionSlots(rows: rows, out: out, ends: ends, problems: problems, named: named)
                        @Sendable func convert(_ run: Int) {
                            var document = ""
                            for r in (count * run / runs)..<(count * (run + 1) / runs) {
                                let e = slots.rows[r]
                                slots.rows[r].values = []
                                let (p, ids, labels) = partnership(of: e, file: file, nodes: nodes, problems: &slots.problems[run],
                                                                 document: &document, ends: &slots.ends[r])
                                (slots.out.baseAddress! + r).initialize(to: p)
                                if !ids.isEmpty || !labels.isEmpty { slots.named[run].append((r, ids, labels)) }
                            }
                        }
                        if runs == 1 { convert(0) } else { DispatchQueue.concurrentPerform(iterations: runs, execute: convert) }
                    }
                }
                initialized = count
            }
            }
        }
        return (partnerships, ends, problems.flatMap { $0 }, named.flatMap { $0 })
    }

    /// One edge row's partnership (without its relations), its relation ids and labels, and its
    /// problems appended to `problems`.
    /// `document`: the evidence document of the run's previous row, whose copy this row's shares.
    /// `ends`: set to the positions of its ends' organisations.
    static func partnership(of e: Edge, file efile: String, nodes: [CanonicalKey: Int32],
                            problems: inout [InputProblem], document: inout String,
                            ends: inout SIMD2<Int32>) -> (Partnership, [String], [String]) {
        // (No array literals here: they would be two allocations per edge.)
        func position(_ end: String, _ field: String) -> Int32 {
            if let p = nodes[CanonicalKey(end)] { return p }
            problems.append(InputProblem(file: efile, line: e.line, field: field,
                                         message: "edge \(e.id) names node \(end), which is not in the file"))
            return -1
        }
        ends = SIMD2(position(e.source, "source"), position(e.target, "target"))
        let ids = itemsOf(e.values[EdgeSlot.relations])
        let labels = itemsOf(e.values[EdgeSlot.labels])
        var labelled = true
        for item in ids { labelled = NameText.check(item, file: efile, line: e.line, field: "relations", problems: &problems) && labelled }
        for item in labels { labelled = NameText.check(item, file: efile, line: e.line, field: "relation_labels", problems: &problems) && labelled }
        var status = PartnershipStatus.realised
        var direction = PartnershipDirection.mutual
        var weight = 1.0
        guard labelled else {
            return (Partnership(project: nil, source: e.source, target: e.target, relations: [], status: status,
                                weight: weight, direction: direction, evidence: [], note: nil), [], [])
        }
        if let s = textOf(e.values[EdgeSlot.status]) {
            if let st = PartnershipStatus(rawValue: s) { status = st } else {
                problems.append(InputProblem(file: efile, line: e.line, field: "status",
                                             message: "unknown status '\(s)' (expected realised or planned)"))
            }
        }
        if let s = textOf(e.values[EdgeSlot.direction]) {
            if let d = PartnershipDirection(rawValue: s) { direction = d } else {
                problems.append(InputProblem(file: efile, line: e.line, field: "direction",
                                             message: "unknown direction '\(s)' (expected mutual or directed)"))
            }
        }
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
        var evidence: [SourceReference] = []
        for item in itemsOf(e.values[EdgeSlot.evidence]) {
            guard var reference = SourceReference(parsing: item) else { continue }
            // Rows of one file name the same document: they share one copy of its name.
            if reference.document == document { reference.document = document } else { document = reference.document }
            evidence.append(reference)
        }
        let p = Partnership(project: textOf(e.values[EdgeSlot.project]), source: e.source, target: e.target,
                            relations: [], status: status, weight: weight, direction: direction,
                            evidence: evidence, note: textOf(e.values[EdgeSlot.note]))
        return (p, ids, labels)
    }
}

/// A value's text (nil when absent).
private func textOf(_ v: AttributeValue?) -> String? { v.map(\.text) }

/// A list value's items (a string value split as a list).
private func itemsOf(_ v: AttributeValue?) -> [String] {
    guard let v else { return [] }
    if case .list(let l) = v { return l }
    return ListCodec.split(v.text)
}

/// The rows, partnership slots and per-run outputs of ``NetworkTable/partnerships(of:file:nodes:)``,
/// shared by its threads: each row and slot is touched by one thread, each run's lists by one.
private struct ConversionSlots: @unchecked Sendable {
    let rows: UnsafeMutableBufferPointer<NetworkTable.Edge>
    let out: UnsafeMutableBufferPointer<Partnership>
    let ends: UnsafeMutableBufferPointer<SIMD2<Int32>>
    let problems: UnsafeMutableBufferPointer<[InputProblem]>
    let named: UnsafeMutableBufferPointer<[(Int, [String], [String])]>
}
