import Foundation
import RenkeiCore

/// Reads the `nodes.csv` + `edges.csv` folder ``CSVGraphFormat`` writes back into a table: headers
/// as field names (`id`, `kind`, `source` …) or Japanese (`ID`, `種別`, `連携元` …), in any encoding
/// the CSV reader detects (UTF-8 with or without BOM, Shift_JIS), formula-guarded cells
/// unguarded. A node column Renkei does not know whose cells are all numbers is a metric
/// (`次数` is `degree`); other unknown columns are ignored, as are `source_label` and `target_label`.
public enum CSVGraphImport {
    /// Reads `folder`/nodes.csv and `folder`/edges.csv.
    /// - Throws: ``InputError`` naming the file, line and field of every problem.
    public static func read(folder: String) throws -> NetworkTable {
        var problems: [InputProblem] = []
        let table = try read(folder: folder, problems: &problems)
        guard problems.isEmpty else { throw InputError(sorting: problems) }
        return table
    }

    /// Reads the folder and the dataset it describes, every problem of both steps reported at once.
    public static func dataset(folder: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        var problems: [InputProblem] = []
        let table = try read(folder: folder, problems: &problems)
        do {
            let result = try table.dataset(file: "nodes.csv", edgeFile: "edges.csv")
            guard problems.isEmpty else { throw InputError(sorting: problems) }
            return result
        } catch let e as InputError where !problems.isEmpty {
            throw InputError(sorting: problems + e.problems.filter { !problems.contains($0) })
        }
    }

    /// The table, with bad cells left out and appended to `problems`.
    /// - Throws: ``InputError`` when a file cannot be read or lacks a required column.
    static func read(folder: String, problems: inout [InputProblem]) throws -> NetworkTable {
        func table(_ name: String) -> CSVTable? {
            CSVTable.read(path: (folder as NSString).appendingPathComponent(name), displayName: name, problems: &problems)
        }
        let nodeTable = table("nodes.csv"), edgeTable = table("edges.csv")
        guard let nodeTable, let edgeTable, problems.isEmpty else { throw InputError(sorting: problems) }

        func column(_ t: CSVTable, _ spec: (String, String)) -> Int? { t.column([spec.0, spec.1]) }
        func required(_ t: CSVTable, _ spec: (String, String)) -> Int? {
            if let c = column(t, spec) { return c }
            problems.append(InputProblem(file: t.file, line: 1, field: spec.0,
                                         message: "missing required column '\(spec.0)' (or \(spec.1)); the header is: \(t.header.joined(separator: ","))"))
            return nil
        }
        let nodeID = required(nodeTable, ("id", "ID"))
        let edgeSource = required(edgeTable, ("source", "連携元")), edgeTarget = required(edgeTable, ("target", "連携先"))
        guard let nodeID, let edgeSource, let edgeTarget else { throw InputError(sorting: problems) }
        let edgeID = column(edgeTable, ("id", "ID"))

        // Known node columns, then metric columns: unknown ones holding numbers only.
        var used = Set([nodeID])
        var nodeColumns: [(spec: AttributeSpec, column: Int)] = []
        for spec in NetworkTable.organizationAttributes {
            if let c = column(nodeTable, (spec.name, spec.japanese)) { nodeColumns.append((spec, c)); used.insert(c) }
        }
        var metrics: [AttributeSpec] = []
        for (c, h) in nodeTable.header.enumerated() where !used.contains(c) && !h.isEmpty {
            let cells = nodeTable.records.map { $0.fields[c].trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !cells.isEmpty, cells.allSatisfy({ FieldParsing.decimal($0) != nil }) else { continue }
            let whole = cells.allSatisfy { Int($0) != nil }
            let standard = NodeMetrics.standardColumns.first { $0.name == h || $0.japanese == h }
            let spec = AttributeSpec(name: standard?.name ?? h, japanese: standard?.japanese ?? h,
                                     type: whole && standard?.type != .double ? .integer : .double)
            guard !metrics.contains(where: { $0.name == spec.name }) else { continue }
            metrics.append(spec)
            nodeColumns.append((spec, c))
        }
        var edgeColumns: [(spec: AttributeSpec, column: Int)] = []
        for spec in NetworkTable.partnershipAttributes {
            if let c = column(edgeTable, (spec.name, spec.japanese)) { edgeColumns.append((spec, c)) }
        }

        func values(_ r: CSVRecord, _ columns: [(spec: AttributeSpec, column: Int)], file: String) -> [String: AttributeValue] {
            var out: [String: AttributeValue] = [:]
            for (spec, c) in columns {
                let text = spec.type == .string || spec.type == .list ? r.fields[c] : r.fields[c].trimmingWhitespace()
                guard !text.isEmpty else { continue }
                if let v = AttributeValue.parse(text, as: spec.type) { out[spec.name] = v } else {
                    problems.append(InputProblem(file: file, line: r.line, field: nodeTableHeader(file, c),
                                                 message: "'\(text)' is not a valid \(spec.type.rawValue)"))
                }
            }
            return out
        }
        func nodeTableHeader(_ file: String, _ c: Int) -> String {
            (file == nodeTable.file ? nodeTable.header : edgeTable.header)[c]
        }
        var nodes: [(id: String, values: [String: AttributeValue], line: Int?)] = []
        for r in nodeTable.records {
            let id = r.fields[nodeID].trimmingWhitespace()
            if id.isEmpty {
                problems.append(InputProblem(file: nodeTable.file, line: r.line, field: nodeTable.header[nodeID], message: "empty id"))
                continue
            }
            nodes.append((id, values(r, nodeColumns, file: nodeTable.file), r.line))
        }
        var edges: [(id: String, source: String, target: String, values: [String: AttributeValue], line: Int?)] = []
        for (i, r) in edgeTable.records.enumerated() {
            let s = r.fields[edgeSource].trimmingWhitespace(), t = r.fields[edgeTarget].trimmingWhitespace()
            for (end, c) in [(s, edgeSource), (t, edgeTarget)] where end.isEmpty {
                problems.append(InputProblem(file: edgeTable.file, line: r.line, field: edgeTable.header[c], message: "empty \(edgeTable.header[c])"))
            }
            let id = edgeID.map { r.fields[$0].trimmingWhitespace() } ?? ""
            edges.append((id.isEmpty ? "e\(i)" : id, s, t, values(r, edgeColumns, file: edgeTable.file), r.line))
        }
        return NetworkTable(metadata: DatasetMetadata(name: DatasetLoader.baseName(folder)), metricColumns: metrics,
                            nodes: nodes, edges: edges)
    }
}
