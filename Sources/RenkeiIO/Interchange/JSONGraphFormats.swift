import RenkeiCore

/// Node-link JSON in the shape NetworkX 3.x `json_graph.node_link_data(G, edges="links")` writes
/// and `node_link_graph(data, edges="links")` and D3's force layout read:
///
/// ```json
/// {"directed": false, "multigraph": true, "graph": {"name": …},
///  "nodes": [{"id": "o1", "name": …, "kind": "社協", …, "color": "#CC6677"}],
///  "links": [{"source": "o1", "target": "o2", "key": "e0", "relations": ["venue"], …}]}
/// ```
///
/// Lists are JSON arrays; fields a record does not have are left out. `multigraph` is always
/// true and each link's `key` is its edge id, so parallel partnerships stay apart. `color` is the
/// kind's ``KindPalette`` colour, for D3 styling; the reader ignores it. With positions
/// (`export --layout`, ``NodePositions``) each node has `x` and `y` (y down, as D3 draws).
public enum NodeLinkJSONFormat {
    /// Writes a table as node-link JSON (2-space indentation, trailing newline).
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        GraphMLFormat.whole { write(table, emit: $0) }
    }

    /// Writes a table as node-link JSON in pieces, as ``GraphMLFormat/write(_:emit:)`` does: the
    /// nodes and links are made on all cores, and the pieces joined are the bytes of the whole
    /// document serialised as one ``JSONValue``.
    public static func write(_ table: NetworkTable, emit: (inout String) throws -> Void) rethrows {
        var out = "{"
        JSONValue.appendKey("directed", first: true, level: 0, to: &out)
        out += "false"
        JSONValue.appendKey("multigraph", level: 0, to: &out)
        out += "true"
        JSONValue.appendKey("graph", level: 0, to: &out)
        table.metadataJSON.write(to: &out, indent: 2, level: 1)
        JSONValue.appendKey("nodes", level: 0, to: &out)
        try table.renderJSONNodes(level: 1, after: &out, emit: emit) { n in
            .object([("id", .string(n.id))] + table.jsonFields(of: n) + [("color", .string(KindPalette.color(for: n.kind).hex))])
        }
        JSONValue.appendKey("links", level: 0, to: &out)
        try table.renderJSONEdges(level: 1, after: &out, emit: emit) { e in
            .object([("source", .string(e.source)), ("target", .string(e.target)), ("key", .string(e.id))] + table.jsonFields(of: e))
        }
        out += "\n}\n"
        try emit(&out)
    }

    /// Reads node-link JSON written by Renkei or by NetworkX (`links` or `edges`; ids may be
    /// numbers; unknown numeric node fields become metrics).
    /// - Throws: ``InputError`` naming the file and, where known, the line.
    /// A document with a top-level `"elements"` (and no `"nodes"`) is Cytoscape.js JSON and is read
    /// by ``CytoscapeJSONFormat/read(bytes:file:)``.
    public static func read(bytes: [UInt8], file: String) throws -> NetworkTable {
        try bytes.withUnsafeBufferPointer { try read(buffer: $0, file: file) }
    }

    /// ``read(bytes:file:)`` of bytes the caller holds; `passed` and `passedStep` as in
    /// ``JSONValue/parseWithElementLines(buffer:file:passed:passedStep:consume:)``.
    static func read(buffer: UnsafeBufferPointer<UInt8>, file: String, passed: ((Int) -> Void)? = nil,
                     passedStep: Int = XMLTree.releaseStep) throws -> NetworkTable {
        // The links (or edges) become rows as they are parsed, so their values are never held
        // whole; the first problem of each list is kept and reported where the list is read.
        var links = LinkRows(), edges = LinkRows()
        let (doc, lines) = try JSONValue.parseWithElementLines(buffer: buffer, file: file, passed: passed, passedStep: passedStep) { key, element, line in
            switch key {
            case "links": links.take(element, line: line, file: file)
            case "edges": edges.take(element, line: line, file: file)
            default: return false
            }
            return true
        }
        guard doc.objectValue != nil else {
            throw InputError([InputProblem(file: file, message: "the JSON is not an object")])
        }
        if doc["nodes"] == nil, doc["elements"] != nil { return try CytoscapeJSONFormat.table(doc, lines: lines, file: file) }
        guard let nodeList = doc["nodes"]?.arrayValue else {
            throw InputError([InputProblem(file: file, field: "nodes", message: "no \"nodes\" array")])
        }
        let linkRows = doc["links"]?.arrayValue != nil ? links : doc["edges"]?.arrayValue != nil ? edges : LinkRows()
        return try table(nodes: nodeList, links: [], graph: doc["graph"], nodeLines: lines["nodes"] ?? [],
                         linkLines: [], file: file, linkRows: linkRows)
    }

    /// Link records made into rows as the parser meets them, in order, until the first that has
    /// a problem (kept, to be thrown where the links are read).
    /// Cytoscape.js edge elements (`inData`) hold the record in their `data`: an element
    /// without one is the first problem of another kind (``missingData``), reported before any
    /// record's.
    struct LinkRows {
        var rows: [NetworkTable.Edge] = []
        var problem: InputError?
        var missingData: InputError?
        /// Elements taken (the number of the next one, less one).
        var taken = 0
        /// The previous row's values, shared with the next row's identical ones.
        var recent = RecentValues()

        mutating func take(_ element: JSONValue, line: Int, file: String, inData: Bool = false) {
            taken += 1
            guard missingData == nil else { return }
            var link = element
            if inData {
                guard let d = element["data"], d.objectValue != nil else {
                    missingData = InputError([InputProblem(file: file, line: line, field: "elements",
                                                           message: "edge \(taken) has no \"data\" object")])
                    rows = []
                    return
                }
                link = d
            }
            guard problem == nil else { return }
            do {
                rows.append(try NodeLinkJSONFormat.row(of: link, index: taken - 1, line: line, file: file, recent: &recent))
            } catch {
                problem = error
                rows = []
            }
        }
    }

    /// The row of link record `index` (an object with `source` and `target`).
    /// `recent`: the previous row's values, shared with this row's identical ones.
    static func row(of l: JSONValue, index i: Int, line: Int?, file: String,
                    recent: inout RecentValues) throws(InputError) -> NetworkTable.Edge {
        guard let pairs = l.objectValue, let s = idText(l["source"]), let t = idText(l["target"]) else {
            throw InputError([InputProblem(file: file, line: line, field: "source", message: "link \(i + 1) has no source or target")])
        }
        let v = try fieldValues(pairs, types: NetworkTable.edgeType, of: "link \(i + 1)", line: line, file: file) { k, value in
            NetworkTable.EdgeSlot.byName[k].map { recent.shared(value, slot: $0) } ?? value
        }
        return NetworkTable.edge(idText(l["key"]) ?? idText(l["id"]) ?? "e\(i)", source: s, target: t, values: v, line: line)
    }

    /// An id as text: a string, or a number as written.
    static func idText(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .double(let d)?: return JSONValue.format(d)
        default: return nil
        }
    }

    /// The fields of `pairs` that `types` knows, as values; nulls are absent values. `share` may
    /// replace a field's value by an identical one already held (``LinkRows/recent``).
    static func fieldValues(_ pairs: [(String, JSONValue)], types: (String) -> AttributeType?, of owner: String,
                            line: Int?, file: String,
                            share: (String, AttributeValue) -> AttributeValue = { $1 }) throws(InputError) -> [String: AttributeValue] {
        var values: [String: AttributeValue] = [:]
        for (k, v) in pairs {
            guard let type = types(k) else { continue }
            guard let value = AttributeValue.from(json: v, as: type) else {
                if case .null = v { continue }
                throw InputError([InputProblem(file: file, line: line, field: k, message: "\(owner): the value is not a valid \(type.rawValue)")])
            }
            values[k] = share(k, value)
        }
        return values
    }

    /// The table of node and link records (objects with `id`, and `source`/`target`), shared by
    /// node-link and Cytoscape.js JSON.
    /// `linkRows`: links already made into rows (``LinkRows``), read after `linkList`'s.
    static func table(nodes nodeList: [JSONValue], links linkList: [JSONValue], graph: JSONValue?,
                      nodeLines: [Int], linkLines: [Int], file: String, linkRows: LinkRows = LinkRows()) throws -> NetworkTable {
        func fail(_ message: String, field: String? = nil, line: Int? = nil) -> InputError {
            InputError([InputProblem(file: file, line: line, field: field, message: message)])
        }
        func nodeLine(_ i: Int) -> Int? { i < nodeLines.count && nodeLines[i] > 0 ? nodeLines[i] : nil }
        func linkLine(_ i: Int) -> Int? { i < linkLines.count && linkLines[i] > 0 ? linkLines[i] : nil }
        var metadata = DatasetMetadata(name: "")
        if let g = graph {
            metadata.name = g["name"]?.stringValue ?? ""
            metadata.description = g["description"]?.stringValue
            metadata.source = g["source"]?.stringValue
            metadata.licence = g["licence"]?.stringValue
        }
        // Metric columns: numeric node fields Renkei does not know, in order of first appearance.
        var declared: [(name: String, type: AttributeType)] = []
        for n in nodeList {
            for (k, v) in n.objectValue ?? [] where NetworkTable.nodeType(k) == nil && k != "id" {
                switch v {
                case .int: declared.append((k, .integer))
                case .double: declared.append((k, .double))
                default: break
                }
            }
        }
        var metricColumns = NetworkTable.metricColumns(from: declared)
        for (i, c) in metricColumns.enumerated() where c.type == .integer && declared.contains(where: { $0.name == c.name && $0.type == .double }) {
            metricColumns[i].type = .double
        }
        let nodeTypes = NetworkTable.nodeTypes(metrics: metricColumns)
        var nodes: [(id: String, values: [String: AttributeValue], line: Int?)] = []
        for (i, n) in nodeList.enumerated() {
            guard let pairs = n.objectValue, let id = idText(n["id"]), !id.isEmpty else {
                throw fail("node \(i + 1) has no id", field: "id", line: nodeLine(i))
            }
            nodes.append((id, try fieldValues(pairs, types: { nodeTypes[$0] }, of: "node \(id)", line: nodeLine(i), file: file), nodeLine(i)))
        }
        var edges: [NetworkTable.Edge] = []
        edges.reserveCapacity(linkList.count + linkRows.rows.count)
        var recent = RecentValues()
        for (i, l) in linkList.enumerated() { edges.append(try row(of: l, index: i, line: linkLine(i), file: file, recent: &recent)) }
        if let problem = linkRows.problem { throw problem }
        edges += linkRows.rows
        let nodeSpecs = NetworkTable.organizationAttributes + metricColumns
        return NetworkTable(metadata: metadata, metricColumns: metricColumns,
                            nodes: nodes.map { NetworkTable.node($0.id, values: $0.values, line: $0.line, specs: nodeSpecs) },
                            edges: edges)
    }
}

