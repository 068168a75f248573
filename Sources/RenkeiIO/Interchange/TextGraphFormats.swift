import RenkeiCore

/// `nodes.csv` and `edges.csv` for Excel and other spreadsheets.
///
/// RFC 4180 records terminated by CRLF, a header row of field names (or Japanese headers:
/// 名称, 種別, 連携元, 連携先 …); `edges.csv` repeats each end's display label (`source_label`,
/// `target_label`) so the sheet reads without a lookup; booleans as `true`/`false`, lists `;`-joined (see ``ListCodec``),
/// absent values as empty cells. The text is returned as a `String`; ``ExportEncoding`` turns it
/// into UTF-8, UTF-8 with BOM (what Excel needs to detect UTF-8) or Shift_JIS (CP932).
public enum CSVGraphFormat {
    /// The two files' contents.
    /// Text cells a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
    /// leading apostrophe (``CSVWriter/guarded(_:)``) unless `rawCells`; numbers and booleans never do.
    /// - Parameter japaneseHeaders: write Japanese column headers instead of field names.
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable, japaneseHeaders: Bool = false,
                             rawCells: Bool = false) -> (nodes: String, edges: String) {
        func text(_ s: String) -> String { rawCells ? s : CSVWriter.guarded(s) }
        func cell(_ v: AttributeValue?) -> String {
            switch v {
            case nil: return ""
            case .string(let s)?: return text(s)
            case .list(let l)?: return text(ListCodec.join(l))
            case let v?: return v.text
            }
        }
        func header(_ specs: [AttributeSpec], leading: [(String, String)]) -> [String] {
            leading.map { japaneseHeaders ? $0.1 : $0.0 } + specs.map { japaneseHeaders ? $0.japanese : $0.name }
        }
        // The rows are made on all cores in runs (``ParallelText``) and joined in order.
        var nodeHeader = CSVWriter.line(header(table.nodeAttributes, leading: [("id", "ID")]), crlf: true)
        let nodes = GraphMLFormat.whole { emit in
            table.renderNodes(after: &nodeHeader, emit: emit) { _, n, piece in
                piece += CSVWriter.line([text(n.id)] + n.values.map(cell), crlf: true)
            }
        }
        var label: [String: String] = [:]
        for n in table.nodes { label[n.id] = n.label }
        var edgeHeader = CSVWriter.line(header(table.edgeAttributes,
                                               leading: [("id", "ID"), ("source", "連携元"), ("target", "連携先"),
                                                         ("source_label", "連携元名称"), ("target_label", "連携先名称")]),
                                        crlf: true)
        let edges = GraphMLFormat.whole { emit in
            table.renderEdges(after: &edgeHeader, emit: emit) { _, e, piece in
                piece += CSVWriter.line([text(e.id), text(e.source), text(e.target), text(label[e.source] ?? ""),
                                         text(label[e.target] ?? "")] + e.values.map(cell), crlf: true)
            }
        }
        return (nodes, edges)
    }
}

