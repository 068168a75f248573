import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

extension DiagramColoring: ExpressibleByArgument {}
extension DiagramClustering: ExpressibleByArgument {}

extension NodeSizeMeasure: ExpressibleByArgument {}

/// `renkei render PATH --project ID | --network | --sectors | --all --out FILE …`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw partnership diagrams (連携図) as DOT, SVG, PNG or PDF through Graphviz.",
        discussion: """
            Draws one project's diagram (--project), the whole network (--network) or the sector \
            summary (--sectors) to --out, or with --all writes the full set into the --out folder: \
            project-<id>.dot/.svg for every project, network.dot/.svg/.png and sectors.dot/.svg.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Draw the diagram of the project with this id.")
    var project: String?

    @Flag(help: "Draw all projects together as one network.")
    var network = false

    @Flag(help: "Draw the sector summary (kinds as nodes).")
    var sectors = false

    @Flag(help: "Write every diagram into the --out folder: DOT and SVG (PNG too for the network); with --format, DOT and that format.")
    var all = false

    @Option(help: "Output format: svg, png, pdf or dot (default: from the --out extension, else svg).")
    var format: String?

    @Option(help: "Output file, or the output folder with --all.")
    var out: String

    @Option(help: "Graphviz layout engine (dot, neato, twopi, circo, fdp, sfdp …); default: chosen per diagram.")
    var engine: String?

    @Option(help: "Font family (default: Noto Sans CJK JP, from Debian's fonts-noto-cjk).")
    var font: String?

    @Option(name: .customLong("color-by"), help: "Fill nodes by kind or community.")
    var colorBy: DiagramColoring = .kind

    @Option(name: .customLong("cluster-by"), help: "Group nodes into boxes by kind, community or none.")
    var clusterBy: DiagramClustering = .none

    @Option(name: .customLong("size-by"),
            help: "Scale organisation nodes by none, degree, betweenness, pagerank or harmonic centrality (default: degree in the network, equal sizes in project diagrams; the sector summary is unaffected).")
    var sizeBy: NodeSizeMeasure?

    @Option(help: "Seed for the layout's random start.")
    var seed: Int = 1

    func validate() throws {
        let chosen = [project != nil, network, sectors, all].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("give exactly one of --project ID, --network, --sectors or --all")
        }
        if let format { _ = try RenderFormat(parsing: format) }
        if sizeBy != nil && sectors {
            throw ValidationError("--size-by applies to project and network diagrams, not --sectors")
        }
        if let engine, !GraphvizRenderer.shared.engines.contains(engine) {
            throw RenderError.unknownEngine(engine, available: GraphvizRenderer.shared.engines)
        }
    }

    func run() throws {
        let dataset = try input.load()
        let givenFormat = try format.map(RenderFormat.init(parsing:))
        let outputFormat = givenFormat ?? RenderFormat(fileName: out) ?? .svg
        let rendering = all ? givenFormat != .dot : outputFormat != .dot
        let options = try diagramOptions(for: dataset, rendering: rendering)
        let writer = DiagramWriter(dataset: dataset, options: options)
        if all {
            try renderAll(writer, format: givenFormat)
            return
        }
        let dot: String
        if let project { dot = try writer.projectDOT(id: project) }
        else if network { dot = writer.networkDOT() }
        else { dot = writer.sectorsDOT() }
        try write(dot, format: outputFormat, to: out)
    }

    /// The diagram settings from the flags, with the community hook and the font check.
    func diagramOptions(for dataset: Dataset, rendering: Bool) throws -> DiagramOptions {
        // The DOT always names the requested (or default) family, so that DOT files are the same on
        // every machine; when it is missing, fontconfig substitutes another Japanese font at render time.
        let family = font ?? DiagramOptions.defaultFont
        if rendering {
            let fonts = JapaneseFonts.system
            try fonts.require()
            if !fonts.has(family), let substitute = fonts.resolve(family) {
                warn("font '\(family)' is not an installed Japanese font; fontconfig will substitute one such as '\(substitute)'")
            }
        }
        var options = DiagramOptions(font: family, colorBy: colorBy, clusterBy: clusterBy, seed: seed, engine: engine)
        let needsCommunities = colorBy == .community || clusterBy == .community
        if needsCommunities || sizeBy != nil {
            // Communities and the --size-by measure share one partnership graph.
            let graph = AnalysisGraph.partnershipGraph(of: dataset)
            if needsCommunities { options.communities = Self.communities(of: graph, seed: seed) }
            if let sizeBy { try sizeBy.apply(to: &options, graph: graph) }
        }
        return options
    }

    /// Community number per organisation id for `--color-by community` / `--cluster-by community`:
    /// the partition `renkei communities PATH --seed S` reports (Leiden, γ = 1, one run;
    /// communities numbered by size) on the dataset's partnership graph.
    static func communities(of graph: AnalysisGraph, seed: Int) -> [String: Int] {
        // The same call as `renkei export --with-metrics` (and one run of `renkei communities`).
        let membership = Leiden.run(graph, seed: UInt64(truncatingIfNeeded: seed)).membership
        return Dictionary(uniqueKeysWithValues: graph.labels.enumerated().map { ($1, Int(membership[$0])) })
    }

    /// Writes DOT text, or renders it, to `path` (temporary file and rename; nothing on failure).
    func write(_ dot: String, format: RenderFormat, to path: String) throws {
        if format == .dot {
            try AtomicFile.write(dot, to: path)
            return
        }
        let result = try GraphvizRenderer.shared.render(dot: dot, format: format, engine: engine, to: path)
        for w in result.warnings { warn("Graphviz: \(w)") }
    }

    /// The whole set into the `--out` folder: DOT and SVG for every diagram and PNG for the network;
    /// with `--format dot` only the DOT files (what CI compares), with another format DOT plus it.
    func renderAll(_ writer: DiagramWriter, format: RenderFormat?) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var files: [(String, String, [RenderFormat])] = []
        for (id, dot) in writer.allProjectDOTs() {
            files.append(("project-\(Self.fileSafe(id))", dot, [.dot, .svg]))
        }
        files.append(("network", writer.networkDOT(), [.dot, .svg, .png]))
        files.append(("sectors", writer.sectorsDOT(), [.dot, .svg]))
        for (name, dot, defaults) in files {
            let formats: [RenderFormat] = format.map { $0 == .dot ? [.dot] : [.dot, $0] } ?? defaults
            for f in formats {
                try write(dot, format: f, to: (out as NSString).appendingPathComponent("\(name).\(f.rawValue)"))
            }
        }
        printToStandardError("wrote \(files.count) diagrams to \(out)")
    }

    /// A project id as part of a file name: letters, digits, `-`, `_` and `.` kept, anything else
    /// (and `%`) percent-encoded as UTF-8, so that distinct ids give distinct names.
    static func fileSafe(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            let c = Character(scalar)
            if (c.isLetter || c.isNumber || "-_.".contains(c)) && scalar != "%" {
                out.unicodeScalars.append(scalar)
            } else {
                for b in String(scalar).utf8 { out += String(format: "%%%02X", b) }
            }
        }
        if out.hasPrefix(".") { out = "%2E" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }

    func warn(_ message: String) {
        printToStandardError("warning: \(message)")
    }
}
