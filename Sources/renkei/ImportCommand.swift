import ArgumentParser
import RenkeiApp
import RenkeiIO

/// `renkei import SHEET --out DIR`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the dataset folder equivalent to one sheet (or any PATH).",
        discussion: "Reads SHEET as every command does (an edge-list CSV with 事業名, 主催団体, 団体名, 連携先, 連携内容, 状態 … columns, or any other PATH) and writes dataset.yaml, organizations.csv, projects.csv and partnerships.csv into DIR, which must be empty or not exist." + HelpText.examples("renkei import survey.csv --out survey-dataset/", "renkei import survey.xlsx --sheet 回答 --out survey-dataset/")
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The folder to write (empty or new).")
    var out: String

    func run() throws {
        let result = try ImportRequest(input: input.input).run()
        Terminal.warn(result.warnings)
        try OutputWriter.write(result.files, into: out, requireEmpty: true)
        Terminal.note("wrote \(out): \(result.summary)")
    }
}
