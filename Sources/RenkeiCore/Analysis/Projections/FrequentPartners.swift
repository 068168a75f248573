/// What frequently-partnered institutions are grouped by.
public enum PartnerGrouping: String, Sendable, CaseIterable {
    /// The organisation's sector (社協, 行政, 学校 …).
    case kind
    /// The institution type (教育委員会, 高校, 民生委員 …); organisations without one are grouped
    /// under an empty key.
    case category
    /// Each organisation on its own.
    case organization
}

/// One row of a frequently-partnered report: a kind, a category or an organisation, and how
/// many projects work with it.
public struct FrequentPartner: Sendable, Equatable {
    /// Kind id, category, or organisation id.
    public var key: String
    /// Display name: the kind or category itself, or the organisation's name.
    public var name: String
    /// The organisation's kind (for ``PartnerGrouping/organization``), else nil.
    public var kind: String?
    /// Number of projects in which it takes part.
    public var projects: Int
    /// `projects` over the number of projects considered.
    public var share: Double
    /// Number of partnerships involving it.
    public var partnerships: Int
    /// Number of those partnerships carrying each relation, in vocabulary order (zero counts left out).
    public var relations: [RelationCount]
}

/// A relation and how often it occurs.
public struct RelationCount: Sendable, Equatable {
    /// The relation (後援, 会場提供 …).
    public var relation: RelationKind
    /// Number of partnerships carrying it.
    public var count: Int
}

/// Frequently-partnered institutions: for each kind, category or organisation, the number and
/// share of projects that partner with it and the relations involved.
///
/// A project partners with an organisation when one of the project's partnerships passing the
/// filter has it at either end and it is not the project's lead; with `includeLeads` the lead
/// counts too (every project then involves its lead's kind). Rows are sorted by projects, then
/// partnerships (both descending), then key.
/// - Complexity: O(*P* log *P*) for *P* partnerships.
public struct FrequentPartners: Sendable {
    /// What the rows are: kinds, categories or organisations.
    public let grouping: PartnerGrouping
    /// Projects considered (the denominator of every share).
    public let projectCount: Int
    /// One row per kind, category or organisation, most frequent first.
    public let rows: [FrequentPartner]

    /// Counts the projects and partnerships of `dataset` passing `filter`, grouped `by`.
    public init(dataset: Dataset, by grouping: PartnerGrouping, filter: GraphFilter = GraphFilter(),
                includeLeads: Bool = false) {
        // Projects are numbered by their position among the chosen ones.
        let chosen = dataset.projects.filter { filter.projects?.contains($0.id) ?? true }
        var projectIndex: [String: Int] = [:]
        for (i, p) in chosen.enumerated() where projectIndex[p.id] == nil { projectIndex[p.id] = i }
        let relationOrder = dataset.vocabulary.relations
        var relationIndex: [String: Int] = [:]
        for (i, r) in relationOrder.enumerated() { relationIndex[r.id] = i }

        struct Tally { var projects = Set<Int>(); var partnerships = 0; var relations: [Int] }
        var tallies: [String: Tally] = [:]
        var names: [String: (String, String?)] = [:]
        func key(of o: Organization) -> String {
            switch grouping {
            case .kind: return o.kind.id
            case .category: return o.category ?? ""
            case .organization: return o.id
            }
        }
        func record(_ o: Organization, project: Int?, partnership: Partnership?) {
            if o.generic && !filter.includeGeneric { return }
            let k = key(of: o)
            if names[k] == nil {
                switch grouping {
                case .kind: names[k] = (o.kind.id, nil)
                case .category: names[k] = (k, nil)
                case .organization: names[k] = (o.name, o.kind.id)
                }
            }
            var t = tallies[k] ?? Tally(relations: [Int](repeating: 0, count: relationOrder.count))
            if let project { t.projects.insert(project) }
            if let partnership {
                t.partnerships += 1
                for r in Set(partnership.relations.map(\.id)) {
                    if let i = relationIndex[r] { t.relations[i] += 1 }
                }
            }
            tallies[k] = t
        }
        for p in dataset.partnerships where filter.accepts(p) {
            let project = p.project.flatMap { projectIndex[$0] }
            if p.project != nil && project == nil { continue }
            let lead = project.map { chosen[$0].lead }
            var counted: [String] = []
            for end in [p.source, p.target] {
                guard let o = dataset.organization(id: end) else { continue }
                if end == lead && !includeLeads { continue }
                // A partnership between two organisations of the same group counts once.
                let k = key(of: o)
                record(o, project: project, partnership: counted.contains(k) ? nil : p)
                counted.append(k)
            }
        }
        if includeLeads {
            for (i, p) in chosen.enumerated() {
                if let o = dataset.organization(id: p.lead) { record(o, project: i, partnership: nil) }
            }
        }
        let total = chosen.count
        var rows: [FrequentPartner] = tallies.map { k, t in
            FrequentPartner(key: k, name: names[k]!.0, kind: names[k]!.1, projects: t.projects.count,
                            share: total > 0 ? Double(t.projects.count) / Double(total) : 0,
                            partnerships: t.partnerships,
                            relations: t.relations.enumerated().compactMap { i, c in
                                c > 0 ? RelationCount(relation: relationOrder[i], count: c) : nil
                            })
        }
        rows.sort { a, b in
            if a.projects != b.projects { return a.projects > b.projects }
            if a.partnerships != b.partnerships { return a.partnerships > b.partnerships }
            return a.key < b.key
        }
        self.grouping = grouping
        self.projectCount = total
        self.rows = rows
    }
}
