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
/// the labels touched, so a vertex costs O(deg). One thread; the same seed always gives the same
/// partition.
public enum LabelPropagation {
    /// Runs label propagation.
    /// - Complexity: O(*m*) for the first round, then O(Σ deg) over the active vertices of each
    ///   later round; O(*n*) extra memory.
    public static func run(_ graph: AnalysisGraph, seed: UInt64 = 0, maxRounds: Int = 1000) -> CommunityPartition {
        let n = graph.nodeCount
        var rng = SplitMixRandom(seed: seed)
        let memory = Workspace()
        let lab = memory.copy((0..<n).map { Int32($0) })
        let wt = memory.buffer(n, 0.0)
        let tch = memory.buffer(n, Int32(0))
        let top = memory.buffer(n, Int32(0))
        // Whether a vertex is already listed for the next round.
        let listed = memory.buffer(n, false)
        var order = (0..<n).map { Int32($0) }
        var next: [Int32] = []
        next.reserveCapacity(n)
        graph.withCSR { off, nbr, wgt in
            var rounds = 0
            while !order.isEmpty && rounds < maxRounds {
                rounds += 1
                rng.shuffle(&order)
                for o in order {
                    let v = Int(o)
                    let lo = off[v], hi = off[v + 1]
                    if lo == hi { continue }
                    var count = 0
                    var heaviest = -Double.infinity
                    for e in lo..<hi {
                        let l = Int(lab[Int(nbr[e])])
                        if wt[l] == 0 { tch[count] = Int32(l); count += 1 }
                        wt[l] += wgt[e]
                        if wt[l] > heaviest { heaviest = wt[l] }
                    }
                    let tolerance = heaviest * 1e-12
                    var ties = 0
                    var keep = false
                    let current = lab[v]
                    for i in 0..<count {
                        let l = tch[i]
                        if wt[Int(l)] >= heaviest - tolerance {
                            if l == current { keep = true }
                            top[ties] = l
                            ties += 1
                        }
                        wt[Int(l)] = 0
                    }
                    if keep { continue }
                    let pick = ties == 1 ? top[0] : top[rng.uniform(ties)]
                    if pick != current {
                        lab[v] = pick
                        for e in lo..<hi {
                            let u = Int(nbr[e])
                            if !listed[u] && lab[u] != pick {
                                listed[u] = true
                                next.append(Int32(u))
                            }
                        }
                    }
                }
                swap(&order, &next)
                next.removeAll(keepingCapacity: true)
                for o in order { listed[Int(o)] = false }
            }
        }
        let label = withExtendedLifetime(memory) { Array(lab) }
        return CommunityPartition(labels: label)
    }
}
