import Foundation

/// One proposed partnership: a partner of a case's lead, what it did and the lines that say so.
public struct ProposedPartnership: Sendable, Equatable {
    public var caseNumber: Int
    /// The case's title (事業名).
    public var project: String
    /// The lead organisation as written on the lead line, without its place (団体名).
    public var lead: String
    /// The partner as first written (連携先).
    public var partner: String
    /// The partner's kind from the rulebook (種別).
    public var kind: String
    public var generic: Bool
    public var relations: [RelationKind]
    public var status: PartnershipStatus
    /// The report lines (1-based) of every sentence naming the partner with this status.
    public var lines: [Int]
    /// Those sentences.
    public var sentences: [String]
    /// 0…1: how sure the rules are (see ``Confidence``).
    public var confidence: Double
}

/// How sure a proposal is, from how it was found. Legal forms and 「」 names are surest, a bare
/// institution word least; the partnership sections, several sentences and a relation cue add, a
/// name still holding garbled code points subtracts.
public enum Confidence {
    public static func score(rule: Mention.Rule, generic: Bool, inPartnerSection: Bool, sentences: Int,
                             hasCue: Bool, garbled: Bool) -> Double {
        var c: Double
        switch rule {
        case .legalForm: c = 0.75
        case .quoted: c = 0.6
        case .suffix: c = generic ? 0.35 : 0.5
        case .label: c = 0.4
        }
        if inPartnerSection { c += 0.1 }
        c += min(Double(sentences - 1) * 0.05, 0.1)
        if !hasCue { c -= 0.1 }
        if garbled { c -= 0.25 }
        return (min(max(c, 0.05), 0.95) * 100).rounded() / 100
    }
}

/// Proposes a report's partnerships: cases and sections by the profile, mentions by
/// ``MentionFinder``, merged per case with ``EntityResolver``, relations and status by
/// ``RelationCues``. The lead itself, what the case's title names (the lead's own project), the
/// programme's funder and media are left out.
public enum ReportExtractor {
    /// Sections where partnerships are described on purpose.
    static let partnerSectionWords = ["連携"]

    /// - Complexity: O(*n*) in the report's length (the rule tables are constant).
    public static func extract(_ report: ReportText, vocabulary: Vocabulary = .standard) throws -> [ProposedPartnership] {
        var result: [ProposedPartnership] = []
        for c in try report.cases() {
            result.append(contentsOf: extract(case: c, from: report, vocabulary: vocabulary))
        }
        return result
    }

