import ArgumentParser
import RenkeiApp
import RenkeiIO

/// `renkei export`: writes the partnership network in an interchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the partnership network as GraphML, GEXF, JSON, Cytoscape JSON, CSV, Excel, Pajek or DOT.",
        discussion: """
        One node per organisation, one edge per partnership (several partnerships between the same \
        pair are parallel edges with their own ids). PATH may also be anything renkei export writes \
        except pajek and dot (.graphml, .gexf, .json, .cyjs, the csv folder, the xlsx workbook), \
        which converts between formats.

        csv writes nodes.csv and edges.csv into the folder named by --out (created when missing), \
        both or neither, with CRLF line ends for Excel; use --encoding utf8-bom or shift_jis for \
        Excel on Japanese Windows. pajek writes UTF-8 labels (Pajek 3 or later). dot is a plain data \
        export; styled diagrams come from renkei render.

        --layout lays the network out as renkei render --network --detail full draws it (same \
        engine, or --engine; same --seed, so the positions repeat) and writes each organisation's \
        centre in points, x to the right and y down from the drawing's top-left corner, as \
        Cytoscape.js, D3 and yEd draw; GEXF gets viz:position (x, -y, 0), since Gephi's y axis \
        points up. Organisations in no project and no partnership get no position.
        """ + HelpText.export
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: DatasetFilterOptions
    @Option(help: "Output format: graphml, gexf, json, cytoscape, csv, pajek, dot or xlsx (sheets 団体, 連携, 事業, よく連携する機関).")
    var format: ExportFormat
    @Flag(help: "Attach degree, betweenness, PageRank, clustering, community and core number to each node.")
    var withMetrics = false
    @Flag(help: "Carry the 連携図's Graphviz node positions (points; y down, GEXF: y up): GraphML/JSON/CSV x, y; GEXF viz:position; Cytoscape position.")
    var layout = false
    @Option(help: "Layout engine for --layout (neato, sfdp, fdp, dot, circo …); default: the network diagram's (neato, sfdp when large).")
    var engine: String?
    @OptionGroup var csv: CSVExportOptions
    @Option(help: "Seed of the layout's random start (--layout) and of the community detection (--with-metrics).")
    var seed: UInt64 = 1
    @Option(help: "Output file (for csv: a folder that receives nodes.csv and edges.csv). Default: standard output.")
    var out: String?

    func validate() throws {
        try csv.check(format: format)
        if format == .xlsx && out == nil {
            throw ValidationError("--format xlsx needs --out naming the .xlsx file.")
        }
        if format == .csv && out == nil {
            throw ValidationError("--format csv needs --out naming a folder for nodes.csv and edges.csv.")
        }
    }

    func run() throws {
        var request = ExportRequest(input: input.input, format: format, withMetrics: withMetrics, encoding: csv.encoding,
                                    unencodable: csv.unencodable, japaneseHeaders: csv.japaneseHeaders, seed: seed,
                                    outputPath: out, rawCells: csv.rawCells)
        (request.selection, request.layout, request.engine) = (filters.applied(), layout, engine)
        let result = try request.run()
        Terminal.warn(result.warnings)
        switch (out, result.producer) {
        case (nil, let producer?): try OutputWriter.writeStandardOutput(producer)
        case (nil, nil): try Terminal.emit(bytes: result.bytes)
        case (let folder?, _) where result.isFolder: try OutputWriter.write(result.items, into: folder)
        case (let file?, let producer?): try OutputWriter.write(producer, to: file)
        case (let file?, nil): try OutputWriter.write(result.bytes, to: file)
        }
    }
}
