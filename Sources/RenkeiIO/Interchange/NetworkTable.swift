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
        items.map { item in
            guard item.contains(";") || item.contains("\\") else { return item }
            return item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
        }.joined(separator: ";")
    }

    /// Splits a cell written by ``join(_:)`` back into its items (an empty cell is no items).
    public static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
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

/// Computed values per node, attached to exports: node id → metric name → value.
public struct NodeMetrics: Sendable, Equatable {
    /// The columns, in output order: numeric node attributes (type `integer` for whole-number
    /// metrics such as degree, community and core number, else `double`).
    public var columns: [AttributeSpec]
    /// Node id → metric name → value. A node or metric missing here is left empty in the export.
    public var values: [String: [String: Double]]

    /// Creates a metrics table.
    public init(columns: [AttributeSpec], values: [String: [String: Double]]) {
        self.columns = columns
        self.values = values
    }

    /// The columns `--with-metrics` attaches, in this order.
    public static let standardColumns: [AttributeSpec] = [
        AttributeSpec(name: "degree", japanese: "次数", type: .integer),
        AttributeSpec(name: "betweenness", japanese: "媒介中心性", type: .double),
        AttributeSpec(name: "pagerank", japanese: "PageRank", type: .double),
        AttributeSpec(name: "clustering", japanese: "クラスタ係数", type: .double),
        AttributeSpec(name: "community", japanese: "コミュニティ", type: .integer),
        AttributeSpec(name: "core_number", japanese: "コア数", type: .integer),
    ]
}

/// The attribute columns and rows every exporter writes, built once from a dataset.
///
/// Nodes are the dataset's organisations in dataset order; edges are its partnerships in
/// dataset order, one edge per partnership (several partnerships between the same pair are
/// parallel edges with their own ids `e0`, `e1`, …). Partnerships naming an organisation that
/// the dataset does not hold are left out (the loader reports them).
public struct NetworkTable: Sendable {
    /// One node: an organisation.
    public struct Node: Sendable {
        /// The organisation id.
        public var id: String
        /// Display label: the name with its legal form.
        public var label: String
        /// The kind, for colouring.
        public var kind: OrganizationKind
        /// Values parallel to ``NetworkTable/nodeAttributes``; nil where the dataset has none.
        public var values: [AttributeValue?]
        /// Where the node was read from, for error messages.
        public var line: Int?
    }

    /// One edge: a partnership.
    public struct Edge: Sendable {
        /// The edge id (`e0` …).
        public var id: String
        /// The source organisation id.
        public var source: String
        /// The target organisation id.
        public var target: String
        /// Values parallel to ``NetworkTable/edgeAttributes``.
        public var values: [AttributeValue?]
        /// Where the edge was read from, for error messages.
        public var line: Int?
    }

    /// The dataset's name, description, source and licence.
    public var metadata: DatasetMetadata
    /// Node attribute columns: ``organizationAttributes`` then the metric columns.
    public private(set) var nodeAttributes: [AttributeSpec]
    /// Edge attribute columns: ``partnershipAttributes``.
    public var edgeAttributes: [AttributeSpec] { NetworkTable.partnershipAttributes }
    /// Nodes in dataset order.
    public var nodes: [Node]
    /// Edges in partnership order.
    public var edges: [Edge]
    /// The metric columns: the ``nodeAttributes`` after ``organizationAttributes``.
    public var metricColumns: ArraySlice<AttributeSpec> {
        nodeAttributes[NetworkTable.organizationAttributes.count...]
    }

    /// Node attributes every export carries, before any metrics.
    public static let organizationAttributes: [AttributeSpec] = [
        AttributeSpec(name: "name", japanese: "名称", type: .string),
        AttributeSpec(name: "label", japanese: "表示名", type: .string),
        AttributeSpec(name: "kind", japanese: "種別", type: .string),
        AttributeSpec(name: "category", japanese: "分類", type: .string),
        AttributeSpec(name: "legal_form", japanese: "法人格", type: .string),
        AttributeSpec(name: "prefecture", japanese: "都道府県", type: .string),
        AttributeSpec(name: "municipality", japanese: "市区町村", type: .string),
        AttributeSpec(name: "generic", japanese: "一般名の連携先", type: .boolean),
        AttributeSpec(name: "lead", japanese: "事業実施団体", type: .boolean),
        AttributeSpec(name: "lead_projects", japanese: "実施事業", type: .list),
        AttributeSpec(name: "aliases", japanese: "別名", type: .list),
    ]

