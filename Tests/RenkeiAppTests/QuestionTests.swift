import Foundation
import RenkeiApp
import RenkeiCore
import RenkeiIO
import Testing

/// `ego` and `path` on the hand-built folder dataset (Tests/RenkeiIOTests/Fixtures/folders/good):
/// partnered pairs watalis–watari-town, watalis–watari-shakyo, watalis–hoikuen, kyosei–watalis and
/// wanzu–watari-shakyo; ひとり会 (lonely) has none. Expected values are read off that list by hand.
@Suite struct QuestionTests {
    func ids(_ r: EgoReport) -> Set<String> { Set(r.members.map { r.graph.graph.labels[$0.node.int] }) }

    @Test func egoAtDepthOneAndTwo() throws {
        let one = try EgoRequest(input: AppFixture.good, organization: "watalis", depth: 1).run()
        #expect(ids(one) == ["watalis", "watari-town", "watari-shakyo", "hoikuen", "kyosei"])
        #expect(one.edges.count == 4)
        let two = try EgoRequest(input: AppFixture.good, organization: "watalis", depth: 2).run()
        #expect(ids(two) == ["watalis", "watari-town", "watari-shakyo", "hoikuen", "kyosei", "wanzu"])
        let depth = Dictionary(uniqueKeysWithValues: two.members.map { (two.graph.graph.labels[$0.node.int], $0.depth) })
        #expect(depth["wanzu"] == 2 && depth["watalis"] == 0 && depth["kyosei"] == 1)
        let json = two.json
        #expect(json["center"]?["id"] == .string("watalis"))
        #expect(json["center"]?["kind"] == .string("NPO"))
        guard case .array(let edges)? = json["edges"] else { Issue.record("no edges"); return }
        #expect(edges.count == 5)
        let shakyo = edges.first { $0["source"] == .string("watari-shakyo") || $0["target"] == .string("watari-shakyo") }
        #expect(shakyo?["relations"] == .array([.string("後援"), .string("会場提供")]) || shakyo?["projects"] == .array([.string("p2")]))
    }

    @Test func organisationsAreFoundByNameAliasAndNormalisedSpelling() throws {
        for text in ["ワタリス", "WATALIS", "一般社団法人WATALIS", "ＷＡＴＡＬＩＳ", "亘理町社協", "わたり社協"] {
            let r = try EgoRequest(input: AppFixture.good, organization: text).run()
            #expect(["watalis", "watari-shakyo"].contains(r.graph.graph.labels[r.center.int]), "\(text)")
        }
        let r = try EgoRequest(input: AppFixture.good, organization: "亘理町 社会福祉協議会").run()
        #expect(r.graph.graph.labels[r.center.int] == "watari-shakyo")
    }

    @Test func unknownOrganisationGetsDidYouMean() {
        #expect(throws: RequestError("unknown organisation 'WATALSI' (did you mean 'WATALIS'?)")) {
            try EgoRequest(input: AppFixture.good, organization: "WATALSI").run()
        }
    }

    @Test func ambiguousNameListsCandidatesWithIDs() throws {
        let folder = try AppFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "name: twins\n".write(toFile: folder + "/dataset.yaml", atomically: true, encoding: .utf8)
        try "id,name,kind,prefecture\nm1,みどり会,NPO,東京都\nm2,みどり会,NPO,大阪府\nlead,ひかり会,NPO,東京都\n"
            .write(toFile: folder + "/organizations.csv", atomically: true, encoding: .utf8)
        try "id,title,lead\np,事業,lead\n".write(toFile: folder + "/projects.csv", atomically: true, encoding: .utf8)
        try "project,source,target,relations\np,lead,m1,後援\np,lead,m2,後援\n"
            .write(toFile: folder + "/partnerships.csv", atomically: true, encoding: .utf8)
        do {
            _ = try EgoRequest(input: DatasetInput(path: folder), organization: "みどり会").run()
            Issue.record("no error")
        } catch let e as RequestError {
            #expect(e.message.contains("ambiguous") && e.message.contains("m1 (みどり会)") && e.message.contains("m2 (みどり会)"))
        }
    }

    @Test func shortestChainAcrossTheShakyo() throws {
        let r = try PathRequest(input: AppFixture.good, from: "亘理町", to: "わんず", all: true).run()
        #expect(r.chains?.hops == 3)
        #expect(r.steps.count == 1)
        #expect(r.steps[0].map { r.graph.graph.labels[$0.target.int] } == ["watalis", "watari-shakyo", "wanzu"])
        #expect(r.json["length"] == .int(3))
        #expect(r.steps[0][2].projects == ["p2"])
        #expect(r.steps[0][2].relations == ["情報共有・ケース会議"])
    }

    @Test func weightedChainUsesInverseStrength() throws {
        // watalis–watari-shakyo carries 2 relations (length 1/2), the others 1 (length 1):
        // watari-town → wanzu = 1 + 1/2 + 1 = 2.5.
        let r = try PathRequest(input: AppFixture.good, from: "watari-town", to: "wanzu", weighted: true).run()
        #expect(r.chains?.length == 2.5)
    }

    @Test func noChainNamesEachComponentsLargestOrganisation() throws {
        let r = try PathRequest(input: AppFixture.good, from: "watalis", to: "lonely").run()
        #expect(r.chains == nil)
        #expect(r.json["length"] == .null)
        #expect(r.note?.contains("different components") == true)
        #expect(r.largestInComponents.map { r.graph.graph.labels[$0.int] } == ["watalis", "lonely"])
    }

    @Test func textTablesSpeakJapaneseAndCSVKeepsFieldNames() throws {
        let ego = try EgoRequest(input: AppFixture.good, organization: "watalis", depth: 2).run()
        let header = ego.table.rendered(as: .table).split(separator: "\n")[1]
        // The projects column holds project ids (p1; p2), so it is 事業, not the count 事業数.
        #expect(header.split(separator: " ").map(String.init) == ["ID", "名称", "種別", "深さ", "経由", "連携の内容", "事業"])
        #expect(ego.table.rendered(as: .csv).hasPrefix("id,name,kind,depth,via,relations,projects\n"))
        let none = try PathRequest(input: AppFixture.good, from: "watalis", to: "lonely").run()
        // No chain: the title says so, and no empty table follows it.
        #expect(none.table.rendered(as: .table).split(separator: "\n").count == 1)
        #expect(none.table.rendered(as: .csv) == "path,step,source,source_name,target,target_name,relations,project\n")
        let one = try PathRequest(input: AppFixture.good, from: "亘理町", to: "わんず").run()
        #expect(one.table.rendered(as: .table).split(separator: "\n")[1].hasPrefix("経路  段  連携元"))
    }

    @Test func everyShortestChainOnASquare() throws {
        // A 4-cycle a–b–c–d–a: two shortest chains from a to c, in vertex order.
        let g = AnalysisGraph(labels: ["a", "b", "c", "d"], edges: [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)])
        let c = try #require(try g.shortestChains(from: NodeIndex(0), to: NodeIndex(2), all: true))
        #expect(c.chains == [[0, 1, 2], [0, 3, 2]].map { $0.map(NodeIndex.init) })
        #expect(c.hops == 2 && !c.truncated)
        let one = try #require(try g.shortestChains(from: NodeIndex(0), to: NodeIndex(2), all: true, limit: 1))
        #expect(one.chains.count == 1 && one.truncated)
        #expect(g.egoNetwork(of: NodeIndex(0), radius: 1).map(\.node.int) == [0, 1, 3])
    }
}
