import ArgumentParser
import Foundation
import RenkeiApp
import RenkeiIO

extension ReportPageFormat: ExpressibleByArgument {}

/// `renkei report PATH --out DIR [--format html|md]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one offline, interactive report page (index.html) in Japanese.",
        discussion: HelpText.report
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Output folder; it receives index.html (or index.md and its SVGs with --format md).")
    var out: String
    @Option(help: "html (one self-contained page) or md (Markdown with the SVGs beside it).")
    var format: ReportPageFormat = .html
    @Option(help: "Community detection runs for the stability figures (NMI/ARI).")
    var runs: Int = 10
    @Option(help: "Seed of community detection and of the layouts.")
    var seed: UInt64 = 1
    @Option(help: "Organisations per ranking in the broker and hub section.")
    var top: Int = 10

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let request = ReportRequest(input: input.input, date: Self.today(), format: format, runs: runs, seed: seed,
                                    top: top, progress: Terminal.progress("report"))
        let page = try request.run()
        Terminal.warn(page.warnings)
        try OutputWriter.write(page.files, into: out)
        let index = (out as NSString).appendingPathComponent(format == .html ? "index.html" : "index.md")
        Terminal.note("wrote the report to \(index)")
    }

    /// Today's date as YYYY-MM-DD in the local time zone.
    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
