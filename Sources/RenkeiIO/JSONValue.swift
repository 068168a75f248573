/// A JSON value whose objects keep their key order, so output is deterministic and reads in a
/// sensible order (`id`, `name`, `kind`, `value`).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (k, v) in o { hasher.combine(k); hasher.combine(v) }
        }
    }

    /// Looks a key up in an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first(where: { $0.0 == key })?.1 }
        return nil
    }

    /// Serialises the value. `indent` > 0 pretty-prints with that many spaces per level.
    public func serialized(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    /// Appends the value as it appears `level` levels deep in a document serialised with `indent`
    /// (the streamed JSON writers make each node and link alone, at its depth).
    func write(to out: inout String, indent: Int, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONValue.format(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() { item.writeItem(i, to: &out, indent: indent, level: level + 1) }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &out)
                out += indent > 0 ? ": " : ":"
                value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    /// Appends the value as item `index` of an array whose items are `level` levels deep: after
    /// a comma unless it is the first, on its own line.
    func writeItem(_ index: Int, to out: inout String, indent: Int, level: Int) {
        if index > 0 { out += "," }
        JSONValue.newline(&out, indent: indent, level: level)
        write(to: &out, indent: indent, level: level)
    }

    static func newline(_ out: inout String, indent: Int, level: Int) {
        guard indent > 0 else { return }
        if indent == 2, level < lineBreaks.count { out += lineBreaks[level]; return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    /// A line feed and the indentation of level 0, 1, 2 … at two spaces per level, made once
    /// (a streamed export breaks about ten lines per edge).
    private static let lineBreaks: [String] = (0..<24).map { "\n" + String(repeating: " ", count: 2 * $0) }

    /// Shortest representation that reads back to the same double; non-finite values become null.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    /// Writes a JSON string literal; non-ASCII text is kept as UTF-8 (Japanese stays readable).
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        writeStringContent(s, to: &out)
        out += "\""
    }

    /// Writes what goes between a JSON string literal's quotes (``writeString(_:to:)`` without them).
    static func writeStringContent(_ s: String, to out: inout String) {
        if !needsEscaping(s) { out += s; return }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// True when `s` holds a character ``writeStringContent(_:to:)`` escapes: a quote, a backslash,
    /// a control character, U+2028 or U+2029 (read on the UTF-8 bytes: E2 80 A8/A9).
    static func needsEscaping(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for (i, x) in b.enumerated() {
                if x < 0x20 || x == 0x22 || x == 0x5C { return true }
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return true }
            }
            return false
        }
    }
}
