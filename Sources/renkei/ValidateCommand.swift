import ArgumentParser
import RenkeiApp

/// `renkei validate PATH [--merges]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load a dataset and report every problem at once (non-zero exit status on errors).",
        discussion: "PATH is a dataset folder (dataset.yaml, organizations.csv, projects.csv, partnerships.csv), an edge-list CSV (source,target[,relations][,weight] or 団体名,連携先[,連携内容][,重み]), a .graphml/.gexf/.json export or a plain 'u v [w]' edge list. Encodings (UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS/CP932) are detected." + HelpText.validate
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "List which names were merged into one organisation, and why.")
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
