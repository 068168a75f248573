import Foundation

/// One change the normaliser made to a name; the reasons listed when two spellings are merged.
public enum NormalizationStep: Hashable, Sendable, CustomStringConvertible {
    /// NFKC turned compatibility characters into ordinary ones (full-width Ａ → A, ⾏ → 行, ㈱ → (株)).
    case compatibilityCharacters
    /// White space (including U+3000) was removed.
    case whitespace
    /// A legal form was split off; `written` is the spelling met, `canonical` the standard one.
    case legalForm(written: String, canonical: String)
    /// 社協 was read as 社会福祉協議会.
    case shakyoExpanded
    /// A prefecture (and 郡) written before the municipality was moved to the prefecture field.
    case placePrefixDropped(String)
    /// A bare type name (社協, 市役所) was given the municipality of its context.
    case contextMunicipality(String)

    /// The step in words, as `validate --merges` prints it.
    public var description: String {
        switch self {
        case .compatibilityCharacters: return "NFKC (full-width and compatibility characters)"
        case .whitespace: return "white space removed"
        case let .legalForm(written, canonical):
            return written == canonical ? "legal form \(canonical) split off" : "legal form \(written) = \(canonical)"
        case .shakyoExpanded: return "社協 = 社会福祉協議会"
        case .placePrefixDropped(let p): return "\(p) written before the municipality"
        case .contextMunicipality(let m): return "bare name read as \(m)'s"
        }
    }
}

/// Where a legal form stands in a name: 前株 (`株式会社テスト`) or 後株 (`テスト株式会社`).
/// The two are different legal entities, so names that differ only in it are never merged.
public enum LegalFormPosition: String, Hashable, Sendable {
    /// Before the name (前株, 前有 …).
    case before
    /// After the name (後株, 後有 …).
    case after

    /// 前 or 後, as Japanese writes it (前株, 後株).
    var japanese: String { self == .before ? "前" : "後" }
}

/// A name after normalisation: the name as written, the base name matching works on, legal form,
/// place and inferred kind.
public struct NormalizedName: Hashable, Sendable {
    /// The text exactly as it arrived.
    public var original: String
    /// The name as written, the one an organisation is shown by: NFKC, trimmed, every run of
    /// white space made one space (see ``NameNormalizer/written(_:)``). The legal form and every
    /// space the user typed between words stay: `株式会社 テスト`, `北区 社会福祉協議会`.
    public var written: String
    /// Base name, the matching level: NFKC, white space removed (one space kept between Latin
    /// words), legal form split off, 社協 spelled 社会福祉協議会, a prefecture or 郡 written before
    /// the municipality removed (`東京都北区社協` → `北区社会福祉協議会`). Not for display.
    public var name: String
    /// Canonical legal form (特定非営利活動法人 for NPO法人, (特非) and (特活)).
    public var legalForm: String?
    /// Where the legal form was written, before or after the name (nil without one).
    public var legalFormPosition: LegalFormPosition?
    /// Prefecture (都道府県) written in the name, or inferred (see `prefectureInferred`).
    public var prefecture: String?
    /// True when the prefecture was not written but inferred (a bare Tokyo special ward).
    public var prefectureInferred: Bool
    /// Municipality (市区町村; a designated city's ward is kept with its city: 大阪市淀川区).
    public var municipality: String?
    /// Sector id (社協, 行政, 学校 …; その他 when nothing matched).
    public var kind: String
    /// Institution type where the name shows it (教育委員会, 高校, 民生委員 …).
    public var category: String?
    /// True for a partner named only by its type (地域の保育園, 近隣の中学校, 民生委員).
    public var generic: Bool
    /// Matching key: the base name with Latin letters lower-cased. Names with equal keys are
    /// merged unless their legal forms disagree (see ``EntityResolver``).
    public var key: String
    /// The changes made, in order.
    public var steps: [NormalizationStep]

    /// The base name with its canonical legal form where it was written (`株式会社テスト`,
    /// `テスト株式会社`): a compact formal spelling, used for ids.
    public var fullName: String {
        guard let legalForm else { return name }
        return legalFormPosition == .after ? name + legalForm : legalForm + name
    }
}

