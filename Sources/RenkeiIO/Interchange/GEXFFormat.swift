import RenkeiCore

/// GEXF 1.3 (<https://gexf.net>) for Gephi, already styled.
///
/// Namespaces `http://gexf.net/1.3` and `http://gexf.net/1.3/viz`. Node and edge attributes are
/// declared in `<attributes class="node|edge">` with the field name as both `id` and `title`
/// (NetworkX keys attribute values by title); lists are `;`-joined strings. Each node has a
/// `label` (legal form + name), `viz:color` from ``KindPalette`` (its kind's colour) and
/// `viz:size` scaled from a centrality: PageRank when metrics carry it, else degree (distinct
/// neighbours). With positions (`export --layout`, ``NodePositions``) each node also has
/// `viz:position` with x, −y (Gephi's y axis points up) and z = 0. Edge weight is the native `weight` attribute. The graph is undirected; a
/// partnership's direction is the `direction` attribute (NetworkX rejects `type="directed"` edges
/// in an undirected graph). The dataset name goes in `<meta><description>`; other metadata is not
/// carried by GEXF.
public enum GEXFFormat {
    static let namespace = "http://gexf.net/1.3"
    static let vizNamespace = "http://gexf.net/1.3/viz"

    /// Smallest and largest `viz:size`.
    public static let sizeRange: ClosedRange<Double> = 10...50

    static func gexfType(_ t: AttributeType) -> String {
        switch t {
        case .string, .list: return "string"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .double: return "double"
        }
    }

    /// The value behind each node's `viz:size`: PageRank if present, else distinct degree.
    static func sizeValues(_ table: NetworkTable) -> [Double] {
        if let i = table.nodeAttributes.firstIndex(where: { $0.name == "pagerank" }) {
            return table.nodes.map {
                switch $0.values[i] {
                case .double(let d)?: return d
                case .integer(let n)?: return Double(n)
                default: return 0
                }
            }
        }
        return table.distinctDegrees().map(Double.init)
    }

    /// Writes a table as GEXF 1.3.
    /// - Complexity: O(size of the output).
    public static func write(_ table: NetworkTable) -> String {
        GraphMLFormat.whole { write(table, emit: $0) }
    }

