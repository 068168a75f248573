import ArgumentParser
import RenkeiIO

/// `renkei stats PATH [--format table|json|csv]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count organisations by kind, partnerships by relation, projects and connected components."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let dataset = try input.load()
        print(DatasetStatistics(dataset).rendered(as: output.format), terminator: "")
    }
}