/// Pajek `.net`: `*Vertices n` with numbered, quoted labels (the display name), then `*Edges`
/// (mutual partnerships) and `*Arcs` (directed ones) as `i j weight`, one line per partnership.
///
/// The file is UTF-8 (Pajek 3 and later read it; older Pajek versions expect ASCII or the
/// Windows code page, where Japanese labels will not show). A `"` or `\` in a label is escaped
/// with a backslash (`\"`, `\\`), as NetworkX's `read_pajek` reads it; line breaks become spaces. A label several nodes share
/// (two projects' generic 「地域の保育園」) gets ` [id]` appended, since tools such as NetworkX key
/// Pajek vertices by label.
public enum PajekFormat {
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        var number: [String: Int] = [:]
        var out = "*Vertices \(table.nodes.count)\r\n"
        // Inside the quotes `\` and `"` are escaped with a backslash, the quoting NetworkX's
        // read_pajek (shlex) and igraph read back exactly; line breaks, which would end the
        // record, become spaces.
        func clean(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case _ where c.isNewline: out += " "
                default: out.append(c)
                }
            }
            return out
        }
        var uses: [String: Int] = [:]
        for n in table.nodes { uses[clean(n.label), default: 0] += 1 }
        for (i, n) in table.nodes.enumerated() {
            number[n.id] = i + 1
            var label = clean(n.label)
            // Tools that key vertices by label (NetworkX read_pajek) would merge namesakes such as
            // two projects' generic 「地域の保育園」, so a shared label gets its id appended.
            if uses[label, default: 0] > 1 { label += " [" + clean(n.id) + "]" }
            out += "\(i + 1) \"\(label)\"\r\n"
        }
        let weightIndex = table.edgeAttributes.firstIndex(where: { $0.name == "weight" })
        let directionIndex = table.edgeAttributes.firstIndex(where: { $0.name == "direction" })
        var edges = "", arcs = ""
        table.forEachEdge { e in
            guard let s = number[e.source], let t = number[e.target] else { return }
            let w = weightIndex.flatMap { e.values[$0] }?.text ?? "1.0"
            let line = "\(s) \(t) \(w)\r\n"
            if let d = directionIndex, case .string("directed")? = e.values[d] { arcs += line } else { edges += line }
        }
        out += "*Edges\r\n" + edges
        if !arcs.isEmpty { out += "*Arcs\r\n" + arcs }
        return out
    }
}

/// A plain, valid Graphviz DOT export: an undirected `graph` with every node and edge carrying its
/// attributes (lists `;`-joined; values written verbatim with ``DOTEscaping/quoted(_:)``, the
/// label through ``DOTEscaping/label(_:)`` so Graphviz shows it as given), nodes filled with their
/// kind's ``KindPalette`` colour, directed partnerships drawn with `dir=forward`. It is a data export for tools that read DOT; the
/// styled diagrams with legend come from `renkei render` and its own DOT writer.
public enum PlainDOTFormat {
    /// A verbatim DOT string (ids and data attributes), through the diagram writer's escaping.
    static func quote(_ s: String) -> String { DOTEscaping.quoted(s) }

    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        GraphMLFormat.whole { write(table, emit: $0) }
    }

    /// Writes a table as DOT in pieces, as ``GraphMLFormat/write(_:emit:)`` does: the nodes and
    /// edges are made on all cores, and the pieces joined are the bytes of ``write(_:)``.
    public static func write(_ table: NetworkTable, emit: (inout String) throws -> Void) rethrows {
        var out = "graph \(quote(table.metadata.name.isEmpty ? "renkei" : table.metadata.name)) {\n"
        out += "  graph [charset=\"UTF-8\"];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"\(DiagramOptions.defaultFont)\"];\n"
        try table.renderNodes(after: &out, emit: emit) { _, n, out in
            let fill = KindPalette.color(for: n.kind)
            var attrs = ["label=\(DOTEscaping.label(n.label))", "fillcolor=\(quote(fill.hex))",
                         "fontcolor=\(quote(fill.textColor.hex))"]
            for (a, v) in zip(table.nodeAttributes, n.values) where a.name != "label" {
                if let v { attrs.append("\(a.name)=\(quote(v.text))") }
            }
            out += "  \(quote(n.id)) [\(attrs.joined(separator: ", "))];\n"
        }
        try table.renderEdges(after: &out, emit: emit) { _, e, out in
            var attrs = ["id=\(quote(e.id))"]
            for (a, v) in zip(table.edgeAttributes, e.values) {
                guard let v else { continue }
                attrs.append("\(a.name)=\(quote(v.text))")
                if a.name == "direction", v.text == "directed" { attrs.append("dir=forward") }
            }
            out += "  \(quote(e.source)) -- \(quote(e.target)) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        try emit(&out)
    }
}
