import Foundation
import Testing
import RenkeiApp
import RenkeiCore
import RenkeiIO

/// Each analysis request → result, in-process, against NetworkX's values or hand-counted ones.
@Suite struct AnalysisRequestTests {
    @Test(arguments: [(CentralityMeasure.betweenness, "betweenness"), (.closeness, "closeness"), (.harmonic, "harmonic"),
                      (.pagerank, "pagerank"), (.eigenvector, "eigenvector"), (.katz, "katz"), (.degree, "degree")])
    func centralityOnKarateMatchesNetworkX(_ measure: CentralityMeasure, _ key: String) throws {
        let expected = try #require(try AppFixture.networkxKarate()[key])
        let report = try CentralityRequest(input: AppFixture.karate, measure: measure).run()
        #expect(report.values.count == 34)
        // NetworkX stops PageRank and eigenvector at its tolerance (L1 change < n · 1e-6), some 1e-5
        // from the exact values the request iterates to (checked against igraph in DefaultsTests).
        let allowed = [CentralityMeasure.pagerank, .eigenvector, .katz].contains(measure) ? 2e-5 : 1e-6
        for (v, label) in report.graph.graph.labels.enumerated() {
            let want = try #require(expected[label])
            #expect(abs(report.values[v] - want) <= allowed * max(1, abs(want)), "\(key) of \(label)")
        }
        // Ranked highest first; ties keep vertex order.
        #expect(zip(report.ranking, report.ranking.dropFirst()).allSatisfy { report.values[$0] >= report.values[$1] })
    }

    @Test func centralityTopCutsAndTableNamesColumns() throws {
        let report = try CentralityRequest(input: AppFixture.karate, measure: .betweenness, top: 3).run()
        // NetworkX: nodes 0 (0.4376), 33 (0.3041), 32 (0.1452) have the highest betweenness.
        #expect(report.ranking.map { report.graph.graph.labels[$0] } == ["0", "33", "32"])
        #expect(report.table.columns == ["id", "name", "kind", "value"])
        #expect(report.rendered(as: .csv).split(separator: "\n").count == 4)
    }

    @Test func personalisationNamesAnUnknownOrganisation() throws {
        let request = CentralityRequest(input: AppFixture.karate, measure: .pagerank, personalize: ["0,99"])
        let error = #expect(throws: RequestError.self) { try request.run() }
        #expect(error?.message.hasPrefix("unknown organisation '99'") == true)
    }

