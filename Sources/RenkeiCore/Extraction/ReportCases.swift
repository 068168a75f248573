import Foundation

/// One case (事例) of a report: its title, its lead line and its sections, with line numbers
/// (1-based, as in the report file).
public struct ReportCase: Sendable, Equatable {
    /// 1, 2, … in report order.
    public var number: Int
    /// The line(s) holding the title.
    public var titleLines: [Int]
    /// The title, its lines joined.
    public var title: String
    /// The lead line (`一般社団法人 ○○（長野県松本市）`).
    public var leadLine: Int
    /// The lead line's text (after repair).
    public var lead: String
    /// The first and last line of the case (the title to the line before the next case's title).
    public var lines: ClosedRange<Int>
    /// The sections, in order; text before the first heading is a section with heading nil.
    public var sections: [ReportSection]
}

/// A section of a case: its heading (from the profile) and its lines.
public struct ReportSection: Sendable, Equatable {
    public var heading: String?
    public var lines: ClosedRange<Int>
}

/// A report's lines after repair, split into cases by a ``ReportProfile``.
public struct ReportText: Sendable {
    /// The repaired lines (line n is element n − 1).
    public let lines: [String]
    public let profile: ReportProfile

    /// Repairs every line with `glyphs` (NFKC always).
    public init(text: String, profile: ReportProfile, glyphs: GlyphMap = .none) {
        var raw = text.components(separatedBy: "\n")
        if raw.last == "" { raw.removeLast() }
        self.lines = raw.map { glyphs.repair($0.hasSuffix("\r") ? String($0.dropLast()) : $0) }
        self.profile = profile
    }

    static func regex(_ pattern: String, _ what: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch {
            throw ExtractionError("the report profile's \(what) '\(pattern)' is not a regular expression")
        }
    }

    static func fullMatch(_ re: NSRegularExpression, _ s: String) -> Bool {
        let ns = s as NSString
        guard let m = re.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return false }
        return m.range.location == 0 && m.range.length == ns.length
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }

    /// The cases: each line fully matching the profile's case start whose first non-blank line above
    /// matches the lead pattern opens a case. A case-start line without a lead line above opens none.
    /// - Complexity: O(*n*) lines.
    public func cases() throws -> [ReportCase] {
        let start = try Self.regex(profile.caseStart, "case start")
        let lead = try Self.regex(profile.leadLine, "lead line")
        struct Header { var title: [Int]; var lead: Int; var start: Int }
        var headers: [Header] = []
        for (i, line) in lines.enumerated() where Self.fullMatch(start, line) {
            var j = i - 1
            while j >= 0 && Self.isBlank(lines[j]) { j -= 1 }
            guard j >= 1 else { continue }
            let ns = lines[j] as NSString
            guard lead.firstMatch(in: lines[j], range: NSRange(location: 0, length: ns.length)) != nil else { continue }
            var t = j - 1
            while t >= 0 && Self.isBlank(lines[t]) { t -= 1 }
            guard t >= 0 else { continue }
            var title = [t]
            // A title over two lines: its first line starts with a space, the continuation does not.
            if t >= 1, lines[t - 1].hasPrefix(" "), !Self.isBlank(lines[t - 1]), !lines[t].hasPrefix(" ") {
                title = [t - 1, t]
            }
            headers.append(Header(title: title, lead: j, start: i))
        }
        var result: [ReportCase] = []
        for (n, h) in headers.enumerated() {
            let first = h.title[0]
            let last = n + 1 < headers.count ? headers[n + 1].title[0] - 1 : lines.count - 1
            result.append(ReportCase(
                number: n + 1, titleLines: h.title.map { $0 + 1 },
                title: h.title.map { lines[$0].trimmingCharacters(in: .whitespaces) }.joined(),
                leadLine: h.lead + 1, lead: lines[h.lead].trimmingCharacters(in: .whitespaces),
                lines: (first + 1)...(last + 1),
                sections: sections(from: h.start, to: last)))
        }
        return result
    }

    /// The heading a line opens, if any: after leading markers (◆ ● ■ ・ digits, spaces), the line
    /// holds one of the profile's headings and little else.
    public func heading(of line: String) -> String? {
        let stripped = line.drop { $0.isWhitespace || "◆●■□◇◎○・•*".contains($0) || $0.isNumber }
            .trimmingCharacters(in: .whitespaces)
        guard !stripped.isEmpty else { return nil }
        let hay = Array(stripped.unicodeScalars)
        for h in profile.sections + profile.skippedSections where hay.count <= h.unicodeScalars.count + 6 {
            if ScalarSearch.contains(hay, Array(h.unicodeScalars)) { return h }
        }
        return nil
    }

    func sections(from start: Int, to last: Int) -> [ReportSection] {
        var result: [ReportSection] = []
        var current: String? = nil
        var begin = start
        for i in start...last {
            if let h = heading(of: lines[i]) {
                if i > begin { result.append(ReportSection(heading: current, lines: (begin + 1)...i)) }
                current = h
                begin = i
            }
        }
        result.append(ReportSection(heading: current, lines: (begin + 1)...(last + 1)))
        return result
    }
}
