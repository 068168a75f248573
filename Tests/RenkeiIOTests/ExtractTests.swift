import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// `renkei extract`: the seed report's cases as tools/find_cases.py finds them, the profile and
/// glyph-map files, and the command on a small hand-written report with hand-known rows.
@Suite struct ExtractTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL
    static let profileFile = root.appendingPathComponent("data/profiles/kodoku-koritsu-2023.yaml").path
    static let glyphFile = root.appendingPathComponent("data/profiles/kodoku-koritsu-2023-glyphs.yaml").path

    /// Runs a Python script of the repository and returns its standard output.
    static func python(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "python3 \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func splittingFindsTheCasesFindCasesFinds() throws {
        let script = Self.root.appendingPathComponent("data/kodoku-koritsu-model-jigyo/tools/find_cases.py").path
        let expected = try Self.python([script, SeedDatasetTests.report.path])
            .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(expected.count == 35)
        let text = try String(contentsOf: SeedDatasetTests.report, encoding: .utf8)
        let cases = try ReportText(text: text, profile: ReportProfileFile.defaultProfile()).cases()
        try #require(cases.count == expected.count)
        for (c, e) in zip(cases, expected) {
            #expect(String(format: "%02d", c.number) == e[0])
            #expect(c.titleLines.map(String.init).joined(separator: ";") == e[1], "case \(c.number)")
            #expect(String(c.leadLine) == e[2], "case \(c.number)")
            #expect(c.lead == e[3], "case \(c.number)")
            #expect(c.title == e[4], "case \(c.number)")
        }
        // Case 30's header is in Kangxi radicals and found only after NFKC (line 5378, the README).
        #expect(cases[29].titleLines == [5378])
        // Sections of case 1 by the profile: 連携方法 opens at line 59 (◆連携方法), 連携先との関わり at 72 (grep -n).
        let headings = cases[0].sections.map { ($0.heading, $0.lines.lowerBound) }
        #expect(headings.contains { $0.0 == "連携方法" && $0.1 == 59 })
        #expect(headings.contains { $0.0 == "連携先との関わり" && $0.1 == 72 })
        #expect(headings.contains { $0.0 == "団体概要" })
    }

    @Test func theEmbeddedProfileIsTheShippedFile() throws {
        let shipped = try String(contentsOf: URL(fileURLWithPath: Self.profileFile), encoding: .utf8)
        #expect(shipped == ReportProfileFile.defaultYAML)
        let p = try ReportProfileFile.read(path: Self.profileFile)
        #expect(p.name == "kodoku-koritsu-2023")
        #expect(p.sections.contains("連携方法") && p.sections.contains("連携先との関わり") && p.sections.contains("継続方法"))
        #expect(p.skippedSections == ["団体概要"])
    }

    @Test func aBadProfileNamesTheFileAndField() {
        let bad = "name: x\ncase_start: '([unclosed'\nlead_line: 'x'\nsectons: [a]\n"
        #expect(throws: InputError.self) { try ReportProfileFile.parse(bad, file: "p.yaml") }
        do { _ = try ReportProfileFile.parse(bad, file: "p.yaml"); Issue.record("no error") } catch {
            let message = "\(error)"
            #expect(message.contains("p.yaml"))
            #expect(message.contains("case_start") && message.contains("not a regular expression"))
            #expect(message.contains("unknown field 'sectons' (did you mean 'sections'?)"))
            #expect(message.contains("missing required field 'sections'"))
        }
    }

    @Test func glyphMapFileParsesAndIsUpToDate() throws {
        let map = try GlyphMapFile.parse("\"\\u0AE3\\u0D9A\": \"福祉\"\n\"\\u0AC5\": 校\n", file: "g.yaml")
        #expect(map.repair("社会\u{0AE3}\u{0D9A}協議会と小学\u{0AC5}") == "社会福祉協議会と小学校")
        let seed = try GlyphMapFile.read(path: Self.glyphFile)
        // Repairs the dataset's README states: ૣක = 福祉, ଃ団 = 財団, ਨ = 北, ৾ૅ = 学校.
        #expect(seed.repair("\u{0AE3}\u{0D9A}") == "福祉")
        #expect(seed.repair("\u{0B03}団") == "財団")
        #expect(seed.repair("\u{0A28}") == "北")
        #expect(seed.repair("\u{09FE}\u{0AC5}") == "学校")
        // The kana fonts are shifted by a constant (ム = U+30E0 written U+5D48, +0x2C68; ぞ = U+305E
        // written U+5CC8, +0x2C6A): code points no repair names are mapped too (ロ = U+30ED + 0x2C68).
        #expect(seed.repair("\u{5D48}") == "ム")
        #expect(seed.repair("\u{5D55}") == "ロ")
        #expect(seed.repair("それ\u{5CC8}れ") == "それぞれ")
        // A real kanji of the dataset's names in the shifted range stays (崎 of 宮崎県, U+5D0E).
        #expect(seed.repair("宮崎") == "宮崎")
        // The committed map is what the script builds from the dataset.
        let script = Self.root.appendingPathComponent("data/profiles/build_glyph_map.py").path
        _ = try Self.python([script, "--check"])
        #expect(throws: InputError.self) { try GlyphMapFile.parse("- a\n- b\n", file: "g.yaml") }
    }

    static let smallReport = Fixture.path("extract/small_report.txt")

    /// The hand-known rows of Fixtures/extract/small_report.txt (lines counted by hand).
    static let expectedRows: [[String]] = [
        ["地域でつながる食堂プロジェクト", "特定非営利活動法人ひだまり", "松本市社会福祉協議会", "社協", "広報・チラシ配布", "realised", "7"],
        ["地域でつながる食堂プロジェクト", "特定非営利活動法人ひだまり", "公民館", "その他", "会場提供", "realised", "8"],
        ["地域でつながる食堂プロジェクト", "特定非営利活動法人ひだまり", "株式会社みどり商事", "企業", "食料・物資提供", "realised", "10"],
        ["地域でつながる食堂プロジェクト", "特定非営利活動法人ひだまり", "地域の小学校", "学校", "共催・協働", "planned", "11"],
        ["子育てサロン事業", "一般社団法人そよかぜ", "浜松市役所", "行政", "後援", "realised", "24"],
        ["子育てサロン事業", "一般社団法人そよかぜ", "NPO法人あおぞら", "NPO", "講師派遣", "realised", "25"],
    ]

    @Test func extractCommandWritesTheReviewSheetTheLoaderReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = dir.appendingPathComponent("sheet.csv").path
        let r = try runRenkei(["extract", Self.smallReport, "--out", sheet])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sheet)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
        var problems: [InputProblem] = []
        let table = try #require(CSVTable.parse(bytes: bytes, file: "sheet.csv", problems: &problems))
        #expect(problems.isEmpty)
        #expect(table.header == ["事業名", "団体名", "連携先", "種別", "連携内容", "状態", "根拠行", "根拠", "確信度"])
        #expect(table.records.map { Array($0.fields.prefix(7)) } == Self.expectedRows)
        #expect(table.records[0].fields[7] == "・松本市社会福祉協議会:チラシを配布していただいた。")
        // A sentence wrapped over two lines is one 根拠.
        #expect(table.records[3].fields[7] == "・次年度は地域の小学校と共催でイベントを行う予定である。")
        for rec in table.records { #expect(Double(rec.fields[8]).map { $0 > 0 && $0 < 1 } == true) }

        // Today's edge-list loader reads 団体名, 連携先 and 連携内容 from the sheet.
        let loaded = try DatasetLoader.load(path: sheet)
        let names = Dictionary(uniqueKeysWithValues: loaded.organizations.map { ($0.id, $0.fullName) })
        let edges = loaded.partnerships.map { [names[$0.source]!, names[$0.target]!, $0.relations.map(\.japanese).joined(separator: ";")] }
        // Names are kept as written, legal form included (issue 12).
        #expect(edges == Self.expectedRows.map { [$0[1], $0[2], $0[4]] })
    }

    @Test func xlsxSheetLoadsLikeTheCSVAndUnknownExtensionsGiveAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-extract-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/sheet.csv", xlsx = dir + "/sheet.xlsx"
        #expect(try runRenkei(["extract", Self.smallReport, "--out", csv]).status == 0)
        let r = try runRenkei(["extract", Self.smallReport, "--out", xlsx])
        #expect(r.status == 0, "\(r.stderr)")
        // The workbook is a zip (PK) whose one sheet loads with the same partners and relations.
        let bytes = try #require(FileManager.default.contents(atPath: xlsx))
        #expect(Array(bytes.prefix(2)) == [0x50, 0x4B])
        func pairs(_ path: String) throws -> [[String]] {
            let d = try DatasetLoader.load(path: path)
            let names = Dictionary(uniqueKeysWithValues: d.organizations.map { ($0.id, $0.fullName) })
            return d.partnerships.map { [names[$0.source]!, names[$0.target]!, $0.relations.map(\.id).joined(separator: ";"), $0.status.rawValue] }
        }
        #expect(try pairs(xlsx) == pairs(csv))
        #expect(try pairs(csv).count == Self.expectedRows.count)
        let t = try runRenkei(["extract", Self.smallReport, "--out", dir + "/never-written.txt"])
        #expect(t.status != 0)
        #expect(t.stderr.contains(".csv or .xlsx"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/never-written.txt"))
    }
}
