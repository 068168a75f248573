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

    /// One level of local moving (``LocalMoving``), sweeping the vertices in `order`. Returns
    /// true when any vertex changed community.
    /// - Complexity: O(*m*) per sweep, at most 1000 sweeps.
    static func moveNodes(_ g: CommunityGraph, membership: inout [Int32], order: [Int32],
                          resolution: Double, tolerance: Double) -> Bool {
        let n = g.nodeCount
        let (anyMove, moved) = LocalMoving.with(g, membership: membership, resolution: resolution) { state in
            let memory = Workspace()
            let active = memory.buffer(n, true)
            let off = state.offsets, adj = state.adjacency
            var anyMove = false
            var sweeps = 0
            while sweeps < 1000 {
                sweeps += 1
                var gain = 0.0
                var moves = 0
                for o in order {
                    let v = Int(o)
                    if !active[v] { continue }
                    active[v] = false
                    let (own, best, bestGain, stay) = state.bestCommunity(for: v)
                    state.total[best] += state.strength[v]
                    if best != own {
                        state.membership[v] = Int32(best)
                        gain += bestGain - stay
                        moves += 1
                        for e in off[v]..<off[v + 1] { active[Int(adj[e])] = true }
                    }
                }
                if moves > 0 { anyMove = true }
                // `gain` is in edge-weight units; ΔQ = 2·gain / 2m.
                if moves == 0 || 2 * gain / g.twoM < tolerance { break }
            }
            return withExtendedLifetime(memory) { (anyMove, state.membershipArray) }
        }
        membership = moved
        return anyMove
    }
}
