import Testing
@testable import RenkeiCore

@Suite struct StructureTests {
    typealias F = AnalysisFixtures

    @Test(arguments: ["karate", "florentine", "leafy"])
    func clusteringMatchesNetworkX(graph name: String) {
        let g = F.graph(name)
        #expect(mismatches(g, g.clustering(), F.measure(name, "clustering")) == [])
        #expect(close(g.averageClustering(), F.scalar(name, "average_clustering")))
        #expect(close(g.transitivity(), F.scalar(name, "transitivity")))
    }

    @Test func karateTransitivityPublished() {
        // Zachary's karate club: transitivity 0.2557 and average clustering 0.5706 (NetworkX docs).
        let g = F.graph("karate")
        #expect(abs(g.transitivity() - 0.2556818181818182) < 1e-12)
        #expect(abs(g.averageClustering() - 0.5706384782076823) < 1e-12)
    }

    @Test(arguments: ["karate", "leafy"])
    func weightedClusteringMatchesPeers(graph name: String) {
        let g = F.graph(name)
        #expect(mismatches(g, g.clustering(.onnela), F.measure(name, "clustering_onnela")) == [])
        #expect(close(g.averageClustering(.onnela), F.scalar(name, "average_clustering_onnela")))
        #expect(mismatches(g, g.clustering(.barrat), F.measure(name, "clustering_barrat")) == [])
    }

    @Test(arguments: ["karate", "florentine", "leafy"])
    func coreNumbersMatchNetworkX(graph name: String) {
        let g = F.graph(name)
        #expect(mismatches(g, g.coreNumbers().map(Double.init), F.measure(name, "core_number")) == [])
    }

    @Test(arguments: ["karate", "leafy"])
    func componentsMatchNetworkX(graph name: String) {
        let g = F.graph(name)
        let c = g.connectedComponents()
        let ours = c.members.map { Set($0.map { g.labels[$0.int] }) }
        let theirs = F.components(name).map(Set.init)
        #expect(ours == theirs)
        for (i, m) in c.members.enumerated() {
            #expect(m == m.sorted())
            for v in m { #expect(c.component[v.int] == Int32(i)) }
        }
        #expect(zip(c.members, c.members.dropFirst()).allSatisfy {
            $0.count > $1.count || ($0.count == $1.count && $0[0] < $1[0])
        })
    }

    /// A hand-checked example. Groups: v = 社協 (0); a, b = 社協 (0); c = 学校 (1); d, e = NPO (2).
    /// v is linked to a, b, c, d, e; a–b and d–e are also linked (closed pairs).
    /// Unordered open pairs around v:
    ///   {a,c} {a,d} {a,e} {b,c} {b,d} {b,e}: exactly one end shares v's group → 6 pairs,
    ///       each 1 representative + 1 gatekeeper;
    ///   {c,d} {c,e}: all three groups differ → 2 pairs × 2 = 4 liaison;
    ///   {a,b} closed, {d,e} closed → nothing.
    /// Around a (社協; neighbours v, b — linked): nothing. Around d (NPO; neighbours v, e — linked): nothing.
    /// Around c: degree 1 → nothing. Add f (学校) linked to c and d: around d the open pairs are
    ///   {v,f}: v 社協, f 学校, d NPO → liaison 2; {e,f}: e NPO shares d's group, f does not → 1 + 1.
    ///   Around c: {v,f}: v 社協, f 学校 = c's group → 1 representative + 1 gatekeeper.
    ///   Around v nothing changes. f: neighbours c, d not linked; c shares f's group → 1 + 1.
    @Test func brokerageHandChecked() {
        // v a b c d e f
        let g = AnalysisGraph(labels: ["v", "a", "b", "c", "d", "e", "f"], edges: [
            (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1), (0, 5, 1), (1, 2, 1), (4, 5, 1), (3, 6, 1), (4, 6, 1),
        ])
        let groups = [0, 0, 0, 1, 2, 2, 1]
        let r = g.brokerage(groups: groups)
        #expect(r[0] == BrokerageRoles(coordinator: 0, gatekeeper: 6, representative: 6, itinerant: 0, liaison: 4))
        #expect(r[1] == BrokerageRoles())
        #expect(r[2] == BrokerageRoles())
        #expect(r[3] == BrokerageRoles(gatekeeper: 1, representative: 1))
        #expect(r[4] == BrokerageRoles(gatekeeper: 1, representative: 1, liaison: 2))
        #expect(r[5] == BrokerageRoles())
        #expect(r[6] == BrokerageRoles(gatekeeper: 1, representative: 1))
        #expect(r[0].total == 16)
    }

    /// Coordinator and itinerant in a star: centre 0 (group 0) with leaves 1, 2 (group 0) and 3, 4 (group 1).
    @Test func brokerageCoordinatorAndItinerant() {
        let star = AnalysisGraph(labels: ["0", "1", "2", "3", "4"],
                                 edges: [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1)])
        let r = star.brokerage(groups: [0, 0, 0, 1, 1])
        // {1,2}: coordinator 2; {3,4}: itinerant? No — 3, 4 share a group other than 0's → itinerant 2;
        // {1,3} {1,4} {2,3} {2,4}: 4 pairs → 4 representative + 4 gatekeeper.
        #expect(r[0] == BrokerageRoles(coordinator: 2, gatekeeper: 4, representative: 4, itinerant: 2, liaison: 0))
    }
}
