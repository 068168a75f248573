import Foundation
import Testing
@testable import RenkeiCore

@Suite struct CentralityTests {
    typealias F = AnalysisFixtures

    @Test(arguments: ["karate", "florentine", "leafy"])
    func betweennessMatchesNetworkX(graph name: String) throws {
        let g = F.graph(name)
        for fold in [true, false] {
            let b = try g.betweenness(BetweennessOptions(foldLeaves: fold))
            #expect(mismatches(g, b, F.measure(name, "betweenness")) == [], "fold \(fold)")
            let raw = try g.betweenness(BetweennessOptions(normalized: false, foldLeaves: fold))
            #expect(mismatches(g, raw, F.measure(name, "betweenness_raw")) == [], "fold \(fold)")
            let ep = try g.betweenness(BetweennessOptions(endpoints: true, foldLeaves: fold))
            #expect(mismatches(g, ep, F.measure(name, "betweenness_endpoints")) == [], "fold \(fold)")
            let epRaw = try g.betweenness(BetweennessOptions(normalized: false, endpoints: true, foldLeaves: fold))
            #expect(mismatches(g, epRaw, F.measure(name, "betweenness_endpoints_raw")) == [], "fold \(fold)")
        }
    }

    @Test func medici() throws {
        let g = F.graph("florentine")
        let b = try g.betweenness()
        let medici = g.node(labelled: "Medici")!
        #expect(abs(b[medici.int] - 0.521978021978022) < 1e-12)
        #expect(b.max() == b[medici.int])
    }

    @Test(arguments: ["karate", "leafy"])
    func weightedBetweennessMatchesNetworkX(graph name: String) throws {
        let g = F.graph(name)
        #expect(g.isWeighted)
        for fold in [true, false] {
            let w = try g.betweenness(BetweennessOptions(weighted: true, distance: .weight, foldLeaves: fold))
            #expect(mismatches(g, w, F.measure(name, "betweenness_w")) == [], "fold \(fold)")
            let wRaw = try g.betweenness(BetweennessOptions(normalized: false, weighted: true, foldLeaves: fold))
            #expect(mismatches(g, wRaw, F.measure(name, "betweenness_w_raw")) == [], "fold \(fold)")
            let inv = try g.betweenness(BetweennessOptions(weighted: true, distance: .inverse, foldLeaves: fold))
            #expect(mismatches(g, inv, F.measure(name, "betweenness_inv")) == [], "fold \(fold)")
            let invEp = try g.betweenness(BetweennessOptions(endpoints: true, weighted: true, distance: .inverse,
                                                         foldLeaves: fold))
            #expect(mismatches(g, invEp, F.measure(name, "betweenness_inv_endpoints")) == [], "fold \(fold)")
        }
    }

