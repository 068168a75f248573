/// Where a fact comes from: a document and, where known, a line in it.
public struct SourceReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var document: String
    public var line: Int?

    public init(document: String, line: Int? = nil) {
        self.document = document
        self.line = line
    }

    /// `document:line`, or the document alone.
    public var description: String {
        if let line { return "\(document):\(line)" }
        return document
    }

    /// Parses `document:line`, `document` or a bare line number (with `defaultDocument`).
    public init?(parsing text: String, defaultDocument: String? = nil) {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        if let n = Int(t), n > 0, let doc = defaultDocument {
            self.init(document: doc, line: n)
        } else if let colon = t.lastIndex(of: ":"), let n = Int(t[t.index(after: colon)...]), n > 0 {
            self.init(document: String(t[..<colon]), line: n)
        } else {
            self.init(document: t, line: nil)
        }
    }

    public static func < (lhs: SourceReference, rhs: SourceReference) -> Bool {
        (lhs.document, lhs.line ?? 0) < (rhs.document, rhs.line ?? 0)
    }
}

/// An organisation: a 社協, an office, a school, an NPO, a company, a neighbourhood body…
public struct Organization: Hashable, Sendable, Identifiable {
    /// Stable identifier, unique in its dataset.
    public var id: String
    /// Display name, as the user wrote it after NFKC, trimming and collapsing each run of white
    /// space into one space (`WATALIS`, `北区 社会福祉協議会`, `株式会社 テスト`). A legal form
    /// written in the name stays in it; one given apart (`legal_form`) is in `legalForm`.
    public var name: String
    /// Sector.
    public var kind: OrganizationKind
    /// Institution type where known (教育委員会, 高校, 民生委員, 地域包括支援センター…).
    public var category: String?
    /// Legal form (特定非営利活動法人, 一般社団法人, 社会福祉法人, 株式会社…).
    public var legalForm: String?
    public var prefecture: String?
    public var municipality: String?
    /// Other spellings of the name met in the data.
    public var aliases: [String]
    /// True for a partner named only by its type (「地域の保育園」): it belongs to one
    /// project and is never merged with another project's.
    public var generic: Bool

    public init(id: String, name: String, kind: OrganizationKind, category: String? = nil,
                legalForm: String? = nil, prefecture: String? = nil, municipality: String? = nil,
                aliases: [String] = [], generic: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.category = category
        self.legalForm = legalForm
        self.prefecture = prefecture
        self.municipality = municipality
        self.aliases = aliases
        self.generic = generic
    }

    /// The name with its legal form, as in the report's headers: the name itself when it already
    /// carries a legal form (`株式会社 テスト`, `テスト株式会社`), else the legal form in front
    /// (`一般社団法人WATALIS` for name `WATALIS`, legal form 一般社団法人).
    public var fullName: String {
        guard let legalForm, !legalForm.isEmpty, NameNormalizer.splitLegalForm(name) == nil else { return name }
        return legalForm + name
    }
}

/// One model project (事業), run by a lead organisation.
public struct Project: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The lead organisation's id.
    public var lead: String
    public var prefecture: String?
    public var municipality: String?
    public var year: Int?
    public var source: SourceReference?

    public init(id: String, title: String, lead: String, prefecture: String? = nil,
                municipality: String? = nil, year: Int? = nil, source: SourceReference? = nil) {
        self.id = id
        self.title = title
        self.lead = lead
        self.prefecture = prefecture
        self.municipality = municipality
        self.year = year
        self.source = source
    }
}

/// Whether a partnership happened or is only planned.
public enum PartnershipStatus: String, Sendable, CaseIterable, Hashable {
    case realised
    case planned
}

/// Whether a partnership goes both ways or from source to target.
public enum PartnershipDirection: String, Sendable, CaseIterable, Hashable {
    case mutual
    case directed
}

/// A typed partnership between two organisations within a project.
public struct Partnership: Hashable, Sendable {
    /// The project's id, or nil for a plain edge list.
    public var project: String?
    public var source: String
    public var target: String
    /// What the partners did together, at least one.
    public var relations: [RelationKind]
    public var status: PartnershipStatus
    public var weight: Double
    public var direction: PartnershipDirection
    public var evidence: [SourceReference]
    public var note: String?

    public init(project: String?, source: String, target: String, relations: [RelationKind],
                status: PartnershipStatus = .realised, weight: Double = 1,
                direction: PartnershipDirection = .mutual, evidence: [SourceReference] = [],
                note: String? = nil) {
        self.project = project
        self.source = source
        self.target = target
        self.relations = relations
        self.status = status
        self.weight = weight
        self.direction = direction
        self.evidence = evidence
        self.note = note
    }
}

