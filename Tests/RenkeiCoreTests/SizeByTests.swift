import Foundation
import Testing
@testable import RenkeiCore

/// `renkei render --size-by`: the measures against NetworkX (Fixtures/size_by_fixture.py on
/// handDataset()) and what reaches the DOT.
@Suite struct SizeByTests {
    static let expected: [NodeSizeMeasure: [String: Double]] = [
        .degree: ["G": 0.2, "L1": 0.8, "L2": 0.6, "S": 0.4, "T": 0.2, "U": 0.2],
        .betweenness: ["G": 0, "L1": 0.7, "L2": 0.4, "S": 0, "T": 0, "U": 0],
        .pagerank: ["G": 0.0928959881330225, "L1": 0.31951053239281657, "L2": 0.24051159779206085,
                    "S": 0.16104094084105006, "T": 0.0928959881330225, "U": 0.09314495270802756],
        .harmonic: ["G": 2.833333333333333, "L1": 4.5, "L2": 4.0, "S": 3.5, "T": 2.833333333333333, "U": 2.666666666666667],
    ]

    @Test(arguments: [NodeSizeMeasure.degree, .betweenness, .pagerank, .harmonic])
    func valuesMatchNetworkX(_ measure: NodeSizeMeasure) throws {
        let values = try #require(try measure.values(for: handDataset()))
        let expected = try #require(Self.expected[measure])
        #expect(Set(values.keys) == Set(expected.keys))
        for (id, e) in expected { #expect(abs(values[id]! - e) < 1e-6, "\(measure) \(id)") }
    }

    /// `fontsize` of each labelled node (`"id" [label="name", …, fontsize=…]`), by name.
    func fontSizes(_ dot: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in dot.split(separator: "\n") where line.contains(" [label=\"") && line.contains("fontsize=") {
            guard let l = line.range(of: " [label=\""),
                  let r = line.range(of: "fontsize=") else { continue }
            let name = line[l.upperBound...].prefix { $0 != "\"" }
            let number = line[r.upperBound...].prefix { "0123456789.".contains($0) }
            out[String(name)] = Double(number)
        }
        return out
    }

    @Test func networkSizesFollowTheMeasure() throws {
        let dataset = handDataset()
        var options = DiagramOptions()
        try NodeSizeMeasure.betweenness.apply(to: &options, graph: AnalysisGraph.partnershipGraph(of: dataset))
        let dot = DiagramWriter(dataset: dataset, options: options).networkDOT()
        #expect(dot.contains("大きさ：媒介中心性"))
        let sizes = fontSizes(dot)
        // 9 + 9 · betweenness / max betweenness: L1 (つながり) 0.7 → 18, L2 (ささえあい) 0.4 → 9 + 9·4/7.
        #expect(sizes["つながり"] == 18)
        #expect(abs(sizes["ささえあい"]! - (9 + 9 * 0.4 / 0.7)) < 0.01)
        #expect(sizes["北区役所"] == 9)
    }

    @Test func noneDrawsOneSizeWithoutLegendRow() throws {
        let dataset = handDataset()
        var options = DiagramOptions()
        try NodeSizeMeasure.none.apply(to: &options, graph: AnalysisGraph.partnershipGraph(of: dataset))
        let network = DiagramWriter(dataset: dataset, options: options).networkDOT()
        #expect(!network.contains("大きさ："))
        let sizes = fontSizes(network)
        #expect(sizes.count == 6)
        #expect(Set(sizes.values).count == 1)
        // The default network legend names degree; a project diagram has no size row by default.
        #expect(DiagramWriter(dataset: dataset, options: DiagramOptions()).networkDOT().contains("大きさ：次数（連携先の数）"))
        var pagerank = DiagramOptions()
        try NodeSizeMeasure.pagerank.apply(to: &pagerank, graph: AnalysisGraph.partnershipGraph(of: dataset))
        #expect(try DiagramWriter(dataset: dataset, options: pagerank).projectDOT(id: "P1").contains("大きさ：PageRank"))
        #expect(try !DiagramWriter(dataset: dataset, options: DiagramOptions()).projectDOT(id: "P1").contains("大きさ："))
    }
}
