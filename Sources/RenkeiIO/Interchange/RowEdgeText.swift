import Foundation
import RenkeiCore

/// The partnerships of a fast reader (``CompactEdgeList``, ``CompactDatasetFolder``) as rows: a
/// partnership differs from the others only in its two organisations, its weight, its evidence
/// line (a CSV's) or its evidence and note cells (a folder's, ``RowDetails``), and which of a few
/// shapes it has (a shape is all the rest: project, relations, status, direction, evidence
/// document). No `Partnership` is kept per row.
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
    /// Per row, its evidence and note cells (a dataset folder's); nil when no row has either.
    var details: RowDetails? = nil

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
        if let details {
            p.evidence = details.evidence(k, shape: shape(k))
            p.note = details.note(k)
        }
        return p
    }

    /// Row `k`'s value of edge attribute `slot` when it is one of the row's details (evidence or
    /// note), as ``NetworkTable/edge(_:_:)`` makes it; nil when the row has none.
    func detail(_ k: Int, slot: Int) -> AttributeValue? {
        guard let details else { return nil }
        if slot == NetworkTable.EdgeSlot.note { return NetworkTable.noteValue(details.note(k)) }
        return NetworkTable.evidenceValue(details.evidence(k, shape: shape(k)))
    }
}

/// The evidence and note cells of a dataset folder's partnerships, one pair per row, kept as the
/// bytes read (``CompactDatasetFolder`` with `keepDetails`) and read as the general reader
/// (``FolderDatasetLoader``) reads them only when a row is written: a blank cell costs no byte.
struct RowDetails: Sendable {
    /// The cells' bytes, row after row, each row's evidence cell before its note cell.
    private var bytes: [UInt8] = []
    /// Per row, where its evidence cell ends in ``bytes`` and where its note cell ends (a cell
    /// starts where the one before it ends).
    private var ends: [UInt32] = []
    /// Per shape, the document of an evidence reference that names none: its project's source
    /// document, else the dataset's source.
    var documents: [String?] = []

    init(estimate rows: Int) { ends.reserveCapacity(2 * rows) }

    /// Appends the evidence and note cells of `reader`'s record (nil: blank, kept as no byte);
    /// false when the bytes would pass the 4 GiB that the offsets can address.
    mutating func append(evidence: CSVByteReader.Field?, note: CSVByteReader.Field?, of reader: CSVByteReader) -> Bool {
        for cell in [evidence, note] {
            if let cell {
                guard bytes.count + (cell.end - cell.start) <= Int(UInt32.max) else { return false }
                reader.withSlice(cell) { bytes.append(contentsOf: $0) }
            }
            ends.append(UInt32(bytes.count))
        }
        return true
    }

    /// Cell `i` (2·row for the evidence, 2·row + 1 for the note) as the general reader reads it:
    /// formula guard removed, trimmed.
    private func cell(_ i: Int) -> String {
        let start = i == 0 ? 0 : Int(ends[i - 1]), end = Int(ends[i])
        guard end > start else { return "" }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        return CSVWriter.unguarded(text).trimmingWhitespace()
    }

    /// Row `k`'s evidence references (its shape is `shape`).
    func evidence(_ k: Int, shape: Int) -> [SourceReference] {
        FieldParsing.evidence(cell(2 * k), defaultDocument: documents[shape])
    }

    /// Row `k`'s note, nil when blank.
    func note(_ k: Int) -> String? {
        let text = cell(2 * k + 1)
        return text.isEmpty ? nil : text
    }
}

/// The text of every edge of a table made of a fast reader's rows (``RowEdges``), written straight
/// from the rows: such an edge differs from the next only in its number, its two organisations,
/// its weight, its evidence line or evidence and note cells, and its shape, so a format describes each shape's edge once as
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
        /// The row's value of edge attribute `slot` (its evidence or note, ``RowEdges/detail(_:slot:)``)
        /// between `before` and `after`, or nothing when the row has none; `level` is the depth at
        /// which a JSON value is written.
        case detail(slot: Int, before: String, after: String, level: Int)
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
        /// True when the rows carry their own evidence and notes (``RowEdges/details``): the
        /// evidence and note slots are then ``RowEdgeTemplate/Part/detail(slot:before:after:level:)`` holes.
        var details = false
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
            if c.details != nil { edge.values[EdgeSlot.note] = nil }
            out.append(RowEdgePrototype(edge: edge, evidencePrefix: prefix, details: c.details != nil))
        }
        return out
    }

    /// Hands on `out` and empties it, then writes every row's edge by the template of its shape
    /// (`templates`, in shape order) on all cores, in order (``ParallelText``); `escapeID` writes
    /// an organisation's id as the format needs it (once per organisation; XML attribute text by
    /// default), `weightText` a weight's text (once per distinct weight in a run), `detailText` a
    /// row's evidence or note value at a JSON depth (for the ``RowEdgeTemplate/Part/detail(slot:before:after:level:)`` holes).
    func renderRowEdges(after out: inout String, emit: (inout String) throws -> Void, templates: [RowEdgeTemplate],
                        escapeID: (String) -> String = { XMLEscape.escape($0, attribute: true) },
                        weightText: (Double) -> String,
                        detailText: (AttributeValue, Int) -> String = { v, _ in v.text }) rethrows {
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
                                        case .detail(let slot, let before, let after, let level):
                                            guard let v = c.detail(k, slot: slot) else { break }
                                            piece += before
                                            piece += detailText(v, level)
                                            piece += after
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
