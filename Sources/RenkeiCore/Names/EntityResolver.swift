import Dispatch

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

/// Two organisations whose names match but which were kept apart because their legal forms
/// disagree (前株 `株式会社テスト` and 後株 `テスト株式会社`, or 株式会社 and 有限会社): they may be
/// one organisation written two ways, or two different legal entities. `validate` lists them as
/// `possible_duplicate` warnings.
public struct PossibleDuplicate: Hashable, Sendable {
    /// The two organisations' ids, in order of first mention.
    public var organizations: [String]
    /// Their names.
    public var names: [String]
    /// Why they were not merged, in words.
    public var reason: String
    /// Where the second one was first met.
    public var location: SourceReference?

    /// Two organisations kept apart, and why.
    public init(organizations: [String], names: [String], reason: String, location: SourceReference? = nil) {
        self.organizations = organizations
        self.names = names
        self.reason = reason
        self.location = location
    }

    /// Why two legal forms (canonical spelling and position, nil for none) keep two names apart.
    public static func reason(base: String, _ a: (form: String, position: LegalFormPosition)?,
                              _ b: (form: String, position: LegalFormPosition)?) -> String {
        func words(_ f: (form: String, position: LegalFormPosition)?) -> String {
            guard let f else { return "no legal form" }
            return "\(f.form) \(f.position == .before ? "before" : "after") the name"
        }
        if let a, let b, a.form == b.form, let short = shortForms[a.form] {
            return "same name '\(base)' with \(a.form) before it in one (\(a.position.japanese)\(short)) and after it in the other (\(b.position.japanese)\(short)): different legal entities, not merged"
        }
        if a == nil || b == nil {
            return "same name '\(base)', one with \(words(a ?? b)) and one with no legal form: may be the same organisation, not merged"
        }
        return "same name '\(base)' with \(words(a)) in one and \(words(b)) in the other: different legal entities, not merged"
    }

    /// The one-character abbreviations of 前株/後株 and their kin.
    static let shortForms: [String: String] = ["株式会社": "株", "有限会社": "有", "合同会社": "合", "合資会社": "資", "合名会社": "名"]
}

/// The organisations found behind a list of name mentions.
public struct ResolvedEntities: Sendable {
    /// One organisation per distinct entity, in order of first mention.
    public var organizations: [Organization]
    /// For each mention, the position of its organisation in `organizations`.
    public var assignments: [Int]
    /// Every spelling that differs from its organisation's name, in order of first mention.
    public var merges: [EntityMerge]
    /// Organisations whose names match but whose legal forms disagree, kept apart.
    public var possibleDuplicates: [PossibleDuplicate] = []
}

/// Entity resolution over normalised names.
///
/// Two mentions are one organisation when their matching keys (see ``NameNormalizer``) are equal,
/// their prefectures do not contradict each other and their legal forms agree; so 「北区社協」,
/// 「北区社会福祉協議会」 and 「東京都北区社会福祉協議会」 are one 社協 (municipality 北区), and
/// 「NPO法人わんず」 and 「特定非営利活動法人わんず」 one NPO. Legal forms agree when they are the
/// same form in the same place: 前株 「株式会社テスト」 and 後株 「テスト株式会社」 are two
/// organisations, listed as a ``PossibleDuplicate``; so are 株式会社 and 有限会社 of one name, and a
/// bare 「テスト」 beside both of them. A bare name beside only one legal form is merged with it.
/// A generic mention (「地域の保育園」) is only merged with the same name in the same project.
///
/// The organisation's `name` is one of its spellings as written (``NormalizedName/written``): the
/// longest, white space not counted, so the most formal (「東京都北区社会福祉協議会」 over 「北区社協」);
/// of equals, the first in the input. A spelling completed from its context (「社協」 in a 坂井市
/// project) is used only when the organisation has no other.
public enum EntityResolver {
    /// Resolves mentions into organisations. Deterministic: organisations come in order of first
    /// mention and ids are the normalised names (with the prefecture, or the project for generic
    /// partners, added when two organisations would otherwise share an id).
    /// - Complexity: O(*n* · *L*) for *n* mentions of length at most *L*.
    public static func resolve(_ mentions: [NameMention]) -> ResolvedEntities {
        // Distinct mentions (same text in the same context) are resolved once.
        struct Context: Hashable { var text: String; var project: String?; var prefecture: String?; var municipality: String? }
        var distinctIndex: [Context: Int] = [:]
        var distinct: [NameMention] = []
        var mentionToDistinct = [Int](repeating: 0, count: mentions.count)
        var distinctLocations: [[SourceReference]] = []
        for (i, m) in mentions.enumerated() {
            let key = Context(text: m.text, project: m.project, prefecture: m.prefecture, municipality: m.municipality)
            let d: Int
            if let known = distinctIndex[key] { d = known } else {
                d = distinct.count
                distinctIndex[key] = d
                distinct.append(m)
                distinctLocations.append([])
            }
            mentionToDistinct[i] = d
            if let l = m.location { distinctLocations[d].append(l) }
        }

        let resolved = resolve(distinct: distinct, locations: { distinctLocations[$0] })
        let assignments = mentionToDistinct.map { resolved.assignments[$0] }
        return ResolvedEntities(organizations: resolved.organizations, assignments: assignments, merges: resolved.merges,
                                possibleDuplicates: resolved.possibleDuplicates)
    }