    /// Edge attributes every export carries.
    public static let partnershipAttributes: [AttributeSpec] = [
        AttributeSpec(name: "relations", japanese: "連携内容コード", type: .list),
        AttributeSpec(name: "relation_labels", japanese: "連携内容", type: .list),
        AttributeSpec(name: "status", japanese: "実施状況", type: .string),
        AttributeSpec(name: "weight", japanese: "重み", type: .double),
        AttributeSpec(name: "project", japanese: "事業", type: .string),
        AttributeSpec(name: "evidence", japanese: "出典", type: .list),
        AttributeSpec(name: "direction", japanese: "方向", type: .string),
        AttributeSpec(name: "note", japanese: "備考", type: .string),
    ]

    /// Graph-level metadata fields, in output order.
    public static let metadataFields = ["name", "description", "source", "licence"]

    /// Builds the table of a dataset, with optional metrics appended to each node.
    /// - Complexity: O(*n* + *m* + *p*) for *n* organisations, *m* partnerships, *p* projects.
    public init(dataset: Dataset, metrics: NodeMetrics? = nil) {
        metadata = dataset.metadata
        let metricColumns = metrics?.columns ?? []
        nodeAttributes = NetworkTable.organizationAttributes + metricColumns
        var ledProjects: [String: [String]] = [:]
        for p in dataset.projects { ledProjects[p.lead, default: []].append(p.id) }
        nodes = dataset.organizations.map { o in
            let led = ledProjects[o.id] ?? []
            var values: [AttributeValue?] = [
                .string(o.name),
                .string(o.fullName),
                .string(o.kind.id),
                o.category.map { .string($0) },
                o.legalForm.map { .string($0) },
                o.prefecture.map { .string($0) },
                o.municipality.map { .string($0) },
                .boolean(o.generic),
                .boolean(!led.isEmpty),
                led.isEmpty ? nil : .list(led),
                o.aliases.isEmpty ? nil : .list(o.aliases),
            ]
            let row = metrics?.values[o.id]
            for c in metricColumns {
                if let v = row?[c.name], v.isFinite {
                    values.append(c.type == .integer && v == v.rounded() && abs(v) < 9e15 ? .integer(Int(v)) : .double(v))
                } else {
                    values.append(nil)
                }
            }
            return Node(id: o.id, label: o.fullName, kind: o.kind, values: values, line: nil)
        }
        var edges: [Edge] = []
        edges.reserveCapacity(dataset.partnerships.count)
        for (i, p) in dataset.partnerships.enumerated() {
            guard dataset.organizationPosition(id: p.source) != nil,
                  dataset.organizationPosition(id: p.target) != nil else { continue }
            let values: [AttributeValue?] = [
                .list(p.relations.map(\.id)),
                .list(p.relations.map(\.japanese)),
                .string(p.status.rawValue),
                .double(p.weight),
                p.project.map { .string($0) },
                p.evidence.isEmpty ? nil : .list(p.evidence.map(\.description)),
                .string(p.direction.rawValue),
                p.note.map { .string($0) },
            ]
            edges.append(Edge(id: "e\(i)", source: p.source, target: p.target, values: values, line: nil))
        }
        self.edges = edges
    }