    @Test func filtersNeedADatasetAndKnownNames() throws {
        let plain = #expect(throws: RequestError.self) {
            try BrokerageRequest(input: AppFixture.karate, selection: GraphSelection(realisedOnly: true)).run()
        }
        #expect(plain?.message.contains("needs a dataset") == true)
        let relation = #expect(throws: RequestError.self) {
            try CentralityRequest(input: AppFixture.good, selection: GraphSelection(relations: ["会場提共"])).run()
        }
        #expect(relation?.message == "unknown relation '会場提共' (did you mean '会場提供'?)")
        let project = #expect(throws: RequestError.self) {
            try CentralityRequest(input: AppFixture.good, selection: GraphSelection(projects: ["p3"])).run()
        }
        #expect(project?.message == "unknown project 'p3' in \(AppFixture.good.path) (did you mean 'p1'?)")
    }

    @Test func selectionNarrowsTheGraph() throws {
        // p1 has 4 partnerships (one planned), p2 one; realised-only drops watalis–watari-shakyo (planned),
        // and p2's wanzu–watari-shakyo keeps watari-shakyo in the graph.
        let all = try CentralityRequest(input: AppFixture.good, measure: .degree, normalized: false).run()
        let realised = try CentralityRequest(input: AppFixture.good, selection: GraphSelection(realisedOnly: true),
                                             measure: .degree, normalized: false).run()
        func degree(_ r: CentralityReport, _ id: String) -> Double? {
            r.graph.graph.labels.firstIndex(of: id).map { r.values[$0] }
        }
        #expect(degree(all, "watalis") == 4)
        #expect(degree(realised, "watalis") == 3)
        #expect(degree(all, "watari-shakyo") == 2)
        #expect(degree(realised, "watari-shakyo") == 1)
        let onlyP2 = try CentralityRequest(input: AppFixture.good, selection: GraphSelection(projects: ["p2"]),
                                           measure: .degree, normalized: false).run()
        #expect(degree(onlyP2, "wanzu") == 1)
        #expect(degree(onlyP2, "watalis") == nil, "only organisations of the kept partnerships are vertices")
    }

    @Test func clusteringOnKarateMatchesNetworkX() throws {
        let expected = try AppFixture.networkxKarate()
        let report = try ClusteringRequest(input: AppFixture.karate).run()
        #expect(abs(report.averageClustering - 0.5706384782076823) < 1e-12)
        #expect(abs(report.transitivity - 0.2556818181818182) < 1e-12)
        #expect(report.components.count == 1)
        for (v, label) in report.graph.graph.labels.enumerated() {
            #expect(abs(report.local[v] - expected["clustering"]![label]!) < 1e-12)
            #expect(Double(report.cores[v]) == expected["core_number"]![label]!)
        }
        #expect(report.rendered(as: .json, summaryOnly: true).contains("\"transitivity\""))
        // One language per table: the text table names the measures in Japanese, CSV keeps the
        // English field names (karate: 34 members, 78 ties, NetworkX's transitivity 0.2557).
        let text = report.rendered(as: .table, summaryOnly: true)
        #expect(text.contains("推移性") && text.contains("0.2557") && !text.contains("transitivity"))
        let csv = report.rendered(as: .csv, summaryOnly: true)
        #expect(csv.contains("organizations,34") && csv.contains("partnered_pairs,78") && !csv.contains("推移性"))
    }

    @Test func communitiesOnKarateReachThePublishedModularity() throws {
        // The best partition of Zachary's karate club has Q = 0.4198 (Brandes et al. 2008, via
        // exhaustive ILP); Leiden finds it.
        let report = try CommunitiesRequest(input: AppFixture.karateUnweighted, algorithm: .leiden, seed: 1, runs: 5).run()
        #expect(abs(report.detection.modularity - 0.4198) < 5e-4)
        #expect(report.detection.runModularities.count == 5)
        let json = report.json.serialized()
        #expect(json.contains("\"algorithm\":\"leiden\"") || json.contains("\"algorithm\": \"leiden\""))
        #expect(#expect(throws: RequestError.self) { try CommunitiesRequest(input: AppFixture.karate, runs: 0).run() } != nil)
        // Until stable (`--iterations 0`): every run at least as good as the same seed's 2 iterations,
        // and still the published optimum for the best run.
        let stable = try CommunitiesRequest(input: AppFixture.karateUnweighted, algorithm: .leiden, seed: 1, runs: 5,
                                            iterations: Leiden.untilStable).run()
        #expect(abs(stable.detection.modularity - 0.4198) < 5e-4)
        for (a, b) in zip(stable.detection.runModularities, report.detection.runModularities) { #expect(a >= b - 1e-12) }
        #expect(#expect(throws: RequestError.self) {
            try CommunitiesRequest(input: AppFixture.karate, iterations: 0).run()
        } != nil)
    }

    @Test func brokerageCountsOpenTwoPathsByKind() throws {
        // In the good fixture watalis (NPO) links watari-town (行政), watari-shakyo (社協), hoikuen and
        // kyosei, none of them partners of each other: C(4,2) = 6 open pairs through watalis.
        let report = try BrokerageRequest(input: AppFixture.good).run()
        let v = try #require(report.graph.graph.labels.firstIndex(of: "watalis"))
        #expect(report.ranking.first == v)
        // Undirected data counts each open pair in both directions (statnet): 12 brokerage counts.
        #expect(report.roles[v].total == 12)
    }

    @Test func partnersByKindCountProjectsAndShares() throws {
        // p1's partners: 亘理町 (行政), 亘理町社協 (社協), 地域の保育園, 共生地域創造財団; p2's: 亘理町社協.
        let report = try PartnersRequest(input: AppFixture.good, grouping: .kind).run()
        #expect(report.projectCount == 2)
        let shakyo = try #require(report.rows.first { $0.key == "社協" })
        #expect(shakyo.projects == 2 && shakyo.share == 1 && shakyo.partnerships == 2)
        #expect(report.rows.first?.key == "社協")
        let gyosei = try #require(report.rows.first { $0.key == "行政" })
        #expect(gyosei.projects == 1 && gyosei.share == 0.5)
        #expect(report.note == nil)
    }

    @Test func partnersOfAnEdgeListReadEachSourceAsALead() throws {
        let dir = try AppFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/list.csv"
        try "source,target\nA,社協\nA,市役所\nB,社協\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let report = try PartnersRequest(input: DatasetInput(path: csv), grouping: .organization).run()
        #expect(report.projectCount == 2)
        #expect(report.note?.contains("has no projects; each source organisation is read as the lead of one project (2 projects)") == true)
        #expect(report.rows.first?.kind == "社協" && report.rows.first?.projects == 2 && report.rows.first?.share == 1)
    }

    @Test func projectionCountsSharedProjects() throws {
        // watari-shakyo is in p1 and p2: it shares one project with each p1 participant and with wanzu.
        let report = try ProjectionRequest(input: AppFixture.good, view: .organizations, weighting: .count).run()
        let rows = report.table.rows
        let shakyoWanzu = rows.first { r in
            let ids = Set([r[0], r[2]].compactMap { if case let .text(t) = $0 { return t } else { return nil } })
            return ids == ["watari-shakyo", "wanzu"]
        }
        #expect(shakyoWanzu?[4] == .integer(1))
        // p1 has 5 participants (lead included): C(5,2) = 10 pairs; p2 adds wanzu–watari-shakyo.
        #expect(rows.count == 11)
        let incidence = try ProjectionRequest(input: AppFixture.good, view: .incidence).run()
        #expect(incidence.table.rows.count == 2)
        #expect(!incidence.rendered(as: .csv).contains("事業 × 種別"))
    }
}

