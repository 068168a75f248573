/// A sector an organisation belongs to (社協, 行政, 学校, NPO …).
///
/// Kinds form an open set: the built-in ones cover the report's partners and a
/// dataset may add its own in `dataset.yaml`. A kind is identified by its
/// Japanese label, which is what datasets and reports write.
public struct OrganizationKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The Japanese label, also the identifier (`社協`).
    public var id: String
    /// English label for command-line help and English-speaking users.
    public var english: String
    /// Position in the canonical ordering (built-ins first, then added kinds).
    public var order: Int

    public init(id: String, english: String, order: Int) {
        self.id = id
        self.english = english
        self.order = order
    }

    public var description: String { id }

    public static func < (lhs: OrganizationKind, rhs: OrganizationKind) -> Bool {
        (lhs.order, lhs.id) < (rhs.order, rhs.id)
    }

    public static let builtIn: [OrganizationKind] = [
        ("社協", "social welfare council"),
        ("行政", "government"),
        ("学校", "school"),
        ("NPO", "non-profit"),
        ("企業", "company"),
        ("医療・保健", "health"),
        ("地域団体", "community body"),
        ("協同組合", "cooperative"),
        ("専門職", "professional"),
        ("その他", "other"),
    ].enumerated().map { OrganizationKind(id: $1.0, english: $1.1, order: $0) }

    /// The fallback kind for names nothing else matches.
    public static let other = builtIn[builtIn.count - 1]
}

/// A kind of partnership activity (後援, 会場提供 …), with a stable ASCII id.
public struct RelationKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Stable ASCII identifier used in JSON and for scripts (`venue`).
    public var id: String
    /// Japanese label (`会場提供`), what diagrams and reports show.
    public var japanese: String
    /// English label.
    public var english: String
    /// Position in the canonical ordering.
    public var order: Int

    public init(id: String, japanese: String, english: String, order: Int) {
        self.id = id
        self.japanese = japanese
        self.english = english
        self.order = order
    }

    public var description: String { japanese }

    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool {
        (lhs.order, lhs.id) < (rhs.order, rhs.id)
    }

    public static let builtIn: [RelationKind] = [
        ("endorsement", "後援", "endorsement"),
        ("publicity", "広報・チラシ配布", "publicity and flyers"),
        ("referral-of-participants", "参加者紹介・コーディネート", "participant referral and coordination"),
        ("lecturers", "講師派遣", "lecturers"),
        ("venue", "会場提供", "venue"),
        ("information-sharing", "情報共有・ケース会議", "information sharing and case meetings"),
        ("linkage-to-support", "相談・支援へのつなぎ", "linkage to consultation and support"),
        ("food-and-goods", "食料・物資提供", "food and goods"),
        ("funding", "資金・助成", "funding and grants"),
        ("co-organising", "共催・協働", "co-organising and joint work"),
        ("expert-advice", "助言・専門的支援", "advice and expert support"),
    ].enumerated().map { RelationKind(id: $1.0, japanese: $1.1, english: $1.2, order: $0) }

    /// Wordings met in partnership spreadsheets and in the report, mapped to built-in relation ids.
    /// Only unambiguous ones: a bare 連携 or 協力 says nothing about what was done and stays unknown.
    public static let commonWordings: [String: String] = [
        "名義後援": "endorsement", "後援名義": "endorsement",
        "チラシ": "publicity", "チラシ配架": "publicity", "周知": "publicity", "広報協力": "publicity",
        "情報発信": "publicity", "ポスター掲示": "publicity",
        "紹介": "referral-of-participants", "参加者の紹介": "referral-of-participants",
        "対象者の紹介": "referral-of-participants", "声かけ": "referral-of-participants",
        "募集協力": "referral-of-participants",
        "講師": "lecturers", "講師の派遣": "lecturers", "ファシリテーター": "lecturers",
        "会場": "venue", "会場の提供": "venue", "場所の提供": "venue", "場所提供": "venue",
        "連絡会": "information-sharing", "情報交換": "information-sharing", "ケース検討": "information-sharing",
        "つなぎ": "linkage-to-support", "相談支援": "linkage-to-support", "支援へのつなぎ": "linkage-to-support",
        "リファー": "linkage-to-support",
        "食料提供": "food-and-goods", "物資": "food-and-goods", "食材提供": "food-and-goods",
        "物品提供": "food-and-goods", "寄贈": "food-and-goods",
        "寄付": "funding", "助成金": "funding", "補助金": "funding", "資金提供": "funding",
        "共同開催": "co-organising", "協働事業": "co-organising", "実行委員会": "co-organising",
        "スーパーバイズ": "expert-advice", "専門的助言": "expert-advice", "アドバイス": "expert-advice",
        // Wordings met in survey sheets (issue 10). A commission is money for the partner's work
        // (the seed dataset's funder rule); 見守り, ボランティア派遣 and 調査協力 say something of their
        // own and become dataset-local relations.
        "委託": "funding", "業務委託": "funding", "事業委託": "funding", "協賛": "funding", "寄付金": "funding",
        "助成金交付": "funding",
        "チラシ配布": "publicity", "広報協力・周知": "publicity", "ポスター掲示・チラシ配架": "publicity",
        "講演": "lecturers", "講師依頼": "lecturers",
        "会場貸出": "venue", "会場貸し": "venue", "場所貸し": "venue",
        "情報提供": "information-sharing", "連絡調整": "information-sharing", "情報共有会議": "information-sharing",
        "参加者募集": "referral-of-participants", "利用者紹介": "referral-of-participants",
        "物資提供": "food-and-goods", "食品提供": "food-and-goods", "フードドライブ": "food-and-goods",
        "共同実施": "co-organising",
        "専門的支援": "expert-advice", "助言指導": "expert-advice",
    ]
}