/// Cytoscape.js JSON (also what Cytoscape desktop imports as `.cyjs`):
/// `{"data": {graph metadata}, "elements": {"nodes": [{"data": {"id", …}}], "edges": [{"data": {"id", "source", "target", …}}]}}`.
/// Field names and list handling are those of ``NodeLinkJSONFormat``; each node's data also
/// carries `color`, its kind's ``KindPalette`` colour, and `value`, its id again, and each edge
/// `key`, its id: with the top-level `directed` and `multigraph` flags these are the fields
/// NetworkX's `cytoscape_graph` reads (it failed with `KeyError: 'value'` without them, and would
/// merge parallel partnerships without a key). With positions (`export --layout`,
/// ``NodePositions``) each node element has `position: {"x", "y"}` (y down, as Cytoscape.js
/// draws) for the `preset` layout, instead of `x`, `y` in its data.
public enum CytoscapeJSONFormat {
    /// Writes a table as Cytoscape.js JSON.
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        GraphMLFormat.whole { write(table, emit: $0) }
    }

    /// Writes a table as Cytoscape.js JSON in pieces, as ``NodeLinkJSONFormat/write(_:emit:)`` does.
    public static func write(_ table: NetworkTable, emit: (inout String) throws -> Void) rethrows {
        let positionNames = table.positionColumns == nil ? [] : NodePositions.attributes.map(\.name)
        var out = "{"
        JSONValue.appendKey("data", first: true, level: 0, to: &out)
        table.metadataJSON.write(to: &out, indent: 2, level: 1)
        JSONValue.appendKey("directed", level: 0, to: &out)
        out += "false"
        JSONValue.appendKey("multigraph", level: 0, to: &out)
        out += "true"
        JSONValue.appendKey("elements", level: 0, to: &out)
        out += "{"
        JSONValue.appendKey("nodes", first: true, level: 1, to: &out)
        try table.renderJSONNodes(level: 2, after: &out, emit: emit) { n in
            let data = JSONValue.object([("id", .string(n.id)), ("value", .string(n.id))]
                                        + table.jsonFields(of: n).filter { !positionNames.contains($0.0) }
                                        + [("color", .string(KindPalette.color(for: n.kind).hex))])
            guard let p = table.position(of: n) else { return .object([("data", data)]) }
            return .object([("data", data), ("position", .object([("x", .double(p.x)), ("y", .double(p.y))]))])
        }
        JSONValue.appendKey("edges", level: 1, to: &out)
        try table.renderJSONEdges(level: 2, after: &out, emit: emit) { e in
            .object([("data", .object([("id", .string(e.id)), ("key", .string(e.id)), ("source", .string(e.source)), ("target", .string(e.target))]
                                      + table.jsonFields(of: e)))])
        }
        out += "\n  }\n}\n"
        try emit(&out)
    }
}