    /// The leafy fixture has 40+ leaves; folding must not change a single value beyond rounding.
    @Test func leafFoldingIsExact() throws {
        let g = F.graph("leafy")
        let leaves = (0..<g.nodeCount).filter { g.degree(of: NodeIndex($0)) == 1 }.count
        #expect(leaves > g.nodeCount / 2)
        let folded = try g.betweenness(BetweennessOptions(normalized: false))
        let unfolded = try g.betweenness(BetweennessOptions(normalized: false, foldLeaves: false))
        for v in 0..<g.nodeCount { #expect(close(folded[v], unfolded[v], relative: 1e-12)) }
    }

    /// With every vertex a pivot, the sampled estimate equals the exact value (NetworkX k = n).
    @Test func sampledWithAllPivotsIsExact() throws {
        let g = F.graph("karate")
        let n = g.nodeCount
        let s = try g.betweenness(BetweennessOptions(samples: n - 1 + 1, seed: 3))
        #expect(mismatches(g, s, F.measure("karate", "betweenness")) == [])
    }

    /// NetworkX's k-pivot rescaling, checked by hand on a path a–b–c: pivot set {a} gives raw
    /// accumulation 1 at b (the path a→c); b is not a source, so it is scaled by 1/(k(n−2)) = 1.
    @Test func sampledScalingFollowsNetworkX() throws {
        let g = AnalysisGraph(labels: ["a", "b", "c"], edges: [(0, 1, 1), (1, 2, 1)])
        var found = Set<[Double]>()
        for seed in 0..<20 as Range<UInt64> {
            let b = try g.betweenness(BetweennessOptions(samples: 1, seed: seed))
            found.insert(b.map { $0.isNaN ? -1 : $0 })
        }
        // pivot a: b gets 1; with k = 1 the pivot itself is scaled by 1/((k−1)(n−2)) = NaN, as in
        // NetworkX (NaN shown as −1 here); pivot b: b is NaN, the others 0.
        #expect(found == [[-1, 1, 0], [0, -1, 0], [0, 1, -1]])
        // reproducible for a seed
        #expect(try g.betweenness(BetweennessOptions(samples: 2, seed: 9)) == g.betweenness(BetweennessOptions(samples: 2, seed: 9)))
    }

    @Test(arguments: ["karate", "florentine", "leafy"])
    func closenessAndHarmonicMatchNetworkX(graph name: String) throws {
        let g = F.graph(name)
        #expect(try mismatches(g, g.closeness(), F.measure(name, "closeness")) == [])
        #expect(try mismatches(g, g.harmonic(), F.measure(name, "harmonic")) == [])
        #expect(mismatches(g, g.degreeCentrality(), F.measure(name, "degree")) == [])
    }

    @Test(arguments: ["karate", "leafy"])
    func weightedClosenessMatchesNetworkX(graph name: String) throws {
        let g = F.graph(name)
        #expect(try mismatches(g, g.closeness(ClosenessOptions(weighted: true, distance: .weight)),
                           F.measure(name, "closeness_w")) == [])
        #expect(try mismatches(g, g.closeness(ClosenessOptions(weighted: true, distance: .inverse)),
                           F.measure(name, "closeness_inv")) == [])
        #expect(try mismatches(g, g.harmonic(ClosenessOptions(weighted: true, distance: .inverse)),
                           F.measure(name, "harmonic_inv")) == [])
    }

    @Test(arguments: ["karate", "florentine"])
    func spectralMatchesNetworkX(graph name: String) throws {
        let g = F.graph(name)
        #expect(mismatches(g, try g.eigenvectorCentrality(), F.measure(name, "eigenvector")) == [])
        #expect(mismatches(g, try g.katzCentrality(alpha: 0.1), F.measure(name, "katz")) == [])
        #expect(mismatches(g, try g.pageRank(PageRankOptions(weighted: false)), F.measure(name, "pagerank")) == [])
    }

    @Test func weightedSpectralMatchesNetworkX() throws {
        let g = F.graph("karate")
        #expect(mismatches(g, try g.eigenvectorCentrality(weighted: true), F.measure("karate", "eigenvector_w")) == [])
        #expect(mismatches(g, try g.katzCentrality(alpha: 0.01, weighted: true), F.measure("karate", "katz_w")) == [])
        #expect(mismatches(g, try g.pageRank(), F.measure("karate", "pagerank_w")) == [])
    }

    @Test func personalizedPageRankMatchesNetworkX() throws {
        let g = F.graph("karate")
        let p = g.labels.map { $0 == "0" || $0 == "33" ? 1.0 : 0.0 }
        let pr = try g.pageRank(PageRankOptions(personalization: p, weighted: false))
        #expect(mismatches(g, pr, F.measure("karate", "pagerank_personalized")) == [])
    }

    /// The leafy fixture has isolated pairs and several components; PageRank on it still matches.
    @Test func pageRankOnDisconnectedGraph() throws {
        let g = F.graph("leafy")
        #expect(mismatches(g, try g.pageRank(PageRankOptions(weighted: false)), F.measure("leafy", "pagerank")) == [])
        #expect(mismatches(g, try g.pageRank(), F.measure("leafy", "pagerank_w")) == [])
    }

    @Test func katzDivergesWithTooLargeAlpha() throws {
        let g = F.graph("karate")
        #expect(throws: ConvergenceError.self) { try g.katzCentrality(alpha: 0.5) }
    }
}

@Suite struct DanglingTests {
    typealias F = AnalysisFixtures

