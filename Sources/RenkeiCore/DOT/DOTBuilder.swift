/// A DOT attribute value, written according to its kind.
public enum DOTValue: Hashable, Sendable {
    /// A plain string, quoted exactly (``DOTEscaping/quoted(_:)``).
    case string(String)
    /// Text that Graphviz shows as given (``DOTEscaping/label(_:)``).
    case text(String)
    /// An HTML-like label body, written between `<` and `>` as is; the caller escapes its text.
    case html(String)
    /// A number with at most three decimals.
    case number(Double)

    /// The value as it appears in DOT.
    public var rendered: String {
        switch self {
        case .string(let s): return DOTEscaping.quoted(s)
        case .text(let s): return DOTEscaping.label(s)
        case .html(let s): return "<" + s + ">"
        case .number(let x): return DOTEscaping.number(x)
        }
    }
}

/// Accumulates DOT text line by line, with indentation and attribute lists in the order given.
///
/// Only ever writes attribute values through ``DOTValue``, so no string can break the output.
public struct DOTBuilder: Sendable {
    private(set) var lines: [String] = []
    private var depth = 0

    /// An empty builder at depth 0.
    public init() {}

    /// The finished DOT text, ending with a newline.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// `[a=1, b="x"]`, or the empty string for no attributes.
    public static func attributeList(_ attributes: [(String, DOTValue)]) -> String {
        guard !attributes.isEmpty else { return "" }
        return "[" + attributes.map { "\($0.0)=\($0.1.rendered)" }.joined(separator: ", ") + "]"
    }

    /// Appends one line at the current depth.
    public mutating func line(_ s: String) {
        lines.append(String(repeating: "  ", count: depth) + s)
    }

    /// Opens a block (`graph {`, `subgraph cluster_1 {`).
    public mutating func open(_ header: String) {
        line(header + " {")
        depth += 1
    }

    /// Closes the innermost block.
    public mutating func close() {
        depth = max(0, depth - 1)
        line("}")
    }

    /// `name [attributes];` for `graph`, `node` and `edge` defaults.
    public mutating func defaults(_ target: String, _ attributes: [(String, DOTValue)]) {
        line("\(target) \(DOTBuilder.attributeList(attributes));")
    }

    /// A node statement; `id` is written quoted.
    public mutating func node(_ id: String, _ attributes: [(String, DOTValue)]) {
        let a = DOTBuilder.attributeList(attributes)
        line(DOTEscaping.quoted(id) + (a.isEmpty ? "" : " " + a) + ";")
    }

    /// An edge statement with the given operator (`--` or `->`).
    public mutating func edge(_ tail: String, _ head: String, op: String = "--", _ attributes: [(String, DOTValue)]) {
        let a = DOTBuilder.attributeList(attributes)
        line(DOTEscaping.quoted(tail) + " \(op) " + DOTEscaping.quoted(head) + (a.isEmpty ? "" : " " + a) + ";")
    }
}