extension CytoscapeJSONFormat {
    /// Reads Cytoscape.js JSON written by Renkei, by NetworkX (`cytoscape_data`) or by Cytoscape
    /// desktop (`.cyjs`): `elements` as `{"nodes": […], "edges": […]}` or as one array whose
    /// items say their `group` (else an item with `source` and `target` is an edge); each item's
    /// fields are in its `data`. The graph's metadata is the top-level `data`.
    /// - Throws: ``InputError`` naming the file and, where known, the line.
    public static func read(bytes: [UInt8], file: String) throws -> NetworkTable {
        try bytes.withUnsafeBufferPointer { try read(buffer: $0, file: file) }
    }

    /// ``read(bytes:file:)`` of bytes the caller holds; `passed` and `passedStep` as in
    /// ``JSONValue/parseWithElementLines(buffer:file:passed:passedStep:consume:)``.
    static func read(buffer: UnsafeBufferPointer<UInt8>, file: String, passed: ((Int) -> Void)? = nil,
                     passedStep: Int = XMLTree.releaseStep) throws -> NetworkTable {
        // The edges of `elements: {"edges": […]}` become rows as they are parsed (see
        // ``NodeLinkJSONFormat/LinkRows``).
        var edges = NodeLinkJSONFormat.LinkRows()
        let (doc, lines) = try JSONValue.parseWithElementLines(buffer: buffer, file: file, passed: passed, passedStep: passedStep) { key, element, line in
            guard key == "elements.edges" else { return false }
            edges.take(element, line: line, file: file, inData: true)
            return true
        }
        guard doc.objectValue != nil else { throw InputError([InputProblem(file: file, message: "the JSON is not an object")]) }
        return try table(doc, lines: lines, file: file, edgeRows: edges)
    }

