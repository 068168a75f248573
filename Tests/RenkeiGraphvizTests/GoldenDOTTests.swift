import Foundation
import Testing
import RenkeiCore
@testable import RenkeiGraphviz

/// Golden DOT files for the sample dataset, plus structural checks through libgvc's own parser.
///
/// The goldens in `Fixtures/golden/` were written by this test with `RENKEI_UPDATE_GOLDEN=1` and
/// then read by eye (and rendered) before being committed; the structural checks below state the
/// expected facts independently of the golden text.
@Suite struct GoldenDOTTests {
    static let writer = DiagramWriter(dataset: SampleData.dataset())

    static func check(_ name: String, _ dot: String) throws {
        let sourceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        if ProcessInfo.processInfo.environment["RENKEI_UPDATE_GOLDEN"] == "1" {
            try Data(dot.utf8).write(to: sourceDir.appendingPathComponent("Fixtures/golden/\(name)"))
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/golden/\(name)", withExtension: nil))
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(dot == golden, "\(name) differs from its golden file; rerun with RENKEI_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func projectGolden() throws {
        let dot = try Self.writer.projectDOT(id: "p1")
        try Self.check("project-p1.dot", dot)
        let g = try GraphvizRenderer.shared.inspect(dot: dot)
        #expect(!g.directed)
        #expect(g.attributes["layout"] == "twopi")
        #expect(g.attributes["root"] == "shakyo")
        // The lead and its 7 partners; nursery–school is a partner–partner edge.
        #expect(g.nodes.count == 8)
        #expect(Set(g.nodes.map(\.name)) == ["shakyo", "town", "school", "hidamari", "nursery", "coop", "shop", "lab"])
        // Two partnerships shakyo–town (後援+広報, 会場提供) are one edge.
        #expect(g.edges.count == 8)
        let town = try #require(g.edges.first { Set([$0.tail, $0.head]) == ["shakyo", "town"] })
        #expect(town.attributes["label"] == "後援\\n広報・チラシ配布\\n会場提供")
        #expect(town.attributes["color"] == "#999933:#DDCC77:#117733")
        // Lead emphasised, generic partner dashed, planned edge dashed, directed edge has an arrow.
        let lead = try #require(g.node("shakyo"))
        #expect(lead.attributes["peripheries"] == "2")
        #expect(lead.attributes["label"] == "みどり町社会福祉協議会")
        #expect(lead.attributes["fillcolor"] == "#EE8866")
        #expect(lead.attributes["shape"] == "octagon")
        #expect(g.node("nursery")?.attributes["style"]?.contains("dashed") == true)
        #expect(g.node("town")?.attributes["style"]?.contains("dashed") == false)
        let shop = try #require(g.edges.first { $0.head == "shop" })
        #expect(shop.attributes["style"] == "dashed")
        let coop = try #require(g.edges.first { Set([$0.tail, $0.head]) == ["coop", "shakyo"] })
        #expect(coop.tail == "coop" && coop.attributes["dir"] == "forward")
        // Names with quotes, a backslash and <>& read back as the label value that shows them.
        #expect(DOTEscaping.decodeLabelValue(g.node("shop")!.attributes["label"]!) == "丸山商店 \"まるやま\" \\ 本店")
        #expect(g.node("lab")?.attributes["label"] == "A&B <協働> ラボ")
        // Legend: exactly the kinds and relations used.
        let legend = try #require(g.attributes["label"])
        for kind in ["社協", "行政", "学校", "NPO", "その他", "協同組合", "企業"] { #expect(legend.contains(">\(kind)（")) }
        for kind in ["医療・保健", "地域団体", "寺社", "専門職"] { #expect(!legend.contains(kind)) }
        for rel in ["後援", "広報・チラシ配布", "参加者紹介・コーディネート", "講師派遣", "会場提供",
                    "情報共有・ケース会議", "食料・物資提供", "共催・協働"] { #expect(legend.contains(">\(rel)</TD>")) }
        for rel in ["資金・助成", "助言・専門的支援", "相談・支援へのつなぎ"] { #expect(!legend.contains(rel)) }
        #expect(legend.contains("凡例") && legend.contains("連携図：子ども食堂ネットワーク"))
    }

    @Test func networkGolden() throws {
        let dot = Self.writer.networkDOT()
        try Self.check("network.dot", dot)
        let g = try GraphvizRenderer.shared.inspect(dot: dot)
        #expect(g.attributes["layout"] == "neato")
        #expect(g.nodes.count == 11)
        // 13 distinct pairs among the 14 partnerships (shakyo–town twice).
        #expect(g.edges.count == 13)
        // みどり町役場 is in both projects: a bridge with a thick black outline; leads doubled.
        #expect(g.node("town")?.attributes["color"] == "#000000")
        #expect(g.node("town")?.attributes["penwidth"] == "3")
        #expect(g.node("hidamari")?.attributes["peripheries"] == "2")
        #expect(g.node("shakyo")?.attributes["peripheries"] == "2")
        #expect(g.node("school")?.attributes["peripheries"] != "2")
        // Added kind 寺社 gets a deterministic non-built-in style and appears in the legend.
        let temple = try #require(g.node("temple"))
        #expect(!DiagramPalette.builtInKinds.values.map(\.shape).contains(temple.attributes["shape"] ?? ""))
        #expect(!DiagramPalette.builtInKinds.values.map(\.fill).contains(temple.attributes["fillcolor"] ?? ""))
        // By hand (python3): FNV-1a-64 of UTF-8 "寺社" = 0xca6437573c696e28; mod 3 = 0 → the first visible pale colour, Tol pale
        // blue #BBCCEE; (h / 7) mod 6 = 4 → the fifth fallback shape, pentagon.
        #expect(DiagramPalette.fnv1a("寺社") == 0xca64_3757_3c69_6e28)
        #expect(temple.attributes["fillcolor"] == "#BBCCEE" && temple.attributes["shape"] == "pentagon")
        #expect(g.attributes["label"]!.contains(">寺社（"))
        // Node size by degree: shakyo (7 neighbours) is the largest label.
        #expect(g.node("shakyo")?.attributes["fontsize"] == "18")
    }

    @Test func sectorsGolden() throws {
        let dot = Self.writer.sectorsDOT()
        try Self.check("sectors.dot", dot)
        let g = try GraphvizRenderer.shared.inspect(dot: dot)
        #expect(g.attributes["layout"] == "circo")
        #expect(g.nodes.count == 10)
        // 行政 partners with p1 and p2; 学校 with p1 only.
        #expect(g.node("kind:行政")?.attributes["label"] == "行政\\n2 事業")
        #expect(g.node("kind:学校")?.attributes["label"] == "学校\\n1 事業")
        // 社協–行政: the two shakyo–town partnerships.
        let e = try #require(g.edges.first { Set([$0.tail, $0.head]) == ["kind:社協", "kind:行政"] })
        #expect(e.attributes["label"] == "2 件")
        #expect(e.attributes["penwidth"] == "8")
        let total = g.edges.compactMap { $0.attributes["label"]?.split(separator: " ").first.flatMap { Int($0) } }.reduce(0, +)
        #expect(total == 14)
    }

    @Test func clustersAndCommunities() throws {
        let communities = ["shakyo": 0, "town": 0, "school": 0, "hidamari": 1, "minsei": 1]
        let w = DiagramWriter(dataset: SampleData.dataset(),
                              options: DiagramOptions(colorBy: .community, clusterBy: .kind, communities: communities))
        let g = try GraphvizRenderer.shared.inspect(dot: w.networkDOT())
        #expect(g.attributes["layout"] == "fdp")
        #expect(g.subgraphs.contains("cluster_kind_0") && g.subgraphs.contains("cluster_kind_10"))
        #expect(g.node("shakyo")?.attributes["fillcolor"] == DiagramPalette.communityColor(0))
        #expect(g.node("hidamari")?.attributes["fillcolor"] == DiagramPalette.communityColor(1))
        #expect(g.node("aoba")?.attributes["fillcolor"] == "#FFFFFF")
        #expect(g.attributes["label"]!.contains("コミュニティ 1"))
        #expect(g.attributes["label"]!.contains("未分類"))
    }

    /// Same-process repeatability only (string hashing is seeded per process, so hash-order output
    /// is caught by `CommandLineTests.twoProcessesWriteTheSameBytes`, which runs the binary twice).
    @Test func repeatableWithinAProcess() throws {
        let a = DiagramWriter(dataset: SampleData.dataset())
        let b = DiagramWriter(dataset: SampleData.dataset())
        #expect(try a.projectDOT(id: "p2") == b.projectDOT(id: "p2"))
        #expect(a.networkDOT() == b.networkDOT())
        #expect(a.sectorsDOT() == b.sectorsDOT())
        // render --all's one-pass grouping draws what projectDOT(id:) draws, project by project.
        let all = a.allProjectDOTs()
        #expect(all.map(\.id) == ["p1", "p2"])
        for (id, dot) in all { #expect(try dot == a.projectDOT(id: id)) }
        let big1 = DiagramWriter(dataset: SampleData.large(projects: 60, partnersPerProject: 30, pool: 900, seed: 7))
        let big2 = DiagramWriter(dataset: SampleData.large(projects: 60, partnersPerProject: 30, pool: 900, seed: 7))
        #expect(big1.networkDOT() == big2.networkDOT())
    }

    @Test func unknownProjectSuggests() {
        #expect(throws: DiagramError.unknownProject("p3", suggestion: "p1")) { try Self.writer.projectDOT(id: "p3") }
    }
}
