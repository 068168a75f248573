import Foundation

/// Seeded random graph models for tests and benchmarks.
public enum RandomGraphs {
    /// A Barabási–Albert preferential-attachment graph (Barabási & Albert 1999, "Emergence of
    /// scaling in random networks", Science 286, 509–512, doi:10.1126/science.286.5439.509), built
    /// as NetworkX's `barabasi_albert_graph`: the first new vertex links to `m` initial vertices,
    /// then every new vertex links to `m` distinct earlier vertices chosen with probability
    /// proportional to degree. `n` vertices, `m (n − m)` edges, all of weight 1.
    /// - Complexity: O(*n m*) expected.
    public static func barabasiAlbert(nodes n: Int, edgesPerNode m: Int, seed: UInt64) -> [(Int32, Int32)] {
        precondition(m >= 1 && m < n, "need 1 <= m < n")
        var rng = SplitMixRandom(seed: seed)
        var edges: [(Int32, Int32)] = []
        edges.reserveCapacity(m * (n - m))
        var repeated: [Int32] = []
        repeated.reserveCapacity(2 * m * (n - m))
        var targets = (0..<m).map { Int32($0) }
        var mark = [Int](repeating: -1, count: n)
        for source in m..<n {
            for t in targets {
                edges.append((Int32(source), t))
                repeated.append(t)
                repeated.append(Int32(source))
            }
            // m distinct targets for the next vertex, by degree.
            targets.removeAll(keepingCapacity: true)
            while targets.count < m {
                let t = repeated[rng.uniform(repeated.count)]
                if mark[Int(t)] != source { mark[Int(t)] = source; targets.append(t) }
            }
        }
        return edges
    }

    /// A planted-partition graph (the stochastic block model with equal blocks; Condon & Karp 2001,
    /// "Algorithms for graph partitioning on the planted partition model", Random Struct. Algor. 18,
    /// 116–140, doi:10.1002/1098-2418(200103)18:2<116::AID-RSA1001>3.0.CO;2-2): `blocks` blocks of
    /// `blockSize` vertices (block *b* holds vertices `b·blockSize ..< (b+1)·blockSize`); each pair
    /// inside a block is linked with probability `pIn`, each pair across blocks with `pOut`.
    /// Pairs are skipped geometrically (Batagelj & Brandes 2005, doi:10.1103/PhysRevE.71.036113),
    /// so the cost follows the number of edges, not of pairs.
    /// - Complexity: O(*n* + *m*) expected.
    public static func plantedPartition(blocks: Int, blockSize: Int, pIn: Double, pOut: Double,
                                        seed: UInt64) -> [(Int32, Int32)] {
        var rng = SplitMixRandom(seed: seed)
        let n = blocks * blockSize
        var edges: [(Int32, Int32)] = []
        // Enumerate pairs (v, w), w < v, row by row; skip ahead by geometric jumps.
        func sample(_ p: Double, inside: Bool) {
            guard p > 0 else { return }
            let logQ = log(1 - min(p, 1 - 1e-16))
            for v in 0..<n {
                // Candidate w range for this row.
                let block = v / blockSize
                let lo = inside ? block * blockSize : 0
                let hi = inside ? v : block * blockSize  // exclusive; across-block pairs with w < v lie before the block
                var w = lo - 1
                while true {
                    let r = rng.unit()
                    w += 1 + (p >= 1 ? 0 : Int(log(1 - r) / logQ))
                    if w >= hi { break }
                    edges.append((Int32(w), Int32(v)))
                }
            }
        }
        sample(pIn, inside: true)
        sample(pOut, inside: false)
        return edges
    }

    /// Wraps an unweighted edge list as an ``AnalysisGraph`` labelled `0 ..< n`.
    public static func graph(nodes n: Int, edges: [(Int32, Int32)]) -> AnalysisGraph {
        AnalysisGraph(labels: (0..<n).map(String.init), edges: edges.map { ($0.0, $0.1, 1.0) })
    }
}
