import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// A table read back from a large file (GraphML, GEXF, JSON) is turned into partnerships on all
/// cores, in runs of rows: what comes out must be what one loop over the rows makes — relations
/// added to the vocabulary in the order the rows first name them, problems in row order — and the
/// partnership graph built from the ends found on the way must be the one built by looking the
/// ids up.
@Suite struct LargeTableImportTests {
    static let nodeCount = 1_000
    static let edgeCount = 70_000

    static func name(_ i: Int) -> String { "団体\(i)" }
    /// Edge k joins node k mod n with node (7k + 1) mod n.
    static func ends(_ k: Int) -> (Int, Int) { (k % nodeCount, (7 * k + 1) % nodeCount) }

    /// Relations of edge k as the table gives them.
    static func relations(_ k: Int) -> [String] {
        if k == 50_000 { return ["新規B"] }
        if k == 60_000 { return ["独自連携A", "新規B", "独自連携A"] }
        if k % 7 == 3 { return ["独自連携A"] }
        if k % 11 == 5 { return ["後援"] }
        return []
    }

    static func table(changing change: (Int, inout [String: AttributeValue], inout String) -> Void = { _, _, _ in }) -> NetworkTable {
        let nodes = (0..<nodeCount).map { i in
            (id: name(i), values: ["name": AttributeValue.string(name(i)), "kind": .string("NPO")], line: Optional(i + 2))
        }
        let edges = (0..<edgeCount).map { k in
            var values: [String: AttributeValue] = ["weight": .double(Double(k % 5 + 1)), "evidence": .list(["t.csv:\(k + 2)"])]
            let r = relations(k)
            if !r.isEmpty { values["relations"] = .list(r) }
            var target = name(ends(k).1)
            change(k, &values, &target)
            return (id: "e\(k)", source: name(ends(k).0), target: target, values: values, line: Optional(k + 2))
        }
        return NetworkTable(metadata: DatasetMetadata(name: "large"), metricColumns: [], nodes: nodes, edges: edges)
    }

    @Test func aLargeTableIsConvertedAsOneLoopWouldConvertIt() throws {
        #expect(Self.edgeCount >= NetworkTable.parallelEdges)  // the rows are read on all cores
        let (dataset, _) = try Self.table().dataset(file: "t.graphml")
        #expect(dataset.partnerships.count == Self.edgeCount)
        // The two relations the standard vocabulary lacks, in the order the rows first name them
        // (row 3, then row 50,000).
        let standard = Vocabulary.standard.relations.count
        #expect(dataset.vocabulary.relations.dropFirst(standard).map(\.id) == ["独自連携A", "新規B"])
        for k in [0, 3, 5, 16, 49_999, 50_000, 60_000, 69_999] {
            let p = dataset.partnerships[k]
            let endorsement = try #require(Vocabulary.standard.relation(named: "後援")).id
            #expect(p.relations.map(\.id) == Self.relations(k).map { $0 == "後援" ? endorsement : $0 }, "row \(k)")
            #expect(p.source == Self.name(Self.ends(k).0) && p.target == Self.name(Self.ends(k).1))
            #expect(p.weight == Double(k % 5 + 1))
            #expect(p.evidence == [SourceReference(document: "t.csv", line: k + 2)])
        }

        // Counts by construction: a partnership naming a relation twice counts once.
        let stats = DatasetStatistics(dataset)
        let rows = 0..<Self.edgeCount
        let count = { (id: String) in rows.filter { Set(Self.relations($0)).contains(id) }.count }
        let counts = Dictionary(uniqueKeysWithValues: stats.relations.map { ($0.label, $0.count) })
        #expect(counts["後援"] == count("後援"))
        #expect(counts["独自連携A"] == count("独自連携A") && count("独自連携A") == 10_000)
        #expect(counts["新規B"] == 2)
        #expect(stats.partnershipsWithoutRelations == rows.filter { Self.relations($0).isEmpty }.count)
        // Components by a union–find over the construction.
        var parent = Array(0..<Self.nodeCount)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        for k in rows { let (s, t) = Self.ends(k); parent[root(s)] = root(t) }
        let components = Set((0..<Self.nodeCount).map(root)).count
        #expect(stats.partnerships == Self.edgeCount && stats.components == components && stats.isolatedOrganizations == 0)

        // The graph from the ends found while reading, and from looking every id up (a changed
        // partnership list forgets the ends).
        #expect(dataset.partnershipEnds?.count == Self.edgeCount)
        var looked = dataset
        looked.partnerships[0].note = "changed"
        #expect(looked.partnershipEnds == nil)
        let filter = GraphFilter(weighting: .weight)
        let a = AnalysisGraph.partnershipGraph(of: dataset, filter: filter)
        let b = AnalysisGraph.partnershipGraph(of: looked, filter: filter)
        #expect(a.labels == b.labels && a.edgeCount == b.edgeCount)
        #expect(a.nodes.map { a.strength(of: $0) } == b.nodes.map { b.strength(of: $0) })
        // Node 0's weight by construction: each row touching it adds its weight (a loop twice).
        var strength0 = 0.0
        for k in rows where Self.ends(k).0 == 0 || Self.ends(k).1 == 0 {
            strength0 += Double(k % 5 + 1) * (Self.ends(k).0 == Self.ends(k).1 ? 2 : 1)
        }
        #expect(a.strength(of: NodeIndex(0)) == strength0 && a.labels[0] == Self.name(0))
    }

    @Test func problemsOfALargeTableComeInRowOrder() {
        let table = Self.table { k, values, target in
            switch k {
            case 10, 69_999: target = "不明"
            case 20_000: values["status"] = .string("done")
            case 40_000: values["weight"] = .double(-1)
            default: break
            }
        }
        let error = #expect(throws: InputError.self) { _ = try table.dataset(file: "t.graphml") }
        #expect(error?.problems.map(\.description) == [
            "t.graphml:12: field 'target': edge e10 names node 不明, which is not in the file",
            "t.graphml:20002: field 'status': unknown status 'done' (expected realised or planned)",
            "t.graphml:40002: field 'weight': weight -1.0 of edge e40000 is not a positive finite number (weights must be positive numbers)",
            "t.graphml:70001: field 'target': edge e69999 names node 不明, which is not in the file",
        ])
    }
}
