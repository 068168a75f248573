import Foundation
import RenkeiCore

/// The type of a node or edge attribute in the interchange formats.
public enum AttributeType: String, Sendable, Hashable {
    case string
    case boolean
    case integer
    case double
    /// A list of strings: an array in JSON, `;`-joined text in XML and CSV (see ``ListCodec``).
    case list
}

/// One attribute column: its name (the spelling every format uses), Japanese header and type.
public struct AttributeSpec: Hashable, Sendable {
    /// The field name every format uses (`legal_form`).
    public var name: String
    /// The Japanese CSV header (`法人格`).
    public var japanese: String
    /// The value type.
    public var type: AttributeType

    /// Creates a column.
    public init(name: String, japanese: String, type: AttributeType) {
        self.name = name
        self.japanese = japanese
        self.type = type
    }
}

/// A value of an attribute.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case boolean(Bool)
    case integer(Int)
    case double(Double)
    case list([String])

    /// The text written into XML and CSV cells.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .double(let d): return JSONValue.format(d)
        case .list(let l): return ListCodec.join(l)
        }
    }

    /// True when `other` is the same value with the same bytes (`==` compares strings by canonical
    /// equivalence, so an NFD text equals its NFC form there, but not here).
    func isIdentical(to other: AttributeValue) -> Bool {
        func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8) }
        switch (self, other) {
        case (.string(let a), .string(let b)): return same(a, b)
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        default: return false
        }
    }

    /// The value as JSON (lists become arrays).
    public var json: JSONValue {
        switch self {
        case .string(let s): return .string(s)
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .int(i)
        case .double(let d): return .double(d)
        case .list(let l): return .array(l.map { .string($0) })
        }
    }

    /// Parses text written by ``text`` back into a value of `type`; nil when it does not parse.
    public static func parse(_ text: String, as type: AttributeType) -> AttributeValue? {
        switch type {
        case .string: return .string(text)
        case .list: return .list(ListCodec.split(text))
        case .boolean:
            switch text.trimmingWhitespace().lowercased() {
            case "true", "1", "yes": return .boolean(true)
            case "false", "0", "no": return .boolean(false)
            default: return nil
            }
        case .integer:
            let t = text.trimmingWhitespace()
            if let i = Int(t) { return .integer(i) }
            if let d = Double(t), d == d.rounded(), abs(d) < 9e15 { return .integer(Int(d)) }
            return nil
        case .double:
            return Double(text.trimmingWhitespace()).map { .double($0) }
        }
    }

    /// A list field's text as read, kept whole as a string: its items are split when the table
    /// becomes a dataset (``ListCodec/split(_:)``, as ``parse(_:as:)`` splits them), so a row's
    /// evidence, different on every edge, costs its text alone and not an array as well.
    static func undividedList(_ text: String) -> AttributeValue? {
        text.isEmpty ? .list([]) : .string(text)
    }

    /// Converts a JSON value to a value of `type`; nil when the JSON value does not fit.
    public static func from(json: JSONValue, as type: AttributeType) -> AttributeValue? {
        switch (type, json) {
        case (_, .null): return nil
        case (.list, .array(let items)):
            var out: [String] = []
            for item in items {
                switch item {
                case .string(let s): out.append(s)
                case .int(let i): out.append(String(i))
                case .double(let d): out.append(JSONValue.format(d))
                case .bool(let b): out.append(b ? "true" : "false")
                default: return nil
                }
            }
            return .list(out)
        case (.boolean, .bool(let b)): return .boolean(b)
        case (.integer, .int(let i)): return .integer(i)
        case (.double, .int(let i)): return .double(Double(i))
        case (.double, .double(let d)): return .double(d)
        case (.integer, .double(let d)) where d == d.rounded() && abs(d) < 9e15: return .integer(Int(d))
        case (_, .string(let s)): return parse(s, as: type)
        case (.string, .int(let i)): return .string(String(i))
        case (.string, .double(let d)): return .string(JSONValue.format(d))
        case (.string, .bool(let b)): return .string(b ? "true" : "false")
        default: return nil
        }
    }
}

/// How lists are written in a single text cell: items joined by `;`, with `\` escaping a `;` or
/// `\` inside an item (`後援;会場提供`, `a\;b` for the one item `a;b`).
public enum ListCodec {
    /// Joins items into one cell, escaping `;` and `\\` inside items.
    public static func join(_ items: [String]) -> String {
        // No list to build for the common cells: none, or one item with nothing to escape.
        if items.isEmpty { return "" }
        if items.count == 1, !items[0].utf8.contains(where: { $0 == 0x3B || $0 == 0x5C }) { return items[0] }
        return items.map { item in
            // Bytes first: without a `;` or `\\` byte there is nothing to escape (Foundation's
            // `contains` would search each item with canonical equivalence).
            guard item.utf8.contains(where: { $0 == 0x3B || $0 == 0x5C }), item.contains(";") || item.contains("\\") else { return item }
            return item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
        }.joined(separator: ";")
    }

    /// Splits a cell written by ``join(_:)`` back into its items (an empty cell is no items).
    public static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        // Without a separator or an escape the text is its one item.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\\") }) { return [text] }
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == ";" { items.append(current); current = ""; continue }
            current.append(c)
        }
        if escaped { current.append("\\") }
        items.append(current)
        return items
    }
}

/// What an edge reader keeps of the edge before: per edge field (``NetworkTable/partnershipAttributes``),
/// the last text met and the value made of it. A run of edges with the same relations, labels,
/// status, project, direction or note then shares one value (one copy of its text or list) instead
/// of each edge holding its own. The evidence, different on every row of a file, is kept as its
/// undivided text (``AttributeValue/undividedList(_:)``), and the weight, a number, is parsed
/// afresh. Texts and values are compared byte for byte, not by Swift's canonical equivalence.
struct RecentValues {
    private var texts = [String?](repeating: nil, count: NetworkTable.partnershipAttributes.count)
    private var values = [AttributeValue?](repeating: nil, count: NetworkTable.partnershipAttributes.count)

    /// True for the edge fields whose values are shared: all but the evidence and the weight.
    static func isShared(_ slot: Int) -> Bool {
        slot != NetworkTable.EdgeSlot.evidence && slot != NetworkTable.EdgeSlot.weight
    }

    /// The value of edge field `slot` written as `text` (GraphML, GEXF), of type `type`; nil
    /// when the text does not parse.
    mutating func value(_ text: String, slot: Int, as type: AttributeType) -> AttributeValue? {
        if slot == NetworkTable.EdgeSlot.evidence { return AttributeValue.undividedList(text) }
        guard Self.isShared(slot) else { return AttributeValue.parse(text, as: type) }
        return value(text, slot: slot) { AttributeValue.parse($0, as: type) }
    }

    /// The value of `text` in field `slot`: the previous one when the text is the same, else
    /// `parse(text)` (kept when not nil).
    mutating func value(_ text: String, slot: Int, parse: (String) -> AttributeValue?) -> AttributeValue? {
        if var last = texts[slot] {
            var text = text
            let same = last.withUTF8 { a in text.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
            if same { return values[slot] }
        }
        let v = parse(text)
        if v != nil { texts[slot] = text; values[slot] = v }
        return v
    }

    /// Edge field `slot`'s `value` as read from JSON: the previous edge's when it is identical.
    mutating func shared(_ value: AttributeValue, slot: Int) -> AttributeValue {
        guard Self.isShared(slot) else { return value }
        if let last = values[slot], last.isIdentical(to: value) { return last }
        values[slot] = value
        return value
    }
}