/// Normalises Japanese organisation names and infers their sector and institution type.
///
/// The rules, in order: NFKC (Unicode normalisation form KC, which also repairs Kangxi-radical
/// code points such as ⾏ → 行); white-space removal (U+3000 included); one legal form split off
/// at the start or the end (see ``LegalForms``); 社協 → 社会福祉協議会; a leading prefecture,
/// 郡 and municipality read into their fields; then the kind and category table; then the generic test.
public enum NameNormalizer {
    // MARK: Kind and category table

    enum Match: Sendable { case contains, prefixOrSuffix }

    struct Rule: Sendable {
        var keyword: String
        var kind: String
        var category: String?
        var match: Match = .contains
        /// The rule does not fire when the keyword is followed by one of these (高校生, 大学生).
        var notFollowedBy: [Character] = []
        /// The rule fires only when this text comes earlier in the name (大学 … 学部).
        var after: String? = nil
        /// The rule does not fire for a name with a legal form (特定非営利活動法人…子ども食堂 is an NPO).
        var unlessLegalForm = false
    }

    /// The kind rulebook, first match wins: the one table that decides kind and category from a
    /// name (docs/dataset-format.md, "Kind and category", lists it with an example per rule; the
    /// seed dataset's README follows it). Professions come before government so that 行政書士 is
    /// a professional; health comes before schools so that 大学病院 is a hospital; a university's
    /// faculty or graduate school is a school of category 大学; neighbourhood bodies (町会, 区会)
    /// are 地域団体; shops' associations (商店街, 商店会) and コープ are 協同組合.
    static let rules: [Rule] = [
        Rule(keyword: "社会福祉協議会", kind: "社協", category: "社会福祉協議会"),
        Rule(keyword: "社会福祉士会", kind: "専門職", category: "社会福祉士会"),
        Rule(keyword: "精神保健福祉士", kind: "専門職", category: "精神保健福祉士"),
        Rule(keyword: "社会福祉士", kind: "専門職", category: "社会福祉士"),
        Rule(keyword: "介護福祉士", kind: "専門職", category: "介護福祉士"),
        Rule(keyword: "臨床心理士", kind: "専門職", category: "臨床心理士"),
        Rule(keyword: "公認心理師", kind: "専門職", category: "公認心理師"),
        Rule(keyword: "弁護士", kind: "専門職", category: "弁護士"),
        Rule(keyword: "法律事務所", kind: "専門職", category: "弁護士"),
        Rule(keyword: "司法書士", kind: "専門職", category: "司法書士"),
        Rule(keyword: "行政書士", kind: "専門職", category: "行政書士"),
        Rule(keyword: "税理士", kind: "専門職", category: "税理士"),
        Rule(keyword: "社会保険労務士", kind: "専門職", category: "社会保険労務士"),
        Rule(keyword: "看護師", kind: "専門職", category: "看護師"),
        Rule(keyword: "保健師", kind: "専門職", category: "保健師"),
        Rule(keyword: "医師会", kind: "専門職", category: "医師会"),
        Rule(keyword: "医師", kind: "専門職", category: "医師"),
        Rule(keyword: "教育委員会", kind: "行政", category: "教育委員会"),
        Rule(keyword: "児童相談所", kind: "行政", category: "児童相談所"),
        Rule(keyword: "市役所", kind: "行政", category: "市役所"),
        Rule(keyword: "区役所", kind: "行政", category: "区役所"),
        Rule(keyword: "町役場", kind: "行政", category: "町役場"),
        Rule(keyword: "村役場", kind: "行政", category: "村役場"),
        Rule(keyword: "役場", kind: "行政", category: "役場"),
        Rule(keyword: "県庁", kind: "行政", category: "県庁"),
        Rule(keyword: "都庁", kind: "行政", category: "都庁"),
        Rule(keyword: "道庁", kind: "行政", category: "道庁"),
        Rule(keyword: "府庁", kind: "行政", category: "府庁"),
        Rule(keyword: "地域包括支援センター", kind: "医療・保健", category: "地域包括支援センター"),
        Rule(keyword: "保健センター", kind: "医療・保健", category: "保健センター"),
        Rule(keyword: "保健所", kind: "医療・保健", category: "保健所"),
        Rule(keyword: "病院", kind: "医療・保健", category: "病院"),
        Rule(keyword: "クリニック", kind: "医療・保健", category: "クリニック"),
        Rule(keyword: "診療所", kind: "医療・保健", category: "診療所"),
        Rule(keyword: "医院", kind: "医療・保健", category: "診療所"),
        Rule(keyword: "医療機関", kind: "医療・保健", category: "医療機関"),
        Rule(keyword: "訪問看護ステーション", kind: "医療・保健", category: "訪問看護"),
        Rule(keyword: "デイサービス", kind: "医療・保健", category: "デイサービス"),
        Rule(keyword: "小中学校", kind: "学校", category: "小中学校"),
        Rule(keyword: "小学校", kind: "学校", category: "小学校"),
        Rule(keyword: "中学校", kind: "学校", category: "中学校"),
        Rule(keyword: "高等専門学校", kind: "学校", category: "高専"),
        Rule(keyword: "高等学校", kind: "学校", category: "高校"),
        Rule(keyword: "高校", kind: "学校", category: "高校", notFollowedBy: ["生"]),
        Rule(keyword: "短期大学", kind: "学校", category: "短大"),
        Rule(keyword: "短大", kind: "学校", category: "短大", notFollowedBy: ["生"]),
        Rule(keyword: "大学院", kind: "学校", category: "大学"),
        Rule(keyword: "学部", kind: "学校", category: "大学", after: "大学"),
        Rule(keyword: "研究科", kind: "学校", category: "大学", after: "大学"),
        Rule(keyword: "研究室", kind: "学校", category: "大学", after: "大学"),
        Rule(keyword: "大学", kind: "学校", category: "大学", notFollowedBy: ["生", "教"]),
        Rule(keyword: "保育園", kind: "学校", category: "保育園"),
        Rule(keyword: "保育所", kind: "学校", category: "保育園"),
        Rule(keyword: "幼稚園", kind: "学校", category: "幼稚園"),
        Rule(keyword: "こども園", kind: "学校", category: "こども園"),
        Rule(keyword: "特別支援学校", kind: "学校", category: "特別支援学校"),
        Rule(keyword: "専門学校", kind: "学校", category: "専門学校"),
        Rule(keyword: "学校", kind: "学校", category: nil),
        Rule(keyword: "自治会", kind: "地域団体", category: "自治会"),
        Rule(keyword: "町内会", kind: "地域団体", category: "町内会"),
        Rule(keyword: "町会", kind: "地域団体", category: "町内会", notFollowedBy: ["議"]),
        Rule(keyword: "区会", kind: "地域団体", category: "区会", notFollowedBy: ["議"]),
        Rule(keyword: "民生委員", kind: "地域団体", category: "民生委員"),
        Rule(keyword: "児童委員", kind: "地域団体", category: "民生委員"),
        Rule(keyword: "老人クラブ", kind: "地域団体", category: "老人クラブ"),
        Rule(keyword: "シニアクラブ", kind: "地域団体", category: "老人クラブ"),
        Rule(keyword: "家族会", kind: "地域団体", category: "家族会", unlessLegalForm: true),
        Rule(keyword: "子ども食堂", kind: "地域団体", category: "子ども食堂", unlessLegalForm: true),
        Rule(keyword: "こども食堂", kind: "地域団体", category: "子ども食堂", unlessLegalForm: true),
        Rule(keyword: "ボランティア", kind: "地域団体", category: "ボランティア", notFollowedBy: ["セ"], unlessLegalForm: true),
        Rule(keyword: "生活協同組合", kind: "協同組合", category: "生協"),
        Rule(keyword: "生協", kind: "協同組合", category: "生協", match: .prefixOrSuffix),
        Rule(keyword: "コープ", kind: "協同組合", category: "生協", match: .prefixOrSuffix),
        Rule(keyword: "商店街", kind: "協同組合", category: "商店街"),
        Rule(keyword: "商店会", kind: "協同組合", category: "商店会"),
        Rule(keyword: "協同組合", kind: "協同組合", category: "協同組合"),
        Rule(keyword: "振興組合", kind: "協同組合", category: "振興組合"),
        Rule(keyword: "農協", kind: "協同組合", category: "農協", match: .prefixOrSuffix),
        Rule(keyword: "フードバンク", kind: "NPO", category: nil),
    ]