    /// The built-in kind with id `id` (else "その他"). The normaliser's kinds are literals of its
    /// rulebook, as are the built-in ids, so equal bytes find them without a `String` comparison
    /// of two Japanese texts (the slow, normalising path); only an id matching no bytes is
    /// compared as a `String`.
    static func builtInKind(_ id: String) -> OrganizationKind {
        var id = id
        let byBytes = id.withUTF8 { bytes in
            OrganizationKind.builtIn.first { kind in
                var other = kind.id
                return other.withUTF8 { $0.elementsEqual(bytes) }
            }
        }
        return byBytes ?? OrganizationKind.builtIn.first { $0.id == id } ?? .other
    }

    /// Resolves mentions that are already distinct (no two with the same text, project, prefecture
    /// and municipality), as ``resolve(_:)`` does after grouping its mentions: the same
    /// organisations, ids and merges. `locations(i)` gives where mention `i` was met; it is only
    /// asked for mentions whose organisation has more than one spelling (the merges).
    /// `assignments` has one entry per distinct mention. Names are normalised on all cores; the
    /// result does not depend on the core count.
    /// - Complexity: O(*n* · *L*) for *n* mentions of length at most *L*.
    public static func resolve(distinct: [NameMention], locations: (Int) -> [SourceReference]) -> ResolvedEntities {
        // Each distinct text normalised once, on all cores (pure, so the order of work is free).
        // (Each step's tables live in a closure of its own, so they are freed before the next.)
        var normalized: [NormalizedName] = {
            var textIndex: [CanonicalKey: Int] = [:]
            textIndex.reserveCapacity(distinct.count)
            var texts: [String] = []
            var textOf = [Int](repeating: 0, count: distinct.count)
            for (i, m) in distinct.enumerated() {
                let key = CanonicalKey(m.text)
                if let t = textIndex[key] { textOf[i] = t } else {
                    textIndex[key] = texts.count
                    textOf[i] = texts.count
                    texts.append(m.text)
                }
            }
            textIndex = [:]
            let once = NameNormalizer.normalizeAll(texts)
            return texts.count == distinct.count ? once : textOf.map { once[$0] }
        }()
        // The context only changes a name when it gives a municipality (`applyingContext`).
        for (i, m) in distinct.enumerated() where m.municipality != nil {
            normalized[i] = NameNormalizer.applyingContext(normalized[i], municipality: m.municipality, prefecture: m.prefecture)
        }

        // Group by matching key (generic names per project).
        struct GroupKey: Hashable { var generic: Bool; var project: String?; var key: CanonicalKey }
        let groups: [[Int]] = {
            var groupIndex: [GroupKey: Int] = [:]
            groupIndex.reserveCapacity(normalized.count)
            var groups: [[Int]] = []
            for (i, n) in normalized.enumerated() {
                let g = GroupKey(generic: n.generic, project: n.generic ? distinct[i].project : nil, key: CanonicalKey(n.key))
                if let known = groupIndex[g] { groups[known].append(i) } else {
                    groupIndex[g] = groups.count
                    groups.append([i])
                }
            }
            return groups
        }()

        // Split each group by explicit prefecture.
        var clusters: [[Int]] = []
        for members in groups {
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
                if let p = normalized[i].prefecture, explicit.contains(p) { byPrefecture[p, default: []].append(i) } else { unknown.append(i) }
            }
            var parts = explicit.map { byPrefecture[$0]! }
            if !unknown.isEmpty { parts.append(unknown) }
            clusters.append(contentsOf: parts)
        }

        // Split each cluster by legal form (form and position) when its members disagree.
        struct Signature: Hashable { var form: String; var position: LegalFormPosition }
        func signature(_ i: Int) -> Signature? {
            guard let f = normalized[i].legalForm, let p = normalized[i].legalFormPosition else { return nil }
            return Signature(form: f, position: p)
        }
        var keptApart: [[[Int]]] = []
        var split: [[Int]] = []
        for members in clusters {
            var order: [Signature?] = []
            var bySignature: [Signature?: [Int]] = [:]
            for i in members {
                let sig = signature(i)
                if bySignature[sig] == nil { order.append(sig) }
                bySignature[sig, default: []].append(i)
            }
            if order.compactMap({ $0 }).count <= 1 {
                split.append(members)
                continue
            }
            let parts = order.map { bySignature[$0]! }
            split.append(contentsOf: parts)
            keptApart.append(parts)
        }
        clusters = split.sorted { $0[0] < $1[0] }