    /// `edgeRows`: the edges of `elements.edges` already made into rows.
    static func table(_ doc: JSONValue, lines: [String: [Int]], file: String,
                      edgeRows: NodeLinkJSONFormat.LinkRows = NodeLinkJSONFormat.LinkRows()) throws -> NetworkTable {
        func fail(_ message: String, line: Int? = nil) -> InputError {
            InputError([InputProblem(file: file, line: line, field: "elements", message: message)])
        }
        func data(_ item: JSONValue, _ what: String, _ line: Int?) throws -> JSONValue {
            guard let d = item["data"], d.objectValue != nil else { throw fail("\(what) has no \"data\" object", line: line) }
            return d
        }
        var nodes: [JSONValue] = [], edges: [JSONValue] = []
        var nodeLines: [Int] = [], edgeLines: [Int] = []
        switch doc["elements"] {
        case .array(let items)?:
            let itemLines = lines["elements"] ?? []
            for (i, item) in items.enumerated() {
                let line = i < itemLines.count ? itemLines[i] : nil
                let d = try data(item, "element \(i + 1)", line)
                let isEdge = item["group"]?.stringValue.map { $0 == "edges" } ?? (d["source"] != nil && d["target"] != nil)
                if isEdge { edges.append(d); edgeLines.append(line ?? 0) } else { nodes.append(d); nodeLines.append(line ?? 0) }
            }
        case .object?:
            let el = doc["elements"]!
            let nl = lines["elements.nodes"] ?? [], el2 = lines["elements.edges"] ?? []
            for (i, item) in (el["nodes"]?.arrayValue ?? []).enumerated() {
                let line = i < nl.count ? nl[i] : nil
                nodes.append(try data(item, "node \(i + 1)", line)); nodeLines.append(line ?? 0)
            }
            for (i, item) in (el["edges"]?.arrayValue ?? []).enumerated() {
                let line = i < el2.count ? el2[i] : nil
                edges.append(try data(item, "edge \(i + 1)", line)); edgeLines.append(line ?? 0)
            }
            if let missing = edgeRows.missingData { throw missing }
        default:
            throw fail("\"elements\" is neither an object of nodes and edges nor an array")
        }
        // Cytoscape keys a parallel edge by its `key` (Renkei, NetworkX) or its `id`.
        let rows = doc["elements"]?["edges"]?.arrayValue != nil ? edgeRows : NodeLinkJSONFormat.LinkRows()
        return try NodeLinkJSONFormat.table(nodes: nodes, links: edges, graph: doc["data"], nodeLines: nodeLines,
                                            linkLines: edgeLines, file: file, linkRows: rows)
    }
}

extension NetworkTable {
    /// A node's attributes that have a value, as JSON fields in column order (lists as arrays).
    func jsonFields(of node: Node) -> [(String, JSONValue)] {
        zip(nodeAttributes, node.values).compactMap { a, v in v.map { (a.name, $0.json) } }
    }

    /// An edge's attributes that have a value, as JSON fields in column order.
    func jsonFields(of edge: Edge) -> [(String, JSONValue)] {
        zip(edgeAttributes, edge.values).compactMap { a, v in v.map { (a.name, $0.json) } }
    }

    /// The graph metadata as a JSON object (empty fields left out).
    var metadataJSON: JSONValue { .object(metadataPairs.map { ($0.0, .string($0.1)) }) }
}
