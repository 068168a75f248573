import Foundation

/// A sentence of a case: the text of one or more wrapped lines joined, cut at 。 and at list markers,
/// with the report line of every scalar.
public struct ReportSentence: Sendable, Equatable {
    /// The sentence's scalars.
    public var scalars: [Unicode.Scalar]
    /// The report line (1-based) of each scalar.
    public var lineOf: [Int]
    /// The section heading the sentence is in (nil before the first heading).
    public var section: String?

    /// The sentence as text.
    public var text: String { String(String.UnicodeScalarView(scalars)) }
    /// The line the sentence starts on.
    public var firstLine: Int { lineOf.first ?? 0 }
}

extension ReportText {
    /// Markers that open a new list item or paragraph at the start of a line.
    static let itemMarkers: Set<Unicode.Scalar> = ["・", "•", "◆", "●", "■", "□", "◇", "◎", "○", "※", "①", "②", "③",
                                                  "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮"]

    /// Markers that open a heading line.
    static let headingMarkers: Set<Unicode.Scalar> = ["◆", "●", "■", "□", "◇"]

    /// The sentences of a case's sections (skipped sections left out). Lines are joined within a
    /// paragraph (no blank line, no list marker or other symbol opening a line, no heading between them) and cut after 。; an
    /// institution word missing one character is restored (``MentionFinder/restoreDroppedCharacters(_:_:)``).
    /// - Complexity: O(*n*) in the case's length.
    public func sentences(of reportCase: ReportCase) -> [ReportSentence] {
        var result: [ReportSentence] = []
        for section in reportCase.sections where !(section.heading.map(profile.skippedSections.contains) ?? false) {
            var current = ReportSentence(scalars: [], lineOf: [], section: section.heading)
            func flush() {
                while let f = current.scalars.first, f.properties.isWhitespace {
                    current.scalars.removeFirst(); current.lineOf.removeFirst()
                }
                var scalars = current.scalars, lineOf = current.lineOf
                MentionFinder.restoreDroppedCharacters(&scalars, &lineOf)
                current.scalars = scalars
                current.lineOf = lineOf
                if !current.scalars.isEmpty { result.append(current) }
                current = ReportSentence(scalars: [], lineOf: [], section: section.heading)
            }
            for n in section.lines {
                let line = lines[n - 1]
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || heading(of: line) != nil { flush(); continue }
                if let first = trimmed.unicodeScalars.first,
                   Self.itemMarkers.contains(first) || [.mathSymbol, .otherSymbol].contains(first.properties.generalCategory) { flush() }
                for s in trimmed.unicodeScalars {
                    current.scalars.append(s)
                    current.lineOf.append(n)
                    if s == "。" { flush() }
                }
                // A line opened by a heading marker (◆ 参加団体への貢献) that is no profile heading is a
                // heading of its own: the next line starts a new sentence.
                if let first = trimmed.unicodeScalars.first, Self.headingMarkers.contains(first) { flush() }
            }
            flush()
        }
        return result
    }
}
