import RenkeiCore

/// The pieces the streamed JSON writers (``NodeLinkJSONFormat``, ``CytoscapeJSONFormat``) are made
/// of: a document's fields written one by one, and its node and edge arrays made on all cores
/// (``ParallelText``), each item serialised alone at its depth. The bytes are those of the whole
/// document as one ``JSONValue`` serialised with an indent of 2.
extension JSONValue {
    /// Appends `"key": ` as the field of an object `level` levels deep, after a comma unless it
    /// is the object's first field.
    static func appendKey(_ key: String, first: Bool = false, level: Int, to out: inout String) {
        if !first { out += "," }
        newline(&out, indent: 2, level: level + 1)
        writeString(key, to: &out)
        out += ": "
    }
}

extension NetworkTable {
    /// Hands on `out` and empties it, then writes the array of every node's `item` as the value of
    /// a field `level` levels deep (`[]` when there are none, left in `out`).
    func renderJSONNodes(level: Int, after out: inout String, emit: (inout String) throws -> Void,
                         _ item: (Node) -> JSONValue) rethrows {
        guard !nodes.isEmpty else { out += "[]"; return }
        out += "["
        try renderNodes(after: &out, emit: emit) { i, n, piece in item(n).writeItem(i, to: &piece, indent: 2, level: level + 1) }
        JSONValue.newline(&out, indent: 2, level: level)
        out += "]"
    }

    /// Hands on `out` and empties it, then writes the array of every edge's `item` as the value of
    /// a field `level` levels deep (`[]` when there are none, left in `out`). The fast reader's
    /// rows are written by a template per shape (``jsonRowTemplates(level:_:)``) instead of one value each.
    func renderJSONEdges(level: Int, after out: inout String, emit: (inout String) throws -> Void,
                         _ item: (Edge) -> JSONValue) rethrows {
        guard edgeCount > 0 else { out += "[]"; return }
        out += "["
        if let templates = jsonRowTemplates(level: level + 1, item) {
            try renderRowEdges(after: &out, emit: emit, templates: templates,
                               escapeID: { var s = ""; JSONValue.writeStringContent($0, to: &s); return s },
                               weightText: JSONValue.format,
                               detailText: { v, level in var s = ""; v.json.write(to: &s, indent: 2, level: level); return s })
        } else {
            try renderEdges(after: &out, emit: emit) { k, e, piece in item(e).writeItem(k, to: &piece, indent: 2, level: level + 1) }
        }
        JSONValue.newline(&out, indent: 2, level: level)
        out += "]"
    }

    /// The text of each shape's row edge as an array item `level` levels deep, with holes for
    /// what differs between rows (``RowEdgeTemplate``); nil for a table not made of rows.
    ///
    /// A shape's edge (``rowEdgePrototypes(evidenceText:)``) is given marks for its number, ends,
    /// weight and evidence line, one private-use scalar each, and serialised by `item` as every
    /// other edge is; the marks then become the holes. The weight, a number, is marked by a string,
    /// whose quotes are dropped with the mark. Nil too when a shape's own text holds a mark scalar.
    func jsonRowTemplates(level: Int, _ item: (Edge) -> JSONValue) -> [RowEdgeTemplate]? {
        guard let prototypes = rowEdgePrototypes(evidenceText: { v in
            if case .list(let items) = v, items.count == 1 { return items[0] }
            return nil
        }) else { return nil }
        let holes: [Unicode.Scalar: RowEdgeTemplate.Part] = [
            "\u{F8F0}": .number, "\u{F8F1}": .source, "\u{F8F2}": .target, "\u{F8F3}": .weight, "\u{F8F4}": .line,
        ]
        let details: [Unicode.Scalar: Int] = ["\u{F8F5}": EdgeSlot.evidence, "\u{F8F6}": EdgeSlot.note]
        var templates: [RowEdgeTemplate] = []
        for proto in prototypes {
            let own = [proto.evidencePrefix ?? ""] + proto.edge.values.compactMap { $0?.text }
            guard !own.contains(where: { $0.unicodeScalars.contains { holes[$0] != nil || details[$0] != nil } }) else { return nil }
            var marked = proto.edge
            marked.id = "e\u{F8F0}"
            marked.source = "\u{F8F1}"
            marked.target = "\u{F8F2}"
            marked.values[EdgeSlot.weight] = .string("\u{F8F3}")
            if let prefix = proto.evidencePrefix { marked.values[EdgeSlot.evidence] = .list([prefix + "\u{F8F4}"]) }
            if proto.details {
                marked.values[EdgeSlot.evidence] = .string("\u{F8F5}")
                marked.values[EdgeSlot.note] = .string("\u{F8F6}")
            }
            var text = ""
            item(marked).write(to: &text, indent: 2, level: level)
            var template = RowEdgeTemplate()
            template.append(.separator)
            var start = ""
            JSONValue.newline(&start, indent: 2, level: level)
            template.append(start)
            var run = String.UnicodeScalarView()
            var dropQuote = false
            for scalar in text.unicodeScalars {
                if dropQuote { dropQuote = false; continue }  // the quote after the weight's (or a detail's) mark
                if let slot = details[scalar] {
                    // `,` + line break + indent + `"key": "` + mark: the field, comma and all, is
                    // written only for a row with a value; the value at the key's depth.
                    run.removeLast()
                    dropQuote = true
                    let written = String(run)
                    guard let field = written.range(of: ",\n", options: .backwards) else { return nil }
                    let indent = written[written.index(after: field.lowerBound)...].dropFirst().prefix { $0 == " " }.count
                    template.append(String(written[..<field.lowerBound]))
                    template.append(.detail(slot: slot, before: String(written[field.lowerBound...]), after: "", level: indent / 2))
                    run = String.UnicodeScalarView()
                    continue
                }
                guard let part = holes[scalar] else { run.append(scalar); continue }
                if part == .weight { run.removeLast(); dropQuote = true }
                template.append(String(run))
                template.append(part)
                run = String.UnicodeScalarView()
            }
            template.append(String(run))
            templates.append(template)
        }
        return templates
    }
}
