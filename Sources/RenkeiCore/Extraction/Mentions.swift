import Foundation

/// An organisation named in a sentence.
public struct Mention: Sendable, Equatable {
    /// How the mention was found; decides its base confidence.
    public enum Rule: String, Sendable { case legalForm, quoted, suffix, label }
    /// The text as written (after repair), legal form included.
    public var text: String
    /// Scalar offsets in the sentence.
    public var range: Range<Int>
    public var rule: Rule
    /// The name normalised by ``NameNormalizer`` (kind, category, generic).
    public var normalized: NormalizedName
}

/// Finds organisation mentions by rules that name no organisation: a legal form followed by a name
/// (``LegalForms``), a name in 「」 after a type word, and a name ending in an institution word
/// (…協議会, …センター, …小学校, …自治会, a municipality …). Kinds, categories and the generic test
/// come from ``NameNormalizer/normalize(_:)``, the one kind rulebook.
public enum MentionFinder {
    // MARK: Character classes

    static func isKanji(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || v == 0x3005 || v == 0x3007 || isGarbled(s)
    }
    /// Code points of a wrongly extracted font: they stand for kanji, so they count as name characters.
    static func isGarbled(_ s: Unicode.Scalar) -> Bool {
        (0x0900...0x0DFF).contains(s.value) || (0x1200...0x139F).contains(s.value)
    }
    static func isKatakana(_ s: Unicode.Scalar) -> Bool {
        ((0x30A1...0x30FF).contains(s.value) && s.value != 0x30FB) || (0x31F0...0x31FF).contains(s.value)
    }
    static func isHiragana(_ s: Unicode.Scalar) -> Bool { (0x3041...0x309F).contains(s.value) }
    static func isASCIIName(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "&")
    }
    static func isNameCore(_ s: Unicode.Scalar) -> Bool { isKanji(s) || isKatakana(s) || isASCIIName(s) }

    /// Hiragana that end a name read forwards (particles).
    static let particles: Set<Unicode.Scalar> = ["と", "に", "へ", "が", "は", "を", "で", "や", "も"]

    /// Whether a particle starts at `i` (one of ``particles``, or から, より).
    static func particle(at i: Int, in s: [Unicode.Scalar]) -> Bool {
        if particles.contains(s[i]) { return true }
        guard i + 1 < s.count else { return false }
        return (s[i] == "か" && s[i + 1] == "ら") || (s[i] == "よ" && s[i + 1] == "り")
    }

    // MARK: Institution words

    /// Words an organisation's name ends with, longest first when they overlap. Institution types,
    /// not names: every entry is a common noun.
    static let headWords: [String] = [
        "社会福祉協議会", "協議会", "委員会", "連絡会", "研究会", "実行委員会", "協会", "連盟", "連合会",
        "自治会", "町内会", "町会", "商店会", "商店街", "組合", "財団", "機構", "市役所", "区役所", "役所", "役場",
        "庁", "課", "センター", "支援センター", "小学校", "中学校", "高校", "高等学校", "大学", "大学院",
        "学校", "保育園", "保育所", "幼稚園", "こども園", "病院", "クリニック", "診療所", "薬局", "保健所",
        "児童相談所", "事業所", "公民館", "図書館", "美術館", "児童館", "会館", "食堂", "研究所", "会議所",
        "民生委員", "児童委員", "ネットワーク", "クラブ", "株式会社", "有限会社", "合同会社", "企業", "会社",
        "関係機関", "専門機関", "支援団体", "団体", "ボランティア", "弁護士", "司法書士", "社会福祉士", "医師",
        "看護師", "保健師", "専門家", "専門職", "ホーム", "施設", "カフェ", "プロジェクト", "生協", "社協",
        "部会", "分科会", "同友会", "家族会", "商工会", "の会", "士会", "師会", "バンク", "FC",
        "市", "町", "区", "村", "県", "都", "府",
    ].sorted { $0.count > $1.count }
    static let headScalars: [[Unicode.Scalar]] = headWords.map { Array($0.unicodeScalars) }
    /// Municipality and prefecture endings: a mention ending with one must be a place name alone.
    static let placeEnds: Set<String> = ["市", "町", "区", "村", "県", "都", "府"]
    /// What may follow a bare place name that is a partner (松本市と, 浜松市に).
    static let afterPlace: Set<Unicode.Scalar> = ["と", "に", "へ", "が", "は", "や", "、", ",", "・", ":", "(", "）", ")", "よ", "か"]
    /// Words that point back at an organisation already named or at the lead (本協議会, 当法人, 同センター).
    static let anaphoraPrefixes: [Character] = ["本", "当", "同", "弊", "貴"]
    /// Words that make an institution generic (各小学校, 近隣中学校).
    static let genericMarkers: [String] = ["各", "両", "複数", "近隣", "地元", "周辺", "市内", "区内", "町内", "県内"]
    /// Type words that may precede a name in 「」 (団体「…」, 子ども食堂「…」).
    static let quoteTypeWords: [String] = ["団体", "法人", "食堂", "カフェ", "会社", "企業", "施設", "事業所", "作業所", "店", "薬局",
                                           "グループ", "サークル", "NPO", "センター", "協議会", "ネットワーク"]

    /// Every legal-form spelling of ``LegalForms`` (canonical and variants), longest first.
    static let legalVariants: [[Unicode.Scalar]] = {
        var all = Set<String>()
        for f in LegalForms.all { all.insert(f.canonical); for v in f.variants { all.insert(v) } }
        return all.map { Array($0.precomposedStringWithCompatibilityMapping.unicodeScalars) }
            .filter { $0.count >= 2 }.sorted { $0.count != $1.count ? $0.count > $1.count : String(String.UnicodeScalarView($0)) < String(String.UnicodeScalarView($1)) }
    }()

    static func matches(_ k: [Unicode.Scalar], _ s: [Unicode.Scalar], at i: Int) -> Bool {
        i >= 0 && i + k.count <= s.count && s[i..<(i + k.count)].elementsEqual(k)
    }

    /// ``legalVariants`` by first scalar.
    static let legalByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(grouping: legalVariants, by: { $0[0] })
    /// ``headScalars`` (with their words) by last scalar, longest first.
    static let headByLast: [Unicode.Scalar: [(String, [Unicode.Scalar])]] =
        Dictionary(grouping: zip(headWords, headScalars).map { ($0, $1) }, by: { $0.1.last! })

    static func legalForm(at i: Int, in s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard i < s.count, let list = legalByFirst[s[i]] else { return nil }
        return list.first { matches($0, s, at: i) }
    }

    // MARK: Finding

    /// The mentions of one sentence, not overlapping (legal form before 「」 before institution word,
    /// then the longer one).
    /// - Complexity: O(*n* × *w*) for a sentence of *n* scalars and *w* words in the tables.
    public static func mentions(in s: [Unicode.Scalar]) -> [Mention] {
        var candidates: [(range: Range<Int>, rule: Mention.Rule)] = []
        /// Garbled legal forms by start: their length and the canonical form written instead.
        var repairedForms: [Int: (Int, [Unicode.Scalar])] = [:]
        var i = 0
        while i < s.count {
            if let form = legalForm(at: i, in: s) {
                var j = i + form.count
                while j < s.count, s[j] == " " { j += 1 }
                let end = forwardName(s, from: j)
                if end - j >= 2 { candidates.append((i..<end, .legalForm)) }
                // A legal form written after the name (…株式会社).
                let start = backwardName(s, before: i)
                if end - j < 2, i - start >= 2, form.count >= 4, String(String.UnicodeScalarView(form)).hasSuffix("会社") {
                    candidates.append((start..<(i + form.count), .legalForm))
                }
                i += max(form.count, 1)
                continue
            }
            // A legal form whose first characters the PDF extraction garbled or dropped (公?財団法人).
            if i + 1 < s.count, (s[i] == "法" && s[i + 1] == "人") || (s[i] == "会" && s[i + 1] == "社"),
               let (start, form) = garbledLegalForm(endingAt: i + 2, in: s) {
                var j = i + 2
                while j < s.count, s[j] == " " { j += 1 }
                let end = forwardName(s, from: j)
                if end - j >= 2 { candidates.append((start..<end, .legalForm)); repairedForms[start] = (i + 2 - start, form) }
                i += 2
                continue
            }
            i += 1
        }
        // 「…」 after a type word or a legal form.
        for (o, c) in s.enumerated() where c == "「" {
            guard let close = s[(o + 1)...].firstIndex(of: "」"), close - o - 1 >= 1, close - o - 1 <= 25 else { continue }
            // One character in 「」 after a type word: the whole is the name (作業所「虹」).
            if close - o - 1 == 1 {
                let start = backwardName(s, before: o)
                let type = String(String.UnicodeScalarView(s[start..<o]))
                if o - start >= 2, quoteTypeWords.contains(where: { type.hasSuffix($0) }) { candidates.append((start..<(close + 1), .quoted)) }
                continue
            }
            let before = String(String.UnicodeScalarView(s[max(0, o - 6)..<o]))
            let inner = Array(s[(o + 1)..<close])
            if quoteTypeWords.contains(where: { before.hasSuffix($0) }) || legalVariants.contains(where: { before.hasSuffix(String(String.UnicodeScalarView($0))) })
                || namesAnOrganisation(inner) {
                candidates.append(((o + 1)..<close, .quoted))
            }
        }
        // Institution words.
        for end in stride(from: 1, through: s.count, by: 1) {
            // An institution word ends the name: the next character starts no longer word, or is an
            // honorific (…センター様) or, after a school, 生 (…高校生: the school's students).
            let honorific = end < s.count && (honorifics.contains(s[end]) || s[end] == "等")
            let students = end < s.count && s[end] == "生" && (end + 1 == s.count || !isNameCore(s[end + 1]))
            if end < s.count, isNameCore(s[end]) || s[end] == "ー", !honorific, !students {
                // A prefecture written after the institution word ends the name (…フードバンク静岡).
                if let tail = placeTail(s, at: end), let (w, k) = (headByLast[s[end - 1]] ?? []).first(where: { end - $0.1.count >= 0 && matches($0.1, s, at: end - $0.1.count) }),
                   !placeEnds.contains(w), end - k.count > 0 {
                    let start = hiraganaStart(s, before: backwardName(s, before: end - k.count))
                    candidates.append((start..<(end + tail), .suffix))
                } else if prefectureStems.contains(where: { matches($0, s, at: end) }),
                          let (w, k) = (headByLast[s[end - 1]] ?? []).first(where: { end - $0.1.count > 0 && matches($0.1, s, at: end - $0.1.count) }),
                          !placeEnds.contains(w) {
                    // …センター鹿児島…: a new name starts with the place (see ``lastNameStart``).
                    let start = hiraganaStart(s, before: backwardName(s, before: end - k.count))
                    candidates.append((start..<end, .suffix))
                }
                continue
            }
            for (w, k) in headByLast[s[end - 1]] ?? [] where end - k.count >= 0 && matches(k, s, at: end - k.count) {
                if students, !schoolWords.contains(w) { break }
                var start = backwardName(s, before: end - k.count)
                if students, start == end - k.count { break }
                start = hiraganaStart(s, before: start)
                start = lastNameStart(s, from: start, to: end - k.count)
                // 民生委員・児童委員協議会: a council of two bare types joined by ・ is one name.
                if councilWords.contains(w), start >= 3, s[start - 1] == "・" {
                    let a = backwardName(s, before: start - 1)
                    let first = String(String.UnicodeScalarView(s[a..<(start - 1)]))
                    let second = String(String.UnicodeScalarView(s[start..<(end - k.count)]))
                    if headWords.contains(first) || repairWords.contains(first), headWords.contains(second) || repairWords.contains(second) { start = a }
                }
                if placeEnds.contains(w) {
                    guard end - k.count - start >= 1, end < s.count, afterPlace.contains(s[end]) else { break }
                }
                candidates.append((start..<end, .suffix))
                break
            }
        }
        // A name after an appositive that says it is a partner (連携先であるBlue Harbor).
        for cue in appositiveCues {
            var from = 0
            while let at = firstMatch(cue, in: s, from: from) {
                let j = at + cue.count
                let end = forwardName(s, from: j)
                if end - j >= 3, end - j <= 20 { candidates.append((j..<end, .suffix)) }
                from = j
            }
        }
        // A katakana or Latin name before an honorific (…様): companies and groups are addressed so.
        for (e, c) in s.enumerated() where honorifics.contains(c) && e >= 3 {
            let start = hiraganaStart(s, before: backwardName(s, before: e))
            let name = s[start..<e]
            if e - start >= 3, name.allSatisfy({ isKatakana($0) || isASCIIName($0) || $0 == "ー" || $0 == " " }) {
                candidates.append((start..<e, .suffix))
            }
        }
        candidates.sort {
            let p0 = priority($0.rule), p1 = priority($1.rule)
            return p0 != p1 ? p0 > p1 : ($0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.range.lowerBound < $1.range.lowerBound)
        }
        var taken: [Range<Int>] = []
        var result: [Mention] = []
        for c in candidates where !taken.contains(where: { $0.overlaps(c.range) }) {
            taken.append(c.range)
            var range = c.range
            var text = String(String.UnicodeScalarView(s[range]))
            // 地域の保育園: a qualifier before の makes an institution word generic.
            if c.rule == .suffix, range.lowerBound >= 2, s[range.lowerBound - 1] == "の" {
                let qStart = backwardName(s, before: range.lowerBound - 1, allowHiragana: true)
                if range.lowerBound - 1 - qStart >= 1, range.lowerBound - 1 - qStart <= 6 {
                    let extended = String(String.UnicodeScalarView(s[qStart..<range.upperBound]))
                    if NameNormalizer.normalize(extended).generic {
                        text = extended
                        range = qStart..<range.upperBound
                    }
                }
            }
            if c.rule == .legalForm, let (n, form) = repairedForms[range.lowerBound] {
                text = String(String.UnicodeScalarView(form + s[(range.lowerBound + n)..<range.upperBound]))
            }
            guard let m = mention(text, range: range, rule: c.rule) else { continue }
            result.append(m)
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func priority(_ r: Mention.Rule) -> Int {
        switch r { case .legalForm: 3; case .quoted: 2; case .suffix: 1; case .label: 0 }
    }

    /// A mention for a found text, or nil when it is no organisation (a bare place word, an anaphora).
    static func mention(_ raw: String, range: Range<Int>, rule: Mention.Rule) -> Mention? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        for suffix in ["等", "など"] where text.hasSuffix(suffix) && text.count > suffix.count + 1 { text = String(text.dropLast(suffix.count)) }
        // A list number before the name (1自治会 from ①自治会).
        if rule == .suffix || rule == .label, let f = text.unicodeScalars.first, ("0"..."9").contains(f),
           let k = text.unicodeScalars.firstIndex(where: { !("0"..."9").contains($0) }), isKanji(text.unicodeScalars[k]) || isKatakana(text.unicodeScalars[k]),
           !vagueHeads.contains(String(text.unicodeScalars[k...])) {
            text = String(text.unicodeScalars[k...])
        }
        guard text.count >= 2 else { return nil }
        // 地区, 校区: districts, not municipalities.
        if rule == .suffix, districtWords.contains(where: { text.hasSuffix($0) }) { return nil }
        // 本協議会, 当法人, 他団体, 本プロジェクト: a pointer word before a bare institution word or a
        // katakana word (本宮市, 本郷町 are names).
        if rule == .suffix, let f = text.first, anaphoraPrefixes.contains(f) || f == "他",
           headWords.contains(String(text.dropFirst())) || ["法人", "事業", "機関"].contains(String(text.dropFirst()))
            || text.unicodeScalars.dropFirst().first.map(isKatakana) == true { return nil }
        var n = NameNormalizer.normalize(text)
        if rule == .suffix, n.kind == "その他", n.legalForm == nil,
           let last = placeEnds.first(where: { text.hasSuffix($0) }), !last.isEmpty { return nil }
        if !n.generic, n.legalForm == nil,
           genericMarkers.contains(where: { text.hasPrefix($0) && text.count >= $0.count + 2 }) { n.generic = true }
        if n.name.count < 2 && !n.generic { return nil }
        // A bare institution word (団体, 食堂) names an organisation only when the rulebook calls it a
        // type of partner (保育園, 関係機関 → generic).
        if rule == .suffix, headWords.contains(text), !n.generic { return nil }
        // A name mostly made of wrongly extracted code points says too little to propose.
        let garbled = text.unicodeScalars.filter(isGarbled).count
        if garbled * 3 > text.unicodeScalars.count { return nil }
        // 有償ボランティア, 学生ボランティア: people who help, not an organisation (地域のボランティア
        // stays, as a generic partner).
        if rule == .suffix, !n.generic, n.legalForm == nil, personWords.contains(where: { text.hasSuffix($0) }) { return nil }
        let vague = vagueHeads.contains(where: { text.hasSuffix($0) })
        if rule == .suffix, !n.generic, !distinctive(text, n, ignoringGarbled: vague) {
            // 民間団体, 連携団体, 支援施設: a description, not a partner one could name.
            if vague { return nil }
            n.generic = true
        }
        // 3団体, 全国8団体: a count of organisations.
        if rule == .suffix, let d = text.unicodeScalars.lastIndex(where: { ("0"..."9").contains($0) }),
           vagueHeads.contains(where: { String(text.unicodeScalars[text.unicodeScalars.index(after: d)...]) == $0 }) { return nil }
        return Mention(text: text, range: range, rule: rule, normalized: n)
    }

    /// Words ending in a municipality's character that name a district, not a municipality.
    static let districtWords = ["地区", "校区", "学区", "住区"]

    /// Words for people rather than organisations, proposed only as generic partners.
    static let personWords = ["ボランティア"]

    /// Institution words too vague to propose without a distinctive name before them.
    static let vagueHeads = ["団体", "施設", "ネットワーク", "ボランティア", "事業所", "の会"]

    /// Words that describe a partner rather than name it (民間団体, 実施団体, 関係団体).
    static let descriptiveWords = ["民間", "関係", "関連", "支援", "協力", "連携", "参加", "実施", "各種", "地域", "活動",
                                   "事業", "居場所", "福祉", "全国", "団体", "施設", "多く", "様々", "主催", "今回", "今後", "今度",
                                   "者", "中間", "同様"]

    /// Whether an institution-word mention names one organisation: it holds a place (松本市社会福祉協議会),
    /// a proper noun in katakana or Latin letters (ユースセンター), or two or more other characters
    /// before its institution word that are not only descriptive words.
    static func distinctive(_ text: String, _ n: NormalizedName, ignoringGarbled: Bool = false) -> Bool {
        if n.municipality != nil || n.prefecture != nil { return true }
        guard let head = headWords.first(where: { text.hasSuffix($0) }) else { return true }
        var stem = String(text.dropLast(head.count))
        if stem.unicodeScalars.contains(where: { isKatakana($0) || isASCIIName($0) }) { return true }
        for w in descriptiveWords { stem = stem.replacingOccurrences(of: w, with: "") }
        // Before a vague institution word (施設, 団体), a wrongly extracted code point says nothing.
        return stem.unicodeScalars.filter { !ignoringGarbled || !isGarbled($0) }.count >= 2
    }

    /// A list item's label naming a partner (`・ひかり農園:野菜の提供`): the text between the item
    /// marker and the first colon, when no other mention lies in it, it holds no 。、 and no digit,
    /// and it is 2–25 characters long.
    public static func labelMention(in s: [Unicode.Scalar], besides found: [Mention]) -> Mention? {
        guard let first = s.first, ReportText.itemMarkers.contains(first) || first.properties.generalCategory == .mathSymbol else { return nil }
        var a = 1
        while a < s.count, s[a] == " " { a += 1 }
        guard let colon = s[a...].prefix(27).firstIndex(where: { $0 == ":" }), colon - a >= 2 else { return nil }
        let label = s[a..<colon]
        if label.contains(where: { "、。()".unicodeScalars.contains($0) || ("0"..."9").contains($0) }) { return nil }
        if found.contains(where: { $0.range.overlaps(a..<colon) }) { return nil }
        let text = String(String.UnicodeScalarView(label))
        if text.hasSuffix("等") || text.hasSuffix("など") { return nil }
        // 講師:, 会場:, 参加者数:, 開催日: label what was done, not who.
        if RelationCues.cues.contains(where: { text.contains($0.cue) }) || labelEnds.contains(where: { text.hasSuffix($0) }) { return nil }
        guard var m = mention(text, range: a..<colon, rule: .label) else { return nil }
        if m.normalized.generic { return nil }
        m.rule = .label
        return m
    }

    /// Endings of labels that name a figure, a date or people, not an organisation.
    static let labelEnds = ["数", "日", "時", "者", "費", "額", "名", "内容", "方法", "目的"]

    /// Councils whose name may join two types with ・ (民生委員・児童委員協議会).
    static let councilWords: Set<String> = ["協議会", "連絡会", "連合会", "委員会", "連絡協議会"]

    /// Words before a partner's name that say it is one (連携先である…).
    static let appositiveCues: [[Unicode.Scalar]] = ["連携先である", "連携団体である", "協力団体である"].map { Array($0.unicodeScalars) }

    static func firstMatch(_ k: [Unicode.Scalar], in s: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        while i + k.count <= s.count { if matches(k, s, at: i) { return i }; i += 1 }
        return nil
    }

    /// Where the last of several names run together starts: a prefecture's name right after a
    /// complete institution word (…センター鹿児島…, …士会鹿児島…: the separator was lost) starts a
    /// new name.
    static func lastNameStart(_ s: [Unicode.Scalar], from start: Int, to stemEnd: Int) -> Int {
        var result = start
        var p = start + 1
        while p < stemEnd {
            if isKanji(s[p]), prefectureStems.contains(where: { matches($0, s, at: p) }), let heads = headByLast[s[p - 1]],
               heads.contains(where: { !placeEnds.contains($0.0) && p - $0.1.count >= start && matches($0.1, s, at: p - $0.1.count) }) {
                result = p
            }
            p += 1
        }
        return result
    }

    /// Prefecture names without their 都道府県 (埼玉, 北海道), as scalars.
    static let prefectureStems: [[Unicode.Scalar]] = JapaneseRegions.prefectures.map { p in
        Array((p == "北海道" ? p : String(p.dropLast())).unicodeScalars)
    }.sorted { $0.count > $1.count }

    /// The length of a place after an institution word at `i` — a prefecture's name without 県 (静岡)
    /// — when the name ends after it (before 等 or 様 too); nil otherwise.
    static func placeTail(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var t = 0
        if let p = prefectureStems.first(where: { matches($0, s, at: i) }) { t = p.count }
        guard t > 0 else { return nil }
        let after = i + t
        if after < s.count, isNameCore(s[after]) || s[after] == "ー", s[after] != "等", !honorifics.contains(s[after]) { return nil }
        return t
    }

    /// Honorifics that may follow an organisation's name (…様, …さま).
    static let honorifics: Set<Unicode.Scalar> = ["様"]
    /// Institution words of schools, which 生 may follow (…高校生).
    static let schoolWords: Set<String> = ["小学校", "中学校", "高校", "高等学校", "大学", "大学院", "学校"]

    /// Whether a text in 「」 names an organisation by itself: it starts with a legal form (or NPO)
    /// or ends with an institution word that is not a place ending.
    static func namesAnOrganisation(_ inner: [Unicode.Scalar]) -> Bool {
        if legalForm(at: 0, in: inner) != nil { return true }
        if inner.count > 3, inner.starts(with: Array("NPO".unicodeScalars)) { return true }
        return zip(headWords, headScalars).contains { w, k in
            !placeEnds.contains(w) && inner.count > k.count && inner.suffix(k.count).elementsEqual(k)
        }
    }

    /// A name's start moved back over a run of hiragana written before it (ひまわり発達クリニック,
    /// ふじNPOセンター), when the run stands alone: it starts the sentence or follows white space
    /// or punctuation, and is 2–10 characters long.
    static func hiraganaStart(_ s: [Unicode.Scalar], before start: Int) -> Int {
        var h = start
        while h > 0, isHiragana(s[h - 1]), start - h < 10 { h -= 1 }
        guard start - h >= 2 else { return start }
        if h > 0 {
            let c = s[h - 1]
            if isHiragana(c) || c == "々" { return start }
        }
        var run = s[h..<start]
        // や, と joining the name to a name before it (…所やこども家庭課): the name starts after it.
        if h > 0, isNameCore(s[h - 1]) || s[h - 1] == "ー", let f = run.first, f == "や" || f == "と", run.count >= 3 {
            h += 1
            run = s[h..<start]
        } else if h > 0, isNameCore(s[h - 1]) || s[h - 1] == "ー" {
            return start
        }
        // Particles other than や, and words ending in a verb or pronoun form, are prose (これらの,
        // まずは, いた), not a name.
        if run.contains(where: { runStops.contains($0) }) || verbEnds.contains(run.last!) { return start }
        if hiraganaProse.contains(String(String.UnicodeScalarView(run))) { return start }
        return h
    }
    static let runStops: Set<Unicode.Scalar> = ["は", "を", "が", "に", "で", "と", "の", "へ"]
    static let verbEnds: Set<Unicode.Scalar> = ["た", "る", "て", "し", "ら", "う", "い", "ず", "ば"]
    /// Hiragana adverbs and pronouns that may precede a name-like word (なかなか, さまざま).
    static let hiraganaProse: Set<String> = ["なかなか", "さまざま", "いろいろ", "たくさん", "また", "さらに", "まず", "ほか",
                                             "これ", "それ", "あれ", "この", "その", "あの", "どの", "すべて", "みんな", "ともに"]

    /// A legal form ending at `end` (after its 法人 or 会社) whose characters were partly garbled (a wrong
    /// code point stands for one character) or dropped (at most one): the start of the written form
    /// and the canonical form. At least two characters before 法人 (one before 会社 of a four-character
    /// form: ?式会社) must be legible and agree; at most two are unsure (three when four agree).
    static func garbledLegalForm(endingAt end: Int, in s: [Unicode.Scalar]) -> (Int, [Unicode.Scalar])? {
        var best: (Int, [Unicode.Scalar], score: Int)? = nil
        for v in garbledFormCandidates {
            var p = end - 3, q = v.count - 3, legible = 0, unsure = 0, drops = 0
            while q >= 0, p >= 0 {
                if s[p] == v[q] { legible += 1; p -= 1; q -= 1 }
                else if isGarbled(s[p]) { unsure += 1; p -= 1; q -= 1 }
                else if drops == 0 { drops += 1; q -= 1 }
                else { break }
            }
            guard q < 0, legible >= min(2, v.count - 3), unsure + drops >= 1, unsure + drops <= (legible >= 4 ? 3 : 2) else { continue }
            let score = 2 * legible - unsure - 2 * drops
            if best == nil || score > best!.score { best = (p + 1, v, score) }
        }
        return best.map { ($0.0, $0.1) }
    }
    /// The canonical legal forms ending in 法人 or 会社.
    static let garbledFormCandidates: [[Unicode.Scalar]] = LegalForms.all.map(\.canonical).filter { $0.hasSuffix("法人") || $0.hasSuffix("会社") }
        .map { Array($0.unicodeScalars) }

    /// Institution words that a PDF extraction often damages by dropping one inner character
    /// (教育員会 for 教育委員会, 民生員 for 民生委員, 研会 for 研究会); the damaged forms are no words.
    static let repairWords: [String] = ["社会福祉協議会", "社会福祉士会", "実行委員会", "教育委員会", "民生委員", "児童委員", "高等学校",
                                        "児童相談所", "地域包括支援センター", "商工会議所", "研究会"]
    /// Each repair word with one interior kanji dropped → the word, longest first.
    static let droppedVariants: [([Unicode.Scalar], [Unicode.Scalar])] = {
        var out: [([Unicode.Scalar], [Unicode.Scalar])] = []
        for w in repairWords {
            let k = Array(w.unicodeScalars)
            for i in 1..<(k.count - 1) where isKanji(k[i]) && isKanji(k[i - 1]) && isKanji(k[i + 1]) {
                var v = k
                v.remove(at: i)
                let text = String(String.UnicodeScalarView(v))
                if !headWords.contains(text) && !repairWords.contains(text) { out.append((v, k)) }
            }
        }
        return out.sorted { $0.0.count > $1.0.count }
    }()
    static let droppedByFirst: [Unicode.Scalar: [([Unicode.Scalar], [Unicode.Scalar])]] = Dictionary(grouping: droppedVariants, by: { $0.0[0] })

    /// Restores an institution word missing one character (教育員会 → 教育委員会) in a sentence's
    /// scalars, keeping `lineOf` aligned (the restored character gets its neighbour's line).
    public static func restoreDroppedCharacters(_ s: inout [Unicode.Scalar], _ lineOf: inout [Int]) {
        var i = 0
        while i < s.count {
            if let list = droppedByFirst[s[i]], let (v, w) = list.first(where: { matches($0.0, s, at: i) }),
               !matches(w, s, at: i), !(i > 0 && matches(w, s, at: i - 1)) {
                s.replaceSubrange(i..<(i + v.count), with: w)
                lineOf.replaceSubrange(i..<(i + v.count), with: [Int](repeating: lineOf[i], count: w.count))
                i += w.count
                continue
            }
            i += 1
        }
    }

    /// Where a name read backwards from `end` starts (kanji, katakana, Latin letters and digits;
    /// hiragana too when `allowHiragana`).
    static func backwardName(_ s: [Unicode.Scalar], before end: Int, allowHiragana: Bool = false) -> Int {
        var i = end
        while i > 0, end - i < 20 {
            let c = s[i - 1]
            if isNameCore(c) || (allowHiragana && isHiragana(c) && !particles.contains(c) && c != "の") { i -= 1; continue }
            if c == " ", i >= 2, isASCIIName(s[i - 2]), i < s.count, isASCIIName(s[i]) { i -= 1; continue }
            break
        }
        return i
    }

    /// Where a name read forwards from `start` ends: name characters and hiragana up to a particle, a
    /// punctuation mark or the next legal form; a の goes on only before a one-character word
    /// (ひかりの会, みどりの森).
    static func forwardName(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count, j - start < 30 {
            let c = s[j]
            if j > start, legalForm(at: j, in: s) != nil { break }
            if isNameCore(c) || c == "ー" { j += 1; continue }
            if c == " ", j > start, isASCIIName(s[j - 1]), j + 1 < s.count, isASCIIName(s[j + 1]) { j += 1; continue }
            if c == "・", j > start, j + 1 < s.count, isKatakana(s[j - 1]), isKatakana(s[j + 1]) { j += 1; continue }
            if isHiragana(c) {
                if particle(at: j, in: s) { break }
                if c == "の" {
                    // ひかりの会, みどりの森 go on; プロジェクトの協力, あおぞらの講師 stop at の.
                    var k = j + 1
                    while k < s.count, isNameCore(s[k]) || s[k] == "ー" { k += 1 }
                    if k - (j + 1) != 1 { break }
                }
                j += 1
                continue
            }
            break
        }
        return j
    }
}