    /// Words that, standing alone, name a type rather than an organisation.
    static let typeWords: Set<String> = [
        "保育園", "保育所", "幼稚園", "こども園", "小学校", "中学校", "小中学校", "高校", "高等学校",
        "定時制高校", "大学", "短大", "学校", "病院", "クリニック", "地域包括支援センター", "保健センター",
        "保健所", "自治会", "町内会", "民生委員", "児童委員", "主任児童委員", "民生委員・児童委員",
        "児童相談所", "教育委員会", "市役所", "区役所", "町役場", "村役場", "役場", "社会福祉協議会",
        "企業", "行政", "関係機関", "専門機関", "支援団体", "NPO", "商店会", "商店街", "老人クラブ",
        "子ども食堂", "こども食堂", "地域団体", "市民団体", "ボランティア", "弁護士", "司法書士",
        "社会福祉士", "市民センター", "公民館", "児童館", "児童会館",
    ]

    /// The last scalar of each of `typeWords`.
    static let typeWordLastScalars = Set(typeWords.compactMap(\.unicodeScalars.last))

    /// Qualifiers that make a name generic (地域の保育園, 近隣の中学校).
    static let genericPrefixes: [String] = [
        "地域の", "近隣の", "近くの", "近所の", "市内の", "区内の", "町内の", "村内の", "周辺の",
        "周辺地域の", "対象地域の", "地元の", "他の", "各地の",
    ]

