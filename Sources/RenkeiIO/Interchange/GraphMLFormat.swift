import RenkeiCore

/// GraphML (<http://graphml.graphdrawing.org/>) for yEd, Gephi, Cytoscape, NetworkX and igraph.
///
/// Every organisation and partnership field is a typed `<key>` (`attr.name` is the field name:
/// `kind`, `legal_form`, `relations` …; `attr.type` is `string`, `boolean`, `int` or `double`;
/// lists are `;`-joined strings). The graph is undirected (`edgedefault="undirected"`); a
/// partnership's own direction is the `direction` attribute rather than a `directed` edge
/// attribute, which NetworkX rejects in an undirected graph. Each partnership is one edge with
/// its own id, so several partnerships on the same pair are parallel edges: NetworkX then reads a
/// `MultiGraph` (a `Graph` when there are none), igraph keeps them as multi-edges. A node's
/// `label` key holds the display name (legal form + name) for Gephi and yEd's property mapper.
public enum GraphMLFormat {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    static func graphMLType(_ t: AttributeType) -> String {
        switch t {
        case .string, .list: return "string"
        case .boolean: return "boolean"
        case .integer: return "int"
        case .double: return "double"
        }
    }

    /// Writes a table as GraphML.
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        whole { write(table, emit: $0) }
    }

    /// The pieces a streaming writer hands on, joined.
    static func whole(_ write: (_ emit: (inout String) -> Void) -> Void) -> String {
        var document = ""
        write { piece in
            document += piece
            piece.removeAll(keepingCapacity: true)
        }
        return document
    }

    /// Writes a table as GraphML in pieces: `emit` receives each piece (and may empty it) as the
    /// document is made, so the whole document is never held. After the header, the nodes and then
    /// the edges are made on all cores in runs of ``ParallelText/run``
    /// (``NetworkTable/withEdgeAccess(_:)``), one piece per run. Every piece ends after a whole
    /// element, and the pieces joined are the bytes of ``write(_:)``.
    public static func write(_ table: NetworkTable, emit: (inout String) throws -> Void) rethrows {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for field in NetworkTable.metadataFields {
            out += "  <key id=\"g_\(field)\" for=\"graph\" attr.name=\"\(field)\" attr.type=\"string\"/>\n"
        }
        // Node attribute names escaped once, for the keys and every node's data.
        let nodeKeys = table.nodeAttributes.map { XMLEscape.escape($0.name, attribute: true) }
        for (a, key) in zip(table.nodeAttributes, nodeKeys) {
            out += "  <key id=\"n_\(key)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"\(graphMLType(a.type))\"/>\n"
        }
        for a in table.edgeAttributes {
            out += "  <key id=\"e_\(a.name)\" for=\"edge\" attr.name=\"\(a.name)\" attr.type=\"\(graphMLType(a.type))\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for (field, value) in table.metadataPairs {
            out += "    <data key=\"g_\(field)\">\(XMLEscape.escape(value, attribute: false))</data>\n"
        }
        // Appended piece by piece (no temporary strings per element); the opening tags of the
        // data elements are made once.
        let nodeData = nodeKeys.map { "      <data key=\"n_\($0)\">" }
        let edgeData = table.edgeAttributes.map { "      <data key=\"e_\($0.name)\">" }
        /// The `<data>` of the values present, each after its opening tag.
        func appendData(_ opens: [String], _ values: [AttributeValue?], to out: inout String) {
            for (open, v) in zip(opens, values) {
                guard let v else { continue }
                out += open
                out += XMLEscape.escape(v.text, attribute: false)
                out += "</data>\n"
            }
        }
        try table.renderNodes(after: &out, emit: emit) { _, n, out in
            out += "    <node id=\""
            out += XMLEscape.escape(n.id, attribute: true)
            out += "\">\n"
            appendData(nodeData, n.values, to: &out)
            out += "    </node>\n"
        }
        if let prototypes = table.rowEdgePrototypes(evidenceText: { XMLEscape.escape($0.text, attribute: false) }) {
            // A fast reader's rows: each shape's edge below with their own number, ends, weight and line.
            let templates = prototypes.map { proto in
                var t = RowEdgeTemplate()
                t.append("    <edge id=\"e"); t.append(.number)
                t.append("\" source=\""); t.append(.source); t.append("\" target=\""); t.append(.target); t.append("\">\n")
                for (slot, (open, v)) in zip(edgeData, proto.edge.values).enumerated() {
                    if slot == NetworkTable.EdgeSlot.weight {
                        t.append(open); t.append(.weight); t.append("</data>\n")
                    } else if slot == NetworkTable.EdgeSlot.evidence, let prefix = proto.evidencePrefix {
                        t.append(open); t.append(prefix); t.append(.line); t.append("</data>\n")
                    } else if proto.details, slot == NetworkTable.EdgeSlot.evidence || slot == NetworkTable.EdgeSlot.note {
                        t.append(.detail(slot: slot, before: open, after: "</data>\n", level: 0))
                    } else if let v {
                        t.append(open); t.append(XMLEscape.escape(v.text, attribute: false)); t.append("</data>\n")
                    }
                }
                t.append("    </edge>\n")
                return t
            }
            try table.renderRowEdges(after: &out, emit: emit, templates: templates,
                                     weightText: { XMLEscape.escape(AttributeValue.double($0).text, attribute: false) },
                                     detailText: { v, _ in XMLEscape.escape(v.text, attribute: false) })
        } else {
            try table.renderEdges(after: &out, emit: emit) { _, e, out in
                XMLEscape.appendEdgeStart(e, indent: "    ", to: &out)
                out += ">\n"
                appendData(edgeData, e.values, to: &out)
                out += "    </edge>\n"
            }
        }
        out += "  </graph>\n</graphml>\n"
        try emit(&out)
    }

    /// Reads GraphML written by Renkei or by other tools (keys are matched by `attr.name`; key
    /// `<default>`s apply; numeric node keys Renkei does not know become metrics).
    ///
    /// The `<node>`s and `<edge>`s of the graph are read one at a time as the parser meets them
    /// (``XMLTree/init(bytes:file:take:)``), never as one tree: the keys, which GraphML declares
    /// before the graph, are known by then.
    /// - Throws: ``InputError`` naming the file and line.
    /// - Parameter splitMinimum: the least content read on two threads (``XMLSplit``; nil: the
    ///   default, 8 MiB). The table is the same either way; the fuzz target compares the two.
    public static func read(bytes: [UInt8], file: String, splitMinimum: Int? = nil) throws -> NetworkTable {
        try bytes.withUnsafeBufferPointer {
            try read(buffer: $0, file: file, release: nil, splitMinimum: splitMinimum ?? XMLSplit.minimumBytes)
        }
    }

    /// Reads bytes the caller keeps alive (a ``MappedFile``), telling `release` (and, for the
    /// part read by a second thread, `releaseRange`) as the parser leaves them behind
    /// (``XMLTree/init(buffer:file:release:releaseStep:split:take:)``). A graph of at least
    /// `splitMinimum` bytes is read on two threads (``XMLSplit``).
    static func read(buffer: UnsafeBufferPointer<UInt8>, file: String, release: ((Int) -> Void)?,
                     releaseRange: ((Range<Int>) -> Void)? = nil, releaseStep: Int = XMLTree.releaseStep,
                     splitMinimum: Int = XMLSplit.minimumBytes) throws -> NetworkTable {
        struct Key { var domain: String; var name: String; var type: AttributeType; var declared: String; var defaultValue: String? }
        var keys: [String: Key] = [:]
        var declaredNodeKeys: [(name: String, type: AttributeType)] = []
        func declare(_ k: XMLTree.Element) throws {
            guard let id = k["id"] else {
                throw InputError([InputProblem(file: file, line: k.line, message: "<key> without an id")])
            }
            let name = k["attr.name"] ?? id
            let declared = k["attr.type"] ?? "string"
            let type: AttributeType
            switch declared {
            case "boolean": type = .boolean
            case "int", "long": type = .integer
            case "float", "double": type = .double
            default: type = .string
            }
            let domain = k["for"] ?? "all"
            keys[id] = Key(domain: domain, name: name, type: type, declared: declared,
                           defaultValue: k.child("default")?.text)
            if domain == "node" || domain == "all" { declaredNodeKeys.append((name, type)) }
        }

        /// A key's field's position in a node's and in an edge's row (nil: not a field of that kind).
        struct Slots {
            var node: Int?, edge: Int?
            func of(nodes: Bool) -> Int? { nodes ? node : edge }
        }
        struct Prepared {
            var metricColumns: [AttributeSpec]
            var nodeSpecs: [AttributeSpec]
            /// Key id → the key's field's position in a node's and in an edge's row, for every declared key.
            var slots: [String: Slots]
            var nodeDefaults: [AttributeValue?]
            var edgeDefaults: [AttributeValue?]
        }
        var prepared: Prepared?
        func prepare() -> Prepared {
            if let prepared { return prepared }
            let metricColumns = NetworkTable.metricColumns(from: declaredNodeKeys)
            let nodeSpecs = NetworkTable.organizationAttributes + metricColumns
            let edgeSpecs = NetworkTable.partnershipAttributes
            /// Field name → its first position in `specs` (as a by-name lookup finds it).
            func positions(_ specs: [AttributeSpec]) -> [String: Int] {
                var position: [String: Int] = [:]
                for (i, s) in specs.enumerated() where position[s.name] == nil { position[s.name] = i }
                return position
            }
            let nodePosition = positions(nodeSpecs), edgePosition = positions(edgeSpecs)
            let slots = keys.mapValues { Slots(node: nodePosition[$0.name], edge: edgePosition[$0.name]) }
            /// The `<default>`s of the node (or edge) and `all` keys, parsed once for all the elements.
            func defaults(nodes: Bool) -> [AttributeValue?] {
                let specs = nodes ? nodeSpecs : edgeSpecs, domain = nodes ? "node" : "edge"
                var out = [AttributeValue?](repeating: nil, count: specs.count)
                for (id, key) in keys where key.domain == domain || key.domain == "all" {
                    if let d = key.defaultValue, let i = slots[id]?.of(nodes: nodes), let v = AttributeValue.parse(d, as: specs[i].type) { out[i] = v }
                }
                return out
            }
            let p = Prepared(metricColumns: metricColumns, nodeSpecs: nodeSpecs, slots: slots,
                             nodeDefaults: defaults(nodes: true), edgeDefaults: defaults(nodes: false))
            prepared = p
            return p
        }

        /// The row of an element's `<data>`: its defaults, then each value in document order (a
        /// later value of the same field wins) at its field's position. An edge's values are made
        /// by `recent` (shared with the previous edge's where the text is the same).
        func values(of element: XMLTree.Element, nodes: Bool, _ p: Prepared, keys: [String: Key],
                    recent: inout RecentValues) throws -> [AttributeValue?] {
            var out = nodes ? p.nodeDefaults : p.edgeDefaults
            let specs = nodes ? p.nodeSpecs : NetworkTable.partnershipAttributes
            for d in element.children where d.localName == "data" {
                guard let keyID = d["key"], let found = p.slots[keyID] else {
                    throw InputError([InputProblem(file: file, line: d.line, field: d["key"],
                                                   message: "<data> refers to an undeclared key")])
                }
                guard let i = found.of(nodes: nodes) else { continue }
                let type = specs[i].type
                let parsed = nodes ? AttributeValue.parse(d.text, as: type) : recent.value(d.text, slot: i, as: type)
                guard let v = parsed else {
                    let key = keys[keyID]!
                    throw InputError([InputProblem(file: file, line: d.line, field: key.name,
                                                   message: "'\(d.text)' is not a valid \(key.declared)")])
                }
                out[i] = v
            }
            return out
        }

        // Rows arranged as the table holds them as soon as they are read.
        struct Rows {
            var nodes: [NetworkTable.Node] = []
            var edges = NetworkTable.ReadEdges()
            var recent = RecentValues()

            /// Reads a `<node>` or `<edge>` of the graph into a row; false for other elements.
            mutating func take(_ element: XMLTree.Element, file: String, _ p: Prepared, keys: [String: Key],
                               values: (XMLTree.Element, Bool, Prepared, [String: Key], inout RecentValues) throws -> [AttributeValue?]) throws -> Bool {
                switch element.localName {
                case "node":
                    guard let id = element["id"] else {
                        throw InputError([InputProblem(file: file, line: element.line, field: "id", message: "<node> without an id")])
                    }
                    nodes.append(NetworkTable.node(id, row: try values(element, true, p, keys, &recent), line: element.line))
                    return true
                case "edge":
                    guard let s = element["source"], let t = element["target"] else {
                        throw InputError([InputProblem(file: file, line: element.line, message: "<edge> without source or target")])
                    }
                    let edge = NetworkTable.Edge(id: element["id"] ?? "", source: s, target: t,
                                                 values: try values(element, false, p, keys, &recent), line: element.line)
                    edges.append(edge, named: element["id"] != nil, directed: element["directed"].map { $0 == "true" })
                    return true
                default:
                    return false
                }
            }

            /// Appends rows read after these.
            mutating func append(_ other: Rows) {
                nodes += other.nodes
                edges.append(contentsOf: other.edges)
            }
        }
        var rows = Rows(), second = Rows()
        var graphs = 0
        // The graph's content is read on two threads (XMLSplit): the second half's rows go to
        // `second`, with the keys as they are when the graph begins (keys are declared before it).
        let split = XMLSplit(depth: 2, name: "graph", startNames: ["node", "edge"], second: {
            guard graphs == 0 else { return nil }
            let p = prepare(), keysNow = keys
            return { element, depth in
                guard depth == 3, element.localName == "node" || element.localName == "edge" else { return false }
                return try second.take(element, file: file, p, keys: keysNow, values: values)
            }
        }, release: releaseRange, minimumBytes: splitMinimum)
        let tree = try XMLTree(buffer: buffer, file: file, release: release, releaseStep: releaseStep, split: split) { element, depth in
            switch (depth, element.localName) {
            case (2, "key"):
                try declare(element)
                return false
            case (2, "graph"):
                graphs += 1
                return false
            case (3, "node") where graphs == 0, (3, "edge") where graphs == 0:
                let p = prepare()
                return try rows.take(element, file: file, p, keys: keys, values: values)
            default:
                return false
            }
        }
        if tree.splitUsed { rows.append(second) }
        let root = tree.root
        let graph = try root.graphChild(ofRoot: "graphml", file: file)
        let edges = rows.edges.finished(directedByDefault: graph["edgedefault"] == "directed")

        var metadata = DatasetMetadata(name: "")
        for d in graph.children("data") {
            guard let keyID = d["key"], let key = keys[keyID] else { continue }
            switch key.name {
            case "name": metadata.name = d.text
            case "description": metadata.description = d.text
            case "source": metadata.source = d.text
            case "licence": metadata.licence = d.text
            default: break
            }
        }
        return NetworkTable(metadata: metadata, metricColumns: prepare().metricColumns, nodes: rows.nodes, edges: edges)
    }
}
