import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

private func problems(loading relative: String) -> [InputProblem] {
    do {
        _ = try DatasetLoader.load(path: Fixture.path(relative))
        Issue.record("\(relative) loaded, expected problems")
        return []
    } catch let e as InputError {
        return e.problems
    } catch {
        Issue.record("unexpected \(error)")
        return []
    }
}

/// `file:line field` keys of problems, for set comparisons.
private func keys(_ ps: [InputProblem]) -> [String] {
    ps.map { "\($0.file):\($0.line.map(String.init) ?? "-"):\($0.field ?? "")" }
}

@Suite struct DatasetLoaderTests {
    // MARK: Edge-list CSVs

    @Test func shiftJISEdgeListWithJapaneseHeadersLoads() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Fixture.path("encodings/sjis_japanese_headers.csv"))
        let d = loaded.dataset
        #expect(loaded.encodings.first?.encoding == .shiftJIS)
        #expect(d.partnerships.count == 5)
        // 北区社協 / 東京都北区社会福祉協議会 / 北区社会福祉協議会 → one; NPO法人わんず twice → one.
        #expect(d.organizations.map(\.id) == [
            "北区社会福祉協議会", "わんず", "地域の保育園", "亘理町教育委員会", "髙﨑製作所", "サロン1「いこい」,北区",
            "改行入りの\"団体\"",
        ])
        let shakyo = try #require(d.organization(id: "北区社会福祉協議会"))
        #expect(shakyo.kind.id == "社協")
        #expect(shakyo.municipality == "北区")
        #expect(shakyo.prefecture == "東京都")
        let wanzu = try #require(d.organization(id: "わんず"))
        #expect(wanzu.legalForm == "特定非営利活動法人")
        #expect(wanzu.kind.id == "NPO")
        #expect(d.organization(id: "髙﨑製作所")?.legalForm == "株式会社")
        #expect(d.organization(id: "髙﨑製作所")?.kind.id == "企業")
        #expect(d.organization(id: "地域の保育園")?.generic == true)
        #expect(d.organization(id: "亘理町教育委員会")?.kind.id == "行政")
        let first = d.partnerships[0]
        #expect(first.relations.map(\.id) == ["endorsement", "venue"])
        #expect(first.weight == 2)
        #expect(d.partnerships[1].weight == 1)
        #expect(d.partnerships[3].weight == 1.5)
        #expect(first.evidence == [SourceReference(document: "sjis_japanese_headers.csv", line: 2)])
        // The quoted field with an embedded newline starts on line 6.
        #expect(d.partnerships[4].evidence.first?.line == 6)
        #expect(Set(loaded.merges.map(\.spelling)).isSuperset(of: ["北区社協", "東京都北区社会福祉協議会", "北区社会福祉協議会"]))
    }

    @Test(arguments: ["encodings/utf8.csv", "encodings/utf8_bom.csv", "encodings/utf16le_bom.csv",
                      "encodings/utf16be_bom.csv", "encodings/utf8_lf.csv"])
    func everyEncodingGivesTheSameDataset(_ file: String) throws {
        let reference = try DatasetLoader.load(path: Fixture.path("encodings/sjis_japanese_headers.csv"))
        let d = try DatasetLoader.load(path: Fixture.path(file))
        #expect(d.organizations == reference.organizations)
        #expect(d.partnerships.map { [$0.source, $0.target] } == reference.partnerships.map { [$0.source, $0.target] })
        #expect(d.partnerships.map(\.weight) == reference.partnerships.map(\.weight))
    }

    @Test func threeSpellingsOfKitaShakyoBecomeOneShakyo() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Fixture.path("kita_shakyo.csv"))
        let shakyo = loaded.dataset.organizations.filter { $0.kind.id == "社協" }
        #expect(shakyo.count == 1)
        #expect(shakyo.first?.municipality == "北区")
        #expect(loaded.dataset.partnerships.allSatisfy { $0.source == "北区社会福祉協議会" })
        let report = loaded.validationReport(merges: true)
        #expect(report.contains("北区社協: 社協 = 社会福祉協議会 at kita_shakyo.csv:2"))
        #expect(report.contains("東京都北区社会福祉協議会: 東京都 written before the municipality at kita_shakyo.csv:4"))
    }

    @Test func englishHeaders() throws {
        let d = try DatasetLoader.load(path: Fixture.path("edges_english.csv"))
        #expect(d.organizations.map(\.id) == ["A NPO", "B School", "C Office", "D Company", "E Club"])
        #expect(d.partnerships.map(\.weight) == [1, 2, 1])
        #expect(d.partnerships[0].relations.map(\.japanese) == ["会場提供", "後援"])
    }

    @Test func plainWhitespaceEdgeList() throws {
        let d = try DatasetLoader.load(path: Fixture.path("plain_edges.txt"))
        #expect(d.organizations.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(d.organizations.allSatisfy { $0.kind.id == "その他" })
        #expect(d.partnerships.map(\.weight) == [2, 1, 0.5, 1])
        #expect(d.partnerships.map { $0.evidence.first?.line } == [2, 3, 5, 6])
    }

    // MARK: Bad edge lists

    @Test func unterminatedQuoteOnLine3() {
        let ps = problems(loading: "bad/unterminated_quote.csv")
        #expect(ps.count == 1)
        #expect(ps.first?.line == 3)
        #expect(ps.first?.description.contains("unterminated_quote.csv:3") == true)
        #expect(ps.first?.message.contains("line 3") == true)
    }

    @Test func undecodableBytes() {
        let ps = problems(loading: "bad/undecodable.csv")
        #expect(keys(ps) == ["undecodable.csv:3:"])
        #expect(problems(loading: "bad/broken_utf8.csv").first?.line == 4)
    }

    @Test func raggedRows() {
        let ps = problems(loading: "bad/ragged.csv")
        #expect(keys(ps) == ["ragged.csv:3:", "ragged.csv:4:"])
        #expect(ps[0].message.contains("expected 3 fields") && ps[0].message.contains("found 2"))
    }

    @Test func missingTargetColumn() {
        let ps = problems(loading: "bad/no_target.csv")
        #expect(keys(ps) == ["no_target.csv:1:target"])
    }

    /// Strict: an unknown relation word is an error (by default it is a dataset-local relation).
    @Test func badEdgeValuesAreAllReported() throws {
        let ps = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Fixture.path("bad/edge_values.csv"), options: LoadOptions(strict: true))
        }.problems
        try #require(ps.count == 7)
        #expect(keys(ps) == [
            "edge_values.csv:2:weight", "edge_values.csv:3:weight", "edge_values.csv:4:weight",
            "edge_values.csv:5:relations", "edge_values.csv:6:target", "edge_values.csv:7:source",
            "edge_values.csv:8:target",
        ])
        #expect(ps[3].message.contains("did you mean '会場提供'"))
        #expect(ps[4].message.contains("self-loop"))
        #expect(ps[6].message.contains("same organisation"))
    }

    @Test func badPlainEdgeList() {
        #expect(keys(problems(loading: "bad/plain_bad.txt")) == ["plain_bad.txt:2:", "plain_bad.txt:3:target", "plain_bad.txt:4:weight"])
    }

    // MARK: Folders

    @Test func goodFolder() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Fixture.path("folders/good"))
        let d = loaded.dataset
        #expect(d.metadata == DatasetMetadata(name: "テストデータ", description: "連携の小さな例", source: "report.txt", licence: "CC BY 4.0"))
        #expect(d.vocabulary.kind(named: "財団")?.english == "foundation")
        #expect(d.vocabulary.relation(named: "メンタリング")?.id == "mentoring")
        #expect(d.organizations.map(\.id) == ["watalis", "watari-town", "watari-shakyo", "hoikuen", "kyosei", "wanzu", "lonely"])
        let watalis = try #require(d.organization(id: "watalis"))
        #expect(watalis.legalForm == "一般社団法人")
        #expect(watalis.aliases == ["ワタリス"])
        #expect(watalis.prefecture == "宮城県")
        #expect(d.organization(id: "watari-town")?.kind.id == "行政")      // inferred: bare municipality
        #expect(d.organization(id: "watari-town")?.category == "町役場")
        #expect(d.organization(id: "watari-shakyo")?.aliases == ["亘理町社協", "わたり社協"])
        #expect(d.organization(id: "hoikuen")?.generic == true)
        #expect(d.organization(id: "kyosei")?.kind.id == "財団")
        #expect(d.organization(id: "kyosei")?.legalForm == "公益財団法人")  // (公財) canonicalised
        #expect(d.organization(id: "wanzu")?.name == "NPO法人わんず")      // kept as written (issue 12)
        #expect(d.organization(id: "wanzu")?.legalForm == "特定非営利活動法人")
        #expect(d.projects.map(\.id) == ["p1", "p2"])
        #expect(d.projects[1].year == 2023)
        #expect(d.projects[0].source == SourceReference(document: "report.txt", line: 4))
        let p = d.partnerships
        #expect(p.count == 5)
        #expect(p[0].relations.map(\.id) == ["endorsement"])
        #expect(p[0].evidence == [SourceReference(document: "report.txt", line: 60), SourceReference(document: "report.txt", line: 73)])
        #expect(p[0].note == "名義後援")
        #expect(p[1].status == .planned)
        #expect(p[1].weight == 2)
        #expect(p[1].direction == .directed)
        #expect(p[1].relations.map(\.id) == ["endorsement", "venue"])
        #expect(p[2].weight == 1.5)
        #expect(p[2].note == "保育園で, チラシ配布")
        #expect(p[2].relations.count == 2)
        #expect(p[3].relations.map(\.id) == ["mentoring"])
        #expect(p[4].status == .realised)
        #expect(loaded.merges.map(\.spelling) == ["ワタリス", "亘理町社協", "わたり社協"])
    }

    @Test func badFolderReportsEveryProblemAtOnce() {
        let ps = problems(loading: "folders/bad")
        #expect(keys(ps) == [
            "organizations.csv:3:id",            // duplicate id
            "organizations.csv:4:name",          // empty name
            "organizations.csv:5:kind",          // unknown kind
            "organizations.csv:6:kind",          // unknown kind, did you mean 社協
            "organizations.csv:7:generic",
            "organizations.csv:8:",              // ragged row
            "projects.csv:3:id",                 // duplicate project id
            "projects.csv:4:lead",               // unknown organisation
            "projects.csv:4:year",
            "partnerships.csv:3:project",        // unknown project
            "partnerships.csv:4:target",         // unknown organisation
            "partnerships.csv:5:target",         // self-loop
            "partnerships.csv:6:relations",      // unknown relation
            "partnerships.csv:7:weight",         // not positive
            "partnerships.csv:8:weight",         // not a number
            "partnerships.csv:9:status",
            "partnerships.csv:9:direction",
            // partnerships.csv:10 has empty relations: a warning since issue 10
        ])
        #expect(ps[0].message.contains("duplicate id 'a'"))
        #expect(ps[3].message.contains("did you mean '社協'"))
        #expect(ps[5].message.contains("expected 9 fields") && ps[5].message.contains("found 7"))
        #expect(ps[11].message.contains("self-loop"))
        #expect(ps[12].message.contains("did you mean '会場提供'"))
    }

    @Test func missingColumnsAndFiles() {
        #expect(keys(problems(loading: "folders/missing_columns")) == ["organizations.csv:1:name", "partnerships.csv:1:relations"])
        #expect(keys(problems(loading: "folders/no_files")) == ["organizations.csv:-:", "partnerships.csv:-:"])
        #expect(keys(problems(loading: "folders/does-not-exist")).count == 1)
    }

    @Test func undecodableFolderFileDoesNotCascade() {
        let ps = problems(loading: "folders/undecodable")
        #expect(keys(ps) == ["organizations.csv:3:"])
    }

    // MARK: Statistics

    struct Expected: Decodable { var components: Int; var largest_component: Int; var isolated_organizations: Int }

    @Test(arguments: ["folders/good", "edges_english.csv", "plain_edges.txt"])
    func componentsMatchNetworkX(_ name: String) throws {
        let data = try Data(contentsOf: Fixture.root.appendingPathComponent("expected_components.json"))
        let expected = try #require(try JSONDecoder().decode([String: Expected].self, from: data)[name])
        let s = DatasetStatistics(try DatasetLoader.load(path: Fixture.path(name)))
        #expect(s.components == expected.components)
        #expect(s.largestComponent == expected.largest_component)
        #expect(s.isolatedOrganizations == expected.isolated_organizations)
    }

    @Test func statsCountsAndJSON() throws {
        let s = DatasetStatistics(try DatasetLoader.load(path: Fixture.path("folders/good")))
        #expect(s.organizations == 7)
        #expect(s.genericOrganizations == 1)
        #expect(s.partnerships == 5)
        #expect(s.planned == 1)
        #expect(s.projects == 2)
        let json = s.json
        #expect(json["organizations"] == .int(7))
        #expect(json["partnerships"] == .int(5))
        #expect(json["projects"] == .int(2))
        #expect(json["components"] == .int(2))
        // watalis NPO, watari-town 行政, watari-shakyo 社協, hoikuen 学校, kyosei 財団, wanzu NPO, lonely その他
        #expect(json["kinds"]?["NPO"] == .int(2))
        #expect(json["kinds"]?["社協"] == .int(1))
        #expect(json["kinds"]?["財団"] == .int(1))
        #expect(json["kinds"]?["その他"] == .int(1))
        // 後援 ×2 (p[0], p[1]), 会場提供 ×1, 広報・チラシ配布 ×1, メンタリング ×1
        #expect(json["relations"]?["後援"] == .int(2))
        #expect(json["relations"]?["会場提供"] == .int(1))
        #expect(json["relations"]?["メンタリング"] == .int(1))
        #expect(json["relations"]?["資金・助成"] == .int(0))
        let csv = s.rendered(as: .csv)
        #expect(csv.hasPrefix("section,label,count\nsummary,organizations,7\n"))
        #expect(csv.contains("kind,社協,1\n"))
        #expect(s.rendered(as: .table).contains("連携内容ごとの連携数"))
    }
}

@Suite struct DatasetYAMLTests {
    @Test func invalidYAMLIsReportedWithItsLine() {
        let ps = problems(loading: "folders/bad_yaml")
        #expect(ps.count == 1)
        #expect(ps.first?.file == "dataset.yaml")
        #expect(ps.first?.line == 3)   // libyaml notices the unclosed '[' at the end of the input
        #expect(ps.first?.message.contains("flow sequence (line 2)") == true)
    }

    @Test func kindsAndRelationsNeedIdsAndLabels() {
        #expect(keys(problems(loading: "folders/bad_vocabulary")) == ["dataset.yaml:-:kinds", "dataset.yaml:-:relations"])
    }
}