    /// Endings that make a name generic (民間企業等, 行政関係者).
    static let genericSuffixes: [String] = ["等", "など", "関係者", "担当者"]
    static let genericPrefixScalars = genericPrefixes.map { Array($0.unicodeScalars) }
    static let genericSuffixScalars = genericSuffixes.map { Array($0.unicodeScalars) }

    // MARK: Normalisation

    /// Normalises one name. Pure and deterministic.
    /// - Complexity: O(*n*) in the length of the name (the tables are constant).
    public static func normalize(_ raw: String) -> NormalizedName {
        var steps: [NormalizationStep] = []
        let nfkc = raw.nfkcComposed
        let written = collapsingWhitespace(nfkc)
        // (Scalar for scalar the same text has the same text without white space.)
        if !nfkc.unicodeScalars.elementsEqual(raw.unicodeScalars), removingAllWhitespace(nfkc) != removingAllWhitespace(raw) {
            steps.append(.compatibilityCharacters)
        }
        var text = compactWhitespace(nfkc)
        if text != nfkc.trimmingWhitespace() { steps.append(.whitespace) }

        // Legal form at the start or the end.
        var legalForm: String?
        var position: LegalFormPosition?
        var formKind: String?
        if let split = splitLegalForm(compacted: text) {
            text = split.rest
            legalForm = split.form.canonical
            position = split.position
            formKind = split.form.kind
            steps.append(.legalForm(written: split.variant, canonical: split.form.canonical))
        }
        while let f = text.first, "・･,、".contains(f) { text.removeFirst() }

        if containsScalars(text, "社協"), text.contains("社協") {
            text = text.replacingOccurrences(of: "社協", with: "社会福祉協議会")
            steps.append(.shakyoExpanded)
        }

        // Places.
        let place = parsePlace(text)
        var prefecture = place.prefecture
        var inferred = false
        let municipality = place.municipality
        if !place.droppedPrefix.isEmpty, municipality != nil {
            text = String(text.dropFirst(place.droppedPrefix.count))
            steps.append(.placePrefixDropped(place.droppedPrefix))
        }
        if prefecture == nil, let m = municipality, JapaneseRegions.tokyoSpecialWards.contains(m) {
            prefecture = "東京都"
            inferred = true
        }

        var result = NormalizedName(original: raw, written: written, name: text, legalForm: legalForm,
                                    legalFormPosition: position, prefecture: prefecture,
                                    prefectureInferred: inferred, municipality: municipality, kind: "その他",
                                    category: nil, generic: false, key: caseless(text) ? text : text.lowercased(), steps: steps)
        infer(&result, formKind: formKind, rest: place.rest, wholeIsPlace: place.wholeIsPlace)
        return result
    }

