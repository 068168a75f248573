import Foundation
import Testing
import RenkeiCore
@testable import RenkeiGraphviz

/// Property tests: seeded random strings → DOT → parsed by libgvc (`agmemread`) → `agget`.
@Suite struct EscapingPropertyTests {
    /// Characters that break naive DOT writers, and ordinary ones.
    static let nasty: [String] = ["\"", "\\", "\\", "\n", "\r", "\r\n", "\t", "<", ">", "&", "{", "}", "[", "]",
                                  ";", "=", ",", "--", "->", "'", "\\n", "\\N", "\\G", "\\l", "\\\"", "&amp;",
                                  "<BR/>", "/*", "*/", "//", "#", " ", "  ", "\u{3000}", "\u{2028}", "\u{85}",
                                  "\u{7F}", "\u{1B}", "\u{1}", "\u{0}", "\u{FEFF}", "\u{200D}"]
    static let ordinary: [String] = ["a", "Z", "0", "9", "_", "-", ".", "社", "協", "連", "携", "ー", "（", "）",
                                     "ﾃｽﾄ", "é", "ß", "Ω", "😀", "👨‍👩‍👧", "🇯🇵", "𠮷", "ㇰ", "々"]

    static func randomString(_ rng: inout SplitMixRandom, allowNUL: Bool) -> String {
        let roll = rng.next() % 100
        let length = roll < 3 ? 2000 + Int(rng.next() % 4000) : Int(rng.next() % 40)
        var s = ""
        for _ in 0..<length {
            let pick = rng.next()
            var piece = pick % 3 == 0 ? nasty[Int((pick / 3) % UInt64(nasty.count))]
                                      : ordinary[Int((pick / 3) % UInt64(ordinary.count))]
            if !allowNUL && piece == "\u{0}" { piece = "x" }
            s += piece
        }
        return s
    }

    /// True when DOT can carry the value exactly, derived from Graphviz's scanner (lib/cgraph/scan.l)
    /// independently of the writer: no NUL; no odd run of backslashes right before a quote, a newline
    /// or the end; no newline that starts a scanner token (value start, or after a quote or a
    /// backslash) and is followed by a quote, a backslash or the end, since the scanner's
    /// line-counting rule then wins the tie and drops it.
    static func representable(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        if u.contains("\u{0}") { return false }
        for (i, c) in u.enumerated() where c == "\n" {
            let startsToken = i == 0 || u[i - 1] == "\"" || u[i - 1] == "\\"
            let beforeSpecial = i + 1 == u.count || u[i + 1] == "\"" || u[i + 1] == "\\"
            if startsToken && beforeSpecial { return false }
        }
        var i = 0
        while i < u.count {
            if u[i] == "\\" {
                var j = i
                while j < u.count, u[j] == "\\" { j += 1 }
                if (j - i) % 2 == 1 && (j == u.count || u[j] == "\"" || u[j] == "\n") { return false }
                i = j
            } else { i += 1 }
        }
        return true
    }

