import Foundation
import RenkeiCore

/// The formats `renkei export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml
    case gexf
    /// Node-link JSON (NetworkX, D3).
    case json
    /// Cytoscape.js JSON.
    case cytoscape
    /// `nodes.csv` + `edges.csv` in a folder.
    case csv
    /// Pajek `.net`.
    case pajek
    /// Plain Graphviz DOT.
    case dot
}

/// One file an export produces.
public struct ExportedFile: Sendable {
    /// The file name inside the output folder (`nodes.csv`), or nil for a single-file export.
    public var name: String?
    /// The encoded contents.
    public var bytes: [UInt8]
    /// Characters replaced by 〓 because the encoding cannot represent them (`--unencodable replace`).
    public var replaced: Int = 0
    /// The 1-based line of the first replaced character.
    public var firstReplacedLine: Int?
}

/// Renders datasets into the interchange formats and writes them safely.
public enum NetworkExport {
    /// Renders a dataset.
    /// - Parameters:
    ///   - metrics: per-node values to attach (`--with-metrics`), or nil.
    ///   - encoding: byte encoding of CSV files (the other formats are always UTF-8).
    ///   - japaneseHeaders: Japanese CSV column headers.
    ///   - unencodable: what to do with a character the encoding cannot represent: fail, or
    ///     replace it with 〓 and count it in ``ExportedFile/replaced``.
    /// - Returns: one file, or `nodes.csv` and `edges.csv` for CSV.
    /// - Throws: ``InputError`` when Shift_JIS cannot represent a character and `unencodable` is `.error`.
    public static func render(_ dataset: Dataset, format: ExportFormat, metrics: NodeMetrics? = nil,
                              encoding: ExportEncoding = .utf8, japaneseHeaders: Bool = false,
                              unencodable: UnencodableCharacters = .error) throws -> [ExportedFile] {
        let table = NetworkTable(dataset: dataset, metrics: metrics)
        func single(_ s: String) -> [ExportedFile] { [ExportedFile(name: nil, bytes: Array(s.utf8))] }
        switch format {
        case .graphml: return single(GraphMLFormat.write(table))
        case .gexf: return single(GEXFFormat.write(table))
        case .json: return single(NodeLinkJSONFormat.write(table))
        case .cytoscape: return single(CytoscapeJSONFormat.write(table))
        case .pajek: return single(PajekFormat.write(table))
        case .dot: return single(PlainDOTFormat.write(table))
        case .csv:
            let (nodes, edges) = CSVGraphFormat.write(table, japaneseHeaders: japaneseHeaders)
            return try [("nodes.csv", nodes), ("edges.csv", edges)].map { name, text in
                let e = try encoding.encode(text, file: name, unencodable: unencodable)
                return ExportedFile(name: name, bytes: e.bytes, replaced: e.replaced, firstReplacedLine: e.firstLine)
            }
        }
    }

    /// Writes rendered files: a single file to `path`; named files (CSV) into the folder `path`,
    /// created when missing. Each file is written with ``OutputFile``: a
    /// regular file to a temporary file renamed into place (through any symbolic link), so a failed
    /// export leaves no half-written file; a device or pipe (`/dev/stdout`) is written through directly.
    /// - Throws: ``InputError`` naming the path when it cannot be written.
    public static func write(_ files: [ExportedFile], to path: String) throws {
        let fm = FileManager.default
        do {
            if files.contains(where: { $0.name != nil }) {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: path, isDirectory: &isDir) {
                    guard isDir.boolValue else {
                        throw InputError([InputProblem(file: path, message: "CSV export needs --out to name a folder; this is a file")])
                    }
                } else {
                    try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
                }
            }
            for f in files {
                let target = f.name.map { (path as NSString).appendingPathComponent($0) } ?? path
                do {
                    try OutputFile.write(f.bytes, to: target)
                } catch let e as OutputFileError {
                    throw InputError([InputProblem(file: target, message: "cannot write: \(e.reason)")])
                }
            }
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError([InputProblem(file: path, message: "cannot write: \(error.localizedDescription)")])
        }
    }
}