    /// Splits one legal form off the start or the end of a name (after NFKC and white-space
    /// removal): `NPO法人わんず` → (`わんず`, `NPO法人`, 特定非営利活動法人, before). Nil when there is none.
    public static func splitLegalForm(_ name: String) -> (rest: String, variant: String, form: LegalForms.Form, position: LegalFormPosition)? {
        splitLegalForm(compacted: compactWhitespace(name.nfkcComposed))
    }

    /// ``splitLegalForm(_:)`` of text that is already NFKC (kana composed) with its white space
    /// compacted, as `normalize` has it (both steps are idempotent, so they are not repeated).
    static func splitLegalForm(compacted text: String) -> (rest: String, variant: String, form: LegalForms.Form, position: LegalFormPosition)? {
        let scalars = Array(text.unicodeScalars)
        let lowered = asciiLowercased(scalars)
        // A variant at the start begins with one of few scalars, one at the end ends with one.
        guard let first = lowered.first, let last = lowered.last,
              LegalForms.variantFirstScalars.contains(first) || LegalForms.variantLastScalars.contains(last) else { return nil }
        for (i, (variant, form)) in LegalForms.variantTable.enumerated() {
            let v = LegalForms.loweredVariantScalars[i]
            guard lowered.count > v.count else { continue }
            var rest = scalars
            let position: LegalFormPosition
            if lowered.starts(with: v) {
                rest.removeFirst(v.count)
                position = .before
            } else if lowered.suffix(v.count).elementsEqual(v) {
                rest.removeLast(v.count)
                position = .after
            } else { continue }
            return (String(String.UnicodeScalarView(rest)).trimmingWhitespace(), variant, form, position)
        }
        return nil
    }

    /// Gives a bare type name (社会福祉協議会, 市役所 …) the municipality of its context, turning
    /// 「社協」 in a 坂井市 project into 坂井市社会福祉協議会. Other names are returned unchanged.
    public static func applyingContext(_ n: NormalizedName, municipality: String?, prefecture: String?) -> NormalizedName {
        guard let municipality, !municipality.isEmpty, n.municipality == nil, n.legalForm == nil,
              ["社会福祉協議会", "市役所", "区役所", "町役場", "村役場", "役場", "教育委員会"].contains(n.name)
        else { return n }
        var r = normalize(municipality + n.name)
        r.original = n.original
        r.written = municipality + n.written
        r.steps = n.steps + [.contextMunicipality(municipality)]
        if r.prefecture == nil || r.prefectureInferred, let prefecture, !prefecture.isEmpty {
            r.prefecture = prefecture
            r.prefectureInferred = false
        }
        return r
    }

    static func infer(_ r: inout NormalizedName, formKind: String?, rest: Substring, wholeIsPlace: Bool) {
        let name = r.name
        var kind: String?
        var category: String?
        let nameScalars = Array(name.unicodeScalars)
        if let i = firstRule(in: nameScalars, where: { i in
            matches(i, in: nameScalars)
                && !(rules[i].unlessLegalForm && r.legalForm != nil)
                && rules[i].after.map({ a in name.range(of: a).map { name[$0.upperBound...].contains(rules[i].keyword) } ?? false }) ?? true
        }) {
            kind = rules[i].kind
            category = rules[i].category
        }
        if kind == nil, wholeIsPlace, r.legalForm == nil {
            kind = "行政"
            category = officeCategory(for: name)
        }
        if kind == nil, let m = r.municipality, r.legalForm == nil,
           let last = rest.last, "課部局室係".contains(last) {
            kind = "行政"
            category = officeCategory(for: m)
        }
        if kind == nil, nameScalars.first == "行", name.hasPrefix("行政") { kind = "行政" }
        if kind == nil, let formKind { kind = formKind }
        if kind == nil, nameScalars.contains(where: { $0 == "業" || $0 == "社" }) {
            var stem = Substring(name)
            for suffix in ["等", "など"] where stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
            if stem.hasSuffix("企業") || stem.hasSuffix("会社") || stem.hasPrefix("企業") { kind = "企業"; category = "企業" }
        }
        if kind == nil, !caseless(nameScalars), containsScalars(name.uppercased(), "NPO"), name.uppercased().contains("NPO") {
            kind = "NPO"
        }
        r.kind = kind ?? "その他"
        r.category = category
        r.generic = isGeneric(r, scalars: nameScalars)
    }