    /// Karate plus an isolated vertex "iso": PageRank's dangling mass, personalisation and an
    /// explicit dangling distribution, and closeness with an unreachable vertex, as NetworkX.
    @Test func isolatedVertexMatchesNetworkX() throws {
        let k = F.graph("karate")
        var edges: [(Int32, Int32, Double)] = []
        for (u, v, _) in k.edges { edges.append((u.rawValue, v.rawValue, 1)) }
        let g = AnalysisGraph(labels: k.labels + ["iso"], edges: edges)
        #expect(g.degree(of: NodeIndex(g.nodeCount - 1)) == 0)
        #expect(mismatches(g, try g.pageRank(PageRankOptions(weighted: false)),
                           F.measure("karate", "pagerank_isolated")) == [])
        let p = g.labels.map { $0 == "0" || $0 == "iso" ? 1.0 : 0.0 }
        #expect(mismatches(g, try g.pageRank(PageRankOptions(personalization: p, weighted: false)),
                           F.measure("karate", "pagerank_isolated_personalized")) == [])
        let d = g.labels.map { $0 == "33" ? 1.0 : 0.0 }
        #expect(mismatches(g, try g.pageRank(PageRankOptions(dangling: d, weighted: false)),
                           F.measure("karate", "pagerank_isolated_dangling")) == [])
        #expect(try mismatches(g, g.closeness(), F.measure("karate", "closeness_isolated")) == [])
    }
}

/// PageRank, eigenvector and Katz with a precision reach the exact solution (igraph PRPACK and
/// ARPACK, a numpy linear solve: Fixtures/make_spectral_fixture.py) on a 400-vertex graph with a
/// 3-vertex second component, where NetworkX's default stopping rule is 1.4% off.
@Suite struct ExactSpectralTests {
    nonisolated(unsafe) static let expected: [String: Any] = {
        let url = Bundle.module.url(forResource: "spectral400_expected", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func values(_ name: String, _ g: AnalysisGraph) -> [Double] {
        let m = expected[name] as! [String: Any]
        return g.labels.map { (m[$0] as! NSNumber).doubleValue }
    }

    /// max |x − e| / max |e|.
    static func error(_ x: [Double], _ e: [Double]) -> Double {
        zip(x, e).map { abs($0 - $1) }.max()! / e.map(abs).max()!
    }

    let g = AnalysisFixtures.edgeList("spectral400.txt")

    @Test func pageRankIsExact() throws {
        #expect(g.nodeCount == 400 && g.connectedComponents().count == 2)
        let pr = try g.pageRank(PageRankOptions(weighted: false, precision: 1e-9, maxIterations: 10_000))
        let exact = Self.values("pagerank", g)
        #expect(Self.error(pr, exact) < 1e-9)
        for v in 0..<g.nodeCount { #expect(close(pr[v], exact[v], relative: 1e-7), "vertex \(g.labels[v])") }
        let loose = try g.pageRank(PageRankOptions(weighted: false))
        #expect(Self.error(loose, exact) > 1e-4, "NetworkX's rule stops early on this graph")
        let weighted = try g.pageRank(PageRankOptions(precision: 1e-9, maxIterations: 10_000))
        #expect(Self.error(weighted, Self.values("pagerank_w", g)) < 1e-9)
    }

    @Test func eigenvectorIsExact() throws {
        let x = try g.eigenvectorCentrality(precision: 1e-9, maxIterations: 10_000)
        let exact = Self.values("eigenvector", g)
        #expect(Self.error(x, exact) < 1e-9)
        #expect(Self.error(try g.eigenvectorCentrality(), exact) > 1e-6)
    }

    @Test func katzIsExact() throws {
        let x = try g.katzCentrality(alpha: 0.1, precision: 1e-9, maxIterations: 10_000)
        #expect(Self.error(x, Self.values("katz", g)) < 1e-9)
    }

    @Test func precisionIsHonouredWhenLooser() throws {
        let exact = Self.values("pagerank", g)
        let pr = try g.pageRank(PageRankOptions(weighted: false, precision: 1e-4, maxIterations: 10_000))
        #expect(Self.error(pr, exact) < 1e-4)
    }
}
