import Foundation
import RenkeiCore
import RenkeiIO

/// `renkei extract`: proposes the partnerships of a project report as a review sheet.
public struct ExtractRequest: Sendable {
    /// The sheet's file type, from the output file's extension.
    public enum SheetFormat: String, Sendable { case csv, xlsx }

    public var reportPath: String
    /// The output file; its extension picks the format (.csv; .xlsx not yet available).
    public var outputPath: String
    /// A report profile file; nil for the seed report's default.
    public var profilePath: String?
    /// A glyph map file; nil for NFKC only.
    public var glyphMapPath: String?

    public init(reportPath: String, outputPath: String, profilePath: String? = nil, glyphMapPath: String? = nil) {
        self.reportPath = reportPath
        self.outputPath = outputPath
        self.profilePath = profilePath
        self.glyphMapPath = glyphMapPath
    }

    /// The review sheet's columns, in the one-sheet format.
    public static let columns = ["事業名", "団体名", "連携先", "種別", "連携内容", "状態", "根拠行", "根拠", "確信度"]

    /// The format an output path asks for.
    public static func format(of path: String) throws -> SheetFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let f = SheetFormat(rawValue: ext) else {
            throw RequestError("cannot write a review sheet to '\(path)': the file name must end in .csv or .xlsx")
        }
        return f
    }

    public func run() throws -> ExtractResult {
        let format = try Self.format(of: outputPath)
        let profile = try profilePath.map(ReportProfileFile.read(path:)) ?? ReportProfileFile.defaultProfile()
        let glyphs = try glyphMapPath.map(GlyphMapFile.read(path:)) ?? .none
        let text = try ReportFile.read(path: reportPath)
        let report = ReportText(text: text, profile: profile, glyphs: glyphs)
        let cases = try report.cases()
        if cases.isEmpty {
            throw RequestError("no case found in '\(reportPath)': no line matches the profile '\(profile.name)' (a case-start line below a lead line)")
        }
        let rows = try ReportExtractor.extract(report)
        let table = Self.table(rows)
        let name = (outputPath as NSString).lastPathComponent
        let bytes = format == .xlsx ? Self.xlsxBytes(table) : Self.csvBytes(table)
        return ExtractResult(cases: cases.count, rows: rows, table: table, item: OutputItem(name: name, bytes: bytes))
    }

    /// The neutral review table: one row per proposal, the columns of ``columns``.
    public static func table(_ rows: [ProposedPartnership]) -> ReportTable {
        var t = ReportTable(columns: columns)
        for r in rows {
            t.append([.text(r.project), .text(r.lead), .text(r.partner), .text(r.kind),
                      .text(r.relations.map(\.japanese).joined(separator: ";")), .text(r.status.rawValue),
                      .text(r.lines.map(String.init).joined(separator: ";")),
                      .text(r.sentences.joined(separator: " / ")), .number(r.confidence)])
        }
        return t
    }

    /// A cell as sheet text: numbers (the confidence) with two decimals.
    static func text(_ cell: ReportValue) -> String {
        switch cell {
        case .text(let s): return s
        case .number(let d): return ReportValue.fixed(d, digits: 2)
        case .percent(let d): return ReportValue.percent(d)
        case .integer(let i): return String(i)
        case .flag(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends; text that a spreadsheet would
    /// read as a formula gets the leading apostrophe the CSV reader removes again.
    public static func csvBytes(_ table: ReportTable) -> [UInt8] {
        var out = CSVWriter.line(table.columns, crlf: true)
        for row in table.rows {
            out += CSVWriter.line(row.map { cell in
                if case .text(let s) = cell { return CSVWriter.guarded(s) }
                return text(cell)
            }, crlf: true)
        }
        return [0xEF, 0xBB, 0xBF] + Array(out.utf8)
    }

    /// The review sheet as a one-sheet workbook (sheet レビュー), the confidence as a number.
    public static func xlsxBytes(_ table: ReportTable) -> [UInt8] {
        let rows = table.rows.map { row in
            row.map { cell -> XLSXCell in
                if case .number(let d) = cell { return .number(d) }
                let t = text(cell)
                return t.isEmpty ? .empty : .text(t)
            }
        }
        return XLSXWriter.workbook([XLSXSheet(name: "レビュー", columns: table.columns, rows: rows)])
    }
}

/// What `renkei extract` produced: the proposals, the review table and the file to write.
public struct ExtractResult: Sendable {
    /// How many cases the profile found.
    public var cases: Int
    public var rows: [ProposedPartnership]
    /// The sheet as a neutral table (columns and rows of texts and numbers).
    public var table: ReportTable
    /// The sheet's bytes, named after the output file.
    public var item: OutputItem
}
