import Foundation

/// Agreement between two partitions of the same vertices.
public enum PartitionSimilarity {
    /// Normalised mutual information, NMI = 2 I(X;Y) / (H(X) + H(Y)) (Danon, Díaz-Guilera,
    /// Duch & Arenas 2005, "Comparing community structure identification", J. Stat. Mech. P09008,
    /// doi:10.1088/1742-5468/2005/09/P09008); the arithmetic normalisation, as scikit-learn's
    /// `normalized_mutual_info_score`. Two partitions that both put everything in one community
    /// have NMI 1.
    /// - Complexity: O(*n*) expected.
    public static func nmi(_ a: [Int32], _ b: [Int32]) -> Double {
        nmi(Contingency(a, b))
    }

    /// NMI from a contingency table.
    static func nmi(_ t: Contingency) -> Double {
        let n = Double(t.count)
        guard n > 0 else { return 1 }
        func entropy(_ counts: [Int]) -> Double {
            var h = 0.0
            for c in counts where c > 0 { let p = Double(c) / n; h -= p * log(p) }
            return h
        }
        let ha = entropy(t.rowSums), hb = entropy(t.columnSums)
        if ha + hb == 0 { return 1 }
        var mi = 0.0
        // In key order: a dictionary's order follows the per-process hash seed, and a sum of
        // doubles in another order can differ in the last bit (1.0 vs 0.9999999999999999).
        for (key, c) in t.cells.sorted(by: { $0.key < $1.key }) {
            let i = key / t.columns, j = key % t.columns
            let nij = Double(c)
            mi += nij / n * log(n * nij / (Double(t.rowSums[i]) * Double(t.columnSums[j])))
        }
        return max(0, min(1, 2 * mi / (ha + hb)))
    }

    /// Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions", J. Classif. 2, 193–218,
    /// doi:10.1007/BF01908075). Identical partitions score 1, chance agreement 0. When both
    /// partitions are trivial in the same way (all singletons, or one community) the index is 1.
    /// - Complexity: O(*n*) expected.
    public static func ari(_ a: [Int32], _ b: [Int32]) -> Double {
        ari(Contingency(a, b))
    }

    /// ARI from a contingency table.
    static func ari(_ t: Contingency) -> Double {
        func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
        var index = 0.0
        for (_, c) in t.cells { index += pairs(c) }
        var sumA = 0.0, sumB = 0.0
        for c in t.rowSums { sumA += pairs(c) }
        for c in t.columnSums { sumB += pairs(c) }
        let all = pairs(t.count)
        guard all > 0 else { return 1 }
        let expected = sumA * sumB / all
        let maximum = (sumA + sumB) / 2
        if maximum == expected { return 1 }
        return (index - expected) / (maximum - expected)
    }

    /// The contingency table of two labellings (labels densified first).
    struct Contingency {
        var cells: [Int: Int] = [:]
        var rowSums: [Int]
        var columnSums: [Int]
        var columns: Int
        /// Number of vertices.
        var count: Int

        init(_ a: [Int32], _ b: [Int32]) {
            precondition(a.count == b.count, "partitions of different vertex sets")
            count = a.count
            var da = a, db = b
            let ka = CommunityGraph.densify(&da), kb = CommunityGraph.densify(&db)
            rowSums = [Int](repeating: 0, count: ka)
            columnSums = [Int](repeating: 0, count: kb)
            columns = max(kb, 1)
            cells.reserveCapacity(min(a.count, ka + kb))
            for v in 0..<a.count {
                rowSums[Int(da[v])] += 1
                columnSums[Int(db[v])] += 1
                cells[Int(da[v]) * columns + Int(db[v]), default: 0] += 1
            }
        }
    }
}

/// The community-detection algorithms Renkei offers.
public enum CommunityAlgorithm: String, Sendable, CaseIterable {
    /// ``Louvain`` (Blondel et al. 2008).
    case louvain
    /// ``Leiden`` (Traag, Waltman & van Eck 2019).
    case leiden
    /// ``LabelPropagation`` (Raghavan, Albert & Kumara 2007).
    case labelprop