/// Reads networks back from the formats that have a reader: GraphML, GEXF and node-link JSON.
public enum NetworkImport {
    /// The format a path's extension names, when Renkei can read it back.
    public static func format(ofPath path: String) -> ExportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "graphml": return .graphml
        case "gexf": return .gexf
        case "json": return .json
        default: return nil
        }
    }

    /// Reads a file's bytes.
    static func bytes(of path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([InputProblem(file: path, message: "cannot read the file")])
        }
        return [UInt8](data)
    }

    /// Reads GraphML, GEXF or node-link JSON bytes into a dataset and the metrics they carry.
    /// - Throws: ``InputError`` naming the file and line of the first problem.
    public static func read(bytes: [UInt8], format: ExportFormat, file: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        let table: NetworkTable
        switch format {
        case .graphml: table = try GraphMLFormat.read(bytes: bytes, file: file)
        case .gexf: table = try GEXFFormat.read(bytes: bytes, file: file)
        case .json:
            let (validPrefix, _) = TextCodec.utf8ValidPrefix(bytes)
            guard validPrefix == bytes.count else {
                throw InputError([InputProblem(file: file, line: TextCodec.lineOf(offset: validPrefix, in: bytes),
                                               message: "the file is not valid UTF-8")])
            }
            table = try NodeLinkJSONFormat.read(bytes: bytes, file: file)
        default:
            throw InputError([InputProblem(file: file, message: "\(format.rawValue) files cannot be read back; use graphml, gexf or json")])
        }
        return try table.dataset(file: file)
    }

    /// Reads a `.graphml`, `.gexf` or node-link `.json` file.
    public static func read(path: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        guard let format = format(ofPath: path) else {
            throw InputError([InputProblem(file: path, message: "not a .graphml, .gexf or .json file")])
        }
        return try read(bytes: bytes(of: path), format: format, file: path)
    }
}

/// The per-node metrics `--with-metrics` attaches.
public enum ExportMetrics {
    /// Computes the ``NodeMetrics/standardColumns`` metrics on the dataset's partnership graph (every
    /// organisation, all partnerships; parallel partnerships are one edge), with the defaults of
    /// `renkei centrality` and `renkei clustering`, which are NetworkX's on the simple graph:
    ///
    /// - `degree`: distinct partners;
    /// - `betweenness`: unweighted, normalised (NetworkX `betweenness_centrality`);
    /// - `pagerank`: α = 0.85, unweighted (NetworkX `pagerank(weight=None)`);
    /// - `clustering`: unweighted local clustering (NetworkX `clustering`);
    /// - `core_number`: k-core number (NetworkX `core_number`);
    /// - `community`: Leiden with `seed` (connected communities numbered by size, 0 the largest),
    ///   the partition `renkei render --color-by community` draws with the same seed.
    ///
    /// The algorithms, their papers and complexities are documented on ``AnalysisGraph``.
    /// - Returns: the metrics and the names of the standard metrics that could not be computed
    ///   (`pagerank` when the power iteration does not converge), reported rather than silently missing.
    /// - Complexity: dominated by betweenness, O(*n* *m*).
    public static func compute(_ dataset: Dataset, seed: UInt64) -> (metrics: NodeMetrics, unavailable: [String]) {
        let graph = AnalysisGraph.partnershipGraph(of: dataset)
        var columns: [String: [Double]] = [:]
        columns["degree"] = graph.nodes.map { Double(graph.degree(of: $0)) }
        columns["betweenness"] = try? graph.betweenness(BetweennessOptions())
        if let pagerank = try? graph.pageRank(PageRankOptions(weighted: false)) { columns["pagerank"] = pagerank }
        columns["clustering"] = graph.clustering(.unweighted)
        columns["core_number"] = graph.coreNumbers().map(Double.init)
        columns["community"] = Leiden.run(graph, seed: seed).membership.map(Double.init)
        var values: [String: [String: Double]] = [:]
        for v in graph.nodes {
            var row: [String: Double] = [:]
            for (name, column) in columns { row[name] = column[v.int] }
            values[graph.labels[v.int]] = row
        }
        let available = NodeMetrics.standardColumns.filter { columns[$0.name] != nil }
        let unavailable = NodeMetrics.standardColumns.map(\.name).filter { columns[$0] == nil }
        return (NodeMetrics(columns: available, values: values), unavailable)
    }
}
