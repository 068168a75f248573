import Foundation
import ArgumentParser
import RenkeiCore
import RenkeiIO

extension ReportFormat: ExpressibleByArgument {}

/// The dataset argument of the commands that need a whole `Dataset` (validate, stats, render,
/// export); the analysis commands take ``GraphInputOptions`` instead.
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, an edge-list CSV file, or a plain edge list (`u v [w]` lines).")
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

/// Writes one line to standard error (notes, warnings, progress summaries); standard output
/// stays for the command's result.
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
