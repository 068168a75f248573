import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The workbook writer, read back by our reader (openpyxl and LibreOffice read the export in
/// Tests/interop/check_exports.py).
@Suite struct XLSXWriterTests {
    @Test func cellsComeBackAsWritten() throws {
        let sheet = XLSXSheet(name: "連携", columns: ["名称", "重み"],
                              rows: [[.text("=HYPERLINK(\"x\")"), .number(1.5)], [.text("ﾌｰﾄﾞ & <社協>"), .number(2)], [.empty, .text("")]])
        let bytes = XLSXWriter.workbook([sheet, XLSXSheet(name: "空", columns: [], rows: [])])
        let book = try XLSXWorkbook(bytes: bytes, file: "t.xlsx")
        #expect(book.sheets.map(\.name) == ["連携", "空"])
        let rows = book.sheets[0].rows
        #expect(rows.map { $0.fields(count: 2) } == [["名称", "重み"], ["=HYPERLINK(\"x\")", "1.5"], ["ﾌｰﾄﾞ & <社協>", "2"]])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<f>"))
        #expect(XLSXWriter.workbook([sheet]) == XLSXWriter.workbook([sheet]))  // deterministic
    }

    @Test func widthsCountJapaneseTwice() {
        #expect(XLSXWriter.width("abc") == 3)
        #expect(XLSXWriter.width("社協") == 4)
        #expect(XLSXWriter.width("ＡＢ") == 4)
    }

    @Test func theSeedDatasetExportHasEveryOrganisationAndPartnership() throws {
        let d = try DatasetLoader.load(path: Fixture.seedDataset)
        let files = try NetworkExport.render(d, format: .xlsx)
        let book = try XLSXWorkbook(bytes: files[0].bytes, file: "seed.xlsx")
        #expect(book.sheets.map(\.name) == ["団体", "連携", "事業", "よく連携する機関"])
        #expect(book.sheets[0].rows.count == 336 + 1)  // the seed README: 336 organisations
        #expect(book.sheets[1].rows.count == 321 + 1)  // 321 partnerships
        #expect(book.sheets[2].rows.count == 35 + 1)   // 35 projects
        #expect(book.sheets[0].rows[1].cells[1] == "WATALIS")
    }
}
