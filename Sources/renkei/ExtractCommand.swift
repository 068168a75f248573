import ArgumentParser
import RenkeiApp
import RenkeiIO

/// `renkei extract`: proposes the partnerships of a project report as a review sheet.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose the partnerships of a project report as a review sheet.",
        discussion: """
        Reads REPORT (text extracted from a report's PDF), finds its cases and sections by a report \
        profile, and writes one row per proposed partnership: 事業名, 団体名, 連携先, 種別, 連携内容, 状態, \
        根拠行 (the report lines), 根拠 (the sentence) and 確信度 (0-1). The sheet is UTF-8 CSV with a \
        byte-order mark for Excel; rows a reviewer keeps load with every command. Without --profile the \
        profile of the 孤独・孤立対策モデル事業 report is used (data/profiles/kodoku-koritsu-2023.yaml \
        shows the format). --glyph-map names a YAML map of wrongly extracted characters to the text they \
        stand for (data/profiles/kodoku-koritsu-2023-glyphs.yaml is the seed report's).

        Examples:
          renkei extract ../shared/seeds/000_1143c6004f43cb1f.txt --glyph-map data/profiles/kodoku-koritsu-2023-glyphs.yaml --out review.xlsx
          renkei extract report.txt --profile my-profile.yaml --out review.csv
        """
    )

    @Argument(help: "The report's text file.")
    var report: String
    @Option(help: "The review sheet to write: .csv (UTF-8 with BOM, for Excel) or .xlsx.")
    var out: String
    @Option(help: "A report profile (YAML): case-header pattern and section headings.")
    var profile: String?
    @Option(help: "A glyph map (YAML): wrong code point -> intended text.")
    var glyphMap: String?

    func run() throws {
        let request = ExtractRequest(reportPath: report, outputPath: out, profilePath: profile, glyphMapPath: glyphMap)
        let result = try request.run()
        try OutputWriter.write(result.item.bytes, to: out)
        Terminal.note("\(result.rows.count) proposed partnerships in \(result.cases) cases written to \(out)")
    }
}
