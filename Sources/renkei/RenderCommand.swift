import ArgumentParser
import RenkeiApp
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// `renkei render PATH --project ID | --network | --sectors | --all --out FILE …`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw partnership diagrams (連携図) as DOT, SVG, PNG or PDF through Graphviz.",
        discussion: """
            Draws one project's diagram (--project), the whole network (--network) or the sector \
            summary (--sectors) to --out, or with --all writes the full set into the --out folder: \
            project-<id>.dot/.svg for every project, network.dot/.svg/.png and sectors.dot/.svg. \
            Files appear only when every diagram has been drawn.
            """ + HelpText.render
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: DatasetFilterOptions
    @OptionGroup var diagram: DiagramChoice
    @OptionGroup var style: DiagramStyleOptions
    @Option(help: "Output format: svg, png, pdf or dot (default: from the --out extension, else svg).")
    var format: String?
    @Option(help: "Output file, or the output folder with --all.")
    var out: String

    func validate() throws {
        if let format { _ = try RenderFormat(parsing: format) }
        if style.sizeBy != nil && diagram.sectors {
            throw ValidationError("--size-by applies to project and network diagrams, not --sectors")
        }
    }

    func run() throws {
        var request = RenderRequest(
            input: input.input, target: diagram.target, format: try format.map(RenderFormat.init(parsing:)), outputPath: out, engine: style.engine,
            font: style.font, colorBy: style.colorBy, clusterBy: style.clusterBy, sizeBy: style.sizeBy,
            seed: style.seed, progress: Terminal.progress("render"),
            detail: style.detail, groupBy: style.groupBy, focus: style.focus)
        request.selection = filters.applied()
        request.onNote = { Terminal.note("note: \($0)") }
        let set = try request.run()
        Terminal.warn(set.warnings)
        if diagram.all {
            try OutputWriter.write(set.files, into: out)
            Terminal.note("wrote \(ReportValue.counted(set.diagramCount, "diagram")) to \(out)")
        } else {
            try OutputWriter.write(set.files[0].bytes, to: out)
        }
    }
}