    /// Writes a table as GEXF in pieces, as ``GraphMLFormat/write(_:emit:)``
    /// does: the pieces joined are the bytes of ``write(_:)``.
    public static func write(_ table: NetworkTable, emit: (inout String) throws -> Void) rethrows {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"\(namespace)\" xmlns:viz=\"\(vizNamespace)\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(namespace) \(namespace)/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>Renkei</creator>\n"
        out += "    <description>\(XMLEscape.escape(table.metadata.name, attribute: false))</description>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
        // Column index, spec and escaped name of each node attribute, escaped once for every node.
        // Positions go in viz:position, not among the attributes.
        let positionColumns = table.positionColumns.map { [$0.x, $0.y] } ?? []
        let nodeAttributes = table.nodeAttributes.enumerated()
            .filter { $0.element.name != "label" && !positionColumns.contains($0.offset) }
            .map { (index: $0.offset, spec: $0.element, key: XMLEscape.escape($0.element.name, attribute: true)) }
        out += "    <attributes class=\"node\">\n"
        for a in nodeAttributes {
            out += "      <attribute id=\"\(a.key)\" title=\"\(a.key)\" type=\"\(gexfType(a.spec.type))\"/>\n"
        }
        out += "    </attributes>\n"
        let weightIndex = table.edgeAttributes.firstIndex(where: { $0.name == "weight" })
        let edgeAttributes = table.edgeAttributes.enumerated().filter { $0.element.name != "weight" }
        out += "    <attributes class=\"edge\">\n"
        for (_, a) in edgeAttributes {
            out += "      <attribute id=\"\(a.name)\" title=\"\(a.name)\" type=\"\(gexfType(a.type))\"/>\n"
        }
        out += "    </attributes>\n"
        let sizes = sizeValues(table)
        let maxSize = sizes.max() ?? 0
        out += "    <nodes count=\"\(table.nodes.count)\">\n"
        // The colour of each kind and the size of each size value, written once (nodes share few).
        var colorLines: [OrganizationKind: String] = [:]
        var sizeLines: [UInt64: String] = [:]  // by bit pattern (a NaN is one value)
        for (n, size) in zip(table.nodes, sizes) {
            if colorLines[n.kind] == nil {
                let c = KindPalette.color(for: n.kind)
                colorLines[n.kind] = "        <viz:color r=\"\(c.red)\" g=\"\(c.green)\" b=\"\(c.blue)\" a=\"1.0\"/>\n"
            }
            if sizeLines[size.bitPattern] == nil {
                let fraction = maxSize > 0 ? max(0, size) / maxSize : 0
                let value = sizeRange.lowerBound + (sizeRange.upperBound - sizeRange.lowerBound) * fraction.squareRoot()
                sizeLines[size.bitPattern] = "        <viz:size value=\"\(formatFixed(value, digits: 3))\"/>\n      </node>\n"
            }
        }
        let attvalueOpens = nodeAttributes.map { "          <attvalue for=\"\($0.key)\" value=\"" }
        try table.renderNodes(after: &out, emit: emit) { i, n, out in
            out += "      <node id=\""
            out += XMLEscape.escape(n.id, attribute: true)
            out += "\" label=\""
            out += XMLEscape.escape(n.label, attribute: true)
            out += "\">\n        <attvalues>\n"
            for (a, open) in zip(nodeAttributes, attvalueOpens) {
                guard let v = n.values[a.index] else { continue }
                out += open
                out += XMLEscape.escape(v.text, attribute: true)
                out += "\"/>\n"
            }
            out += "        </attvalues>\n"
            out += colorLines[n.kind]!
            if let p = table.position(of: n) {
                out += "        <viz:position x=\"\(JSONValue.format(p.x))\" y=\"\(JSONValue.format(-p.y))\" z=\"0.0\"/>\n"
            }
            out += sizeLines[sizes[i].bitPattern]!
        }
        out += "    </nodes>\n"
        out += "    <edges count=\"\(table.edgeCount)\">\n"
        if let prototypes = table.rowEdgePrototypes(evidenceText: { XMLEscape.escape($0.text, attribute: true) }) {
            // A fast reader's rows: each shape's edge below with their own number, ends, weight
            // and line (a number's text needs no escaping).
            let templates = prototypes.map { proto in
                var t = RowEdgeTemplate()
                t.append("      <edge id=\"e"); t.append(.number)
                t.append("\" source=\""); t.append(.source); t.append("\" target=\""); t.append(.target)
                t.append("\" weight=\"")
                if weightIndex != nil { t.append(.weight) } else { t.append("1.0") }
                t.append("\">\n        <attvalues>\n")
                for (j, a) in edgeAttributes {
                    if j == NetworkTable.EdgeSlot.evidence, let prefix = proto.evidencePrefix {
                        t.append("          <attvalue for=\"" + a.name + "\" value=\"" + prefix); t.append(.line); t.append("\"/>\n")
                    } else if proto.details, j == NetworkTable.EdgeSlot.evidence || j == NetworkTable.EdgeSlot.note {
                        t.append(.detail(slot: j, before: "          <attvalue for=\"" + a.name + "\" value=\"", after: "\"/>\n", level: 0))
                    } else if let v = proto.edge.values[j] {
                        t.append("          <attvalue for=\"" + a.name + "\" value=\"" + XMLEscape.escape(v.text, attribute: true) + "\"/>\n")
                    }
                }
                t.append("        </attvalues>\n      </edge>\n")
                return t
            }
            try table.renderRowEdges(after: &out, emit: emit, templates: templates, weightText: { AttributeValue.double($0).text },
                                     detailText: { v, _ in XMLEscape.escape(v.text, attribute: true) })
        } else {
            try table.renderEdges(after: &out, emit: emit) { _, e, out in
                XMLEscape.appendEdgeStart(e, indent: "      ", to: &out)
                out += " weight=\""
                if let w = weightIndex, let v = e.values[w] { out += v.text } else { out += "1.0" }
                out += "\">\n        <attvalues>\n"
                for (j, a) in edgeAttributes {
                    guard let v = e.values[j] else { continue }
                    out += "          <attvalue for=\""
                    out += a.name
                    out += "\" value=\""
                    out += XMLEscape.escape(v.text, attribute: true)
                    out += "\"/>\n"
                }
                out += "        </attvalues>\n      </edge>\n"
            }
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        try emit(&out)
    }

    /// Reads GEXF (1.2 or 1.3; attributes matched by title, falling back to id). `viz:position`
    /// becomes the `x`, `y` columns (y negated back to y down, ``NodePositions``); the other `viz`
    /// elements are ignored: they are derived from the data on export.
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
    /// (``XMLTree/init(buffer:file:release:releaseStep:split:take:)``). An `<edges>` element with
    /// at least `splitMinimum` bytes of content is read on two threads (``XMLSplit``).
    static func read(buffer: UnsafeBufferPointer<UInt8>, file: String, release: ((Int) -> Void)?,
                     releaseRange: ((Range<Int>) -> Void)? = nil, releaseStep: Int = XMLTree.releaseStep,
                     splitMinimum: Int = XMLSplit.minimumBytes) throws -> NetworkTable {
        /// A declared attribute; `slot`: an edge attribute's field, whose values ``RecentValues`` makes.
        struct Attr { var title: String; var type: AttributeType; var declared: String; var defaultValue: String?; var slot: Int? = nil }
        var nodeAttrs: [String: Attr] = [:]
        var edgeAttrs: [String: Attr] = [:]
        var declaredNode: [(name: String, type: AttributeType)] = []
        func declare(_ block: XMLTree.Element) throws {
            for a in block.children("attribute") {
                guard let id = a["id"] else {
                    throw InputError([InputProblem(file: file, line: a.line, message: "<attribute> without an id")])
                }
                let declared = a["type"] ?? "string"
                let type: AttributeType
                switch declared {
                case "boolean": type = .boolean
                case "integer", "long", "short", "byte", "biginteger": type = .integer
                case "double", "float", "bigdecimal": type = .double
                default: type = .string
                }
                var attr = Attr(title: a["title"] ?? id, type: type, declared: declared, defaultValue: a.child("default")?.text)
                if block["class"] == "edge" {
                    attr.slot = NetworkTable.EdgeSlot.byName[attr.title]
                    edgeAttrs[id] = attr
                } else {
                    nodeAttrs[id] = attr
                    declaredNode.append((attr.title, type))
                }
            }
        }

        /// The declared `<default>`s of one class's attributes, parsed once for all its elements.
        func defaults(_ attrs: [String: Attr], typeOf: (String) -> AttributeType?) -> [String: AttributeValue] {
            var out: [String: AttributeValue] = [:]
            for a in attrs.values {
                if let d = a.defaultValue, let t = typeOf(a.title), let v = AttributeValue.parse(d, as: t) { out[a.title] = v }
            }
            return out
        }
        /// An element's attribute values; an edge's share the previous edge's equal ones (`recent`).
        func values(of element: XMLTree.Element, attrs: [String: Attr], defaults: [String: AttributeValue],
                    typeOf: (String) -> AttributeType?, recent: inout RecentValues) throws -> [String: AttributeValue] {
            var out = defaults
            for av in element.child("attvalues")?.children("attvalue") ?? [] {
                guard let id = av["for"] ?? av["id"], let a = attrs[id] else {
                    throw InputError([InputProblem(file: file, line: av.line, field: av["for"],
                                                   message: "<attvalue> refers to an undeclared attribute")])
                }
                guard let type = typeOf(a.title) else { continue }
                let text = av["value"] ?? ""
                let parsed = a.slot.map { recent.value(text, slot: $0, as: type) } ?? AttributeValue.parse(text, as: type)
                guard let v = parsed else {
                    throw InputError([InputProblem(file: file, line: av.line, field: a.title,
                                                   message: "'\(text)' is not a valid \(a.declared)")])
                }
                out[a.title] = v
            }
            return out
        }
        let edgeTypeOf: (String) -> AttributeType? = { NetworkTable.edgeType($0) }

        // The attribute declarations come before the nodes and edges: each edge is read as the
        // parser completes it (the nodes, a few per edge, stay in the tree: whether any has a
        // position decides their columns).
        var edgeDefaults: [String: AttributeValue]?
        /// Reads an `<edge>` into `edges`.
        func take(_ element: XMLTree.Element, into edges: inout NetworkTable.ReadEdges, recent: inout RecentValues,
                  attrs: [String: Attr], defaults: [String: AttributeValue]) throws {
            guard let s = element["source"], let t = element["target"] else {
                throw InputError([InputProblem(file: file, line: element.line, message: "<edge> without source or target")])
            }
            var v = try values(of: element, attrs: attrs, defaults: defaults, typeOf: { NetworkTable.edgeType($0) }, recent: &recent)
            if let w = element["weight"] {
                guard let d = Double(w) else {
                    throw InputError([InputProblem(file: file, line: element.line, field: "weight", message: "'\(w)' is not a number")])
                }
                v["weight"] = .double(d)
            }
            edges.append(NetworkTable.edge(element["id"] ?? "", source: s, target: t, values: v, line: element.line),
                         named: element["id"] != nil, directed: element["type"].map { $0 == "directed" })
        }
        var rows = NetworkTable.ReadEdges(), second = NetworkTable.ReadEdges()
        var recent = RecentValues(), secondRecent = RecentValues()
        var graphs = 0
        // The edges are read on two threads (XMLSplit): the second half's rows go to `second`, with
        // the edge attributes as declared when the edges begin (declarations come before them).
        let split = XMLSplit(depth: 3, name: "edges", startNames: ["edge"], second: {
            guard graphs == 0 else { return nil }
            if edgeDefaults == nil { edgeDefaults = defaults(edgeAttrs, typeOf: edgeTypeOf) }
            let attrs = edgeAttrs, defaults = edgeDefaults!
            return { element, depth in
                guard depth == 4, element.localName == "edge" else { return false }
                try take(element, into: &second, recent: &secondRecent, attrs: attrs, defaults: defaults)
                return true
            }
        }, release: releaseRange, minimumBytes: splitMinimum)
        let tree = try XMLTree(buffer: buffer, file: file, release: release, releaseStep: releaseStep, split: split) { element, depth in
            switch (depth, element.localName) {
            case (3, "attributes") where graphs == 0:
                try declare(element)
                return true
            case (2, "graph"):
                graphs += 1
                return false
            case (4, "edge") where graphs == 0:
                if edgeDefaults == nil { edgeDefaults = defaults(edgeAttrs, typeOf: edgeTypeOf) }
                try take(element, into: &rows, recent: &recent, attrs: edgeAttrs, defaults: edgeDefaults!)
                return true
            default:
                return false
            }
        }
        if tree.splitUsed { rows.append(contentsOf: second) }
        let root = tree.root
        let graph = try root.graphChild(ofRoot: "gexf", file: file)
        let edges = rows.finished(directedByDefault: graph["defaultedgetype"] == "directed")
        var metadata = DatasetMetadata(name: "")
        if let d = root.child("meta")?.child("description") {
            metadata.name = d.text
        } else if let name = graph["name"] {
            metadata.name = name  // NetworkX writes the graph name here
        }
        var metricColumns = NetworkTable.metricColumns(from: declaredNode)
        let nodeElements = graph.child("nodes")?.children("node") ?? []
        let positioned = nodeElements.contains { $0.child("position") != nil }
            && !metricColumns.contains { $0.name == "x" || $0.name == "y" }
        if positioned { metricColumns += NodePositions.attributes }
        let nodeTypes = NetworkTable.nodeTypes(metrics: metricColumns)
        let nodeTypeOf: (String) -> AttributeType? = { nodeTypes[$0] }
        let nodeDefaults = defaults(nodeAttrs, typeOf: nodeTypeOf)
        let nodeSpecs = NetworkTable.organizationAttributes + metricColumns

        var nodes: [NetworkTable.Node] = []
        for n in nodeElements {
            guard let id = n["id"] else {
                throw InputError([InputProblem(file: file, line: n.line, field: "id", message: "<node> without an id")])
            }
            var v = try values(of: n, attrs: nodeAttrs, defaults: nodeDefaults, typeOf: nodeTypeOf, recent: &recent)
            if positioned, let position = n.child("position") {
                for axis in ["x", "y"] {
                    let text = position[axis] ?? ""
                    guard let d = Double(text), d.isFinite else {
                        throw InputError([InputProblem(file: file, line: position.line, field: "viz:position \(axis)",
                                                       message: "'\(text)' is not a number")])
                    }
                    v[axis] = .double(axis == "y" ? -d : d)
                }
            }
            if v["name"] == nil, let label = n["label"] { v["name"] = .string(label) }
            nodes.append(NetworkTable.node(id, values: v, line: n.line, specs: nodeSpecs))
        }
        return NetworkTable(metadata: metadata, metricColumns: metricColumns, nodes: nodes, edges: edges)
    }
}