        // Build organisations.
        var organizations: [Organization] = []
        organizations.reserveCapacity(clusters.count)
        var distinctToOrganization = [Int](repeating: 0, count: distinct.count)
        // One table serves both questions: how many organisations have a name, and whether an id
        // is taken (an id is mostly its organisation's name, so one entry answers both).
        struct NameUse { var organizations: Int32 = 0; var taken = false }
        var uses: [CanonicalKey: NameUse] = [:]
        uses.reserveCapacity(clusters.count)
        for c in clusters { uses[CanonicalKey(normalized[c[0]].name), default: NameUse()].organizations += 1 }
        /// Takes the id `key` unless it is taken.
        func take(_ key: CanonicalKey) -> Bool {
            if uses[key, default: NameUse()].taken { return false }
            uses[key, default: NameUse()].taken = true
            return true
        }
        var merges: [EntityMerge] = []
        for c in clusters {
            let first = normalized[c[0]]
            let nameKey = CanonicalKey(first.name)
            let explicitPrefecture = c.lazy.compactMap { normalized[$0].prefectureInferred ? nil : normalized[$0].prefecture }.first
            let prefecture = explicitPrefecture ?? c.lazy.compactMap { normalized[$0].prefecture }.first
            let withForm = c.first { normalized[$0].legalForm != nil }
            let legalForm = withForm.flatMap { normalized[$0].legalForm }
            var id = first.name
            if uses[nameKey, default: NameUse()].organizations > 1 {
                if first.generic, let p = distinct[c[0]].project { id = "\(first.name)@\(p)" }
                else if let withForm { id = (explicitPrefecture ?? "") + normalized[withForm].fullName }
                else if let prefecture { id = prefecture + first.name }
            }
            var k = 2
            let baseID = id
            var idKey = id == first.name ? nameKey : CanonicalKey(id)
            while !take(idKey) {
                id = "\(baseID)#\(k)"
                k += 1
                idKey = CanonicalKey(id)
            }

            // Spellings in order of first mention, with their locations and normalisation steps.
            var spellings: [(text: String, steps: [NormalizationStep], locations: [SourceReference])] = []
            var members: [[Int]] = []   // the distinct mentions behind each spelling
            for i in c {
                let text = distinct[i].text.trimmingWhitespace()
                if let j = spellings.firstIndex(where: { $0.text == text }) {
                    members[j].append(i)
                } else {
                    spellings.append((text, normalized[i].steps, []))
                    members.append([i])
                }
            }
            if spellings.count > 1 {
                for j in spellings.indices { spellings[j].locations = members[j].flatMap(locations) }
            }
            // The display name: the longest spelling as written (white space not counted), the
            // first of equals; one completed from its context only when there is no other.
            var best = c[0]
            func rank(_ i: Int) -> (Int, Int) {
                let contextual = normalized[i].steps.contains { if case .contextMunicipality = $0 { return true } else { return false } }
                return (contextual ? 0 : 1, normalized[i].written.unicodeScalars.lazy.filter { !$0.properties.isWhitespace }.count)
            }
            for i in c.dropFirst() where rank(i) > rank(best) { best = i }
            let name = normalized[best].written
            let organization = Organization(id: id, name: name, kind: .other, legalForm: legalForm)
            let aliases = spellings.map(\.text).filter { $0 != name && $0 != organization.fullName }
            if spellings.count > 1 {
                for s in spellings {
                    let reasons = s.steps.isEmpty ? ["same name"] : s.steps.map(\.description)
                    merges.append(EntityMerge(organization: id, name: organization.fullName, spelling: s.text, reasons: reasons,
                                              locations: s.locations.sorted()))
                }
            }
            let org = Organization(id: id, name: name, kind: builtInKind(first.kind),
                                   category: first.category, legalForm: legalForm, prefecture: prefecture,
                                   municipality: first.municipality, aliases: aliases, generic: first.generic)
            for i in c { distinctToOrganization[i] = organizations.count }
            organizations.append(org)
        }
        // Every pair of parts of a cluster split by legal form.
        var duplicates: [PossibleDuplicate] = []
        for parts in keptApart {
            for a in parts.indices {
                for b in parts.indices where b > a {
                    let i = parts[a][0], j = parts[b][0]
                    func form(_ k: Int) -> (form: String, position: LegalFormPosition)? {
                        guard let f = normalized[k].legalForm, let p = normalized[k].legalFormPosition else { return nil }
                        return (f, p)
                    }
                    let oa = organizations[distinctToOrganization[i]], ob = organizations[distinctToOrganization[j]]
                    duplicates.append(PossibleDuplicate(organizations: [oa.id, ob.id], names: [oa.name, ob.name],
                                                        reason: PossibleDuplicate.reason(base: normalized[i].name, form(i), form(j)),
                                                        location: locations(j).min()))
                }
            }
        }
        return ResolvedEntities(organizations: organizations, assignments: distinctToOrganization, merges: merges,
                                possibleDuplicates: duplicates)
    }
}

