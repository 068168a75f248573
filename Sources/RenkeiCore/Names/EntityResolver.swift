/// One occurrence of an organisation name in the input.
public struct NameMention: Hashable, Sendable {
    /// The name as written.
    public var text: String
    /// The project the mention belongs to; generic partners are never merged across projects.
    public var project: String?
    /// Prefecture of the context (the project's), used for bare names such as 「社協」.
    public var prefecture: String?
    /// Municipality of the context.
    public var municipality: String?
    /// Where the mention was read.
    public var location: SourceReference?

    /// A mention of `text`, with its project, place context and location.
    public init(text: String, project: String? = nil, prefecture: String? = nil, municipality: String? = nil,
                location: SourceReference? = nil) {
        self.text = text
        self.project = project
        self.prefecture = prefecture
        self.municipality = municipality
        self.location = location
    }
}

/// A spelling that was merged into an organisation, and why.
public struct EntityMerge: Hashable, Sendable {
    /// The organisation's id.
    public var organization: String
    /// The organisation's display name.
    public var name: String
    /// The spelling as written.
    public var spelling: String
    /// The normalisation steps that made the spelling equal to the organisation's name.
    public var reasons: [String]
    /// Where the spelling was met.
    public var locations: [SourceReference]

    /// A merged spelling and the reasons it was merged.
    public init(organization: String, name: String, spelling: String, reasons: [String], locations: [SourceReference]) {
        self.organization = organization
        self.name = name
        self.spelling = spelling
        self.reasons = reasons
        self.locations = locations
    }
}

/// The organisations found behind a list of name mentions.
public struct ResolvedEntities: Sendable {
    /// One organisation per distinct entity, in order of first mention.
    public var organizations: [Organization]
    /// For each mention, the position of its organisation in `organizations`.
    public var assignments: [Int]
    /// Every spelling that differs from its organisation's name, in order of first mention.
    public var merges: [EntityMerge]
}

/// Entity resolution over normalised names.
///
/// Two mentions are one organisation when their normalised names (see ``NameNormalizer``) are equal
/// and their prefectures do not contradict each other; so 「北区社協」, 「北区社会福祉協議会」 and
/// 「東京都北区社会福祉協議会」 are one 社協 (municipality 北区). A generic mention
/// (「地域の保育園」) is only merged with the same name in the same project.
public enum EntityResolver {
    /// Resolves mentions into organisations. Deterministic: organisations come in order of first
    /// mention and ids are the normalised names (with the prefecture, or the project for generic
    /// partners, added when two organisations would otherwise share an id).
    /// - Complexity: O(*n* · *L*) for *n* mentions of length at most *L*.
    public static func resolve(_ mentions: [NameMention]) -> ResolvedEntities {
        var cache: [String: NormalizedName] = [:]
        var normalized: [NormalizedName] = []
        normalized.reserveCapacity(mentions.count)
        for m in mentions {
            let base: NormalizedName
            if let c = cache[m.text] { base = c } else {
                base = NameNormalizer.normalize(m.text)
                cache[m.text] = base
            }
            normalized.append(NameNormalizer.applyingContext(base, municipality: m.municipality, prefecture: m.prefecture))
        }

        // Group by matching key (generic names per project).
        var groupOrder: [String] = []
        var groups: [String: [Int]] = [:]
        for (i, n) in normalized.enumerated() {
            let g = n.generic ? "G\u{1}\(mentions[i].project ?? "")\u{1}\(n.key)" : "N\u{1}\(n.key)"
            if groups[g] == nil { groupOrder.append(g) }
            groups[g, default: []].append(i)
        }

        // Split each group by explicit prefecture.
        var clusters: [[Int]] = []
        for g in groupOrder {
            let members = groups[g]!
            var explicit: [String] = []
            for i in members {
                if let p = normalized[i].prefecture, !normalized[i].prefectureInferred, !explicit.contains(p) {
                    explicit.append(p)
                }
            }
            if explicit.count <= 1 {
                clusters.append(members)
                continue
            }
            var byPrefecture: [String: [Int]] = [:]
            var unknown: [Int] = []
            for i in members {
                let n = normalized[i]
                if let p = n.prefecture, explicit.contains(p) { byPrefecture[p, default: []].append(i) } else { unknown.append(i) }
            }
            var parts = explicit.map { byPrefecture[$0]! }
            if !unknown.isEmpty { parts.append(unknown) }
            parts.sort { $0[0] < $1[0] }
            clusters.append(contentsOf: parts)
        }
        clusters.sort { $0[0] < $1[0] }

        // Build organisations.
        var organizations: [Organization] = []
        var assignments = [Int](repeating: 0, count: mentions.count)
        var nameCount: [String: Int] = [:]
        for c in clusters { nameCount[normalized[c[0]].name, default: 0] += 1 }
        var usedIDs = Set<String>()
        var merges: [EntityMerge] = []
        for c in clusters {
            let first = normalized[c[0]]
            let explicitPrefecture = c.lazy.compactMap { normalized[$0].prefectureInferred ? nil : normalized[$0].prefecture }.first
            let prefecture = explicitPrefecture ?? c.lazy.compactMap { normalized[$0].prefecture }.first
            let legalForm = c.lazy.compactMap { normalized[$0].legalForm }.first
            var id = first.name
            if nameCount[first.name, default: 0] > 1 {
                if first.generic, let p = mentions[c[0]].project { id = "\(first.name)@\(p)" }
                else if let prefecture { id = prefecture + first.name }
            }
            var k = 2
            let baseID = id
            while usedIDs.contains(id) { id = "\(baseID)#\(k)"; k += 1 }
            usedIDs.insert(id)

            var aliases: [String] = []
            var spellingOrder: [String] = []
            var spellingLocations: [String: [SourceReference]] = [:]
            var spellingSteps: [String: [NormalizationStep]] = [:]
            for i in c {
                let text = mentions[i].text.trimmingWhitespace()
                if spellingLocations[text] == nil {
                    spellingOrder.append(text)
                    spellingSteps[text] = normalized[i].steps
                }
                spellingLocations[text, default: []] += mentions[i].location.map { [$0] } ?? []
            }
            let fullName = (legalForm ?? "") + first.name
            for s in spellingOrder where s != first.name && s != fullName {
                aliases.append(s)
            }
            if spellingOrder.count > 1 {
                for s in spellingOrder {
                    var reasons = spellingSteps[s]!.map(\.description)
                    if reasons.isEmpty { reasons = ["same name"] }
                    merges.append(EntityMerge(organization: id, name: fullName, spelling: s, reasons: reasons,
                                              locations: spellingLocations[s] ?? []))
                }
            }
            let org = Organization(id: id, name: first.name, kind: OrganizationKind.builtIn.first { $0.id == first.kind } ?? .other,
                                   category: first.category, legalForm: legalForm, prefecture: prefecture,
                                   municipality: first.municipality, aliases: aliases, generic: first.generic)
            for i in c { assignments[i] = organizations.count }
            organizations.append(org)
        }
        return ResolvedEntities(organizations: organizations, assignments: assignments, merges: merges)
    }
}