    /// Parses many labels at once: one node per string.
    static func agget(labels values: [String]) throws -> [String] {
        var dot = "digraph {\n"
        for (i, v) in values.enumerated() { dot += "n\(i) [label=\(v)];\n" }
        dot += "}\n"
        let g = try GraphvizRenderer.shared.inspect(dot: dot)
        let byName = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.name, $0.attributes["label"] ?? "") })
        return values.indices.map { byName["n\($0)"]! }
    }

    @Test func quotedValuesReadBackExactly() throws {
        var rng = SplitMixRandom(seed: 20_240_401)
        var exact = 0, total = 0
        for _ in 0..<20 {
            let values = (0..<100).map { _ in Self.randomString(&rng, allowNUL: false) }
            let read = try Self.agget(labels: values.map(DOTEscaping.quoted))
            for (v, r) in zip(values, read) {
                total += 1
                #expect(DOTEscaping.canRepresent(v) == Self.representable(v))
                if Self.representable(v) {
                    exact += 1
                    #expect(r == v, "value \(v.debugDescription) read back as \(r.debugDescription)")
                    #expect(DOTEscaping.canRepresent(v))
                } else {
                    // Not representable in DOT: still valid DOT, differing only in backslashes and newlines.
                    #expect(r.filter { $0 != "\\" && $0 != "\n" } == v.filter { $0 != "\\" && $0 != "\n" })
                }
            }
        }
        print("quoted(): \(exact) of \(total) random values representable in DOT, all read back exactly")
        #expect(exact > total / 2)
    }

    @Test func labelsShowTheOriginalText() throws {
        var rng = SplitMixRandom(seed: 7_340_001)
        var unchanged = 0, total = 0
        for _ in 0..<20 {
            let texts = (0..<100).map { _ in Self.randomString(&rng, allowNUL: true) }
            let read = try Self.agget(labels: texts.map(DOTEscaping.label))
            for (t, r) in zip(texts, read) {
                total += 1
                let shown = DOTEscaping.decodeLabelValue(r)
                #expect(shown == DOTEscaping.displayText(t))
                // Text without control characters is shown exactly as given.
                if !t.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                                                       || $0.value == 0x2028 || $0.value == 0x2029 }) {
                    unchanged += 1
                    #expect(shown == t, "text \(t.debugDescription) shown as \(shown.debugDescription)")
                }
                // The label value never leaves a backslash to be read as an escape of the quote.
                #expect(Self.representable(DOTEscaping.labelValue(t)))
            }
        }
        print("label(): \(total) random texts, \(unchanged) without control characters shown exactly")
        #expect(unchanged > 0)
    }

    @Test func htmlEscapedTextRendersWithoutErrors() throws {
        var rng = SplitMixRandom(seed: 99)
        for _ in 0..<40 {
            let t = Self.randomString(&rng, allowNUL: true)
            let dot = "graph { a [shape=plain, label=<<TABLE><TR><TD>\(DOTEscaping.html(t))</TD></TR></TABLE>>] }"
            let r = try GraphvizRenderer.shared.render(dot: dot, format: .svg, engine: "dot")
            #expect(!r.data.isEmpty)
        }
    }

    /// Graphviz's SVG writer escapes `&<>"'-` and repeated spaces; this reverses it.
    static func svgTexts(_ svg: String) -> [String] {
        var out: [String] = []
        var rest = Substring(svg)
        while let open = rest.range(of: "<text"), let gt = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[gt...].range(of: "</text>") {
            var t = String(rest[rest.index(after: gt)..<close.lowerBound])
            for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#45;", "-"),
                           ("&#160;", " "), ("&amp;", "&")] { t = t.replacingOccurrences(of: e, with: c) }
            out.append(t)
            rest = rest[close.upperBound...]
        }
        return out
    }

    @Test func renderedSVGShowsNastyNames() throws {
        let names = ["丸山商店 \"まるやま\" \\ 本店", "A&B <協働> ラボ", "C:\\data\\new", "\\N と \\G",
                     "末尾に\\", "引用\"", "😀 絵文字 👨‍👩‍👧", "一行目\n二行目", "a--b->c", "{[;=,]}",
                     String(repeating: "長い名前", count: 300)]
        var dot = "graph {\n"
        for (i, n) in names.enumerated() { dot += "n\(i) [shape=box, fontname=\"Noto Sans CJK JP\", label=\(DOTEscaping.label(n))];\n" }
        dot += "}\n"
        let r = try GraphvizRenderer.shared.render(dot: dot, format: .svg, engine: "dot")
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        let texts = Self.svgTexts(String(decoding: r.data, as: UTF8.self))
        for n in names {
            for line in n.split(separator: "\n") {
                #expect(texts.contains(String(line)), "\(line.debugDescription) not in the SVG")
            }
        }
    }
}