    /// The lead line without its trailing `（place）`.
    static func leadName(_ lead: String) -> String {
        var s = lead
        if let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }) { s = String(s[..<open]) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    static func isLead(_ n: NormalizedName, lead: NormalizedName) -> Bool {
        if n.key == lead.key { return true }
        let a = n.name, b = lead.name
        if !n.generic, a.count >= 3, b.contains(a) { return true }
        if b.count >= 3, a.contains(b) { return true }
        return false
    }

    static func extract(case c: ReportCase, from report: ReportText, vocabulary: Vocabulary) -> [ProposedPartnership] {
        let leadText = leadName(c.lead)
        let lead = NameNormalizer.normalize(leadText)
        let profile = report.profile
        let titleScalars = Array(c.title.unicodeScalars)
        struct Found { var mention: Mention; var sentence: ReportSentence; var line: Int; var status: PartnershipStatus; var relations: [RelationKind] }
        var found: [Found] = []
        for sentence in report.sentences(of: c) {
            var mentions = MentionFinder.mentions(in: sentence.scalars)
            if partnerSectionWords.contains(where: { sentence.section?.contains($0) ?? false }),
               let label = MentionFinder.labelMention(in: sentence.scalars, besides: mentions) {
                mentions.insert(label, at: 0)
            }
            // Cues are read outside the names (…協議会 holds 協議, …共同募金会 holds 共同).
            var rest = sentence.scalars
            for m in mentions { for k in m.range { rest[k] = "・" } }
            let cueText = String(String.UnicodeScalarView(rest))
            let status = RelationCues.status(of: cueText)
            let relations = RelationCues.relations(in: cueText, vocabulary: vocabulary)
            for m in mentions {
                if isLead(m.normalized, lead: lead) { continue }
                // A named thing the case's title holds is the lead's own project (…ユースセンター事業).
                if !m.normalized.generic, m.normalized.name.count >= 3, ScalarSearch.contains(titleScalars, Array(m.normalized.name.unicodeScalars)) { continue }
                if profile.funderWords.contains(where: { ScalarSearch.contains(m.text, $0) }) { continue }
                if profile.mediaWords.contains(where: { ScalarSearch.contains(m.text, $0) }) { continue }
                found.append(Found(mention: m, sentence: sentence, line: sentence.lineOf[m.range.lowerBound], status: status, relations: relations))
            }
        }
        let project = "C\(c.number)"
        let resolved = EntityResolver.resolve(found.map {
            NameMention(text: $0.mention.text, project: project, location: SourceReference(document: "", line: $0.line))
        })
        let orgOf = CaseMerge.merge(names: found.map { $0.mention.normalized }, assignments: resolved.assignments)
        struct Key: Hashable { var org: Int; var status: PartnershipStatus }
        var order: [Key] = []
        var groups: [Key: [Int]] = [:]
        for (i, f) in found.enumerated() {
            let key = Key(org: orgOf[i], status: f.status)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        return order.map { key in
            let members = groups[key]!.map { found[$0] }
            let first = members[0]
            // The organisation of the member with the longest name (a merged bare 社会福祉協議会
            // takes the kind and name of the named one).
            let longest = groups[key]!.max { a, b in found[a].mention.normalized.name.count < found[b].mention.normalized.name.count }!
            let org = resolved.organizations[resolved.assignments[longest]]
            var lines: [Int] = []
            var sentences: [String] = []
            var relationIDs = Set<String>()
            var best = first.mention.rule
            for m in members {
                if !lines.contains(m.line) { lines.append(m.line) }
                let t = m.sentence.text.trimmingCharacters(in: .whitespaces)
                if !sentences.contains(t) { sentences.append(t) }
                relationIDs.formUnion(m.relations.map(\.id))
                if MentionFinder.priority(m.mention.rule) > MentionFinder.priority(best) { best = m.mention.rule }
            }
            let hasCue = !relationIDs.isEmpty
            if !hasCue { relationIDs.insert(RelationCues.fallback) }
            let inSection = members.contains { m in partnerSectionWords.contains { m.sentence.section?.contains($0) ?? false } }
            let partner = members.map(\.mention.text).max { a, b in a.count < b.count } ?? first.mention.text
            return ProposedPartnership(
                caseNumber: c.number, project: c.title, lead: lead.fullName, partner: partner,
                kind: org.kind.id, generic: org.generic,
                relations: vocabulary.relations.filter { relationIDs.contains($0.id) },
                status: key.status, lines: lines.sorted(), sentences: sentences,
                confidence: Confidence.score(rule: best, generic: org.generic, inPartnerSection: inSection,
                                             sentences: sentences.count, hasCue: hasCue,
                                             garbled: GlyphMap.looksGarbled(partner)))
        }
    }
}

/// Merges one case's organisations that the entity resolver keeps apart because the PDF extraction
/// damaged one spelling: names equal where both are legible (a wrongly extracted code point stands
/// for any one character, and one character may be dropped: 青?社会福祉協議会 = 青葉市社会福祉協議会),
/// and a name that ends exactly one named organisation of the case — a bare institution word
/// (社会福祉協議会), or a name of four or more characters of the same kind, or the kind the
/// longer one's legal form gives (…グリーンプロジェクト).
enum CaseMerge {
    /// For each mention, its merged organisation (the smallest resolved id of its group).
    static func merge(names: [NormalizedName], assignments: [Int]) -> [Int] {
        var parent: [Int: Int] = [:]
        func find(_ x: Int) -> Int { var x = x; while let p = parent[x], p != x { x = p }; return x }
        func union(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        var nameOf: [Int: NormalizedName] = [:]
        for (i, n) in names.enumerated() where nameOf[assignments[i]] == nil { nameOf[assignments[i]] = n }
        let ids = nameOf.keys.sorted()
        for (x, a) in ids.enumerated() {
            for b in ids[(x + 1)...] {
                let na = nameOf[a]!, nb = nameOf[b]!
                if sameDamaged(na, nb) { union(a, b) }
            }
        }
        // A bare institution word, or a name of four or more characters with the same kind: merged
        // with the one named organisation ending with it (two would be ambiguous: 区民センター).
        for a in ids {
            let na = nameOf[a]!
            let bare = MentionFinder.headWords.contains(na.name) && !MentionFinder.placeEnds.contains(na.name)
            guard bare || na.name.count >= 4 else { continue }
            let named = ids.filter { b in
                let nb = nameOf[b]!
                return b != a && !nb.generic && nb.name.count > na.name.count && nb.name.hasSuffix(na.name)
                    && (bare || nb.kind == na.kind || nb.legalForm != nil)
            }
            if named.count == 1 { union(a, named[0]) }
        }
        return assignments.map(find)
    }

    static func sameDamaged(_ a: NormalizedName, _ b: NormalizedName) -> Bool {
        let x = Array(a.name.unicodeScalars), y = Array(b.name.unicodeScalars)
        guard x.count >= 4, y.count >= 4 else { return false }
        let garbled = x.contains(where: MentionFinder.isGarbled) || y.contains(where: MentionFinder.isGarbled)
        return garbled && (wildcardEqual(x, y) || wildcardEqual(y, x))
    }

    /// Whether `x` equals `y` when a garbled scalar of either stands for one character and at most
    /// one character of `y` is missing from `x`; at least three characters agree.
    static func wildcardEqual(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        guard y.count == x.count || y.count == x.count + 1 else { return false }
        var i = 0, j = 0, drops = 0, agree = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] { agree += 1; i += 1; j += 1 }
            else if MentionFinder.isGarbled(x[i]) || MentionFinder.isGarbled(y[j]) { i += 1; j += 1 }
            else if drops == 0, y.count > x.count { drops += 1; j += 1 }
            else { return false }
        }
        if j < y.count, drops == 0 { drops += 1; j += 1 }
        return i == x.count && j == y.count && agree >= 3 && agree * 2 >= y.count
    }
}
