// renkei-bench: times Renkei's analysis algorithms in-process on one edge list and prints JSON.
//
//   renkei-bench FILE [ALGORITHM ...] [--repeat R] [--seed S]
//
// ALGORITHM is any name in `registry` below (default: all). Each is run R times (default 1) and
// the fastest time is reported. S (default 1) seeds
// every random choice (community detection, sampled betweenness). Peak memory is the process's VmHWM from /proc/self/status.
import Foundation
import RenkeiCore
import RenkeiIO

/// What a timed algorithm returns: a number, or a partition whose modularity is the checksum.
/// The modularity is computed after the clock stops, as the peers' scripts compute theirs
/// (`Benchmarks/communities.py` times NetworKit's and igraph's runs without their quality).
enum Outcome {
    case value(Double)
    case partition(CommunityPartition)

    /// The checksum printed for the run.
    func checksum(_ graph: AnalysisGraph) -> Double {
        switch self {
        case .value(let v): return v
        case .partition(let p): return Modularity.of(graph, membership: p.membership)
        }
    }
}

/// A timed algorithm: returns a checksum (or a partition) so that the work cannot be optimised away.
typealias Benchmark = @Sendable (AnalysisGraph, UInt64) throws -> Outcome

/// Every algorithm renkei-bench can time, by name. To add one, append a `(name, closure)` pair
/// whose closure returns a checksum of the result, e.g. `("cores", { g, seed in .value(Double(g.coreNumbers().max() ?? 0)) })`.
let registry: [(String, Benchmark)] = [
    ("degree", { g, _ in .value(g.degreeCentrality().reduce(0, +)) }),
    ("betweenness", { g, _ in .value(try g.betweenness().reduce(0, +)) }),
    ("betweenness_unfolded", { g, _ in .value(try g.betweenness(BetweennessOptions(foldLeaves: false)).reduce(0, +)) }),
    ("betweenness_weighted", { g, _ in .value(try g.betweenness(BetweennessOptions(weighted: true, distance: .inverse)).reduce(0, +)) }),
    ("betweenness_sampled", { g, seed in .value(try g.betweenness(BetweennessOptions(samples: 100, seed: seed)).reduce(0, +)) }),
    ("closeness", { g, _ in .value(try g.closeness().reduce(0, +)) }),
    ("harmonic", { g, _ in .value(try g.harmonic().reduce(0, +)) }),
    // The spectral measures run as `renkei centrality` does: to within 1e-9 (relative) of the exact
    // solution (igraph's PRPACK and ARPACK solve exactly); NetworkX's stopping rule (L1 change
    // < n · 1e-6) stops after a few iterations on large graphs and is timed separately.
    ("eigenvector", { g, _ in .value(try g.eigenvectorCentrality(precision: 1e-9, maxIterations: 10_000).reduce(0, +)) }),
    ("eigenvector_networkx_tolerance", { g, _ in .value(try g.eigenvectorCentrality().reduce(0, +)) }),
    ("pagerank", { g, _ in
        .value(try g.pageRank(PageRankOptions(weighted: false, precision: 1e-9, maxIterations: 10_000)).reduce(0, +))
    }),
    ("pagerank_networkx_tolerance", { g, _ in .value(try g.pageRank(PageRankOptions(weighted: false)).reduce(0, +)) }),
    ("katz", { g, _ in .value(try g.katzCentrality(alpha: 0.01).reduce(0, +)) }),
    ("clustering", { g, _ in .value(g.clustering().reduce(0, +)) }),
    ("transitivity", { g, _ in .value(g.transitivity()) }),
    ("kcore", { g, _ in .value(Double(g.coreNumbers().reduce(0, +))) }),
    ("components", { g, _ in .value(Double(g.connectedComponents().count)) }),
    ("brokerage", { g, _ in .value(Double(g.brokerage(groups: (0..<g.nodeCount).map { $0 % 5 }).reduce(0) { $0 + $1.total })) }),
    // Community detection: the checksum is the modularity of the partition found (seed S), computed
    // after the clock stops.
    ("louvain", { g, seed in .partition(Louvain.run(g, seed: seed)) }),
    ("leiden", { g, seed in .partition(Leiden.run(g, seed: seed)) }),
    ("labelprop", { g, seed in .partition(LabelPropagation.run(g, seed: seed)) }),
    ("leiden_1thread", { g, seed in .partition(Leiden.run(g, seed: seed, threads: 1)) }),
    ("labelprop_1thread", { g, seed in .partition(LabelPropagation.run(g, seed: seed, threads: 1)) }),
    ("leiden_stable", { g, seed in .partition(Leiden.run(g, seed: seed, maxIterations: Leiden.untilStable)) }),
]

func peakRSSMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return nil
}

/// User + system CPU time of the process so far, in seconds (all threads).
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func seconds(_ d: Duration) -> Double {
    let (s, a) = d.components
    return Double(s) + Double(a) * 1e-18
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 1
if let i = arguments.firstIndex(of: "--repeat"), i + 1 < arguments.count, let r = Int(arguments[i + 1]) {
    repeats = max(1, r)
    arguments.removeSubrange(i...(i + 1))
}
var seed: UInt64 = 1
if let i = arguments.firstIndex(of: "--seed"), i + 1 < arguments.count, let s = UInt64(arguments[i + 1]) {
    seed = s
    arguments.removeSubrange(i...(i + 1))
}
guard let file = arguments.first else {
    FileHandle.standardError.write(Data("usage: renkei-bench FILE [ALGORITHM ...] [--repeat R] [--seed S]\nalgorithms: \(registry.map(\.0).joined(separator: " "))\n".utf8))
    exit(2)
}
let wanted = arguments.count > 1 ? Array(arguments.dropFirst()) : registry.map(\.0)
for name in wanted where !registry.contains(where: { $0.0 == name }) {
    FileHandle.standardError.write(Data("renkei-bench: unknown algorithm '\(name)'\n".utf8))
    exit(2)
}

let clock = ContinuousClock()
let graph: AnalysisGraph
let loadTime: Duration
do {
    var g: AnalysisGraph?
    loadTime = try clock.measure { g = try EdgeListGraphReader.read(path: file) }
    graph = g!
} catch {
    FileHandle.standardError.write(Data("renkei-bench: \(error)\n".utf8))
    exit(1)
}
let rssAfterLoad = peakRSSMegabytes()

var results: [JSONValue] = []
for name in wanted {
    let run = registry.first { $0.0 == name }!.1
    var best = Double.infinity, bestCPU = Double.infinity
    var checksum = 0.0
    do {
        for _ in 0..<repeats {
            let cpu0 = cpuSeconds()
            var outcome = Outcome.value(0)
            let t = try clock.measure { outcome = try run(graph, seed) }
            best = min(best, seconds(t))
            bestCPU = min(bestCPU, cpuSeconds() - cpu0)
            checksum = outcome.checksum(graph)
        }
        results.append(.object([("algorithm", .string(name)), ("seconds", .double(best)),
                                ("cpu_seconds", .double(bestCPU)), ("checksum", .double(checksum))]))
    } catch {
        results.append(.object([("algorithm", .string(name)), ("error", .string("\(error)"))]))
    }
}

let report = JSONValue.object([
    ("file", .string(file)),
    ("nodes", .int(graph.nodeCount)),
    ("edges", .int(graph.edgeCount)),
    ("load_seconds", .double(seconds(loadTime))),
    ("peak_rss_after_load_mb", rssAfterLoad.map { .double($0) } ?? .null),
    ("peak_rss_mb", peakRSSMegabytes().map { .double($0) } ?? .null),
    ("results", .array(results)),
])
print(report.serialized())
