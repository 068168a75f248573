import RenkeiApp
import RenkeiCore
import Testing

/// The place, year and kind filters on the hand-built folder dataset (p1 in 宮城県亘理町 led by
/// WATALIS, 4 partnerships; p2 in 三重県玉城町 led by わんず, 1 partnership; both 2023).
@Suite struct DatasetViewTests {
    func view(_ s: GraphSelection) throws -> Dataset { try s.view(of: AppFixture.good.load().dataset) }

    @Test func prefectureKeepsItsProjectsAndTheirOrganisations() throws {
        var s = GraphSelection(); s.prefectures = ["宮城"]
        let d = try view(s)
        #expect(d.projects.map(\.id) == ["p1"])
        #expect(d.partnerships.count == 4)
        #expect(Set(d.organizations.map(\.id)) == ["watalis", "watari-town", "watari-shakyo", "hoikuen", "kyosei"])
        s.prefectures = ["三重県"]; s.municipalities = ["玉城町"]
        #expect(try view(s).partnerships.map(\.target) == ["watari-shakyo"])
    }

    @Test func kindKeepsPartnershipsWithBothEndsOfThatKind() throws {
        var s = GraphSelection(); s.kinds = ["NPO", "社協"]
        let d = try view(s)
        // watalis (NPO)–watari-shakyo (社協) and wanzu (NPO, from its NPO法人 legal form)–watari-shakyo;
        // watari-town (行政), hoikuen and kyosei (財団) drop out with their partnerships.
        #expect(d.partnerships.map { [$0.source, $0.target] } == [["watalis", "watari-shakyo"], ["wanzu", "watari-shakyo"]])
        let g = try OrganizationGraph.load(AppFixture.good, selection: s)
        #expect(g.graph.edgeCount == 2)
    }

    @Test func yearAndUnknownValues() throws {
        var s = GraphSelection(); s.years = [2023]
        #expect(try view(s).partnerships.count == 5)
        s.years = [2024]
        #expect(throws: RequestError.self) { try view(s) }
        s = GraphSelection(); s.prefectures = ["宮城件"]
        #expect(throws: RequestError("unknown prefecture '宮城件' (did you mean '宮城県'?)")) { try view(s) }
        s = GraphSelection(); s.kinds = ["NOP"]
        #expect(throws: RequestError.self) { try view(s) }
    }

    @Test func renderAndExportHonourTheFilters() throws {
        var s = GraphSelection(); s.prefectures = ["三重県"]
        var export = ExportRequest(input: AppFixture.good, format: .json)
        export.selection = s
        let text = String(decoding: try export.run().bytes, as: UTF8.self)
        #expect(text.contains("wanzu") && !text.contains("\"watalis\""))
        var render = RenderRequest(input: AppFixture.good, target: .network, format: .dot)
        render.selection = s
        let dot = String(decoding: try render.run().files[0].bytes, as: UTF8.self)
        #expect(dot.contains("wanzu") && !dot.contains("kyosei"))
    }
}
