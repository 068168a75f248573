import Foundation

/// How one kind of report is laid out: where a case starts, what its lead line looks like and
/// which headings open its sections. Read from a small YAML file by `ReportProfileFile` (RenkeiIO);
/// the seed report's profile ships as `data/profiles/kodoku-koritsu-2023.yaml`.
public struct ReportProfile: Sendable, Equatable {
    /// The profile's name (`kodoku-koritsu-2023`).
    public var name: String
    /// A regular expression matching, after NFKC, the whole line that opens a case's first section
    /// (`\s*1\s*取組の背景と目的\s*`). The lead line is the first non-blank line above it, the title
    /// the line(s) above the lead.
    public var caseStart: String
    /// A regular expression a lead line must contain (`（…市）` at its end).
    public var leadLine: String
    /// Section headings, in report order. A line containing one of them (after a marker such as
    /// `◆`, `●` or a section number) opens that section.
    public var sections: [String]
    /// Sections whose text is not searched for partners (the organisation's own profile block).
    public var skippedSections: [String]
    /// Words naming the funder of the whole programme; a mention containing one is left out.
    public var funderWords: [String]
    /// Words naming media; a mention containing one is left out (coverage is not a partnership).
    public var mediaWords: [String]

    public init(name: String, caseStart: String, leadLine: String, sections: [String],
                skippedSections: [String] = [], funderWords: [String] = [], mediaWords: [String] = []) {
        self.name = name
        self.caseStart = caseStart
        self.leadLine = leadLine
        self.sections = sections
        self.skippedSections = skippedSections
        self.funderWords = funderWords
        self.mediaWords = mediaWords
    }
}

/// A problem with a report profile or a glyph map: a pattern that is not a regular expression.
public struct ExtractionError: RenkeiError, Equatable {
    /// The message shown to the user.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
