import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// Export the partnership network in an interchange format (`renkei export`).
public struct ExportRequest: Sendable {
    public var input: DatasetInput
    /// The place, year and kind filters (``GraphSelection/view(of:)``).
    public var selection = GraphSelection()
    public var format: ExportFormat
    /// Attach degree, betweenness, PageRank, clustering, community and core number to each node.
    public var withMetrics: Bool
    /// Byte encoding of CSV files (the other formats are UTF-8).
    public var encoding: ExportEncoding
    /// What to do with a character the encoding cannot represent.
    public var unencodable: UnencodableCharacters
    /// Japanese CSV column headers.
    public var japaneseHeaders: Bool
    /// CSV text cells exactly as they are, without the apostrophe that stops spreadsheet formulas.
    public var rawCells: Bool
    /// Seed of the community partition among the metrics and of the layout's random start.
    public var seed: UInt64
    /// Carry the network diagram's Graphviz node positions (``NetworkLayout``) into the export.
    public var layout = false
    /// The layout engine for ``layout`` instead of the network diagram's own choice.
    public var engine: String?
    /// The Japanese fonts checked before laying out (node sizes depend on the text).
    public var fonts: JapaneseFonts = .system
    /// Where the output will go (a file, or the folder of a CSV pair), only to name files in messages.
    public var outputPath: String?

    public init(input: DatasetInput, format: ExportFormat, withMetrics: Bool = false, encoding: ExportEncoding = .utf8,
                unencodable: UnencodableCharacters = .error, japaneseHeaders: Bool = false, seed: UInt64 = 1,
                outputPath: String? = nil, rawCells: Bool = false) {
        self.rawCells = rawCells
        self.input = input
        self.format = format
        self.withMetrics = withMetrics
        self.encoding = encoding
        self.unencodable = unencodable
        self.japaneseHeaders = japaneseHeaders
        self.seed = seed
        self.outputPath = outputPath
    }

    /// Renders the export in memory.
    /// - Throws: `InputError` (unreadable input; a character Shift_JIS cannot represent, naming
    ///   the output file and line), ``RequestError`` (options that do not fit the format).
    public func run() throws -> ExportResult {
        if format != .csv && (encoding != .utf8 || japaneseHeaders || rawCells) {
            throw RequestError("only the CSV export has a choice of encoding and header language (the other formats are UTF-8)")
        }
        if unencodable != .error && encoding != .shiftJIS {
            throw RequestError("replacing unencodable characters applies to Shift_JIS only (UTF-8 represents every character)")
        }
        if engine != nil && !layout {
            throw RequestError("--engine chooses the engine of --layout; add --layout")
        }
        if layout && (format == .pajek || format == .dot) {
            throw RequestError("--layout carries positions into graphml, gexf, json, cytoscape, csv and xlsx, not \(format.rawValue)")
        }
        // A names CSV or sheet the fast reader takes, exported whole in any format but xlsx: the
        // files are made from its rows (the streamed formats as they are written), without a dataset.
        if format != .xlsx, !withMetrics, !layout, !selection.filtersPartnerships,
           let compact = try input.compactEdgeList(),
           let files = try namingOutputFiles({
               try NetworkExport.streamed(compact, format: format, encoding: encoding, japaneseHeaders: japaneseHeaders,
                                          unencodable: unencodable, rawCells: rawCells)
           }) {
            return result(files, warnings: [])
        }
        // A dataset folder the fast reader takes, likewise (its evidence and notes kept as bytes).
        if format != .xlsx, !withMetrics, !layout, !selection.filtersPartnerships,
           let folder = try input.compactFolder(reportingWarnings: false, keepDetails: true),
           let files = try namingOutputFiles({
               try NetworkExport.streamed(folder, format: format, encoding: encoding, japaneseHeaders: japaneseHeaders,
                                          unencodable: unencodable, rawCells: rawCells)
           }) {
            input.report(folder.loaded.warnings)
            return result(files, warnings: [])
        }
        var loaded = try input.load()
        loaded.dataset = try selection.view(of: loaded.dataset)
        var metrics = loaded.metrics
        var warnings: [String] = []
        if withMetrics {
            let (computed, unavailable) = ExportMetrics.compute(loaded.dataset, seed: seed)
            metrics = computed
            if !unavailable.isEmpty { warnings.append("could not be computed, left out: \(unavailable.joined(separator: ", "))") }
        }
        var positions: NodePositions?
        if layout {
            let laidOut = try NetworkLayout.positions(of: loaded.dataset, input: input, engine: engine, seed: seed, fonts: fonts)
            positions = laidOut.positions
            warnings += laidOut.warnings
        }
        let files = try namingOutputFiles {
            try NetworkExport.render(loaded.dataset, format: format, metrics: metrics, encoding: encoding,
                                     japaneseHeaders: japaneseHeaders, unencodable: unencodable,
                                     rawCells: rawCells, positions: positions)
        }
        return result(files, warnings: warnings)
    }

