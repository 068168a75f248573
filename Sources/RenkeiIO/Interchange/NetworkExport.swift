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
    /// An Excel workbook: sheets 団体, 連携, 事業, よく連携する機関.
    case xlsx
}

/// One file an export produces: its bytes, or (GraphML, GEXF, JSON, DOT) a ``ByteProducer`` that makes
/// them piece by piece for ``OutputWriter/write(_:to:)-(ByteProducer,_)``.
public struct ExportedFile: Sendable {
    /// The file name inside the output folder (`nodes.csv`), or nil for a single-file export.
    public var name: String?
    /// The contents made in pieces, when the format streams.
    public var producer: ByteProducer?
    private var storedBytes: [UInt8]
    /// Characters replaced by 〓 because the encoding cannot represent them (`--unencodable replace`).
    public var replaced: Int = 0
    /// The 1-based line of the first replaced character.
    public var firstReplacedLine: Int?

    public init(name: String?, bytes: [UInt8], replaced: Int = 0, firstReplacedLine: Int? = nil) {
        self.name = name
        storedBytes = bytes
        self.replaced = replaced
        self.firstReplacedLine = firstReplacedLine
    }

    public init(name: String?, producer: ByteProducer) {
        self.name = name
        self.producer = producer
        storedBytes = []
    }

    /// The encoded contents (a streamed file is made whole here, in memory).
    public var bytes: [UInt8] { producer?.collected() ?? storedBytes }
}

/// Renders datasets into the interchange formats (bytes; `OutputWriter` writes them).
public enum NetworkExport {
    /// Renders a dataset.
    /// - Parameters:
    ///   - metrics: per-node values to attach (`--with-metrics`), or nil.
    ///   - encoding: byte encoding of CSV files (the other formats are always UTF-8).
    ///   - japaneseHeaders: Japanese CSV column headers.
    ///   - rawCells: CSV text cells exactly as they are, without the formula guard.
    ///   - positions: node positions to carry (`--layout`): GraphML, node-link JSON and CSV get
    ///     `x`, `y` node attributes, GEXF `viz:position`, Cytoscape JSON each node's `position`,
    ///     xlsx the 団体 sheet's X座標, Y座標 columns; Pajek and DOT do not carry them.
    ///   - unencodable: what to do with a character the encoding cannot represent: fail, or
    ///     replace it with 〓 and count it in ``ExportedFile/replaced``.
    /// - Returns: one file, or `nodes.csv` and `edges.csv` for CSV.
    /// - Throws: ``InputError`` when Shift_JIS cannot represent a character and `unencodable` is `.error`.
    public static func render(_ dataset: Dataset, format: ExportFormat, metrics: NodeMetrics? = nil,
                              encoding: ExportEncoding = .utf8, japaneseHeaders: Bool = false,
                              unencodable: UnencodableCharacters = .error, rawCells: Bool = false,
                              positions: NodePositions? = nil) throws -> [ExportedFile] {
        if format == .xlsx {
            let m = dataset.metadata
            return [ExportedFile(name: nil, bytes: XLSXWriter.workbook(SpreadsheetExport.sheets(dataset, metrics: metrics, positions: positions),
                                                                       title: m.name.isEmpty ? nil : m.name, description: m.description))]
        }
        return try render(NetworkTable(dataset: dataset, metrics: metrics, positions: positions), format: format, encoding: encoding,
                          japaneseHeaders: japaneseHeaders, unencodable: unencodable, rawCells: rawCells)
    }