    /// A table read from a file: rows keyed by attribute name.
    init(metadata: DatasetMetadata, metricColumns: [AttributeSpec],
         nodes: [(id: String, values: [String: AttributeValue], line: Int?)],
         edges: [(id: String, source: String, target: String, values: [String: AttributeValue], line: Int?)]) {
        self.metadata = metadata
        nodeAttributes = NetworkTable.organizationAttributes + metricColumns
        let nodeSpecs = nodeAttributes
        self.nodes = nodes.map { n in
            let kind = OrganizationKind(id: n.values["kind"].map(\.text) ?? OrganizationKind.other.id, english: "", order: 0)
            return Node(id: n.id, label: n.values["label"]?.text ?? n.values["name"]?.text ?? n.id, kind: kind,
                        values: nodeSpecs.map { n.values[$0.name] }, line: n.line)
        }
        let edgeSpecs = NetworkTable.partnershipAttributes
        self.edges = edges.map { e in
            Edge(id: e.id, source: e.source, target: e.target, values: edgeSpecs.map { e.values[$0.name] }, line: e.line)
        }
    }

    /// The value of a named node attribute.
    public func value(_ name: String, of node: Node) -> AttributeValue? {
        guard let i = nodeAttributes.firstIndex(where: { $0.name == name }) else { return nil }
        return node.values[i]
    }

    /// The value of a named edge attribute.
    public func value(_ name: String, of edge: Edge) -> AttributeValue? {
        guard let i = edgeAttributes.firstIndex(where: { $0.name == name }) else { return nil }
        return edge.values[i]
    }

    /// Graph-level metadata as (field, value) pairs, skipping empty ones.
    public var metadataPairs: [(String, String)] {
        var out: [(String, String)] = [("name", metadata.name)]
        if let d = metadata.description { out.append(("description", d)) }
        if let s = metadata.source { out.append(("source", s)) }
        if let l = metadata.licence { out.append(("licence", l)) }
        return out
    }

    /// Number of distinct neighbours of each node (self-loops ignored), in node order.
    /// - Complexity: O(*n* + *m*) expected.
    public func distinctDegrees() -> [Int] {
        var position: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { position[n.id] = i }
        var pairs = Set<Int64>()
        var degree = [Int](repeating: 0, count: nodes.count)
        for e in edges {
            guard let s = position[e.source], let t = position[e.target], s != t else { continue }
            let key = Int64(min(s, t)) << 32 | Int64(max(s, t))
            if pairs.insert(key).inserted { degree[s] += 1; degree[t] += 1 }
        }
        return degree
    }

