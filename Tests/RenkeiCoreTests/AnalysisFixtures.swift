import Foundation
@testable import RenkeiCore

/// Reads the NetworkX fixtures written by Fixtures/make_fixtures.py.
enum AnalysisFixtures {
    nonisolated(unsafe) static let expected: [String: Any] = {
        let url = Bundle.module.url(forResource: "analysis_expected", withExtension: "json", subdirectory: "Fixtures")!
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func graphInfo(_ name: String) -> [String: Any] {
        (expected["graphs"] as! [String: Any])[name] as! [String: Any]
    }

    /// The fixture's edge list (`u v [w]` lines), vertices in order of first appearance.
    static func graph(_ name: String) -> AnalysisGraph {
        let file = graphInfo(name)["file"] as! String
        return edgeList(file)
    }

    static func edgeList(_ file: String) -> AnalysisGraph {
        let text = try! communityFixture(file)
        var index: [String: Int32] = [:]
        var labels: [String] = []
        var edges: [(Int32, Int32, Double)] = []
        func id(_ s: String) -> Int32 {
            if let i = index[s] { return i }
            index[s] = Int32(labels.count); labels.append(s); return Int32(labels.count - 1)
        }
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            guard f.count >= 2 else { continue }
            edges.append((id(f[0]), id(f[1]), f.count > 2 ? Double(f[2])! : 1))
        }
        return AnalysisGraph(labels: labels, edges: edges)
    }

    static func measure(_ graph: String, _ name: String) -> [String: Double] {
        let m = graphInfo(graph)["measures"] as! [String: Any]
        return (m[name] as! [String: Any]).mapValues { ($0 as! NSNumber).doubleValue }
    }

    static func scalar(_ graph: String, _ name: String) -> Double {
        ((graphInfo(graph)["scalars"] as! [String: Any])[name] as! NSNumber).doubleValue
    }

    static func components(_ graph: String) -> [[String]] {
        (graphInfo(graph)["scalars"] as! [String: Any])["components"] as! [[String]]
    }
}

/// |a − b| ≤ 1e-9 · max(|a|, |b|), or both within 1e-12 of zero.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    if abs(a) < 1e-12 && abs(b) < 1e-12 { return true }
    return abs(a - b) <= relative * max(abs(a), abs(b))
}

/// Labels whose computed value differs from the expected one.
func mismatches(_ g: AnalysisGraph, _ values: [Double], _ expected: [String: Double],
                relative: Double = 1e-9) -> [String] {
    var bad: [String] = []
    if expected.count != g.nodeCount { bad.append("node count \(g.nodeCount) vs \(expected.count)") }
    for (i, label) in g.labels.enumerated() {
        guard let e = expected[label] else { bad.append("\(label): missing"); continue }
        if !close(values[i], e, relative: relative) { bad.append("\(label): \(values[i]) vs \(e)") }
    }
    return bad
}
