import RenkeiCore

/// The characters names and labels may not hold, checked by every loader and interchange reader.
///
/// Refused: C0 control characters (U+0000–U+001F, tab aside) and DEL (U+007F), which no name
/// means and which break spreadsheets, DOT and terminals; and the bidirectional embedding,
/// override and isolate characters (U+202A–U+202E, U+2066–U+2069), which can make one name look
/// like another in a diagram ("Trojan Source").
public enum NameText {
    /// Why `text` cannot be a name or label, or nil when it can.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func problem(in text: String) -> String? {
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x09) || v == 0x7F {
                return "contains the control character \(code(s))\(v == 0 ? " (NUL)" : ""); names and labels may not hold control characters"
            }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                return "contains the bidirectional control character \(code(s)), which can make one name look like another; remove it"
            }
        }
        return nil
    }

    /// Appends a problem naming `file`, `line` and `field` when `text` holds a refused character.
    /// - Returns: true when the text is acceptable.
    @discardableResult
    public static func check(_ text: String, file: String, line: Int?, field: String,
                             problems: inout [InputProblem]) -> Bool {
        guard let message = problem(in: text) else { return true }
        problems.append(InputProblem(file: file, line: line, field: field, message: message))
        return false
    }

    static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