    /// For each scalar that starts a keyword of `rules`, the set of those rules (bit *i* of word
    /// *i* / 64 is rule *i*): a rule can only match a name that holds its first scalar.
    static let rulesByFirstScalar: [Unicode.Scalar: [UInt64]] = {
        var table: [Unicode.Scalar: [UInt64]] = [:]
        let words = (rules.count + 63) / 64
        for (i, k) in ruleScalars.enumerated() {
            table[k[0], default: Array(repeating: 0, count: words)][i / 64] |= 1 << UInt64(i % 64)
        }
        return table
    }()

    /// The first rule, in rulebook order, among those whose keyword's first scalar occurs in
    /// `name`, for which `test` is true: what testing every rule in order finds, since the others
    /// cannot match.
    /// - Complexity: O(*n*) dictionary lookups for a name of *n* scalars, then `test` on the
    ///   candidates only.
    static func firstRule(in name: [Unicode.Scalar], where test: (Int) -> Bool) -> Int? {
        var candidates = Array(repeating: UInt64(0), count: (rules.count + 63) / 64)
        for c in name {
            guard let bits = rulesByFirstScalar[c] else { continue }
            for w in bits.indices { candidates[w] |= bits[w] }
        }
        for w in candidates.indices {
            var bits = candidates[w]
            while bits != 0 {
                let i = w * 64 + bits.trailingZeroBitCount
                if test(i) { return i }
                bits &= bits - 1
            }
        }
        return nil
    }

    /// The keywords of `rules` as scalar arrays, for a fast search.
    static let ruleScalars: [[Unicode.Scalar]] = rules.map { Array($0.keyword.unicodeScalars) }

    /// How each rule of `rules` matches, kept apart so that testing a rule copies no `Rule`.
    static let ruleMatches: [Match] = rules.map(\.match)

