import Foundation
import Testing
import ZIPFoundation
import RenkeiCore
@testable import RenkeiIO

/// The streaming workbook reader (`CompactEdgeList.read(workbook:)`) against the general one
/// (`EdgeListLoader.loadWorkbook`, a document tree per part) on workbooks written part by part
/// here the way Excel and openpyxl write them: where the fast reader takes one, everything must
/// be identical; where it declines, the general reader's messages are what the user sees.
@Suite struct XLSXEdgeListTests {
    /// A workbook of one sheet `sheet` (the worksheet XML's `<sheetData>` content), with the
    /// shared strings `shared` (each an `<si>`'s content) and a cell style 1 with a date format.
    func workbook(_ sheetData: String, shared: [String] = [], sheetName: String = "Sheet1",
                  more: [(String, String)] = []) throws -> String {
        let sheets = ([sheetName] + more.map(\.0)).enumerated().map { i, n in
            "<sheet name=\"\(n)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        let rels = (0...more.count).map { i in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }.joined()
        func sheetXML(_ data: String) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:C9\"/><sheetData>\(data)</sheetData><rowBreaks count=\"0\"/></worksheet>"
        }
        var parts: [(String, String)] = [
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheets)</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"),
            ("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"),
            ("xl/worksheets/sheet1.xml", sheetXML(sheetData)),
        ]
        for (i, m) in more.enumerated() { parts.append(("xl/worksheets/sheet\(i + 2).xml", sheetXML(m.1))) }
        if !shared.isEmpty {
            parts.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(shared.count)\">"
                + shared.map { "<si>\($0)</si>" }.joined() + "</sst>"))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("book.xlsx")
        try archive.data!.write(to: url)
        return url.path
    }

    /// Asserts that the fast reader takes the workbook and gives the general reader's dataset.
    @discardableResult
    func expectSame(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CompactEdgeList {
        let general = try DatasetLoader.checkedNames(EdgeListLoader.loadWorkbook(path: path, vocabulary: .standard, strict: false, sheet: nil), file: path)
        let compact = try #require(CompactEdgeList.read(workbook: path), "the fast reader declined \(path)", sourceLocation: sourceLocation)
        let fast = compact.loadedDataset()
        #expect(fast.dataset.organizations == general.dataset.organizations, sourceLocation: sourceLocation)
        #expect(fast.dataset.partnerships == general.dataset.partnerships, sourceLocation: sourceLocation)
        #expect(fast.dataset.metadata == general.dataset.metadata, sourceLocation: sourceLocation)
        #expect(fast.merges == general.merges, sourceLocation: sourceLocation)
        #expect(fast.warnings == general.warnings, sourceLocation: sourceLocation)
        #expect(fast.encodings.map(\.file) == general.encodings.map(\.file), sourceLocation: sourceLocation)
        #expect(compact.statistics == DatasetStatistics(general.dataset), sourceLocation: sourceLocation)
        for merges in [false, true] {
            #expect(compact.validationReport(merges: merges) == general.validationReport(merges: merges), sourceLocation: sourceLocation)
        }
        return compact
    }

    func expectDeclined(_ path: String, problem: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CompactEdgeList.read(workbook: path) == nil, "the fast reader took \(path)", sourceLocation: sourceLocation)
        do {
            _ = try DatasetLoader.loadWithReport(path: path)
            Issue.record("\(path) loaded; expected a problem", sourceLocation: sourceLocation)
        } catch let e as InputError {
            #expect(e.description.contains(problem), "\(e.description)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    /// As Excel writes it: shared strings with phonetic guides (`rPh`) and rich-text runs, an
    /// entity, a styled header, numeric weights (`2`, `1.5`, `3.0`), cells without `r`, a
    /// formula's string result, a row of spaces and a gap in the row numbers.
    @Test func sharedStringsPhoneticRunsAndNumbers() throws {
        let shared = ["<t>団体名</t>", "<t>連携先</t>", "<t>重み</t>",
                      "<t>北区社協</t><rPh sb=\"0\" eb=\"2\"><t>キタク</t></rPh><phoneticPr fontId=\"1\"/>",
                      "<r><rPr><b/></rPr><t>ＮＰＯ法人</t></r><r><t xml:space=\"preserve\">　わんず </t></r>",
                      "<t>東京都北区社会福祉協議会</t>", "<t>A&amp;B &#x30AB;フェ</t>", "<t xml:space=\"preserve\">   </t>"]
        let rows = """
        <row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c></row>\
        <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>2</v></c></row>\
        <row r="3"><c t="s"><v>5</v></c><c t="s"><v>6</v></c><c><v>1.5</v></c></row>\
        <row r="4"><c r="A4" t="s"><v>7</v></c></row>\
        <row r="6"><c r="A6" t="s"><v>6</v></c><c r="B6" t="str"><f>A2</f><v>北区社協</v></c><c r="C6"><v>3.0</v></c></row>\
        <row r="7"/>
        """
        let path = try workbook(rows, shared: shared)
        let compact = try expectSame(path)
        #expect(compact.partnershipCount == 3)
        #expect(compact.lines == [2, 3, 6])
        #expect(compact.weights == [2, 1.5, 3])
        #expect(compact.encoding == nil)
        // 北区社協 and 東京都北区社会福祉協議会 are one organisation; the phonetic guide is not text.
        #expect(compact.organizations.count == 3)
        #expect(compact.organizations.contains { $0.name == "A&B カフェ" })
        #expect(!compact.organizations.contains { $0.name.contains("キタク") })
    }

    /// The ZIP checksum against published values: the CRC catalogue's check value for
    /// "123456789", the well-known pangram's, and (from Python's `zlib.crc32`) 1,036 bytes read in
    /// pieces that cut the eight-byte steps anywhere.
    @Test func zipChecksumMatchesPublishedValues() {
        #expect(ZipChecksum.of([]) == 0)
        #expect(ZipChecksum.of(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipChecksum.of(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        let long = (0..<4).flatMap { _ in (0...255).map { UInt8($0) } } + Array("連携renkei".utf8)
        #expect(long.count == 1036 && ZipChecksum.of(long) == 0x22D2_32AE)
        for cut in [1, 3, 7, 8, 9, 500, 1035] {
            let a = Array(long[..<cut]), b = Array(long[cut...])
            let crc = b.withUnsafeBytes { tail in a.withUnsafeBytes { ZipChecksum.update(ZipChecksum.update(0, $0), tail) } }
            #expect(crc == 0x22D2_32AE, "cut at \(cut)")
        }
    }

    /// A name met again — the same shared string on later rows, in the other column, or the same
    /// bytes as an inline string on the next row — is the same organisation, as the general
    /// reader finds it (the fast reader looks each shared string and each repeated cell up once).
    @Test func repeatedCellsAreOneOrganisation() throws {
        let shared = ["<t>source</t>", "<t>target</t>", "<t>団体A</t>", "<t>団体B</t>", "<t>団体C</t>"]
        func s(_ col: String, _ row: Int, _ k: Int) -> String { "<c r=\"\(col)\(row)\" t=\"s\"><v>\(k)</v></c>" }
        func inline(_ col: String, _ row: Int, _ text: String) -> String {
            "<c r=\"\(col)\(row)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }
        let rows = [
            "<row r=\"1\">" + s("A", 1, 0) + s("B", 1, 1) + "</row>",
            "<row r=\"2\">" + s("A", 2, 2) + s("B", 2, 3) + "</row>",
            "<row r=\"3\">" + s("A", 3, 2) + inline("B", 3, "団体C") + "</row>",
            "<row r=\"4\">" + inline("A", 4, "団体A") + s("B", 4, 3) + "</row>",
            "<row r=\"5\">" + s("A", 5, 3) + s("B", 5, 2) + "</row>",
            "<row r=\"6\">" + inline("A", 6, "団体A") + inline("B", 6, "団体C") + "</row>",
            "<row r=\"7\">" + inline("A", 7, "団体A") + s("B", 7, 4) + "</row>",
            "<row r=\"8\">" + inline("A", 8, "団体B") + inline("B", 8, "団体C") + "</row>",
        ].joined()
        let compact = try expectSame(try workbook(rows, shared: shared))
        #expect(compact.partnershipCount == 7)
        #expect(compact.lines == [2, 3, 4, 5, 6, 7, 8])
        #expect(compact.organizations.map(\.name).sorted() == ["団体A", "団体B", "団体C"])
    }

    /// Inline strings as openpyxl (and Renkei's own writer) write them, names starting with `=`
    /// (a workbook has no formula guard to remove) and a weight written as text.
    @Test func inlineStringsAsWritten() throws {
        let bytes = XLSXWriter.workbook([XLSXSheet(name: "連携", columns: ["source", "target", "weight"], rows: [
            ["団体A", "団体B", .number(2)], ["'=団体C", "団体A", "4"], ["団体B", "団体C", .empty],
        ])])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("written.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let compact = try expectSame(path)
        #expect(compact.weights == [2, 4, 1])
        #expect(compact.organizations.contains { $0.name == "'=団体C" })
    }

    /// What the fast reader leaves to the general one, which reports it by sheet and cell or
    /// reads it: a date in the weight column, an empty target, a dataset workbook, a relations column.
    @Test func declinedWorkbooks() throws {
        let header = "<row r=\"1\"><c t=\"inlineStr\"><is><t>source</t></is></c><c t=\"inlineStr\"><is><t>target</t></is></c><c t=\"inlineStr\"><is><t>weight</t></is></c></row>"
        let date = try workbook(header + "<row r=\"2\"><c t=\"inlineStr\"><is><t>団体A</t></is></c><c t=\"inlineStr\"><is><t>団体B</t></is></c><c s=\"1\"><v>45000</v></c></row>")
        expectDeclined(date, problem: "Sheet1!C2")
        let empty = try workbook(header + "<row r=\"2\"><c t=\"inlineStr\"><is><t>団体A</t></is></c><c r=\"C2\"><v>2</v></c></row>")
        expectDeclined(empty, problem: "Sheet1!B2")
        let boolean = try workbook(header + "<row r=\"2\"><c t=\"inlineStr\"><is><t>団体A</t></is></c><c t=\"b\"><v>1</v></c></row>")
        #expect(CompactEdgeList.read(workbook: boolean) == nil)
        let relations = try workbook("<row r=\"1\"><c t=\"inlineStr\"><is><t>source</t></is></c><c t=\"inlineStr\"><is><t>target</t></is></c><c t=\"inlineStr\"><is><t>relations</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>団体A</t></is></c><c t=\"inlineStr\"><is><t>団体B</t></is></c><c t=\"inlineStr\"><is><t>後援</t></is></c></row>")
        #expect(CompactEdgeList.read(workbook: relations) == nil)
        #expect(try DatasetLoader.loadWithReport(path: relations).dataset.partnerships.first?.relations.map(\.id) == ["endorsement"])
        let dataset = try workbook("<row r=\"1\"><c t=\"inlineStr\"><is><t>ID</t></is></c></row>", sheetName: "団体",
                                   more: [("連携", "<row r=\"1\"><c t=\"inlineStr\"><is><t>source</t></is></c></row>")])
        #expect(CompactEdgeList.read(workbook: dataset) == nil)
    }
}