    /// Renders a network table in any format but xlsx (whose sheets are made of a dataset); the
    /// options are those of ``render(_:format:metrics:encoding:japaneseHeaders:unencodable:rawCells:positions:)``.
    static func render(_ table: NetworkTable, format: ExportFormat, encoding: ExportEncoding, japaneseHeaders: Bool,
                       unencodable: UnencodableCharacters, rawCells: Bool) throws -> [ExportedFile] {
        func streaming(_ write: @escaping @Sendable (NetworkTable, (inout String) throws -> Void) throws -> Void) -> [ExportedFile] {
            [ExportedFile(name: nil, producer: ByteProducer(streaming: { try write(table, $0) }))]
        }
        switch format {
        case .graphml: return streaming { try GraphMLFormat.write($0, emit: $1) }
        case .gexf: return streaming { try GEXFFormat.write($0, emit: $1) }
        case .json: return streaming { try NodeLinkJSONFormat.write($0, emit: $1) }
        case .cytoscape: return streaming { try CytoscapeJSONFormat.write($0, emit: $1) }
        case .dot: return streaming { try PlainDOTFormat.write($0, emit: $1) }
        case .pajek: return [ExportedFile(name: nil, bytes: Array(PajekFormat.write(table).utf8))]
        case .xlsx: preconditionFailure("an xlsx workbook is made of a dataset")
        case .csv:
            let (nodes, edges) = CSVGraphFormat.write(table, japaneseHeaders: japaneseHeaders, rawCells: rawCells)
            return try [("nodes.csv", nodes), ("edges.csv", edges)].map { name, text in
                let e = try encoding.encode(text, file: name, unencodable: unencodable)
                return ExportedFile(name: name, bytes: e.bytes, replaced: e.replaced, firstReplacedLine: e.firstLine)
            }
        }
    }
}

extension NetworkExport {
    /// The export of the dataset a fast-read CSV or sheet gives, in any format but xlsx, made from
    /// its rows (no `Dataset`, no edge list in memory; the streamed formats as they are written,
    /// the edges of a named CSV by a template): the bytes of ``render(_:format:metrics:encoding:japaneseHeaders:unencodable:rawCells:positions:)``
    /// on that dataset. Nil for xlsx.
    /// - Throws: ``InputError`` when Shift_JIS cannot represent a character and `unencodable` is `.error`.
    public static func streamed(_ compact: CompactEdgeList, format: ExportFormat, encoding: ExportEncoding = .utf8,
                                japaneseHeaders: Bool = false, unencodable: UnencodableCharacters = .error,
                                rawCells: Bool = false) throws -> [ExportedFile]? {
        guard format != .xlsx else { return nil }
        return try render(NetworkTable(compact: compact), format: format, encoding: encoding, japaneseHeaders: japaneseHeaders,
                          unencodable: unencodable, rawCells: rawCells)
    }

    /// The export of a fast-read dataset folder's dataset, in any format but xlsx, made from its
    /// rows as for a CSV (``streamed(_:format:encoding:japaneseHeaders:unencodable:rawCells:)-(CompactEdgeList,_,_,_,_,_)``):
    /// the bytes of ``render(_:format:metrics:encoding:japaneseHeaders:unencodable:rawCells:positions:)``
    /// on the dataset ``FolderDatasetLoader`` loads. Nil for xlsx, and when the folder's
    /// partnerships have evidence or notes that were not kept (``CompactDatasetFolder/hasDetails``,
    /// `keepDetails`).
    /// - Throws: ``InputError`` when Shift_JIS cannot represent a character and `unencodable` is `.error`.
    public static func streamed(_ folder: CompactDatasetFolder, format: ExportFormat, encoding: ExportEncoding = .utf8,
                                japaneseHeaders: Bool = false, unencodable: UnencodableCharacters = .error,
                                rawCells: Bool = false) throws -> [ExportedFile]? {
        guard format != .xlsx, let table = NetworkTable(folder: folder) else { return nil }
        return try render(table, format: format, encoding: encoding, japaneseHeaders: japaneseHeaders,
                          unencodable: unencodable, rawCells: rawCells)
    }
}