/// Descriptive metadata of a dataset (`dataset.yaml`).
public struct DatasetMetadata: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var source: String?
    public var licence: String?

    public init(name: String, description: String? = nil, source: String? = nil, licence: String? = nil) {
        self.name = name
        self.description = description
        self.source = source
        self.licence = licence
    }
}

/// A whole partnership dataset: organisations, projects and the partnerships between them.
///
/// Organisations, projects and partnerships keep the order they were loaded in; lookups by id
/// go through dictionaries built once.
public struct Dataset: Sendable {
    public var metadata: DatasetMetadata
    public var vocabulary: Vocabulary
    public private(set) var organizations: [Organization]
    public private(set) var projects: [Project]
    public var partnerships: [Partnership] { didSet { partnershipEnds = nil } }
    /// Each partnership's ends as positions in `organizations`, when the reader that made the
    /// dataset looked them up anyway (a file read back); nil once the partnerships change.
    /// Graphs of a large dataset are then built without looking up two ids per partnership.
    package private(set) var partnershipEnds: [SIMD2<Int32>]?
    private var organizationIndex: [String: Int]
    private var projectIndex: [String: Int]

    public init(metadata: DatasetMetadata, vocabulary: Vocabulary = .standard,
                organizations: [Organization], projects: [Project], partnerships: [Partnership]) {
        self.metadata = metadata
        self.vocabulary = vocabulary
        self.organizations = organizations
        self.projects = projects
        self.partnerships = partnerships
        var oi: [String: Int] = [:]
        for (i, o) in organizations.enumerated() where oi[o.id] == nil { oi[o.id] = i }
        organizationIndex = oi
        var pi: [String: Int] = [:]
        for (i, p) in projects.enumerated() where pi[p.id] == nil { pi[p.id] = i }
        projectIndex = pi
    }

    /// A dataset whose partnerships' ends are known: `ends[k]` holds the positions in
    /// `organizations` of `partnerships[k]`'s source and target (the first organisation of each id).
    package init(metadata: DatasetMetadata, vocabulary: Vocabulary, organizations: [Organization], projects: [Project],
                 partnerships: [Partnership], ends: [SIMD2<Int32>]) {
        precondition(ends.count == partnerships.count, "one pair of ends per partnership")
        self.init(metadata: metadata, vocabulary: vocabulary, organizations: organizations, projects: projects,
                  partnerships: partnerships)
        partnershipEnds = ends
    }

    public func organization(id: String) -> Organization? {
        organizationIndex[id].map { organizations[$0] }
    }

    /// The position of an organisation in `organizations`.
    public func organizationPosition(id: String) -> Int? { organizationIndex[id] }

    /// The position of a project in `projects`.
    public func projectPosition(id: String) -> Int? { projectIndex[id] }

    public func project(id: String) -> Project? {
        projectIndex[id].map { projects[$0] }
    }

    /// The ids of every project's lead organisation.
    public var leadIDs: Set<String> { Set(projects.map(\.lead)) }

    /// The partnerships of one project.
    public func partnerships(ofProject id: String) -> [Partnership] {
        partnerships.filter { $0.project == id }
    }
}

extension Dataset {
    /// A dataset in which every partnership belongs to a project.
    ///
    /// An edge list kept in a spreadsheet (`団体名,連携先`) has no projects: each row says that the
    /// organisation in the first column works with the one in the second. Read that way, every
    /// distinct source organisation is the lead of one implied project whose partners are its
    /// targets — which is what project-based counts (frequently-partnered institutions, the
    /// co-partnership projection) need. Implied projects take the source organisation's id and
    /// name; partnerships that already name a project keep it. A dataset that has projects is
    /// returned unchanged.
    /// - Complexity: O(*m*) for *m* partnerships.
    public func withImpliedProjects() -> Dataset {
        guard projects.isEmpty, !partnerships.isEmpty else { return self }
        var implied: [Project] = []
        var seen = Set<String>()
        var rewritten = partnerships
        for i in rewritten.indices where rewritten[i].project == nil {
            let lead = rewritten[i].source
            if seen.insert(lead).inserted {
                let org = organization(id: lead)
                implied.append(Project(id: lead, title: org?.name ?? lead, lead: lead,
                                       prefecture: org?.prefecture, municipality: org?.municipality))
            }
            rewritten[i].project = lead
        }
        return Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                       projects: implied, partnerships: rewritten)
    }
}
