/// Turns arbitrary strings into DOT text that Graphviz reads back exactly.
///
/// Two layers are kept apart, because Graphviz treats a label in two steps:
///
/// 1. **Lexical** (``quoted(_:)``): the DOT parser reads a double-quoted string. Inside it only
///    `\"` (a quote) and backslash–newline (a line continuation, dropped) are escapes; every other
///    character, backslashes included, is kept as written. So a value is written verbatim with its
///    quotes escaped. Three kinds of value cannot be written at all in DOT (see
///    ``canRepresent(_:)``): one containing NUL (the parser reads C strings); one where an odd run
///    of backslashes stands right before a quote, a newline or the end of the string (`a\` would
///    read `\"` as an escaped quote); and one with a newline that starts the value or follows a
///    quote or backslash and is itself followed by a quote, a backslash or the end (Graphviz's
///    scanner, `scan.l`, then matches the newline with its line-counting rule and drops it). Values
///    made by ``labelValue(_:)`` have none of these: their backslashes come doubled and they hold no
///    raw newline.
/// 2. **Label** (``labelValue(_:)``): Graphviz then interprets the value as an *escString*:
///    `\\` is a backslash, `\n`, `\l`, `\r` and a raw newline break the line, `\N`, `\G`, `\E`,
///    `\T`, `\H`, `\L` insert names, and any other backslash is dropped. ``labelValue(_:)`` writes
///    text so that Graphviz shows it as given: backslashes doubled, line breaks as `\n`. Control
///    characters, which would make SVG output invalid XML and cannot all reach Graphviz, are shown
///    as their visible Unicode *Control Pictures* (U+2400…U+2421); see ``displayText(_:)``.
///
/// ``decodeLabelValue(_:)`` applies Graphviz's escString rules in reverse and is what the tests use
/// to check that `decodeLabelValue(agget(label)) == displayText(original)` for random strings.
public enum DOTEscaping {
    /// A DOT double-quoted string literal whose parsed value is `value`.
    ///
    /// Writes `"` as `\"` and every other character verbatim. Exact for every value that DOT can
    /// represent (see the type's discussion); NUL characters, which DOT cannot carry, are written as
    /// U+2400 (␀), and a backslash standing before a quote, a newline or the end is doubled,
    /// which is the closest value DOT can carry.
    /// - Complexity: O(*n*) in the length of `value`.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\"":
                out += "\\\""
            case "\\":
                // Count the run of backslashes and what follows it.
                var j = i
                while j < scalars.count, scalars[j] == "\\" { j += 1 }
                let run = j - i
                let next: Unicode.Scalar? = j < scalars.count ? scalars[j] : nil
                let dangerous = next == nil || next == "\"" || next == "\n"
                let written = dangerous && run % 2 == 1 ? run + 1 : run
                out += String(repeating: "\\", count: written)
                i = j
                continue
            case "\u{0}":
                out.unicodeScalars.append("\u{2400}")
            default:
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        out += "\""
        return out
    }

    /// Whether DOT can carry `value` exactly in a quoted string, so that ``quoted(_:)`` reads back
    /// as `value` (see the type's discussion for the three exceptions).
    /// - Complexity: O(*n*).
    public static func canRepresent(_ value: String) -> Bool {
        let u = Array(value.unicodeScalars)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == "\u{0}" { return false }
            if c == "\\" {
                var j = i
                while j < u.count, u[j] == "\\" { j += 1 }
                if (j - i) % 2 == 1 && (j == u.count || u[j] == "\"" || u[j] == "\n") { return false }
                i = j
                continue
            }
            if c == "\n" && (i == 0 || u[i - 1] == "\"" || u[i - 1] == "\\")
                && (i + 1 == u.count || u[i + 1] == "\"" || u[i + 1] == "\\") { return false }
            i += 1
        }
        return true
    }

    /// The text as Graphviz will show it: line breaks (`\r\n`, `\r`, U+2028, U+2029, U+0085) become
    /// `\n`; other C0 control characters become visible Control Pictures (U+2400 + code, so TAB
    /// shows as ␉), DEL shows as ␡ (U+2421) and C1 controls (U+0080…U+009F) as U+FFFD; everything
    /// else, emoji included, is unchanged.
    /// - Complexity: O(*n*).
    public static func displayText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let v = c.value
            if c == "\r" {
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            } else if c == "\n" || v == 0x2028 || v == 0x2029 || v == 0x85 {
                out.append("\n")
            } else if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                out.append("\u{2421}")
            } else if v >= 0x80 && v < 0xA0 {
                out.append("\u{FFFD}")
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// The escString value that makes Graphviz show `text` (after ``displayText(_:)``):
    /// backslashes doubled and line breaks written as `\n`.
    /// - Complexity: O(*n*).
    public static func labelValue(_ text: String) -> String {
        var out = ""
        for c in displayText(text).unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A quoted DOT label that Graphviz shows as `text`: `quoted(labelValue(text))`.
    public static func label(_ text: String) -> String { quoted(labelValue(text)) }

    /// The text Graphviz shows for an escString label value: the reverse of ``labelValue(_:)``,
    /// following Graphviz's rules (`\\` → `\`; `\n`, `\l`, `\r` and a raw newline → line break;
    /// any other backslash dropped, the character after it kept). Name substitutions (`\N` …) are
    /// not expanded; they are reported as the bare letter, as Graphviz would after dropping the
    /// backslash if no object name applied.
    /// - Complexity: O(*n*).
    public static func decodeLabelValue(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var it = value.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\\" {
                guard let d = it.next() else { break }
                switch d {
                case "n", "l", "r": out.append("\n")
                default: out.append(d)
                }
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Text escaped for an HTML-like label (`<…>`): `&`, `<`, `>`, `"` and `'` as entities, line
    /// breaks as `<BR/>`, control characters as in ``displayText(_:)``.
    /// - Complexity: O(*n*).
    public static func html(_ text: String) -> String {
        var out = ""
        for c in displayText(text).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<BR/>"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Formats a number for DOT: at most `digits` decimals, no trailing zeros, no exponent,
    /// so that output is the same on every platform. Non-finite values print as `0` and magnitudes
    /// are clamped to 10¹² (no DOT size or weight comes near), `digits` to 0…9.
    public static func number(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return "0" }
        let x = min(max(x, -1e12), 1e12)
        let digits = min(max(digits, 0), 9)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / Int64(scale)
        var frac = String(magnitude % Int64(scale))
        frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        let body = frac.isEmpty ? String(whole) : "\(whole).\(frac)"
        return (negative && magnitude != 0 ? "-" : "") + body
    }
}
