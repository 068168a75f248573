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
/// ``RelationCues``. The lead itself, the programme's funder and media are left out.
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
        struct Found { var mention: Mention; var sentence: ReportSentence; var line: Int; var status: PartnershipStatus; var relations: [RelationKind] }
        var found: [Found] = []
        for sentence in report.sentences(of: c) {
            let text = sentence.text
            let mentions = MentionFinder.mentions(in: sentence.scalars)
            // Cues are read outside the names (…協議会 holds 協議, …共同募金会 holds 共同).
            var rest = sentence.scalars
            for m in mentions { for k in m.range { rest[k] = "・" } }
            let cueText = String(String.UnicodeScalarView(rest))
            let status = RelationCues.status(of: cueText)
            let relations = RelationCues.relations(in: cueText, vocabulary: vocabulary)
            for m in mentions {
                if isLead(m.normalized, lead: lead) { continue }
                if profile.funderWords.contains(where: { ScalarSearch.contains(m.text, $0) }) { continue }
                if profile.mediaWords.contains(where: { ScalarSearch.contains(m.text, $0) }) { continue }
                found.append(Found(mention: m, sentence: sentence, line: sentence.lineOf[m.range.lowerBound], status: status, relations: relations))
            }
        }
        let project = "C\(c.number)"
        let resolved = EntityResolver.resolve(found.map {
            NameMention(text: $0.mention.text, project: project, location: SourceReference(document: "", line: $0.line))
        })
        struct Key: Hashable { var org: Int; var status: PartnershipStatus }
        var order: [Key] = []
        var groups: [Key: [Int]] = [:]
        for (i, f) in found.enumerated() {
            let key = Key(org: resolved.assignments[i], status: f.status)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        return order.map { key in
            let members = groups[key]!.map { found[$0] }
            let first = members[0]
            let org = resolved.organizations[key.org]
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