    /// The dataset this table describes, and the metrics it carries (nil when it has none).
    ///
    /// Organisation kinds and relations not in the standard vocabulary are added to the dataset's
    /// vocabulary (a relation takes its Japanese label from `relation_labels`). Projects are
    /// rebuilt from `lead_projects` (their titles are not exported, so each title is its id).
    /// - Parameter file: the file name used in error messages.
    /// - Throws: ``InputError`` listing every bad value and dangling edge end.
    public func dataset(file: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        var problems: [InputProblem] = []
        var vocabulary = Vocabulary.standard
        var organizations: [Organization] = []
        var projects: [Project] = []
        var seenProjects = Set<String>()
        var seenNodes = Set<String>()
        var metricValues: [String: [String: Double]] = [:]
        func string(_ v: AttributeValue?) -> String? { v.map(\.text) }
        func list(_ v: AttributeValue?) -> [String] {
            guard let v else { return [] }
            if case .list(let l) = v { return l }
            return ListCodec.split(v.text)
        }
        func bool(_ v: AttributeValue?) -> Bool {
            if case .boolean(let b)? = v { return b }
            return false
        }
        for n in nodes {
            guard seenNodes.insert(n.id).inserted else {
                problems.append(InputProblem(file: file, line: n.line, field: "id", message: "node id \(n.id) appears twice"))
                continue
            }
            let kindName = string(value("kind", of: n)) ?? OrganizationKind.other.id
            let kind = vocabulary.kind(named: kindName) ?? vocabulary.addKind(id: kindName, english: nil)
            let org = Organization(
                id: n.id, name: string(value("name", of: n)) ?? string(value("label", of: n)) ?? n.id, kind: kind,
                category: string(value("category", of: n)), legalForm: string(value("legal_form", of: n)),
                prefecture: string(value("prefecture", of: n)), municipality: string(value("municipality", of: n)),
                aliases: list(value("aliases", of: n)), generic: bool(value("generic", of: n)))
            organizations.append(org)
            for p in list(value("lead_projects", of: n)) where seenProjects.insert(p).inserted {
                projects.append(Project(id: p, title: p, lead: n.id, prefecture: org.prefecture,
                                        municipality: org.municipality))
            }
            for c in metricColumns {
                switch value(c.name, of: n) {
                case .integer(let i)?: metricValues[n.id, default: [:]][c.name] = Double(i)
                case .double(let d)?: metricValues[n.id, default: [:]][c.name] = d
                default: break
                }
            }
        }
        var partnerships: [Partnership] = []
        partnerships.reserveCapacity(edges.count)
        for e in edges {
            for (end, field) in [(e.source, "source"), (e.target, "target")] where !seenNodes.contains(end) {
                problems.append(InputProblem(file: file, line: e.line, field: field,
                                             message: "edge \(e.id) names node \(end), which is not in the file"))
            }
            let ids = list(value("relations", of: e))
            let labels = list(value("relation_labels", of: e))
            var relations: [RelationKind] = []
            if ids.isEmpty {
                for l in labels {
                    relations.append(vocabulary.relation(named: l) ?? vocabulary.addRelation(id: l, japanese: l, english: nil))
                }
            } else {
                for (i, id) in ids.enumerated() {
                    let label = i < labels.count ? labels[i] : id
                    relations.append(vocabulary.relation(named: id) ?? vocabulary.addRelation(id: id, japanese: label, english: nil))
                }
            }
            var status = PartnershipStatus.realised
            if let s = string(value("status", of: e)) {
                if let st = PartnershipStatus(rawValue: s) { status = st } else {
                    problems.append(InputProblem(file: file, line: e.line, field: "status",
                                                 message: "unknown status '\(s)' (expected realised or planned)"))
                }
            }
            var direction = PartnershipDirection.mutual
            if let s = string(value("direction", of: e)) {
                if let d = PartnershipDirection(rawValue: s) { direction = d } else {
                    problems.append(InputProblem(file: file, line: e.line, field: "direction",
                                                 message: "unknown direction '\(s)' (expected mutual or directed)"))
                }
            }
            var weight = 1.0
            switch value("weight", of: e) {
            case .double(let d)?: weight = d
            case .integer(let i)?: weight = Double(i)
            default: break
            }
            let evidence = list(value("evidence", of: e)).compactMap { SourceReference(parsing: $0) }
            partnerships.append(Partnership(project: string(value("project", of: e)), source: e.source, target: e.target,
                                            relations: relations, status: status, weight: weight, direction: direction,
                                            evidence: evidence, note: string(value("note", of: e))))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        let dataset = Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                              projects: projects, partnerships: partnerships)
        let metrics = metricColumns.isEmpty ? nil : NodeMetrics(columns: Array(metricColumns), values: metricValues)
        return (dataset, metrics)
    }
}

extension NetworkTable {
    /// Decides the metric columns of a file from the attributes it declares that Renkei does not
    /// know: numeric ones become metrics (standard names keep their Japanese header).
    static func metricColumns(from declared: [(name: String, type: AttributeType)]) -> [AttributeSpec] {
        let known = Set(organizationAttributes.map(\.name) + ["id"])
        var out: [AttributeSpec] = []
        for d in declared where !known.contains(d.name) && (d.type == .integer || d.type == .double) {
            guard !out.contains(where: { $0.name == d.name }) else { continue }
            let japanese = NodeMetrics.standardColumns.first(where: { $0.name == d.name })?.japanese ?? d.name
            out.append(AttributeSpec(name: d.name, japanese: japanese, type: d.type))
        }
        return out
    }

    /// Every node attribute's type by name: ``organizationAttributes`` and the `metrics` columns.
    static func nodeTypes(metrics: [AttributeSpec]) -> [String: AttributeType] {
        Dictionary((organizationAttributes + metrics).map { ($0.name, $0.type) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The declared type of a known node attribute, or nil.
    static func nodeType(_ name: String) -> AttributeType? {
        organizationAttributes.first(where: { $0.name == name })?.type
    }

    /// The declared type of a known edge attribute, or nil.
    static func edgeType(_ name: String) -> AttributeType? {
        partnershipAttributes.first(where: { $0.name == name })?.type
    }
}