/// Reads networks back from the formats that have a reader: GraphML, GEXF, node-link JSON,
/// Cytoscape.js JSON and the `nodes.csv` + `edges.csv` folder (the xlsx workbook is read by
/// ``DatasetLoader`` as a dataset workbook).
public enum NetworkImport {
    /// The format a path's extension names, when Renkei can read it back (`.json` may hold either
    /// JSON format; the reader tells them apart by their content).
    public static func format(ofPath path: String) -> ExportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "graphml": return .graphml
        case "gexf": return .gexf
        case "json": return .json
        case "cyjs": return .cytoscape
        default: return nil
        }
    }

    /// True when `folder` holds the `nodes.csv` and `edges.csv` that `export --format csv` writes
    /// (and no `organizations.csv`, which would make it a dataset folder).
    public static func isNetworkTableFolder(_ folder: String) -> Bool {
        let fm = FileManager.default
        func has(_ name: String) -> Bool { fm.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) }
        return has("nodes.csv") && has("edges.csv") && !has("organizations.csv")
    }

    /// Reads a file's bytes straight into the array (no second copy: a 400 MB GraphML file
    /// costs 400 MB, not 800).
    static func bytes(of path: String) throws -> [UInt8] {
        let fail = InputError([InputProblem(file: path, message: "cannot read the file")])
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw fail }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            guard let data = FileManager.default.contents(atPath: path) else { throw fail }
            return [UInt8](data)
        }
        let size = Int(st.st_size)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = n < 0; break }
                count += n
            }
        }
        if failed { throw fail }
        return out
    }

    /// Reads GraphML, GEXF, node-link or Cytoscape.js JSON bytes into a dataset and the metrics they carry.
    /// - Throws: ``InputError`` naming the file and line of the first problem.
    public static func read(bytes: [UInt8], format: ExportFormat, file: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        try table(bytes: bytes, format: format, file: file).dataset(file: file)
    }

    /// Reads a file's network table. A GraphML, GEXF or JSON file is mapped and read in place, its
    /// pages given back as the parser passes them (for JSON, once its UTF-8 is checked, then past
    /// each stretch of links or edges), so the file is never held whole in memory; the other
    /// formats are read into memory and released before the dataset is made of the table.
    static func table(path: String, format: ExportFormat, releaseStep: Int = XMLTree.releaseStep) throws -> NetworkTable {
        if format == .json || format == .cytoscape, let mapped = MappedFile(path: path) {
            return try mapped.withBytes { buffer in
                try checkUTF8(buffer, file: path)
                mapped.release(0..<buffer.count)
                return try format == .json
                    ? NodeLinkJSONFormat.read(buffer: buffer, file: path, passed: mapped.release(below:), passedStep: releaseStep)
                    : CytoscapeJSONFormat.read(buffer: buffer, file: path, passed: mapped.release(below:), passedStep: releaseStep)
            }
        }
        if format == .graphml || format == .gexf, let mapped = MappedFile(path: path) {
            return try mapped.withBytes { buffer in
                format == .graphml
                    ? try GraphMLFormat.read(buffer: buffer, file: path, release: mapped.release(below:),
                                           releaseRange: mapped.release(_:), releaseStep: releaseStep)
                    : try GEXFFormat.read(buffer: buffer, file: path, release: mapped.release(below:),
                                        releaseRange: mapped.release(_:), releaseStep: releaseStep)
            }
        }
        return try table(bytes: bytes(of: path), format: format, file: path)
    }

    /// Throws, naming the line of the first bad byte, unless `bytes` are UTF-8 (the JSON readers' input).
    private static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        let (validPrefix, _) = TextCodec.utf8ValidPrefix(bytes)
        guard validPrefix == bytes.count else {
            throw InputError([InputProblem(file: file, line: TextCodec.lineOf(offset: validPrefix, in: bytes),
                                           message: "the file is not valid UTF-8")])
        }
    }

    /// Reads a file's network table; the bytes can go before the dataset is made of it.
    static func table(bytes: [UInt8], format: ExportFormat, file: String) throws -> NetworkTable {
        let table: NetworkTable
        switch format {
        case .graphml: table = try GraphMLFormat.read(bytes: bytes, file: file)
        case .gexf: table = try GEXFFormat.read(bytes: bytes, file: file)
        case .json, .cytoscape:
            try bytes.withUnsafeBufferPointer { try checkUTF8($0, file: file) }
            table = try format == .json ? NodeLinkJSONFormat.read(bytes: bytes, file: file)
                                        : CytoscapeJSONFormat.read(bytes: bytes, file: file)
        default:
            throw InputError([InputProblem(file: file, message: "\(format.rawValue) files cannot be read back; use graphml, gexf, json, cytoscape, the csv folder or xlsx")])
        }
        return table
    }

    /// Reads a `.graphml`, `.gexf` or node-link `.json` file.
    public static func read(path: String) throws -> (dataset: Dataset, metrics: NodeMetrics?) {
        guard let format = format(ofPath: path) else {
            throw InputError([InputProblem(file: path, message: "not a .graphml, .gexf or .json file")])
        }
        return try table(path: path, format: format).dataset(file: path)
    }
}
