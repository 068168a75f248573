import Foundation

/// Repairs the text of a PDF extraction: NFKC (which turns Kangxi radicals such as ⽬ into 目), then
/// a glyph map replacing wrong code points (a font's private encoding) by the text they stand for.
///
/// Replacement works on Unicode scalars, longest key first: the wrong code points are often
/// combining marks that join their neighbours into one grapheme cluster, so `String` replacement
/// would miss them.
public struct GlyphMap: Sendable, Equatable {
    /// The entries as given (wrong text → intended text), keys after NFKC.
    public private(set) var entries: [(from: String, to: String)]
    private var table: [Unicode.Scalar: [([Unicode.Scalar], [Unicode.Scalar])]]

    /// A map from wrong text to intended text. Empty keys are ignored.
    public init(_ entries: [(from: String, to: String)]) {
        var seen = Set<String>()
        var kept: [(from: String, to: String)] = []
        for e in entries {
            let key = e.from.precomposedStringWithCompatibilityMapping
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            kept.append((key, e.to))
        }
        self.entries = kept
        var table: [Unicode.Scalar: [([Unicode.Scalar], [Unicode.Scalar])]] = [:]
        for e in kept {
            let k = Array(e.from.unicodeScalars)
            table[k[0], default: []].append((k, Array(e.to.unicodeScalars)))
        }
        for key in table.keys { table[key]!.sort { $0.0.count > $1.0.count } }
        self.table = table
    }

    /// CJK Radicals Supplement code points that PDF fonts emit for ordinary kanji (成⻑ for 成長);
    /// NFKC leaves them, as they have no decomposition.
    static let radicals: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2E9F}": "母", "\u{2EA0}": "民", "\u{2EC4}": "西", "\u{2EC6}": "角", "\u{2ED1}": "長", "\u{2ED8}": "青",
        "\u{2EDD}": "食", "\u{2EE4}": "鬼", "\u{2EE9}": "黄", "\u{2EED}": "歯", "\u{2EEF}": "竜", "\u{2EF2}": "亀",
    ]

    /// No replacements (NFKC only; radicals as ordinary kanji).
    public static let none = GlyphMap([])

    public static func == (a: GlyphMap, b: GlyphMap) -> Bool {
        a.entries.map(\.from) == b.entries.map(\.from) && a.entries.map(\.to) == b.entries.map(\.to)
    }

    /// NFKC and ``radicals``, then every key replaced by its text. Pure.
    /// - Complexity: O(*n* × *k*) for a line of *n* scalars and at most *k* keys sharing a first scalar.
    public func repair(_ line: String) -> String {
        let scalars = Array(line.precomposedStringWithCompatibilityMapping.unicodeScalars).map { Self.radicals[$0] ?? $0 }
        if table.isEmpty { return String(String.UnicodeScalarView(scalars)) }
        var out = String.UnicodeScalarView()
        var i = 0
        outer: while i < scalars.count {
            if let candidates = table[scalars[i]] {
                for (k, v) in candidates where i + k.count <= scalars.count && scalars[i..<(i + k.count)].elementsEqual(k) {
                    out.append(contentsOf: v)
                    i += k.count
                    continue outer
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// Whether a text still holds code points a Japanese report does not use (scripts of India,
    /// Ethiopic, CJK compatibility areas the PDF fonts leak): a sign that a name is still garbled.
    public static func looksGarbled(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (0x0900...0x0DFF).contains(s.value) || (0x1200...0x139F).contains(s.value)
        }
    }
}
