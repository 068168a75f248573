import ArgumentParser
import RenkeiApp

/// `renkei stats PATH [--format table|json|csv]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count organisations by kind, partnerships by relation, projects and connected components.",
        discussion: HelpText.stats
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        try Terminal.emit(StatsRequest(input: input.input).run().rendered(as: output.format, rawCells: output.rawCells))
    }
}