/// Issue 13: right defaults. PageRank, eigenvector and Katz reach the exact values (igraph PRPACK,
/// ARPACK, a linear solve: Tests/RenkeiCoreTests/Fixtures/make_spectral_fixture.py); an edge-list
/// CSV with a weight column is weighed by it.
@Suite struct DefaultsTests {
    static let spectral400 = DatasetInput(path: AppFixture.tests.appendingPathComponent("RenkeiCoreTests/Fixtures/spectral400.txt").path)

    @Test(arguments: [(CentralityMeasure.pagerank, "pagerank"), (.eigenvector, "eigenvector"), (.katz, "katz")])
    func spectralDefaultsAreExact(_ measure: CentralityMeasure, _ key: String) throws {
        let url = AppFixture.tests.appendingPathComponent("RenkeiCoreTests/Fixtures/spectral400_expected.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let exact = (json[key] as! [String: Any]).mapValues { ($0 as! NSNumber).doubleValue }
        let report = try CentralityRequest(input: Self.spectral400, measure: measure).run()
        let top = exact.values.map(abs).max()!
        var worst = 0.0
        for (v, label) in report.graph.graph.labels.enumerated() { worst = max(worst, abs(report.values[v] - exact[label]!)) }
        #expect(worst / top < 1e-9, "\(key)")
        let loose = try CentralityRequest(input: Self.spectral400, measure: measure, tolerance: 1e-3).run()
        var looseWorst = 0.0
        for (v, label) in loose.graph.graph.labels.enumerated() { looseWorst = max(looseWorst, abs(loose.values[v] - exact[label]!)) }
        #expect(looseWorst / top < 1e-3 && looseWorst > worst, "\(key) with tolerance 1e-3")
    }

    @Test func edgeListCSVWithWeightsIsWeighedByThem() throws {
        let folder = try AppFixture.temporaryFolder()
        let path = folder + "/w.csv"
        try "source,target,weight\nA,B,3\nB,C,1\nC,A,2\nC,D,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let weighed = try OrganizationGraph.load(DatasetInput(path: path), selection: GraphSelection())
        #expect(weighed.weighting == .weight)
        #expect(weighed.weightingNote == "edge weight: weight (the CSV's weight column)")
        // Strength of C: 1 + 2 + 5 (hand-counted from the column).
        let c = try #require(weighed.graph.node(labelled: "C"))
        #expect(weighed.graph.strength(of: c) == 8)
        let asked = try OrganizationGraph.load(DatasetInput(path: path), selection: GraphSelection(weighting: .relations))
        #expect(asked.weighting == .relations && asked.weightingNote == nil)
        #expect(asked.graph.strength(of: try #require(asked.graph.node(labelled: "C"))) == 3)
        // Without a weight column: relations, and said so.
        try "source,target\nA,B\nB,C\n".write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try OrganizationGraph.load(DatasetInput(path: path), selection: GraphSelection())
        #expect(plain.weighting == .relations && plain.weightingNote == "edge weight: relations")
        // A dataset folder keeps relations (the seed diagrams and reports are unchanged).
        #expect(try OrganizationGraph.load(AppFixture.good, selection: GraphSelection()).weighting == .relations)
    }
}

/// A dataset folder read for its graph alone (`CompactDatasetFolder`) gives the commands what the
/// whole dataset gives them.
@Suite struct CompactFolderRequestTests {
    func edges(_ g: AnalysisGraph) -> [String] { g.edges.map { "\($0.u.int)-\($0.v.int):\($0.weight)" } }

