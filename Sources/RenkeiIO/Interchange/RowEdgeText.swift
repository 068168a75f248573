import Foundation
import RenkeiCore

/// The text of every edge of a table made of the fast reader's rows (``NetworkTable/init(compact:)``),
/// written straight from the rows: such an edge differs from the next only in its number, its two
/// organisations, its weight and its evidence line (``CompactEdgeList/partnership(_:)``), so a format
/// describes its edge once as constant text with holes, and the rows fill the holes. No
/// `Partnership`, `Edge` or attribute value is made per row.
///
/// The bytes are those of the format's general edge writer: the constant text is made by that
/// writer's own pieces from the edge every row shares, and an evidence text is used only after
/// checking that it is the same prefix followed by the line number.
struct RowEdgeTemplate {
    /// What an edge's text is made of.
    enum Part: Equatable {
        /// The same text on every edge.
        case text(String)
        /// The edge's number (its id is `e` and the number).
        case number
        /// The source and target organisation ids, escaped for an attribute.
        case source, target
        /// The weight's text.
        case weight
        /// The evidence's line number (its prefix is in the text before it).
        case line
        /// A comma before every edge but the first (JSON arrays).
        case separator
    }

    private(set) var parts: [Part] = []

    /// Appends constant text, joined to the text before it.
    mutating func append(_ s: String) {
        guard !s.isEmpty else { return }
        if case .text(let t)? = parts.last { parts[parts.count - 1] = .text(t + s) } else { parts.append(.text(s)) }
    }

    mutating func append(_ part: Part) {
        if case .text(let s) = part { append(s) } else { parts.append(part) }
    }
}

extension NetworkTable {
    /// The edge every row of the fast reader makes, with its weight and evidence left out (nil),
    /// and the evidence text of a row with its line number left out, as `evidenceText` writes the
    /// evidence value; nil for a table not made of those rows, without rows, or whose evidence
    /// text is not a prefix and the line number (or that `evidenceText` declines).
    func rowEdgePrototype(evidenceText: (AttributeValue) -> String?) -> (edge: Edge, evidencePrefix: String)? {
        guard case .rows(let c) = edgeRows, c.partnershipCount > 0 else { return nil }
        var edge = NetworkTable.edge(0, c.partnership(0))
        func evidence(_ line: Int) -> String? {
            var p = c.partnership(0)
            p.evidence = p.evidence.map { SourceReference(document: $0.document, line: line) }
            return NetworkTable.edge(0, p).values[EdgeSlot.evidence].flatMap(evidenceText)
        }
        guard let one = evidence(1), one.hasSuffix("1"), evidence(1_234_567) == one.dropLast() + "1234567" else { return nil }
        edge.values[EdgeSlot.weight] = nil
        edge.values[EdgeSlot.evidence] = nil
        return (edge, String(one.dropLast()))
    }

    /// Hands on `out` and empties it, then writes every row's edge by `template` on all cores, in
    /// order (``ParallelText``); `escapeID` writes an organisation's id as the format needs it
    /// (once per organisation; XML attribute text by default), `weightText` a weight's text
    /// (once per distinct weight in a run).
    func renderRowEdges(after out: inout String, emit: (inout String) throws -> Void, template: RowEdgeTemplate,
                        escapeID: (String) -> String = { XMLEscape.escape($0, attribute: true) },
                        weightText: (Double) -> String) rethrows {
        guard case .rows(let c) = edgeRows else { preconditionFailure("renderRowEdges on a table without rows") }
        if !out.isEmpty {
            try emit(&out)
            out.removeAll(keepingCapacity: true)
        }
        let ids = c.organizations.map { escapeID($0.id) }
        let parts = template.parts
        try c.sources.withUnsafeBufferPointer { sources in
            try c.targets.withUnsafeBufferPointer { targets in
                try c.weights.withUnsafeBufferPointer { weights in
                    try c.lines.withUnsafeBufferPointer { lines in
                        try ParallelText.render(count: c.partnershipCount, { range, piece in
                            var lastWeight = Double.nan, lastText = ""
                            for k in range {
                                for part in parts {
                                    switch part {
                                    case .text(let s): piece += s
                                    case .number: piece += String(k)
                                    case .source: piece += ids[Int(sources[k])]
                                    case .target: piece += ids[Int(targets[k])]
                                    case .weight:
                                        let w = weights[k]
                                        if w.bitPattern != lastWeight.bitPattern { lastWeight = w; lastText = weightText(w) }
                                        piece += lastText
                                    case .line: piece += String(lines[k])
                                    case .separator: if k > 0 { piece += "," }
                                    }
                                }
                            }
                        }, emit: emit)
                    }
                }
            }
        }
    }
}
