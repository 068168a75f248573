import ArgumentParser
import RenkeiApp
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

extension ReportFormat: ExpressibleByArgument {}
extension PartnershipWeighting: ExpressibleByArgument {}
extension EdgeDistance: ExpressibleByArgument {}
extension ClusteringWeighting: ExpressibleByArgument {}
extension CentralityMeasure: ExpressibleByArgument {}
extension CommunityAlgorithm: ExpressibleByArgument {}
extension PartnerGrouping: ExpressibleByArgument {}
extension ProjectionWeighting: ExpressibleByArgument {}
extension ProjectionView: ExpressibleByArgument {}
extension GeneratorScale: ExpressibleByArgument {}
extension DiagramColoring: ExpressibleByArgument {}
extension DiagramClustering: ExpressibleByArgument {}
extension NodeSizeMeasure: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension UnencodableCharacters: ExpressibleByArgument {}
extension ExportEncoding: ExpressibleByArgument {
    /// `utf8`, `utf8-bom` or `shift_jis`; `sjis` and `cp932` are accepted for Shift_JIS.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "sjis", "cp932", "shift-jis", "shiftjis": self = .shiftJIS
        default: self.init(rawValue: argument.lowercased())
        }
    }
}

/// The dataset argument of the commands that need a whole dataset (validate, stats, render, export).
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, an edge-list CSV, a .graphml/.gexf/.json export, or a plain edge list (`u v [w]` lines).")
    var path: String

    var input: DatasetInput { DatasetInput(path: path) }
}

/// PATH plus the dataset filters, for the analysis commands.
struct GraphInputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, an edge-list CSV, a .graphml/.gexf/.json export, or a plain edge list (`u v [w]` lines).")
    var path: String

    @Flag(name: .customLong("edge-list"), help: "Read PATH as a plain edge list (`u v [w]` or `source,target[,weight]`) even when it is a .csv file.")
    var edgeList = false

    @Flag(name: .customLong("realised-only"), help: "Drop planned partnerships.")
    var realisedOnly = false

    @Flag(name: .customLong("no-generic"), help: "Leave out generic partners (「地域の保育園」).")
    var noGeneric = false

    @Option(name: .customLong("relations"), help: "Keep only partnerships with one of these relations (ids or Japanese labels separated by commas or semicolons, e.g. venue,後援).")
    var relations: String?

    @Option(name: .customLong("project"), help: "Keep only these projects (repeat the option or separate ids by commas).")
    var projects: [String] = []

    @Option(name: .customLong("edge-weight"), help: "Edge weight for datasets: relations (number of relation kinds), weight (the weight column) or count (1 per partnership). Default: weight for an edge-list CSV with a weight column, relations otherwise.")
    var edgeWeight: PartnershipWeighting?

    var input: DatasetInput { DatasetInput(path: path, forcePlainEdgeList: edgeList) }

    var selection: GraphSelection {
        GraphSelection(realisedOnly: realisedOnly, includeGeneric: !noGeneric, relations: relations.map { [$0] } ?? [],
                       projects: projects, weighting: edgeWeight)
    }
}

/// `--format table|json|csv`.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: ReportFormat = .table
}

/// `--top N`, checked.
struct TopOption: ParsableArguments {
    @Option(help: "Show only the first N rows.")
    var top: Int?

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be at least 0") }
    }
}

/// The CSV choices of `renkei export`.
struct CSVExportOptions: ParsableArguments {
    @Option(help: "CSV encoding: utf8, utf8-bom or shift_jis (CP932).")
    var encoding: ExportEncoding = .utf8

    @Option(help: "With --encoding shift_jis, a character CP932 cannot represent: error (stop, naming file and line) or replace (write 〓 instead and warn).")
    var unencodable: UnencodableCharacters = .error

    @Flag(help: "Japanese CSV column headers (名称, 種別, 連携元 …).")
    var japaneseHeaders = false

    func check(format: ExportFormat) throws {
        if format != .csv && encoding != .utf8 {
            throw ValidationError("--encoding applies to --format csv only (the other formats are UTF-8).")
        }
        if unencodable != .error && encoding != .shiftJIS {
            throw ValidationError("--unencodable applies to --encoding shift_jis only (UTF-8 represents every character).")
        }
        if format != .csv && japaneseHeaders {
            throw ValidationError("--japanese-headers applies to --format csv only.")
        }
    }
}
