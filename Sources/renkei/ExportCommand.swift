import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiIO

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

/// `renkei export`: writes the partnership network in an interchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the partnership network as GraphML, GEXF, JSON, Cytoscape JSON, CSV, Pajek or DOT.",
        discussion: """
        One node per organisation, one edge per partnership (several partnerships between the same \
        pair are parallel edges with their own ids). PATH may also be a .graphml, .gexf or node-link \
        .json file written by renkei export, which converts between formats.

        csv writes nodes.csv and edges.csv into the folder named by --out (created when missing), \
        with CRLF line ends for Excel; use --encoding utf8-bom or shift_jis for Excel on Japanese \
        Windows. pajek writes UTF-8 labels (Pajek 3 or later). dot is a plain data export; styled \
        diagrams come from renkei render.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: graphml, gexf, json, cytoscape, csv, pajek or dot.")
    var format: ExportFormat

    @Flag(help: "Attach degree, betweenness, PageRank, clustering, community and core number to each node.")
    var withMetrics = false

    @Option(help: "CSV encoding: utf8, utf8-bom or shift_jis (CP932).")
    var encoding: ExportEncoding = .utf8

    @Option(help: "With --encoding shift_jis, a character CP932 cannot represent: error (stop, naming file and line) or replace (write 〓 instead and warn).")
    var unencodable: UnencodableCharacters = .error

    @Flag(help: "Japanese CSV column headers (名称, 種別, 連携元 …).")
    var japaneseHeaders = false

    @Option(help: "Seed for the randomised community detection used by --with-metrics.")
    var seed: UInt64 = 1

    @Option(help: "Output file (for csv: a folder that receives nodes.csv and edges.csv). Default: standard output.")
    var out: String?

    func validate() throws {
        if format != .csv && encoding != .utf8 {
            throw ValidationError("--encoding applies to --format csv only (the other formats are UTF-8).")
        }
        if unencodable != .error && encoding != .shiftJIS {
            throw ValidationError("--unencodable applies to --encoding shift_jis only (UTF-8 represents every character).")
        }
        if format != .csv && japaneseHeaders {
            throw ValidationError("--japanese-headers applies to --format csv only.")
        }
        if format == .csv && out == nil {
            throw ValidationError("--format csv needs --out naming a folder for nodes.csv and edges.csv.")
        }
    }

    func run() throws {
        let dataset: Dataset
        var metrics: NodeMetrics?
        if NetworkImport.format(ofPath: input.path) != nil,
           !FileManager.default.fileExists(atPath: (input.path as NSString).appendingPathComponent("dataset.yaml")) {
            (dataset, metrics) = try NetworkImport.read(path: input.path)
        } else {
            dataset = try input.load()
        }
        if withMetrics {
            let (computed, unavailable) = ExportMetrics.compute(dataset, seed: seed)
            metrics = computed
            if !unavailable.isEmpty {
                printToStandardError("warning: could not be computed, left out: \(unavailable.joined(separator: ", "))")
            }
        }
        let files: [ExportedFile]
        do {
            files = try NetworkExport.render(dataset, format: format, metrics: metrics,
                                             encoding: encoding, japaneseHeaders: japaneseHeaders,
                                             unencodable: unencodable)
        } catch var error as InputError {
            // Name the CSV files where they would have been written.
            if let out {
                for i in error.problems.indices where ["nodes.csv", "edges.csv"].contains(error.problems[i].file) {
                    error.problems[i].file = (out as NSString).appendingPathComponent(error.problems[i].file)
                }
            }
            throw error
        }
        let replaced = files.reduce(0) { $0 + $1.replaced }
        if replaced > 0, let first = files.first(where: { $0.replaced > 0 }) {
            let name = first.name.map { name in out.map { ($0 as NSString).appendingPathComponent(name) } ?? name } ?? out ?? "stdout"
            printToStandardError("warning: replaced \(replaced) character\(replaced == 1 ? "" : "s") that Shift_JIS (CP932) cannot represent with 〓; first at \(name):\(first.firstReplacedLine ?? 1)")
        }
        if let out {
            try NetworkExport.write(files, to: out)
        } else {
            for f in files { FileHandle.standardOutput.write(Data(f.bytes)) }
        }
    }
}