    @Test(arguments: [AppFixture.good, AppFixture.seed])
    func graphNamesKindsCountsAndValidationAsFromTheWholeDataset(_ input: DatasetInput) throws {
        #expect(try input.compactFolder() != nil, "\(input.path) is read the fast way")
        for weighting: PartnershipWeighting? in [nil, .relations, .weight, .count] {
            let selection = GraphSelection(weighting: weighting)
            let fast = try OrganizationGraph.load(input, selection: selection, needsDataset: false)
            let whole = try OrganizationGraph.load(input, selection: selection, needsDataset: true)
            #expect(fast.dataset == nil)
            #expect(whole.dataset != nil)
            #expect(fast.graph.labels == whole.graph.labels)
            #expect(edges(fast.graph) == edges(whole.graph), "\(String(describing: weighting))")
            #expect(fast.names == whole.names)
            #expect(fast.kinds == whole.kinds)
            #expect(fast.weighting == whole.weighting)
        }
        let validate = ValidateRequest(input: input, merges: true)
        #expect(try validate.runText() == (try validate.run().text))
        #expect(try StatsRequest(input: input).run() == DatasetStatistics(try input.load().dataset))
    }

    @Test func exportsOfAFolderAsOfTheWholeDataset() throws {
        // DiffTests.old() has no evidence or notes, so its exports are written from the rows;
        // the good fixture has both, so its go through the general writer. Either way the bytes
        // are those of the whole dataset's export.
        let plain = try DiffTests.old()
        #expect(try plain.compactFolder()?.hasDetails == false)
        #expect(try AppFixture.good.compactFolder()?.hasDetails == true)
        for input in [plain, AppFixture.good] {
            let dataset = try input.load().dataset
            for format in ExportFormat.allCases where format != .xlsx {
                let result = try ExportRequest(input: input, format: format).run()
                let whole = try NetworkExport.render(dataset, format: format)
                #expect(result.files.map(\.name) == whole.map(\.name), "\(input.path) \(format)")
                #expect(result.files.map(\.bytes) == whole.map(\.bytes), "\(input.path) \(format)")
            }
        }
    }

    @Test func aFolderWithProblemsIsReportedByTheGeneralReader() throws {
        #expect(try AppFixture.bad.compactFolder() == nil)
        let error = #expect(throws: InputError.self) { try CentralityRequest(input: AppFixture.bad, measure: .degree).run() }
        let validation = #expect(throws: InputError.self) { try ValidateRequest(input: AppFixture.bad).run() }
        #expect(error?.problems.count == 17)
        #expect(error?.problems == validation?.problems)
    }
}
