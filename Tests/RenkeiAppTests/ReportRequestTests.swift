import Foundation
import Testing
import RenkeiApp
import RenkeiCore
import RenkeiIO

/// The report page on the hand-built dataset (two projects: p1 led by WATALIS with partners 亘理町,
/// 亘理町社会福祉協議会, 地域の保育園 and 共生地域創造財団; p2 led by わんず with 亘理町社会福祉協議会).
@Suite struct ReportRequestTests {
    func html(_ input: DatasetInput = AppFixture.good) throws -> String {
        let page = try ReportRequest(input: input, date: "2026-01-02", runs: 3).run()
        #expect(page.files.map(\.name) == ["index.html"])
        return String(decoding: page.files[0].bytes, as: UTF8.self)
    }

    @Test func namesTheDatasetAndDateAndIsSelfContained() throws {
        let h = try html()
        #expect(h.contains("<title>連携レポート：テストデータ</title>"))
        #expect(h.contains("作成日: <time>2026-01-02</time>"))
        // Nothing to fetch: no external scripts, styles, images or links.
        for s in ["<link", "src=", "https://", "url("] { #expect(!h.contains(s), "page contains \(s)") }
        #expect(h.components(separatedBy: "<svg").count - 1 == 1 + 1 + 1 + 2) // heatmap, network, sectors, 2 projects
    }

    @Test func partnerTablesCountProjectsAndShares() throws {
        let h = try html()
        // 社協 partners both projects (100.0%), 財団 one of two (50.0%).
        #expect(h.contains("<tr data-kinds=\"社協\" data-rels=\"venue endorsement information-sharing\"><td>社協</td><td class=\"n\" data-v=\"2\">2</td><td class=\"n\" data-v=\"1.0\">100.0%</td>")
            || h.contains("<td>社協</td><td class=\"n\" data-v=\"2\">2</td><td class=\"n\" data-v=\"1.0\">100.0%</td>"))
        #expect(h.contains("<td>財団</td><td class=\"n\" data-v=\"1\">1</td><td class=\"n\" data-v=\"0.5\">50.0%</td>"))
    }

    @Test func searchKeysCoverEverySpelling() throws {
        let h = try html()
        let start = try #require(h.range(of: "<script type=\"application/json\" id=\"renkei-data\">"))
        let end = try #require(h.range(of: "</script>", range: start.upperBound..<h.endIndex))
        let data = try JSONSerialization.jsonObject(with: Data(h[start.upperBound..<end.lowerBound].utf8)) as! [String: Any]
        let orgs = data["orgs"] as! [String: [String: Any]]
        let shakyo = try #require(orgs["watari-shakyo"])
        let keys = shakyo["keys"] as! [String]
        // 亘理町社協 and わたり社協 (aliases) are found as their 社会福祉協議会 spellings.
        #expect(keys.contains("亘理町社会福祉協議会"))
        #expect(keys.contains("わたり社会福祉協議会"))
        #expect(shakyo["p"] as! [String] == ["p1", "p2"])
        #expect((shakyo["partners"] as! [[String]]).map { $0[0] } == ["watalis", "wanzu"])
        // WATALIS in full-width letters folds to the same key.
        #expect((orgs["watalis"]!["keys"] as! [String]).contains("watalis"))
        #expect(ReportFacts.fold("ＷＡＴＡＬＩＳ") == "watalis")
    }

    @Test func markdownHasTheSameFactsAndTheSVGs() throws {
        let page = try ReportRequest(input: AppFixture.good, date: "2026-01-02", format: .md, runs: 2).run()
        #expect(Set(page.files.map(\.name)) == ["index.md", "heatmap.svg", "network.svg", "sectors.svg", "project-p1.svg", "project-p2.svg"])
        let md = String(decoding: page.files[0].bytes, as: UTF8.self)
        #expect(md.contains("| 社協 | 2 | 100.0% |"))
        #expect(md.contains("作成日: 2026-01-02"))
        #expect(md.contains("![連携ネットワーク](network.svg)"))
    }

    @Test func deterministic() throws {
        #expect(try html() == html())
    }
}
