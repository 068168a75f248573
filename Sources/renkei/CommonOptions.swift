import ArgumentParser
import RenkeiCore
import RenkeiIO

extension ReportFormat: ExpressibleByArgument {}

/// The dataset argument every reading command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder or a single edge-list CSV file.")
    var path: String

    func load() throws -> Dataset {
        try DatasetLoader.load(path: path)
    }
}

/// `--format table|json|csv`.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: ReportFormat = .table
}
