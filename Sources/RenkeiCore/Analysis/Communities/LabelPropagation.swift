import Foundation

/// Label propagation community detection.
///
/// Raghavan, Albert & Kumara 2007, "Near linear time algorithm to detect community structures
/// in large-scale networks", Phys. Rev. E 76, 036106, doi:10.1103/PhysRevE.76.036106.
///
/// Every vertex starts with its own label. In each round the *active* vertices, in a fresh seeded
/// random order, adopt the label carrying the largest total edge weight among their neighbours
/// (asynchronous updates). A vertex whose current label is among the heaviest keeps it; other
/// ties are broken uniformly at random from the seed. Round 1 visits every vertex; a later round
/// visits only the vertices with a neighbour that changed label in the round before (and whose
/// label differs from that neighbour's new label: a vertex already holding the new label stays
/// among its heaviest). A vertex that is not revisited has an unchanged neighbourhood since it was
/// last checked, so when no vertex is active every vertex holds one of its heaviest neighbouring
/// labels — the paper's stopping rule — reached without sweeping the settled vertices again; at
/// most `maxRounds` rounds run. Labels are counted in one reusable weight array with a list of
/// the labels touched, so a vertex costs O(deg). The same seed always gives the same
/// partition.
public enum LabelPropagation {
    /// Vertices of a round whose neighbouring labels are counted at once on all threads.
    static let blockSize = 4096

    /// Vertices with at most this many neighbours count their labels in a short list instead of
    /// the label-indexed weight array.
    static let smallDegree = 16

    /// Graphs with fewer vertices run on one thread.
    static let parallelMinimum = 50_000

    /// Runs label propagation.
    ///
    /// With more than one thread, each round is taken in blocks of up to ``blockSize`` vertices:
    /// the heaviest labels around every vertex of a block are counted on all threads against the
    /// labels at the start of the block, then the block's vertices are updated one by one in round
    /// order, drawing the tie-breaks from the one seeded generator; a vertex with a neighbour that
    /// changed label earlier in the block is counted again. So every vertex sees the labels it
    /// would see updated one at a time, and the partition does not depend on the thread count.
    /// - Complexity: O(*m*) for the first round, then O(Σ deg) over the active vertices of each
    ///   later round; O(*n*) extra memory.
    public static func run(_ graph: AnalysisGraph, seed: UInt64 = 0, maxRounds: Int = 1000) -> CommunityPartition {
        run(graph, seed: seed, maxRounds: maxRounds, threads: ParallelChunks.defaultThreads)
    }

