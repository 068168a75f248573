import ArgumentParser
import RenkeiApp

/// `renkei validate PATH [--merges]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load a dataset and report every problem at once (non-zero exit status on errors).",
        discussion: "PATH is a dataset folder (dataset.yaml, organizations.csv, projects.csv, partnerships.csv), a dataset workbook (.xlsx with 団体, 事業, 連携 sheets), one sheet (an edge-list CSV: source,target[,relations][,weight] or 団体名,連携先[,連携内容][,重み]; or one sheet of an .xlsx), an export (.graphml, .gexf, .json, .cyjs, a nodes.csv + edges.csv folder) or a plain 'u v [w]' edge list. Encodings (UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS/CP932) are detected." + HelpText.validate
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "List which names were merged into one organisation, and why, and which organisations were kept apart as possible duplicates (前株/後株).")
    var merges = false

    @Option(help: "Output format: text, or json (valid, counts, errors and warnings arrays).")
    var format: ValidateFormat = .text

    enum ValidateFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let request = ValidateRequest(input: input.input, merges: merges)
        guard format == .json else { return try Terminal.emit(request.runText()) }
        let (json, valid) = request.runJSON()
        try Terminal.emit(json)
        if !valid { throw ExitCode.failure }
    }
}
