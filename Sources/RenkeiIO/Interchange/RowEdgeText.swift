import Foundation
import RenkeiCore

/// The partnerships of a fast reader (``CompactEdgeList``, ``CompactDatasetFolder``) as rows: a
/// partnership differs from the others only in its two organisations, its weight, its evidence
/// line and which of a few shapes it has (a shape is all the rest: project, relations, status,
/// direction, evidence document). No `Partnership` is kept per row.
struct RowEdges: Sendable {
    /// The organisations the rows name by position.
    var organizations: [Organization]
    var sources: [Int32], targets: [Int32], weights: [Double]
    /// Per row, the line of its one evidence reference (in its shape's document); nil when the
    /// rows carry no evidence.
    var lines: [Int32]?
    /// Per row, its shape (an index into ``shapes``); nil when there is one shape.
    var shapeOfRow: [Int32]?
    /// The partnerships the rows are, with ends and weight (and the evidence line) left to the rows.
    var shapes: [Partnership]

    var count: Int { sources.count }

    /// The shape of row `k`.
    func shape(_ k: Int) -> Int { shapeOfRow.map { Int($0[k]) } ?? 0 }

    /// The partnership of row `k`.
    func partnership(_ k: Int) -> Partnership {
        var p = shapes[shape(k)]
        p.source = organizations[Int(sources[k])].id
        p.target = organizations[Int(targets[k])].id
        p.weight = weights[k]
        if let lines { p.evidence = p.evidence.map { SourceReference(document: $0.document, line: Int(lines[k])) } }
        return p
    }
}

/// The text of every edge of a table made of a fast reader's rows (``RowEdges``), written straight
/// from the rows: such an edge differs from the next only in its number, its two organisations,
/// its weight, its evidence line and its shape, so a format describes each shape's edge once as
/// constant text with holes, and the rows fill the holes. No `Partnership`, `Edge` or attribute
/// value is made per row.
///
/// The bytes are those of the format's general edge writer: the constant text is made by that
/// writer's own pieces from the edge of the shape, and an evidence text is used only after
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
    /// One shape's edge (``RowEdges``) with its weight and evidence left out (nil), and, when the
    /// rows carry evidence, the evidence text of a row with its line number left out, as
    /// `evidenceText` writes the evidence value.
    struct RowEdgePrototype {
        var edge: Edge
        var evidencePrefix: String?
    }

    /// Rows of more shapes than this are written edge by edge (``renderEdges(after:emit:_:)``),
    /// still from the rows: a template per shape pays only when shapes repeat.
    static let rowShapeLimit = 4096

    /// The edge of every shape of a table made of rows, in shape order; nil for a table not made
    /// of rows, without rows, with more than ``rowShapeLimit`` shapes, or whose evidence text is
    /// not a prefix and the line number (or that `evidenceText` declines).
    func rowEdgePrototypes(evidenceText: (AttributeValue) -> String?) -> [RowEdgePrototype]? {
        guard case .rows(let c) = edgeRows, c.count > 0, c.shapes.count <= Self.rowShapeLimit else { return nil }
        var out: [RowEdgePrototype] = []
        for shape in c.shapes {
            var edge = NetworkTable.edge(0, shape)
            var prefix: String?
            if c.lines != nil {
                func evidence(_ line: Int) -> String? {
                    var p = shape
                    p.evidence = p.evidence.map { SourceReference(document: $0.document, line: line) }
                    return NetworkTable.edge(0, p).values[EdgeSlot.evidence].flatMap(evidenceText)
                }
                guard let one = evidence(1), one.hasSuffix("1"), evidence(1_234_567) == one.dropLast() + "1234567" else { return nil }
                prefix = String(one.dropLast())
            } else if edge.values[EdgeSlot.evidence] != nil {
                return nil
            }
            edge.values[EdgeSlot.weight] = nil
            edge.values[EdgeSlot.evidence] = nil
            out.append(RowEdgePrototype(edge: edge, evidencePrefix: prefix))
        }
        return out
    }

    /// Hands on `out` and empties it, then writes every row's edge by the template of its shape
    /// (`templates`, in shape order) on all cores, in order (``ParallelText``); `escapeID` writes
    /// an organisation's id as the format needs it (once per organisation; XML attribute text by
    /// default), `weightText` a weight's text (once per distinct weight in a run).
    func renderRowEdges(after out: inout String, emit: (inout String) throws -> Void, templates: [RowEdgeTemplate],
                        escapeID: (String) -> String = { XMLEscape.escape($0, attribute: true) },
                        weightText: (Double) -> String) rethrows {
        guard case .rows(let c) = edgeRows else { preconditionFailure("renderRowEdges on a table without rows") }
        precondition(templates.count == c.shapes.count, "one template per shape")
        if !out.isEmpty {
            try emit(&out)
            out.removeAll(keepingCapacity: true)
        }
        let ids = c.organizations.map { escapeID($0.id) }
        let parts = templates.map(\.parts)
        let noLines = [Int32](), oneShape = [Int32]()
        try c.sources.withUnsafeBufferPointer { sources in
            try c.targets.withUnsafeBufferPointer { targets in
                try c.weights.withUnsafeBufferPointer { weights in
                    try (c.lines ?? noLines).withUnsafeBufferPointer { lines in
                        try (c.shapeOfRow ?? oneShape).withUnsafeBufferPointer { shapes in
                            try ParallelText.render(count: c.count, { range, piece in
                                var lastWeight = Double.nan, lastText = ""
                                for k in range {
                                    for part in parts[shapes.isEmpty ? 0 : Int(shapes[k])] {
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
}
