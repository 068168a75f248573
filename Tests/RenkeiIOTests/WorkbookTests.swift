import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The survey as an .xlsx written by openpyxl (Fixtures/sheets/make_survey.py): a title row and a
/// blank row above the header, 重み as numbers, one 年度 as a date, a blank row inside the data.
@Suite struct WorkbookTests {
    static func path(_ name: String) -> String { Fixture.path("sheets/" + name) }

    @Test func theWorkbookGivesTheSameDatasetAsTheCSV() throws {
        #expect(DatasetLoader.kind(of: Self.path("survey.xlsx")) == .workbook)
        let csv = try DatasetLoader.load(path: Self.path("survey_cp932.csv"))
        let xlsx = try DatasetLoader.load(path: Self.path("survey.xlsx"))
        #expect(xlsx.organizations == csv.organizations)
        #expect(xlsx.projects.map(\.id) == csv.projects.map(\.id))
        #expect(xlsx.projects.map(\.lead) == csv.projects.map(\.lead))
        #expect(xlsx.projects.map(\.year) == [2023, 2023, 2024])  // a date cell read as its year
        #expect(xlsx.partnerships.map(\.relations) == csv.partnerships.map(\.relations))
        #expect(xlsx.partnerships.map(\.status) == csv.partnerships.map(\.status))
        #expect(xlsx.partnerships.map(\.weight) == csv.partnerships.map(\.weight))
        #expect(xlsx.partnerships.map(\.note) == csv.partnerships.map(\.note))
        let a = DatasetStatistics(csv).rendered(as: .json), b = DatasetStatistics(xlsx).rendered(as: .json)
        #expect(a.replacingOccurrences(of: "survey_cp932", with: "survey") == b)
    }

    @Test func problemsNameTheSheetAndTheCell() throws {
        let error = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.path("survey.xlsx"), options: LoadOptions(strict: true))
        }
        // 見守り on sheet row 4 (header on row 3), column E (連携内容).
        #expect(error.problems.first?.description == "survey.xlsx:調査票!E4: field '連携内容': unknown relation '見守り'")
        let loaded = try DatasetLoader.loadWithReport(path: Self.path("survey.xlsx"))
        #expect(loaded.warnings.map(\.file).contains("survey.xlsx:調査票!B11"))  // the inferred lead
    }

    @Test func aSheetByName() throws {
        let error = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.path("survey.xlsx"), options: LoadOptions(sheet: "調査"))
        }
        #expect(error.problems.map(\.message) == ["no sheet '調査'; the sheets are: 調査票, メモ (did you mean '調査票'?)"])
        #expect(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.path("survey.xlsx"), options: LoadOptions(sheet: "メモ"))
        }
    }

    @Test func aZipBombFailsWithoutInflating() throws {
        let bytes = try Fixture.bytes("sheets/bomb.xlsx")
        let start = ContinuousClock.now
        let error = try #require(throws: InputError.self) { try XLSXWorkbook(bytes: bytes, file: "bomb.xlsx") }
        let elapsed = ContinuousClock.now - start
        print("zip bomb (512 MB declared) rejected in \(elapsed)")
        #expect(error.problems.first?.message.contains("ZIP bomb") == true)
    }

    /// What the xlsx fuzz target found (Fuzz/corpus/xlsx): a central directory pointing past the
    /// end trapped in ZIPFoundation, and a deflate stream cut short spun for ever. Both are now a
    /// one-line error.
    @Test func fuzzFindsGiveAnErrorNotACrashOrAHang() throws {
        let corpus = Fixture.root.appendingPathComponent("../../../Fuzz/corpus/xlsx").standardizedFileURL
        func message(_ name: String) throws -> String? {
            let bytes = [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
            let error = try #require(throws: InputError.self) { try XLSXWorkbook(bytes: bytes, file: name) }
            return error.problems.first?.message
        }
        #expect(try message("crash-offset-past-end.xlsx") == "not a readable .xlsx workbook (the ZIP archive is damaged: the central directory lies outside the file)")
        #expect(try message("hang-deflate-cut-short.xlsx") == "xl/workbook.xml cannot be unpacked: its CRC-32 does not match (the file is damaged)")
        #expect(try message("truncated.xlsx") == "not a readable .xlsx workbook (the ZIP archive is damaged: no end-of-central-directory record)")
        // The valid workbooks of the corpus, by openpyxl and by our XLSXWriter, still read.
        for name in ["openpyxl-edges.xlsx", "renkei-export.xlsx"] {
            let bytes = [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
            #expect(try XLSXWorkbook(bytes: bytes, file: name).sheets.isEmpty == false)
        }
    }

    @Test func otherSpreadsheetsSayWhatToDo() throws {
        let xls = try #require(throws: InputError.self) { try DatasetLoader.load(path: Self.path("old.xls")) }
        #expect(xls.problems.map(\.description) == ["old.xls: an Excel 97-2003 workbook (.xls) cannot be read; open it in Excel or LibreOffice and save it as .xlsx (Excel workbook) or CSV"])
        let encrypted = try #require(throws: InputError.self) {
            try XLSXWorkbook(bytes: try Fixture.bytes("sheets/old.xls"), file: "secret.xlsx")
        }
        #expect(encrypted.problems[0].message.hasPrefix("the workbook is password-protected"))
        let notZip = try #require(throws: InputError.self) { try XLSXWorkbook(bytes: Array("a,b\n".utf8), file: "x.xlsx") }
        #expect(notZip.problems[0].message.hasPrefix("not an .xlsx workbook"))
    }

    @Test func columnNames() {
        #expect(XLSXWorkbook.columnName(0) == "A")
        #expect(XLSXWorkbook.columnName(25) == "Z")
        #expect(XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.columnName(27) == "AB")
        #expect(XLSXWorkbook.column(ofReference: "AB12") == 27)
    }
}
