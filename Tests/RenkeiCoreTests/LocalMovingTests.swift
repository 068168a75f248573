import Testing
@testable import RenkeiCore

/// Louvain and Leiden share one local-moving step (``LocalMoving``) since it was factored out of
/// two copies; these partitions were produced by the code *before* that change (commit e4c3ed7)
/// and must not move by a single vertex: diagrams colour communities, and golden files pin them.
@Suite struct SharedLocalMovingTests {
    static let recorded = """
        karate_edges_communities.txt louvain 0 0,0,0,0,3,3,3,0,1,0,3,0,0,0,1,1,3,0,1,0,1,0,1,2,2,2,1,2,2,1,1,2,1,1
        karate_edges_communities.txt leiden 0 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt louvain 1 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt leiden 1 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt louvain 2 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt leiden 2 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt louvain 3 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        karate_edges_communities.txt leiden 3 1,1,1,1,3,3,3,1,0,0,3,1,1,1,0,0,3,1,0,1,0,1,0,2,2,2,0,2,2,0,0,2,0,0
        lesmis_edges_communities.txt louvain 0 2,2,1,5,0,4,1,2,5,2,5,3,5,1,1,2,5,1,0,3,3,1,3,4,1,2,4,4,0,4,1,1,3,0,0,1,0,2,0,0,1,1,5,0,4,0,1,0,4,0,3,0,0,1,0,1,3,0,2,2,0,1,3,3,3,0,0,1,0,0,2,4,0,0,0,0,4
        lesmis_edges_communities.txt leiden 0 2,2,1,5,0,3,1,2,5,2,5,4,5,1,1,2,5,1,0,4,4,1,4,3,1,2,3,3,0,3,1,1,4,0,0,1,0,2,0,0,1,1,5,0,3,0,1,2,3,0,4,0,0,1,0,1,4,0,2,2,0,1,4,4,4,3,0,1,0,3,2,3,0,0,0,0,3
        lesmis_edges_communities.txt louvain 1 3,3,1,5,0,2,1,3,5,3,5,4,5,1,1,3,5,1,0,4,4,1,4,2,1,3,2,2,0,2,1,1,4,0,0,1,0,3,0,0,1,1,5,0,2,0,1,0,2,0,4,0,0,1,0,1,4,0,3,3,0,1,4,4,4,2,0,1,0,2,3,2,0,0,0,0,2
        lesmis_edges_communities.txt leiden 1 2,2,1,5,0,3,1,2,5,2,5,4,5,1,1,2,5,1,0,4,4,1,4,3,1,2,3,3,0,3,1,1,4,0,0,1,0,2,0,0,1,1,5,0,3,0,1,2,3,0,4,0,0,1,0,1,4,0,2,2,0,1,4,4,4,3,0,1,0,3,2,3,0,0,0,0,3
        lesmis_edges_communities.txt louvain 2 2,2,1,5,0,4,1,2,5,2,5,3,5,1,1,2,5,1,0,3,3,1,3,4,1,2,4,4,0,4,1,1,3,0,0,1,0,2,0,0,1,1,5,0,4,0,1,0,4,0,3,0,0,1,0,1,3,0,2,2,0,1,3,3,3,0,0,1,0,0,2,4,0,0,0,0,4
        lesmis_edges_communities.txt leiden 2 2,2,1,5,0,3,1,2,5,2,5,4,5,1,1,2,5,1,0,4,4,1,4,3,1,2,3,3,0,3,1,1,4,0,0,1,0,2,0,0,1,1,5,0,3,0,1,2,3,0,4,0,0,1,0,1,4,0,2,2,0,1,4,4,4,3,0,1,0,3,2,3,0,0,0,0,3
        lesmis_edges_communities.txt louvain 3 2,2,1,5,0,4,1,2,5,2,5,3,5,1,1,2,5,1,0,3,3,1,3,4,1,2,4,4,0,4,1,1,3,0,0,1,0,2,0,0,1,1,5,0,4,0,1,0,4,0,3,0,0,1,0,1,3,0,2,2,0,1,3,3,3,0,0,1,0,0,2,4,0,0,0,0,4
        lesmis_edges_communities.txt leiden 3 2,2,1,5,0,3,1,2,5,2,5,4,5,1,1,2,5,1,0,4,4,1,4,3,1,2,3,3,0,3,1,1,4,0,0,1,0,2,0,0,1,1,5,0,3,0,1,2,3,0,4,0,0,1,0,1,4,0,2,2,0,1,4,4,4,3,0,1,0,3,2,3,0,0,0,0,3
        """

    @Test func partitionsAreThoseOfTheSeparateCopies() throws {
        var graphs: [String: AnalysisGraph] = [:]
        var checked = 0
        for line in Self.recorded.split(separator: "\n") {
            let f = line.split(separator: " ")
            let name = String(f[0]), algorithm = f[1], seed = UInt64(f[2])!
            let expected = f[3].split(separator: ",").map { Int32($0)! }
            if graphs[name] == nil { graphs[name] = edgeListGraph(try communityFixture(name)) }
            let g = graphs[name]!
            let found = algorithm == "louvain" ? Louvain.run(g, seed: seed) : Leiden.run(g, seed: seed)
            #expect(found.membership == expected, "\(name) \(algorithm) seed \(seed)")
            checked += 1
        }
        #expect(checked == 16)
    }
}
