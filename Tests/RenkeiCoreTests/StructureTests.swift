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

    /// Published statnet values: `sna::brokerage(strike_net, cl)$raw.nli` on the Strike network
    /// (24 wood-processing workers, 38 symmetric ties; de Nooy, Mrvar & Batagelj, *Exploratory
    /// Social Network Analysis with Pajek*, Cambridge University Press, 2005; groups
    /// from `Strikegroups.csv`), as printed in the "Centrality and Brokerage in statnet" lab of
    /// github.com/cllghn/r4sna (data `data/Strike.net`, `data/Strikegroups.csv`). The sociomatrix
    /// is symmetric, so statnet counts each open two-path in both directions — the convention of
    /// ``BrokerageRoles`` — and its b_IO and b_OI columns are equal (our gatekeeper and
    /// representative). Columns: w_I, w_O, b_IO, b_OI, b_O, t.
    @Test func brokerageMatchesStatnetOnStrike() {
        let names = ["Xavier", "Utrecht", "Frank", "Domingo", "Norm", "Hal", "Russ", "Karl", "Bob", "Quint",
                     "Wendle", "Ozzie", "Ike", "Ted", "Sam", "Vern", "Gill", "Lanny", "Mike", "Carlos",
                     "Alejandro", "Paul", "Eduardo", "John"]
        let groups = [3, 3, 2, 1, 3, 2, 3, 2, 2, 3, 3, 3, 2, 3, 3, 3, 2, 2, 2, 1, 1, 3, 1, 2]
        let edges: [(Int32, Int32, Double)] = [
            (0, 10, 1), (0, 14, 1), (1, 4, 1), (1, 6, 1), (1, 9, 1), (1, 14, 1), (2, 16, 1), (3, 19, 1),
            (3, 20, 1), (3, 22, 1), (4, 8, 1), (4, 11, 1), (4, 14, 1), (4, 15, 1), (4, 21, 1), (5, 8, 1),
            (5, 16, 1), (5, 23, 1), (6, 9, 1), (6, 13, 1), (7, 11, 1), (7, 17, 1), (7, 23, 1), (8, 12, 1),
            (8, 17, 1), (8, 18, 1), (8, 20, 1), (8, 23, 1), (9, 21, 1), (10, 14, 1), (12, 16, 1), (12, 18, 1),
            (13, 15, 1), (16, 23, 1), (17, 23, 1), (19, 20, 1), (19, 22, 1), (20, 22, 1),
        ]
        let statnet: [String: [Int]] = [
            "Xavier": [0, 0, 0, 0, 0, 0], "Utrecht": [8, 0, 0, 0, 0, 8], "Frank": [0, 0, 0, 0, 0, 0],
            "Domingo": [0, 0, 0, 0, 0, 0], "Norm": [18, 0, 5, 5, 0, 28], "Hal": [2, 0, 0, 0, 0, 2],
            "Russ": [4, 0, 0, 0, 0, 4], "Karl": [0, 0, 2, 2, 0, 4], "Bob": [14, 0, 10, 10, 2, 36],
            "Quint": [4, 0, 0, 0, 0, 4], "Wendle": [0, 0, 0, 0, 0, 0], "Ozzie": [0, 0, 1, 1, 0, 2],
            "Ike": [4, 0, 0, 0, 0, 4], "Ted": [2, 0, 0, 0, 0, 2], "Sam": [8, 0, 0, 0, 0, 8],
            "Vern": [2, 0, 0, 0, 0, 2], "Gill": [10, 0, 0, 0, 0, 10], "Lanny": [2, 0, 0, 0, 0, 2],
            "Mike": [0, 0, 0, 0, 0, 0], "Carlos": [0, 0, 0, 0, 0, 0], "Alejandro": [0, 0, 3, 3, 0, 6],
            "Paul": [2, 0, 0, 0, 0, 2], "Eduardo": [0, 0, 0, 0, 0, 0], "John": [12, 0, 0, 0, 0, 12],
        ]
        let g = AnalysisGraph(labels: names, edges: edges)
        #expect(g.edgeCount == 38)
        let roles = g.brokerage(groups: groups)
        for (v, name) in names.enumerated() {
            let r = roles[v]
            #expect([r.coordinator, r.itinerant, r.gatekeeper, r.representative, r.liaison, r.total] == statnet[name],
                    "\(name)")
        }
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
