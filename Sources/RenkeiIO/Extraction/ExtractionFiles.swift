import Foundation
import RenkeiCore
import Yams

/// Report profiles (YAML) for `ReportText`: the seed report's default and files users write.
public enum ReportProfileFile {
    /// The profile of the 孤独・孤立対策モデル事業 report, the same text as
    /// `data/profiles/kodoku-koritsu-2023.yaml` (a test keeps them equal).
    public static let defaultYAML = #"""
    # Report profile of the 孤独・孤立対策モデル事業 case report (2023), the default of `renkei extract`.
    # Patterns are regular expressions (ICU syntax) matched after Unicode NFKC.
    name: kodoku-koritsu-2023
    # The whole line opening a case's first section; the lead line is the first non-blank line above it
    # and the title the line(s) above the lead.
    case_start: '\s*1\s*取組の背景と目的\s*'
    # A lead line ends with its place in brackets: （長野県松本市）.
    lead_line: '[（(](?:.+?[都道府県])?.+?[市区町村郡][）)]\s*$'
    # Section headings, in report order (a line holding one after ◆, ● or a number opens it).
    sections:
      - 取組の背景と目的
      - 対象者が抱える課題
      - 取組を始めるに至った経緯
      - 具体的取組内容と特徴
      - 取組の目的
      - 本事業のポイント
      - 連携方法
      - 連携先との関わり
      - 取組内容
      - 他団体への波及可能性
      - 日常生活環境における予防効果
      - つながりの醸成
      - 取組の成果
      - 取組において工夫した点
      - 取組において直面した課題
      - 解決策
      - 連携による効果
      - 継続方法
      - メッセージ
    # Sections not searched for partners: the organisation's own profile (address, staff, activities).
    skipped_sections:
      - 団体概要
    # The programme's own funder: not a partner of any case.
    funder_words:
      - 内閣官房
      - 内閣府
      - 孤独・孤立対策推進室
    # Media that covered a case: coverage is not a partnership.
    media_words:
      - 新聞
      - テレビ
      - 放送
      - ラジオ
      - 通信社

    """#

    /// The default profile.
    public static func defaultProfile() -> ReportProfile {
        // The embedded text is tested; a failure here is a programming error.
        try! parse(defaultYAML, file: "kodoku-koritsu-2023.yaml")
    }

    /// Reads a profile file.
    public static func read(path: String) throws -> ReportProfile {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let (text, _) = TextFile.read(path: path, file: file, problems: &problems) else { throw InputError(problems) }
        return try parse(text, file: file)
    }

    /// Parses profile YAML: `name`, `case_start`, `lead_line` and `sections` are required;
    /// `skipped_sections`, `funder_words` and `media_words` are optional lists.
    public static func parse(_ text: String, file: String) throws -> ReportProfile {
        let loaded: Any?
        switch YAMLText.load(text, file: file, what: "a report profile") {
        case .success(let value): loaded = value
        case .failure(let problem): throw InputError([problem])
        }
        guard let map = loaded as? [String: Any] else {
            throw InputError([InputProblem(file: file, message: "a report profile is a YAML mapping")])
        }
        var problems: [InputProblem] = []
        let known = ["name", "case_start", "lead_line", "sections", "skipped_sections", "funder_words", "media_words"]
        for key in map.keys.sorted() where !known.contains(key) {
            problems.append(InputProblem(file: file, field: key, message: "unknown field '\(key)'" + Suggestion.didYouMean(key, among: known)))
        }
        func string(_ key: String) -> String {
            guard let v = map[key] else {
                problems.append(InputProblem(file: file, field: key, message: "missing required field '\(key)'"))
                return ""
            }
            guard let s = v as? String, !s.isEmpty else {
                problems.append(InputProblem(file: file, field: key, message: "'\(key)' must be a non-empty text"))
                return ""
            }
            return s
        }
        func list(_ key: String, required: Bool) -> [String] {
            guard let v = map[key] else {
                if required { problems.append(InputProblem(file: file, field: key, message: "missing required field '\(key)'")) }
                return []
            }
            guard let items = v as? [Any], items.allSatisfy({ $0 is String }) else {
                problems.append(InputProblem(file: file, field: key, message: "'\(key)' must be a list of texts"))
                return []
            }
            return items.map { ($0 as! String).precomposedStringWithCompatibilityMapping }
        }
        let profile = ReportProfile(name: string("name"), caseStart: string("case_start"), leadLine: string("lead_line"),
                                    sections: list("sections", required: true),
                                    skippedSections: list("skipped_sections", required: false),
                                    funderWords: list("funder_words", required: false),
                                    mediaWords: list("media_words", required: false))
        for (key, pattern) in [("case_start", profile.caseStart), ("lead_line", profile.leadLine)] where !pattern.isEmpty {
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                problems.append(InputProblem(file: file, field: key, message: "'\(pattern)' is not a regular expression"))
            }
        }
        if !problems.isEmpty { throw InputError(sorting: problems) }
        return profile
    }
}

/// Glyph maps (YAML mapping: wrong text → intended text) for ``GlyphMap``.
public enum GlyphMapFile {
    /// Reads a glyph map file.
    public static func read(path: String) throws -> GlyphMap {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let (text, _) = TextFile.read(path: path, file: file, problems: &problems) else { throw InputError(problems) }
        return try parse(text, file: file)
    }

    /// Parses a YAML mapping of texts to texts, in the file's order.
    public static func parse(_ text: String, file: String) throws -> GlyphMap {
        let parsed = YAMLText.withRoot(text, file: file, what: "a glyph map") { node -> Result<GlyphMap, InputError> in
            guard let node else { return .success(.none) }
            guard let mapping = node.mapping else {
                return .failure(InputError([InputProblem(file: file, message: "a glyph map is a YAML mapping of wrong text to intended text")]))
            }
            var entries: [(from: String, to: String)] = []
            var problems: [InputProblem] = []
            for (k, v) in mapping {
                guard let from = k.string, let to = v.string, !from.isEmpty else {
                    problems.append(InputProblem(file: file, line: k.mark.map { $0.line }, field: k.string ?? "",
                                                 message: "each entry maps a non-empty text to a text"))
                    continue
                }
                entries.append((from, to))
            }
            if !problems.isEmpty { return .failure(InputError(sorting: problems)) }
            return .success(GlyphMap(entries))
        }
        switch parsed {
        case .success(let result): return try result.get()
        case .failure(let problem): throw InputError([problem])
        }
    }
}

/// The report text itself, in any encoding ``TextCodec`` detects.
public enum ReportFile {
    public static func read(path: String) throws -> String {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let (text, _) = TextFile.read(path: path, file: file, problems: &problems) else { throw InputError(problems) }
        return text
    }
}
