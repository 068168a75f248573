import Foundation
import Testing
import RenkeiCore
import RenkeiIO
@testable import RenkeiApp

/// `ExtractRequest` → `ExtractResult` on the hand-written report of RenkeiIOTests/Fixtures/extract.
@Suite struct ExtractRequestTests {
    static let report = AppFixture.tests.appendingPathComponent("RenkeiIOTests/Fixtures/extract/small_report.txt").path

    @Test func requestGivesTheRowsTheTableAndTheSheet() throws {
        let result = try ExtractRequest(reportPath: Self.report, outputPath: "/tmp/x/sheet.csv").run()
        #expect(result.cases == 2)
        #expect(result.rows.map(\.partner) == ["松本市社会福祉協議会", "公民館", "株式会社みどり商事", "地域の小学校", "浜松市役所", "NPO法人あおぞら"])
        #expect(result.rows.map(\.generic) == [false, true, false, true, false, false])
        #expect(result.rows.map(\.caseNumber) == [1, 1, 1, 1, 2, 2])
        #expect(result.rows[3].status == .planned)
        #expect(result.rows[3].lines == [11])
        // The lead (line 12), media (line 13) and the 団体概要 block (line 16) give no row.
        #expect(!result.rows.contains { $0.partner.contains("ひだまり") || $0.partner.contains("テレビ") || $0.partner.contains("教育委員会") })
        #expect(result.table.columns == ExtractRequest.columns)
        #expect(result.table.rows.count == 6)
        #expect(result.table.rows[2][8] == .number(result.rows[2].confidence))
        #expect(result.item.name == "sheet.csv")
        let text = String(decoding: result.item.bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("事業名,団体名,連携先,種別,連携内容,状態,根拠行,根拠,確信度\r\n"))
        #expect(text.contains("\r\n子育てサロン事業,一般社団法人そよかぜ,浜松市役所,行政,後援,realised,24,・浜松市役所に後援をいただいた。,"))
    }

    @Test func xlsxIsAWorkbookAndOtherExtensionsAreRefused() throws {
        let csv = try ExtractRequest(reportPath: Self.report, outputPath: "s.csv").run()
        let xlsx = try ExtractRequest(reportPath: Self.report, outputPath: "s.xlsx").run()
        #expect(xlsx.rows == csv.rows)
        #expect(xlsx.item.name == "s.xlsx" && Array(xlsx.item.bytes.prefix(2)) == [0x50, 0x4B])  // a zip
        #expect(throws: RequestError.self) { try ExtractRequest(reportPath: Self.report, outputPath: "s.json").run() }
    }

    @Test func aReportWithoutCasesIsAClearError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-cases-\(UUID().uuidString).txt")
        try "ただの文章です。\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do { _ = try ExtractRequest(reportPath: url.path, outputPath: "s.csv").run(); Issue.record("no error") } catch {
            #expect("\(error)".contains("no case found"))
        }
    }
}