    /// ``run(_:seed:maxRounds:)`` on up to `threads` threads; the same partition for any count.
    public static func run(_ graph: AnalysisGraph, seed: UInt64 = 0, maxRounds: Int = 1000,
                           threads: Int) -> CommunityPartition {
        let n = graph.nodeCount
        var rng = SplitMixRandom(seed: seed)
        let memory = Workspace()
        let lab = memory.copy((0..<n).map { Int32($0) })
        // Whether a vertex is already listed for the next round.
        let listed = memory.buffer(n, false)
        let parallel = threads > 1 && n >= parallelMinimum
        // One chunk per thread, so one set of counting buffers per thread: the label-indexed
        // weights (zero between vertices; needed only above ``smallDegree``), the labels touched
        // around one vertex and their weights. The serial steps use set 0. Per block vertex: where
        // its heaviest labels start in `heavy`, how many there are (0: isolated; negative: it
        // keeps its label).
        let chunks = parallel ? threads : 1
        let maxDegree = graph.withCSR { off, _, _ in (0..<n).reduce(0) { max($0, off[$1 + 1] - off[$1]) } }
        let chunkWeight = (0..<chunks).map { _ in memory.buffer(maxDegree > smallDegree ? n : 0, 0.0) }
        let chunkTouched = (0..<chunks).map { _ in memory.buffer(maxDegree, Int32(0)) }
        let chunkSums = (0..<chunks).map { _ in memory.buffer(maxDegree, 0.0) }
        let top = memory.buffer(maxDegree, Int32(0))
        let block = memory.buffer(parallel ? blockSize : 0, Int32(0))
        let heavyStart = memory.buffer(parallel ? blockSize + 1 : 0, 0)
        let heavyCount = memory.buffer(parallel ? blockSize : 0, 0)
        let dirty = memory.buffer(parallel ? n : 0, Int32(-1))
        let heavy = Leiden.CandidateBuffer()
        var stamp: Int32 = 0
        var order = (0..<n).map { Int32($0) }
        // The next round's vertices: `listed` keeps them distinct, so at most n, and one more
        // slot for the unconditional write after the last.
        let next = memory.buffer(n + 1, Int32(0))
        var nextCount = 0
        // A graph whose weights are all 1 counts neighbours without reading the weights.
        let unit = !graph.isWeighted
        graph.withCSR { off, nbr, wgt in
            /// The heaviest labels around `v` into `out` (in first-touch order); the count, or
            /// −1 when `v`'s own label is among them, 0 when `v` has no neighbours. The labels
            /// touched go to `tch` and their weights to `sums`. Up to ``smallDegree`` neighbours
            /// are counted there directly (a label is found by a scan), so a sparse graph's
            /// vertices never touch the label-indexed array `wt`; above that, `wt` counts and is
            /// copied out and cleared. The sums, added in the same order, and the ties' order are
            /// the same either way.
            @inline(__always)
            func heaviest(_ v: Int, _ wt: UnsafeMutableBufferPointer<Double>,
                          _ tch: UnsafeMutableBufferPointer<Int32>, _ sums: UnsafeMutableBufferPointer<Double>,
                          _ out: UnsafeMutablePointer<Int32>) -> Int {
                let lo = off[v], hi = off[v + 1]
                if lo == hi { return 0 }
                var count = 0
                let small = hi - lo <= smallDegree
                /// Adds `w` to label `l`'s sum, listing `l` when it is new.
                @inline(__always) func add(_ l: Int32, _ w: Double) {
                    if small {
                        var j = 0
                        while j < count && tch[j] != l { j += 1 }
                        if j == count { tch[count] = l; sums[count] = w; count += 1 } else { sums[j] += w }
                    } else {
                        // Listed without a branch: the slot is overwritten unless `l` is new.
                        let i = Int(l)
                        tch[count] = l
                        count &+= wt[i] == 0 ? 1 : 0
                        wt[i] += w
                    }
                }
                for e in lo..<hi { add(lab[Int(nbr[e])], unit ? 1.0 : wgt[e]) }
                if !small {
                    for i in 0..<count {
                        let l = Int(tch[i])
                        sums[i] = wt[l]
                        wt[l] = 0
                    }
                }
                var heaviest = sums[0]
                for i in 1..<count where sums[i] > heaviest { heaviest = sums[i] }
                let tolerance = heaviest * 1e-12
                let current = lab[v]
                var ties = 0
                var keep = false
                for i in 0..<count where sums[i] >= heaviest - tolerance {
                    let l = tch[i]
                    if l == current { keep = true }
                    out[ties] = l
                    ties += 1
                }
                return keep ? -1 : ties
            }
            let serialWeight = chunkWeight[0], serialTouched = chunkTouched[0], serialSums = chunkSums[0]
            var rounds = 0
            while !order.isEmpty && rounds < maxRounds {
                rounds += 1
                rng.shuffle(&order)
                var at = 0
                while at < order.count {
                    let b = parallel && order.count - at >= 256 ? min(blockSize, order.count - at) : 1
                    let evaluated = b > 1
                    if evaluated {
                        stamp += 1
                        var total = 0
                        for i in 0..<b {
                            let v = Int(order[at + i])
                            block[i] = Int32(v)
                            heavyStart[i] = total
                            total += off[v + 1] - off[v]
                        }
                        heavyStart[b] = total
                        heavy.reserve(total)
                        let out = heavy.community
                        let bounds = ParallelChunks.boundaries(count: b, chunks: chunks) { heavyStart[$0] }
                        ParallelChunks.run(chunks: chunks, threads: threads) { chunk in
                            let w = chunkWeight[chunk], t = chunkTouched[chunk], sums = chunkSums[chunk]
                            for i in bounds[chunk]..<bounds[chunk + 1] {
                                heavyCount[i] = heaviest(Int(block[i]), w, t, sums, out + heavyStart[i])
                            }
                        }
                    }
                    for i in 0..<b {
                        let v = Int(order[at + i])
                        let ties: Int
                        let choices: UnsafeMutablePointer<Int32>
                        if evaluated && dirty[v] != stamp {
                            ties = heavyCount[i]
                            choices = heavy.community + heavyStart[i]
                        } else {
                            ties = heaviest(v, serialWeight, serialTouched, serialSums, top.baseAddress!)
                            choices = top.baseAddress!
                        }
                        if ties <= 0 { continue }
                        let pick = ties == 1 ? choices[0] : choices[rng.uniform(ties)]
                        if pick != lab[v] {
                            lab[v] = pick
                            for e in off[v]..<off[v + 1] {
                                let u = Int(nbr[e])
                                if evaluated { dirty[u] = stamp }
                                // Listed without a branch: the slot is overwritten unless `u` is new.
                                let new = !listed[u] && lab[u] != pick
                                next[nextCount] = Int32(u)
                                nextCount &+= new ? 1 : 0
                                listed[u] = listed[u] || new
                            }
                        }
                    }
                    at += b
                }
                order.removeAll(keepingCapacity: true)
                order.append(contentsOf: next[0..<nextCount])
                nextCount = 0
                for o in order { listed[Int(o)] = false }
            }
        }
        let label = withExtendedLifetime((memory, heavy)) { Array(lab) }
        return CommunityPartition(labels: label)
    }
}
