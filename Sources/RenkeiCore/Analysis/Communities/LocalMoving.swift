/// The local-moving step that Louvain and Leiden share: take one vertex out of its community and
/// find the neighbouring community where it raises modularity most.
///
/// For a vertex *v* of strength *k_v* leaving its community, the gain of joining community *C* is
/// proportional to E(*v*, *C*) − γ *K_C* *k_v* / 2*m* (*K_C*: the total strength of *C* without
/// *v*); the vertex's own community is evaluated first and only a strictly larger gain moves it, so
/// ties keep the vertex where it is. Blondel, Guillaume, Lambiotte & Lefebvre 2008,
/// doi:10.1088/1742-5468/2008/10/P10008, eq. (2); Traag, Waltman & van Eck 2019,
/// doi:10.1038/s41598-019-41695-z, Algorithm A.2 (MoveNodesFast uses the same gain).
///
/// The graph's CSR rows are read in place for the duration of ``with(_:membership:resolution:_:)``
/// (no copy: a level of Louvain or Leiden on a million-edge graph would otherwise hold two);
/// the mutable state — the membership, each community's total strength, and the per-community
/// scratch — lives in one ``Workspace``. Callers read and write it through the exposed buffers and
/// copy the membership back with ``membershipArray``.
struct LocalMoving {
    private let memory = Workspace()
    let offsets: UnsafeBufferPointer<Int>
    let adjacency: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
    let strength: UnsafeBufferPointer<Double>
    /// Community of each vertex.
    let membership: UnsafeMutableBufferPointer<Int32>
    /// Total strength of each community (the moving vertex excluded while it is being moved).
    let total: UnsafeMutableBufferPointer<Double>
    /// Weight from the moving vertex to each community; all zero between moves.
    private let neighbourWeight: UnsafeMutableBufferPointer<Double>
    /// The communities around the moving vertex, its own first.
    private let touched: UnsafeMutableBufferPointer<Int32>
    /// γ / 2*m*.
    let scale: Double

    /// Runs `body` with the state for moving the vertices of `g`, starting from `membership`
    /// (community ids in `0 ..< n`). The state must not escape `body`.
    /// - Complexity: O(*n*) to set up, plus `body`.
    static func with<R>(_ g: CommunityGraph, membership: [Int32], resolution: Double,
                        _ body: (LocalMoving) -> R) -> R {
        g.withCSR { off, adj, wgt, str in
            body(LocalMoving(offsets: off, adjacency: adj, weights: wgt, strength: str,
                             membership: membership, scale: resolution / g.twoM))
        }
    }

    private init(offsets: UnsafeBufferPointer<Int>, adjacency: UnsafeBufferPointer<Int32>,
                 weights: UnsafeBufferPointer<Double>, strength: UnsafeBufferPointer<Double>,
                 membership: [Int32], scale: Double) {
        let n = strength.count
        self.offsets = offsets
        self.adjacency = adjacency
        self.weights = weights
        self.strength = strength
        self.membership = memory.copy(membership)
        total = memory.buffer(n, 0.0)
        for v in 0..<n { total[Int(membership[v])] += strength[v] }
        neighbourWeight = memory.buffer(n, 0.0)
        touched = memory.buffer(n + 1, Int32(0))
        self.scale = scale
    }

    /// The current membership as an array. - Complexity: O(*n*).
    var membershipArray: [Int32] { Array(membership) }

    /// Takes `v` out of its community (its strength leaves the community's total) and finds the
    /// best community for it. The caller then puts `v` into `best` (adding its strength back to
    /// `total[best]` and setting `membership[v]`), or into a community of its own choosing.
    /// - Returns: `v`'s community `own`, the `best` community (`own` unless another gains
    ///   strictly more), the gain of `best` and the gain of staying, in edge-weight units.
    /// - Complexity: O(deg(*v*)).
    @inline(__always)
    func bestCommunity(for v: Int) -> (own: Int, best: Int, gain: Double, stay: Double) {
        let off = offsets, adj = adjacency, wgt = weights, mem = membership
        let tot = total, nw = neighbourWeight, tch = touched
        let own = Int(mem[v])
        let kv = strength[v]
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
        return (own, best, bestGain, stay)
    }
}
