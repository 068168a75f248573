import Testing
@testable import RenkeiCore

@Suite struct GraphAccessTests {
    @Test func nodeIndexExactly() {
        #expect(NodeIndex(exactly: 0) == NodeIndex(raw: 0))
        #expect(NodeIndex(exactly: 41)?.int == 41)
        #expect(NodeIndex(exactly: Int(Int32.max)) == NodeIndex(raw: .max))
        #expect(NodeIndex(exactly: -1) == nil)
        #expect(NodeIndex(exactly: Int(Int32.max) + 1) == nil)
        // The value that used to be truncated silently to vertex 0.
        #expect(NodeIndex(exactly: 1 << 32) == nil)
        #expect(NodeIndex(7).int == 7)
    }

    /// Parallel edges merged, self-loop dropped; every edge once with u < v, ascending.
    @Test func edgesAndNeighbours() {
        let g = AnalysisGraph(labels: ["a", "b", "c", "d"],
                              edges: [(2, 0, 1), (0, 1, 2), (1, 0, 0.5), (3, 3, 9), (1, 2, 4)])
        let edges = g.edges.map { [Double($0.u.int), Double($0.v.int), $0.weight] }
        #expect(edges == [[0, 1, 2.5], [0, 2, 1], [1, 2, 4]])
        #expect(g.edges.underestimatedCount == g.edgeCount)
        #expect(Array(g.neighbors(of: NodeIndex(0))) == [NodeIndex(1), NodeIndex(2)])
        #expect(g.weightedNeighbors(of: NodeIndex(1)).map(\.weight) == [2.5, 4])
        #expect(g.weightedNeighbors(of: NodeIndex(1)).map(\.neighbor) == [NodeIndex(0), NodeIndex(2)])
        #expect(g.neighbors(of: NodeIndex(3)).isEmpty)
        #expect(g.degree(of: NodeIndex(2)) == 2)
        #expect(Array(AnalysisGraph(labels: [], edges: []).edges).isEmpty)
    }
}

@Suite struct PathLengthTests {
    /// a –0– b –(−1)– c –1– d: NetworkX refuses the negative length; zero lengths are refused too.
    let g = AnalysisGraph(labels: ["a", "b", "c", "d"], edges: [(0, 1, 0), (1, 2, -1), (2, 3, 1)])

    @Test func weightedShortestPathsRejectNonPositiveLengths() {
        let zero = AnalysisError.invalidPathLength(source: "a", target: "b", weight: 0, length: 0)
        #expect(throws: zero) { try g.betweenness(BetweennessOptions(weighted: true, distance: .weight)) }
        #expect(throws: zero) { try g.closeness(ClosenessOptions(weighted: true, distance: .weight)) }
        #expect(throws: zero) { try g.harmonic(ClosenessOptions(weighted: true, distance: .weight)) }
        #expect(throws: zero) { try g.betweenness(BetweennessOptions(weighted: true, samples: 2)) }
        let negative = AnalysisGraph(labels: ["a", "b", "c"], edges: [(0, 1, 2), (1, 2, -1)])
        #expect(throws: AnalysisError.invalidPathLength(source: "b", target: "c", weight: -1, length: -1)) {
            try negative.betweenness(BetweennessOptions(weighted: true, distance: .weight))
        }
        // 1 / 0 is no length either.
        #expect(throws: AnalysisError.invalidPathLength(source: "a", target: "b", weight: 0, length: .infinity)) {
            try g.closeness(ClosenessOptions(weighted: true, distance: .inverse))
        }
        #expect(throws: AnalysisError.self) {
            try AnalysisGraph(labels: ["x", "y"], edges: [(0, 1, .infinity)])
                .harmonic(ClosenessOptions(weighted: true, distance: .weight))
        }
    }

    @Test func unweightedSearchesIgnoreWeights() throws {
        #expect(try g.betweenness() == [0, 2.0 / 3, 2.0 / 3, 0])
        #expect(try g.closeness().count == 4)
        #expect(try g.harmonic() == [1 + 0.5 + 1.0 / 3, 2.5, 2.5, 1 + 0.5 + 1.0 / 3])
    }

    @Test func messagesNameTheEdgeNotTheFlags() {
        let zero = AnalysisError.invalidPathLength(source: "a", target: "b", weight: 0, length: 0)
        #expect(zero.description == "edge 'a'–'b' has length 0.0; shortest paths need positive, finite edge lengths")
        let inverse = AnalysisError.invalidPathLength(source: "a", target: "b", weight: 0, length: .infinity)
        #expect(inverse.description == "edge 'a'–'b' has weight 0.0, so length 1 / 0.0 = inf; shortest paths need positive, finite edge lengths")
        #expect(!zero.description.contains("--"))
        let error: any RenkeiError = ConvergenceError(algorithm: "PageRank", iterations: 100)
        #expect(error.description == "PageRank did not converge in 100 iterations")
    }
}
