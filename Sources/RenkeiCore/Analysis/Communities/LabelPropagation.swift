/// Label propagation community detection.
///
/// Raghavan, Albert & Kumara 2007, "Near linear time algorithm to detect community structures
/// in large-scale networks", Phys. Rev. E 76, 036106, doi:10.1103/PhysRevE.76.036106.
///
/// Every vertex starts with its own label. In each round the vertices, in a fresh seeded random
/// order, adopt the label carrying the largest total edge weight among their neighbours
/// (asynchronous updates). A vertex whose current label is among the heaviest keeps it; other
/// ties are broken uniformly at random from the seed. Rounds stop when no vertex changes — every
/// vertex then holds one of its heaviest neighbouring labels, the paper's stopping rule — or
/// after `maxRounds`. The same seed always gives the same partition.
public enum LabelPropagation {
    /// Runs label propagation.
    /// - Complexity: O(*m*) per round, O(*n*) extra memory.
    public static func run(_ graph: AnalysisGraph, seed: UInt64 = 0, maxRounds: Int = 1000) -> CommunityPartition {
        let n = graph.nodeCount
        var rng = SplitMixRandom(seed: seed)
        var order = (0..<n).map { Int32($0) }
        let memory = Workspace()
        let lab = memory.copy((0..<n).map { Int32($0) })
        let wt = memory.buffer(n, 0.0)
        let tch = memory.buffer(n, Int32(0))
        let top = memory.buffer(n, Int32(0))
        graph.withCSR { off, nbr, wgt in
            var rounds = 0
            var changed = true
            while changed && rounds < maxRounds {
                changed = false
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
                        changed = true
                    }
                }
            }
        }
        let label = withExtendedLifetime(memory) { Array(lab) }
        return CommunityPartition(labels: label)
    }
}