    /// Runs the algorithm once. Label propagation ignores `resolution`; only Leiden reads
    /// `iterations` (``Leiden/untilStable``: until no vertex moves).
    public func run(_ graph: AnalysisGraph, resolution: Double, seed: UInt64, iterations: Int = 2) -> CommunityPartition {
        switch self {
        case .louvain: return Louvain.run(graph, resolution: resolution, seed: seed)
        case .leiden: return Leiden.run(graph, resolution: resolution, seed: seed, maxIterations: iterations)
        case .labelprop: return LabelPropagation.run(graph, seed: seed)
        }
    }
}

/// The result of running a community algorithm with several seeds: the best partition (highest
/// modularity; the earliest seed on ties) and how much the runs agree.
public struct CommunityDetection: Sendable {
    /// The algorithm that was run.
    public let algorithm: CommunityAlgorithm
    /// The resolution γ used by the algorithm and for every reported modularity.
    public let resolution: Double
    /// The first seed; run *i* used `seed + i`.
    public let seed: UInt64
    /// The seed of the reported partition.
    public let bestSeed: UInt64
    /// The reported partition.
    public let partition: CommunityPartition
    /// Its modularity at `resolution`.
    public let modularity: Double
    /// Modularity of every run, in seed order.
    public let runModularities: [Double]
    /// Mean pairwise normalised mutual information between runs (1 with a single run).
    public let meanNMI: Double
    /// Mean pairwise adjusted Rand index between runs (1 with a single run).
    public let meanARI: Double
    /// Number of distinct partitions among the runs.
    public let distinctPartitions: Int

    /// Runs `algorithm` with seeds `seed, seed + 1, …, seed + runs − 1`, keeps the partition with
    /// the highest modularity and measures the agreement between all runs (stability). The runs,
    /// and then the pairwise comparisons, are spread over all cores; each run depends only on its
    /// seed, so the result is the same on any machine.
    /// - Parameter iterations: Leiden iterations per run (see ``Leiden/run(_:resolution:seed:maxIterations:)``).
    /// - Parameter progress: called with the number of runs done (then comparisons), if given.
    /// - Complexity: `runs` times the algorithm, plus O(`runs`² *n*) for the pairwise comparisons.
    public init(_ graph: AnalysisGraph, algorithm: CommunityAlgorithm, resolution: Double = 1,
                seed: UInt64 = 0, runs: Int = 1, iterations: Int = 2, progress: AnalysisProgress? = nil) {
        precondition(runs >= 1, "at least one run")
        let slots = ScratchBuffer(count: runs, initial: (CommunityPartition(labels: []), 0.0))
        AnalysisLanes.forEach(items: runs, progress: progress) { _, i in
            let p = algorithm.run(graph, resolution: resolution, seed: seed &+ UInt64(i), iterations: iterations)
            slots.pointer[i] = (p, Modularity.of(graph, membership: p.membership, resolution: resolution))
        }
        let partitions = (0..<runs).map { slots.pointer[$0].0 }
        let qs = (0..<runs).map { slots.pointer[$0].1 }
        var best = 0
        for i in 1..<runs where qs[i] > qs[best] { best = i }
        var pairList: [(Int, Int)] = []
        for i in 0..<runs { for j in (i + 1)..<max(i + 1, runs) { pairList.append((i, j)) } }
        let scores = ScratchBuffer(count: pairList.count, initial: (0.0, 0.0))
        AnalysisLanes.forEach(items: pairList.count, progress: nil) { _, k in
            let (i, j) = pairList[k]
            let table = PartitionSimilarity.Contingency(partitions[i].membership, partitions[j].membership)
            scores.pointer[k] = (PartitionSimilarity.nmi(table), PartitionSimilarity.ari(table))
        }
        var nmiSum = 0.0, ariSum = 0.0
        for k in 0..<pairList.count {
            let (a, b) = scores.pointer[k]
            nmiSum += a
            ariSum += b
        }
        let pairs = pairList.count
        var distinct: [CommunityPartition] = []
        for p in partitions where !distinct.contains(p) { distinct.append(p) }
        self.algorithm = algorithm
        self.resolution = resolution
        self.seed = seed
        self.bestSeed = seed &+ UInt64(best)
        self.partition = partitions[best]
        self.modularity = qs[best]
        self.runModularities = qs
        self.meanNMI = pairs > 0 ? nmiSum / Double(pairs) : 1
        self.meanARI = pairs > 0 ? ariSum / Double(pairs) : 1
        self.distinctPartitions = distinct.count
    }
}