    /// Runs `render`; an `InputError` it throws (a character Shift_JIS cannot represent) names the
    /// CSV files where they would have been written.
    func namingOutputFiles<T>(_ render: () throws -> T) throws -> T {
        do {
            return try render()
        } catch var error as InputError {
            for i in error.problems.indices { error.problems[i].file = outputName(error.problems[i].file) }
            throw error
        }
    }

    /// The result of the rendered files, with a warning counting the characters replaced by 〓.
    func result(_ files: [ExportedFile], warnings: [String]) -> ExportResult {
        var warnings = warnings
        let replaced = files.reduce(0) { $0 + $1.replaced }
        if replaced > 0, let first = files.first(where: { $0.replaced > 0 }) {
            let name = first.name.map(outputName) ?? outputPath ?? "standard output"
            warnings.append("replaced \(replaced) character\(replaced == 1 ? "" : "s") that Shift_JIS (CP932) cannot represent with 〓; first at \(name):\(first.firstReplacedLine ?? 1)")
        }
        return ExportResult(files: files, warnings: warnings)
    }

    /// A file of a multi-file export as the user will find it (inside ``outputPath``).
    func outputName(_ name: String) -> String {
        guard let outputPath, format == .csv else { return name }
        return outputPath.hasSuffix("/") ? outputPath + name : outputPath + "/" + name
    }
}

/// An export in memory: one file, or the named files of a folder (`nodes.csv`, `edges.csv`).
public struct ExportResult: Sendable {
    public var files: [ExportedFile]
    public var warnings: [String]

    /// True when the export is a set of named files that goes into a folder.
    public var isFolder: Bool { files.contains { $0.name != nil } }

    /// The named files, for `OutputWriter.write(_:into:)`.
    public var items: [OutputItem] { files.map { OutputItem(name: $0.name ?? "", bytes: $0.bytes) } }

    /// Every file's bytes, in order (a single-file export's contents), made in memory.
    public var bytes: [UInt8] { files.flatMap(\.bytes) }

    /// A single-file export that streams (GraphML, GEXF, node-link and Cytoscape.js JSON, DOT): its pieces, for
    /// `OutputWriter.write(_:to:)` and `OutputWriter.writeStandardOutput(_:)`, which never hold
    /// the whole file. Nil for the other exports (use ``bytes``).
    public var producer: ByteProducer? { files.count == 1 ? files[0].producer : nil }
}

/// The per-node metrics `--with-metrics` attaches.
enum ExportMetrics {
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
    ///   the partition `renkei render --color-by community` draws with the same seed
    ///   (``StandardPartition``).
    ///
    /// The algorithms, their papers and complexities are documented on ``AnalysisGraph``.
    /// - Returns: the metrics and the names of the standard metrics that could not be computed
    ///   (`pagerank` when the power iteration does not converge), reported rather than silently missing.
    /// - Complexity: dominated by betweenness, O(*n* *m*).
    static func compute(_ dataset: Dataset, seed: UInt64) -> (metrics: NodeMetrics, unavailable: [String]) {
        let graph = AnalysisGraph.partnershipGraph(of: dataset)
        var columns: [String: [Double]] = [:]
        columns["degree"] = graph.nodes.map { Double(graph.degree(of: $0)) }
        columns["betweenness"] = try? graph.betweenness(BetweennessOptions())
        if let pagerank = try? graph.pageRank(PageRankOptions(weighted: false)) { columns["pagerank"] = pagerank }
        columns["clustering"] = graph.clustering(.unweighted)
        columns["core_number"] = graph.coreNumbers().map(Double.init)
        columns["community"] = StandardPartition.membership(of: graph, seed: seed).map(Double.init)
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