/// The kinds and relations a dataset may use: the built-ins plus its own.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var kinds: [OrganizationKind]
    public private(set) var relations: [RelationKind]
    /// A dataset's or user's own wordings of relations (`synonyms:` of a vocabulary file): the
    /// wording (NFKC) → relation id. Looked up before ``RelationKind/commonWordings``.
    public private(set) var synonyms: [String: String]
    /// Positions in `kinds` by id, and by lower-cased English label or id (first kind wins):
    /// lookups and additions in O(1), so a `dataset.yaml` with 200,000 kinds loads in linear time.
    private var kindByID: [String: Int] = [:]
    private var kindByLowered: [String: Int] = [:]
    /// Positions in `relations` by id.
    private var relationByID: [String: Int] = [:]

    public init(kinds: [OrganizationKind] = OrganizationKind.builtIn,
                relations: [RelationKind] = RelationKind.builtIn,
                synonyms: [String: String] = [:]) {
        self.kinds = []
        self.relations = []
        self.synonyms = synonyms
        for k in kinds { appendKind(k) }
        for r in relations { appendRelation(r) }
    }

    /// Adds a wording of the relation `relationID` (replacing an earlier one of the same wording).
    public mutating func addSynonym(_ wording: String, relationID: String) {
        synonyms[wording.trimmingWhitespace().nfkcComposed] = relationID
    }

    private mutating func appendKind(_ kind: OrganizationKind) {
        let i = kinds.count
        kinds.append(kind)
        if kindByID[kind.id] == nil { kindByID[kind.id] = i }
        for spelling in [kind.english.lowercased(), kind.id.lowercased()] where kindByLowered[spelling] == nil {
            kindByLowered[spelling] = i
        }
    }

    private mutating func appendRelation(_ relation: RelationKind) {
        if relationByID[relation.id] == nil { relationByID[relation.id] = relations.count }
        relations.append(relation)
    }

    /// The built-in vocabulary.
    public static let standard = Vocabulary()

    /// Adds a kind (ignored when one with the same id exists). Returns the kind in the vocabulary.
    /// - Complexity: O(1) amortised.
    @discardableResult
    public mutating func addKind(id: String, english: String?) -> OrganizationKind {
        if let existing = kindByID[id] { return kinds[existing] }
        let kind = OrganizationKind(id: id, english: english ?? id, order: kinds.count)
        appendKind(kind)
        return kind
    }

    /// Adds a relation (ignored when one with the same id exists).
    /// - Complexity: O(1) amortised.
    @discardableResult
    public mutating func addRelation(id: String, japanese: String, english: String?) -> RelationKind {
        if let existing = relationByID[id] { return relations[existing] }
        let relation = RelationKind(id: id, japanese: japanese, english: english ?? id, order: relations.count)
        appendRelation(relation)
        return relation
    }

    /// Looks a kind up by its Japanese id or its English label (case-insensitive).
    /// - Complexity: O(length of `text`).
    public func kind(named text: String) -> OrganizationKind? {
        let t = text.trimmingWhitespace()
        if let k = kindByID[t] { return kinds[k] }
        return kindByLowered[t.lowercased()].map { kinds[$0] }
    }

    /// Looks a relation up by id, Japanese label or English label.
    public func relation(named text: String) -> RelationKind? {
        let t = text.trimmingWhitespace()
        if let r = relations.first(where: { $0.id == t || $0.japanese == t }) { return r }
        let lower = t.lowercased()
        if let r = relations.first(where: { $0.english.lowercased() == lower || $0.id.lowercased() == lower }) {
            return r
        }
        // One half of a compound label (情報共有 → 情報共有・ケース会議), when only one label has it.
        let halves = relations.filter { $0.japanese.split(separator: "・").contains { $0 == Substring(t) } }
        if halves.count == 1 { return halves[0] }
        // The user's wordings, then how spreadsheets commonly word the built-in relations.
        if let id = synonyms[t] ?? synonyms[t.nfkcComposed], let r = relations.first(where: { $0.id == id }) { return r }
        if let id = RelationKind.commonWordings[t], let r = relations.first(where: { $0.id == id }) { return r }
        return nil
    }

    /// The items of a relation cell: ``splitList(_:)``, then an item with `・` that is no relation
    /// itself is split on `・` only when every part is a known relation (後援・会場提供 is two;
    /// 情報共有・ケース会議 and 見守り・声かけ stay one).
    /// - Complexity: O(*n*) in the length of `text` times the vocabulary size.
    public func splitRelations(_ text: String) -> [String] {
        var out: [String] = []
        for item in Vocabulary.splitList(text) {
            guard item.contains("・"), relation(named: item) == nil, relation(named: item.nfkcComposed) == nil else {
                out.append(item)
                continue
            }
            let parts = item.split(separator: "・").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            if parts.count > 1, parts.allSatisfy({ relation(named: $0) != nil || relation(named: $0.nfkcComposed) != nil }) {
                out += parts
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// Every spelling a kind may be given by (Japanese ids and English labels), for did-you-mean hints.
    public var kindNames: [String] { kinds.flatMap { [$0.id, $0.english] } }

    /// Every spelling a relation may be given by (Japanese labels and ids), for did-you-mean hints.
    public var relationNames: [String] { relations.flatMap { [$0.japanese, $0.id] } }

    /// The closest known kind label for an unknown one, for a did-you-mean hint.
    public func suggestKind(for text: String) -> String? {
        closest(to: text, among: kindNames)
    }

    /// The closest known relation label for an unknown one, for a did-you-mean hint.
    public func suggestRelation(for text: String) -> String? {
        closest(to: text, among: relationNames)
    }

    /// The items of a written list of relations (or ids): split on `;` `；` `、` `,` `，` `／` `/`, each
    /// item trimmed, empty items dropped. The one rule for relation cells, filters and id lists.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func splitList(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        return text.split(whereSeparator: { listSeparators.contains($0) })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The separators of ``splitList(_:)``.
    static let listSeparators: Set<Character> = [";", "；", "、", ",", "，", "／", "/"]
}

/// Did-you-mean hints: the one spelling of them for every loader, command and diagram.
public enum Suggestion {
    /// ` (did you mean 'x'?)`, or "" when there is no candidate.
    public static func didYouMean(_ candidate: String?) -> String {
        candidate.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// ` (did you mean 'x'?)` for the closest plausible candidate to `text`, or "".
    /// - Complexity: O(*k* × *ℓ*²) for *k* candidates of length about *ℓ*.
    public static func didYouMean(_ text: String, among candidates: [String]) -> String {
        didYouMean(closest(to: text, among: candidates))
    }
}

/// Picks the candidate with the smallest edit distance, if it is close enough to be a plausible typo:
/// the base of every did-you-mean hint (kinds, relations, organisation and project ids).
/// - Complexity: O(*k* × *ℓ*²) for *k* candidates of length about *ℓ*.
func closest(to text: String, among candidates: [String]) -> String? {
    let t = Array(text.lowercased())
    var best: (String, Int)?
    // A candidate that contains the text (情報 → 情報共有・ケース会議) is the likeliest meaning.
    let lowered = text.lowercased()
    let containing = candidates.filter { !text.isEmpty && characters(of: $0.lowercased(), contain: lowered) }
    for c in containing.isEmpty ? candidates : containing {
        let d = editDistance(t, Array(c.lowercased()))
        if best == nil || d < best!.1 { best = (c, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(1, min(t.count, candidate.count) / 2)
    return distance <= limit || characters(of: candidate, contain: text) || characters(of: text, contain: candidate)
        ? candidate : nil
}

/// Whether `needle` occurs in `haystack`, compared Character by Character.
///
/// Deliberately not `String.contains(_:)`: in files where Foundation is visible that resolves to
/// `StringProtocol.range(of:)`, which aborts ("String index is out of bounds") when the needle ends
/// in a NUL (`後援\0` against `後援`) — the crash of every command on a NUL after a known label.
/// - Complexity: O(*n* × *m*); labels are short.
func characters(of haystack: String, contain needle: String) -> Bool {
    if needle.isEmpty { return true }
    let h = Array(haystack), n = Array(needle)
    guard n.count <= h.count else { return false }
    for start in 0...(h.count - n.count) where h[start] == n[0] {
        if h[start..<(start + n.count)].elementsEqual(n) { return true }
    }
    return false
}

/// Levenshtein distance over characters.
/// - Complexity: O(*m* × *n*) time, O(*n*) memory.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension String {
    /// NFKC with the kana composed: Foundation's NFKC on Linux leaves a half-width voiced mark as
    /// a combining U+3099/U+309A (ﾌﾞ → フ + ◌゙); a canonical composition afterwards gives ブ, one
    /// code point, as Python's `unicodedata.normalize("NFKC", …)` does.
    package var nfkcComposed: String {
        if isNormalizationInert { return self }
        let k = precomposedStringWithCompatibilityMapping
        guard k.unicodeScalars.contains(where: { $0.value == 0x3099 || $0.value == 0x309A }) else { return k }
        return k.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that NFC and NFKC leave as it is and that never combines
    /// with a neighbour: printable ASCII, hiragana, katakana, the CJK punctuation that maps to
    /// itself, and CJK unified ideographs (URO and extension A). Such a string is its own NFC and
    /// NFKC form, so normalising it can be skipped and its UTF-8 bytes can be hashed as they are.
    /// (`NormalizationInertTests` checks every scalar of these ranges against Foundation's NFKC
    /// and NFC and the scalars' canonical combining class.)
    /// - Complexity: O(*n*) in the scalars, no allocation.
    package var isNormalizationInert: Bool {
        for s in unicodeScalars where !Self.isInertScalar(s.value) { return false }
        return true
    }

    /// The ranges behind ``isNormalizationInert`` (Unicode 14 data, checked by a test against
    /// the toolchain's).
    package static func isInertScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x4E00...0x9FFF, 0x3041...0x3096, 0x30A0...0x30FE, 0x3400...0x4DBF,
             0x3001...0x3029, 0x3030...0x3035, 0x309D...0x309E: return true
        default: return false
        }
    }

    /// The string without leading and trailing white space (including U+3000 ideographic space).
    package func trimmingWhitespace() -> String {
        // The common case without Character properties: the first and last scalars are inert
        // (never white space, never a mark joined to a space before it) and not the space.
        if let f = unicodeScalars.first?.value, let l = unicodeScalars.last?.value, f != 0x20, l != 0x20,
           Self.isInertScalar(f), Self.isInertScalar(l) { return self }
        if let f = first, let l = last, !f.isWhitespace, !l.isWhitespace { return self }
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