    static func matches(_ index: Int, in name: [Unicode.Scalar]) -> Bool {
        let k = ruleScalars[index]
        guard name.count >= k.count else { return false }
        switch ruleMatches[index] {
        case .prefixOrSuffix:
            return name.starts(with: k) || name.suffix(k.count).elementsEqual(k)
        case .contains:
            var i = 0
            while i + k.count <= name.count {
                if name[i] == k[0], name[i..<(i + k.count)].elementsEqual(k) {
                    let end = i + k.count
                    if end == name.count || !rules[index].notFollowedBy.contains(Character(name[end])) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Lower-cases ASCII letters only (legal-form variants differ only in the case of `NPO`).
    static func asciiLowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { (0x41...0x5A).contains($0.value) ? Unicode.Scalar($0.value + 0x20)! : $0 }
    }

    /// 市役所 for a city, 区役所 for a ward, 町役場, 村役場, or 都庁/道庁/府庁/県庁 for a prefecture.
    static func officeCategory(for place: String) -> String? {
        guard let last = place.last else { return nil }
        switch last {
        case "市": return "市役所"
        case "区": return "区役所"
        case "町": return "町役場"
        case "村": return "村役場"
        case "都": return "都庁"
        case "道": return "道庁"
        case "府": return "府庁"
        case "県": return "県庁"
        default: return nil
        }
    }

    /// Whether `r` names a type of partner rather than one organisation; `scalars` are the
    /// scalars of `r.name`.
    static func isGeneric(_ r: NormalizedName, scalars: [Unicode.Scalar]) -> Bool {
        if r.legalForm != nil { return false }
        let name = r.name
        // By scalars: the name is NFKC and the affixes have no other spelling, so this is what
        // hasPrefix/hasSuffix decide, without their canonical-equivalence machinery per call.
        // Likewise a type word can only equal a name that ends with a type word's last scalar.
        if r.municipality == nil, let last = scalars.last, typeWordLastScalars.contains(last),
           typeWords.contains(name) { return true }
        if genericPrefixScalars.contains(where: { scalars.count > $0.count && scalars.starts(with: $0) }) { return true }
        if genericSuffixScalars.contains(where: { scalars.count > $0.count && scalars.suffix($0.count).elementsEqual($0) }) { return true }
        if scalars.contains("の"), let no = name.lastIndex(of: "の") {
            let tail = String(name[name.index(after: no)...])
            if typeWords.contains(tail) { return true }
        }
        return false
    }

    // MARK: Places

    struct Place {
        var prefecture: String?
        var municipality: String?
        /// Prefecture and 郡 text in front of the municipality.
        var droppedPrefix: String
        /// What follows the municipality.
        var rest: Substring
        /// The whole name is a prefecture or a municipality.
        var wholeIsPlace: Bool
    }

    static func isPlaceCharacter(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let s = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        // One scalar, so comparing it is comparing the character (none of の, 々, ヶ, ー is the
        // canonical decomposition of another scalar).
        let v = s.value
        if v == 0x306E { return false }  // の
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v)
            || v == 0x3005 || v == 0x30F6 || v == 0x30FC  // 々 ヶ ー
    }

    // Place suffixes, compared by scalar: a place character is one scalar (`isPlaceCharacter`),
    // and in NFKC text a one-scalar character equals 市 only if it is U+5E02.
    static let gunSuffix: [Unicode.Scalar] = ["郡"]
    static let townSuffixes: [Unicode.Scalar] = ["町", "村"]
    static let municipalitySuffixes: [Unicode.Scalar] = ["市", "区", "町", "村"]
    static let wardSuffix: [Unicode.Scalar] = ["区"]

    /// Reads `[prefecture][X郡]Y(市|区|町|村)[Z区]` from the start of a name.
    static func parsePlace(_ text: String) -> Place {
        var rest = text[...]
        var prefecture: String?
        if let p = JapaneseRegions.prefecture(prefixing: rest) {
            prefecture = p
            rest = rest.dropFirst(p.count)
            if rest.isEmpty {
                return Place(prefecture: p, municipality: nil, droppedPrefix: "", rest: rest, wholeIsPlace: true)
            }
        }
        let afterPrefecture = rest
        // Optional 郡.
        if let gun = firstPlaceSuffix(in: rest, suffixes: gunSuffix, maxLength: 5) {
            let candidate = rest[gun...]
            if firstPlaceSuffix(in: candidate, suffixes: townSuffixes, maxLength: 7) != nil {
                rest = candidate
            }
        }
        let gunText = String(afterPrefecture[..<rest.startIndex])
        guard var end = firstPlaceSuffix(in: rest, suffixes: municipalitySuffixes, maxLength: 8) else {
            return Place(prefecture: prefecture, municipality: nil, droppedPrefix: "", rest: afterPrefecture,
                         wholeIsPlace: false)
        }
        // 十日町市, 四日市市: the first 町/市 was part of the name.
        if end < rest.endIndex, rest[end] == "市", "町市".contains(rest[rest.index(before: end)]) {
            end = rest.index(after: end)
        }
        var municipality = String(rest[..<end])
        var after = rest[end...]
        // Neighbourhoods (新町自治会, 奉還町商店街) are not municipalities.
        if ["自治会", "町内会", "内会", "商店", "通り"].contains(where: { after.hasPrefix($0) })
            || (after.hasPrefix("会") && !after.hasPrefix("会議")) {
            return Place(prefecture: prefecture, municipality: nil, droppedPrefix: "", rest: afterPrefecture,
                         wholeIsPlace: false)
        }
        // A designated city's ward: 大阪市淀川区.
        if municipality.hasSuffix("市"), let ward = firstPlaceSuffix(in: after, suffixes: wardSuffix, maxLength: 5) {
            municipality += after[..<ward]
            after = after[ward...]
        }
        let dropped = (prefecture ?? "") + gunText
        return Place(prefecture: prefecture, municipality: municipality, droppedPrefix: dropped, rest: after,
                     wholeIsPlace: after.isEmpty)
    }

    /// The index just past the first place suffix that ends a run of 1…`maxLength` place characters
    /// at the start of `text`.
    static func firstPlaceSuffix(in text: Substring, suffixes: [Unicode.Scalar], maxLength: Int) -> Substring.Index? {
        var i = text.startIndex
        var count = 0
        while i < text.endIndex, count <= maxLength {
            let c = text[i]
            guard isPlaceCharacter(c) else { return nil }
            if count >= 1, let s = c.unicodeScalars.first, suffixes.contains(s) { return text.index(after: i) }
            count += 1
            i = text.index(after: i)
        }
        return nil
    }

    // MARK: White space

    /// The name as written: NFKC, trimmed, each run of white space (U+3000, tabs and line breaks
    /// included) made one U+0020. Nothing else changes: `北区　社会福祉協議会` → `北区 社会福祉協議会`,
    /// `say "hi"` and `AT&T & co` stay as they are.
    /// - Complexity: O(*n*) in the length of the name.
    public static func written(_ raw: String) -> String { collapsingWhitespace(raw.nfkcComposed) }

    /// Trims and turns each run of white space into one space (no normalisation).
    static func collapsingWhitespace(_ s: String) -> String {
        // A character is white space when its first scalar is; without one the text is returned as is.
        guard s.unicodeScalars.contains(where: isWhitespaceScalar) else { return s }
        return joiningWords(s) { _, _ in true }
    }

    static func removingAllWhitespace(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Removes white space, keeping one space between two Latin letters or digits (`Arts Alive`).
    static func compactWhitespace(_ s: String) -> String {
        // Without a white-space scalar no character is white space, and the text comes back as is.
        guard s.unicodeScalars.contains(where: isWhitespaceScalar) else { return s }
        return joiningWords(s) { isLatin($0) && isLatin($1) }
    }

    /// Trims `s` and replaces each run of white space by one space where `spaceBetween` holds for
    /// the characters on either side of it, and by nothing elsewhere.
    private static func joiningWords(_ s: String, spaceBetween: (Character, Character) -> Bool) -> String {
        var out = ""
        var pendingSpace = false
        for c in s {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, spaceBetween(last, c) { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return out
    }

    /// True when the scalars of `needle` occur in a row in `text`: a cheap test that must hold
    /// before Foundation's `contains` (which also matches canonically equivalent text) can, for the
    /// NFKC text and the needles (社協, NPO) it is used on, whose characters have no other spelling.
    static func containsScalars(_ text: String, _ needle: String) -> Bool {
        let t = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, t.count >= n.count else { return false }
        for i in 0...(t.count - n.count) where t[i] == n[0] && t[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), without the
    /// property lookup: ASCII tab to carriage return and space, U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    static func isWhitespaceScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000
    }

    /// True when no scalar of the text has a case mapping other than itself: ASCII digits and
    /// U+3000–U+9FFF (CJK punctuation, kana, CJK ideographs: no cased letters). Then
    /// `lowercased()` and `uppercased()` return the text unchanged.
    static func caseless<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        scalars.allSatisfy { (0x30...0x39).contains($0.value) || (0x3000...0x9FFF).contains($0.value) }
    }

    static func caseless(_ text: String) -> Bool { caseless(text.unicodeScalars) }

    static func isLatin(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}

extension NameNormalizer {
    /// ``normalize(_:)`` of each text, in order, computed in fixed chunks of 1,024 on all cores
    /// (the function is pure, so the result does not depend on the core count or the schedule).
    /// - Complexity: O(*n* · *L*) work for *n* texts of length at most *L*, spread over the cores.
    public static func normalizeAll(_ texts: [String]) -> [NormalizedName] {
        guard texts.count >= 2048 else { return texts.map(normalize) }
        let chunk = 1024
        let chunks = (texts.count + chunk - 1) / chunk
        return [NormalizedName](unsafeUninitializedCapacity: texts.count) { buffer, count in
            let out = DisjointSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                for i in (k * chunk)..<min(texts.count, (k + 1) * chunk) {
                    (out.buffer.baseAddress! + i).initialize(to: normalize(texts[i]))
                }
            }
            count = texts.count
        }
    }
}

/// A buffer whose disjoint slots are written from several threads.
private struct DisjointSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
