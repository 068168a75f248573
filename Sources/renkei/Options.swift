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

/// How a sheet's own words are read: `--strict` and `--vocabulary FILE.yaml`.
struct VocabularyOptions: ParsableArguments {
    @Flag(help: "Treat relation words the vocabulary does not know as errors (by default they become relations of this dataset, with a warning).")
    var strict = false

    @Option(help: "A vocabulary file: kinds: and relations: as in dataset.yaml, plus synonyms: (wording: relation).")
    var vocabulary: String?

    @Option(help: "The sheet of an .xlsx workbook to read (default: the first).")
    var sheet: String?

    var options: LoadOptions { LoadOptions(strict: strict, vocabularyPath: vocabulary, sheet: sheet) }
}

/// The dataset argument of the commands that need a whole dataset (validate, stats, render, export).
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder or workbook (.xlsx with 団体/事業/連携 sheets), one sheet (.csv or .xlsx), an export (.graphml, .gexf, .json, .cyjs, a nodes.csv + edges.csv folder), or a plain edge list (`u v [w]` lines).")
    var path: String

    @OptionGroup var words: VocabularyOptions

    @Flag(help: "No progress indicator and no notes on standard error (warnings still appear).")
    var quiet = false

    func validate() throws { Terminal.quiet = quiet }

    var input: DatasetInput { DatasetInput(path: path, options: words.options) }
}

/// `--prefecture`, `--municipality`, `--year`, `--kind`: the filters every analysis, render and
/// export command shares.
struct DatasetFilterOptions: ParsableArguments {
    @Option(help: "Keep only projects in these prefectures (repeat or separate by commas; 宮城 = 宮城県).")
    var prefecture: [String] = []

    @Option(help: "Keep only projects in these municipalities (repeat or separate by commas).")
    var municipality: [String] = []

    @Option(help: "Keep only projects of these survey years (repeat the option).")
    var year: [Int] = []

    @Option(help: "Keep only organisations of these kinds (社協, 行政, NPO … or their English names; repeat or separate by commas).")
    var kind: [String] = []

    /// `selection` with these filters added.
    func applied(to selection: GraphSelection = GraphSelection()) -> GraphSelection {
        var s = selection
        s.prefectures = prefecture; s.municipalities = municipality; s.years = year; s.kinds = kind
        return s
    }
}

/// PATH plus the dataset filters, for the analysis commands.
struct GraphInputOptions: ParsableArguments {
    @Argument(help: "A dataset folder or workbook (.xlsx with 団体/事業/連携 sheets), one sheet (.csv or .xlsx), an export (.graphml, .gexf, .json, .cyjs, a nodes.csv + edges.csv folder), or a plain edge list (`u v [w]` lines).")
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

    @OptionGroup var words: VocabularyOptions
    @OptionGroup var filters: DatasetFilterOptions

    @Flag(help: "No progress indicator and no notes on standard error (warnings still appear).")
    var quiet = false

    func validate() throws { Terminal.quiet = quiet }

    var input: DatasetInput { DatasetInput(path: path, forcePlainEdgeList: edgeList, options: words.options) }

    var selection: GraphSelection {
        filters.applied(to: GraphSelection(realisedOnly: realisedOnly, includeGeneric: !noGeneric, relations: relations.map { [$0] } ?? [],
                                           projects: projects, weighting: edgeWeight))
    }
}

/// `--format table|json|csv` and `--raw-cells`.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: ReportFormat = .table

    @Flag(help: "With --format csv, write text cells as they are: no leading apostrophe before cells starting with = + - @, tab or CR (which spreadsheets would run as formulas).")
    var rawCells = false

    func validate() throws {
        if rawCells && format != .csv { throw ValidationError("--raw-cells applies to --format csv only.") }
    }
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

    @Flag(help: "Write CSV text cells as they are: no leading apostrophe before cells starting with = + - @, tab or CR (which spreadsheets would run as formulas).")
    var rawCells = false

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
        if format != .csv && rawCells {
            throw ValidationError("--raw-cells applies to --format csv only.")
        }
    }
}
