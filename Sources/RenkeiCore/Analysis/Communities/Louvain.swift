/// Louvain community detection.
///
/// Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding of communities in large
/// networks", J. Stat. Mech. P10008, doi:10.1088/1742-5468/2008/10/P10008.
///
/// Each level moves single vertices, in a seeded random order, to the neighbouring community
/// with the largest modularity gain (ties keep the vertex where it is), sweeping until a sweep
/// gains less than `tolerance`; then it folds every community into one vertex and repeats on the
/// smaller graph, until a level moves nothing. Vertices whose neighbourhood did not change since
/// they were last visited are skipped (the pruning of Ozaki, Tezuka & Inaba 2016,
/// doi:10.1109/ACIT-CSII-BCD.2016.051), which does not change what a sweep can reach.
/// The inner loop runs on flat arrays (no dictionaries); folding is a counting sort.
public enum Louvain {
    /// Runs Louvain on `graph`.
    /// - Parameters:
    ///   - resolution: γ of Reichardt & Bornholdt; larger values give smaller communities.
    ///   - seed: fixes the vertex order of every level.
    ///   - tolerance: a level stops sweeping when a sweep raises modularity by less than this.
    /// - Returns: the partition, canonically numbered.
    /// - Complexity: O(*m*) per sweep; in practice O(*m*) overall on sparse graphs,
    ///   with O(*n* + *m*) memory.
    public static func run(_ graph: AnalysisGraph, resolution: Double = 1, seed: UInt64 = 0,
                           tolerance: Double = 1e-7) -> CommunityPartition {
        let n = graph.nodeCount
        var rng = SplitMixRandom(seed: seed)
        var g = CommunityGraph(graph)
        var membership = (0..<n).map { Int32($0) }
        guard g.twoM > 0 else { return CommunityPartition(labels: membership) }
        var level = 0
        while level < 64 {
            var local = (0..<g.nodeCount).map { Int32($0) }
            let order = rng.permutation(g.nodeCount)
            let moved = moveNodes(g, membership: &local, order: order, resolution: resolution, tolerance: tolerance)
            if !moved { break }
            let k = CommunityGraph.densify(&local)
            for v in 0..<n { membership[v] = local[Int(membership[v])] }
            if k == g.nodeCount { break }
            g = g.aggregated(by: local, count: k)
            level += 1
        }
        return CommunityPartition(labels: membership)
    }

    /// One level of local moving. Returns true when any vertex changed community.
    static func moveNodes(_ g: CommunityGraph, membership: inout [Int32], order: [Int32],
                          resolution: Double, tolerance: Double) -> Bool {
        let n = g.nodeCount
        let scale = resolution / g.twoM
        var total = g.strength
        var neighbourWeight = [Double](repeating: 0, count: n)
        var touched = [Int32](repeating: 0, count: n)
        var active = [Bool](repeating: true, count: n)
        var anyMove = false
        g.offsets.withUnsafeBufferPointer { off in
        g.adjacency.withUnsafeBufferPointer { adj in
        g.weights.withUnsafeBufferPointer { wgt in
        g.strength.withUnsafeBufferPointer { str in
        total.withUnsafeMutableBufferPointer { tot in
        neighbourWeight.withUnsafeMutableBufferPointer { nw in
        touched.withUnsafeMutableBufferPointer { tch in
        active.withUnsafeMutableBufferPointer { act in
        membership.withUnsafeMutableBufferPointer { mem in
            var sweeps = 0
            while sweeps < 1000 {
                sweeps += 1
                var gain = 0.0
                var moves = 0
                for o in order {
                    let v = Int(o)
                    if !act[v] { continue }
                    act[v] = false
                    let own = Int(mem[v])
                    let kv = str[v]
                    // Weights from v to each neighbouring community; own community first.
                    var count = 1
                    tch[0] = Int32(own)
                    for e in off[v]..<off[v + 1] {
                        let d = Int(mem[Int(adj[e])])
                        if nw[d] == 0 && d != own { tch[count] = Int32(d); count += 1 }
                        nw[d] += wgt[e]
                    }
                    tot[own] -= kv
                    let stay = nw[own] - tot[own] * kv * scale
                    var best = own
                    var bestGain = stay
                    for i in 1..<count {
                        let d = Int(tch[i])
                        let gd = nw[d] - tot[d] * kv * scale
                        if gd > bestGain { bestGain = gd; best = d }
                    }
                    for i in 0..<count { nw[Int(tch[i])] = 0 }
                    tot[best] += kv
                    if best != own {
                        mem[v] = Int32(best)
                        gain += bestGain - stay
                        moves += 1
                        for e in off[v]..<off[v + 1] { act[Int(adj[e])] = true }
                    }
                }
                if moves > 0 { anyMove = true }
                // `gain` is in edge-weight units; ΔQ = 2·gain / 2m.
                if moves == 0 || 2 * gain / g.twoM < tolerance { break }
            }
        }}}}}}}}}
        return anyMove
    }
}
