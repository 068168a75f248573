extension AnalysisGraph {
    /// The core number of every vertex: the largest *k* such that the vertex belongs to the
    /// *k*-core (the maximal subgraph with all degrees ≥ *k*), as NetworkX `core_number`.
    ///
    /// Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
    /// networks. arXiv:cs/0310049. doi:10.48550/arXiv.cs/0310049.
    /// - Complexity: O(*n* + *m*) time and memory.
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var deg = [Int](repeating: 0, count: n)
        var maxDeg = 0
        for v in 0..<n { deg[v] = offsets[v + 1] - offsets[v]; maxDeg = max(maxDeg, deg[v]) }
        var bin = [Int](repeating: 0, count: maxDeg + 1)
        for v in 0..<n { bin[deg[v]] += 1 }
        var start = 0
        for d in 0...maxDeg { let c = bin[d]; bin[d] = start; start += c }
        var pos = [Int](repeating: 0, count: n)
        var vert = [Int](repeating: 0, count: n)
        for v in 0..<n { pos[v] = bin[deg[v]]; vert[pos[v]] = v; bin[deg[v]] += 1 }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        for i in 0..<n {
            let v = vert[i]
            for e in offsets[v]..<offsets[v + 1] {
                let u = Int(neighbors[e])
                if deg[u] > deg[v] {
                    let du = deg[u], pu = pos[u]
                    let pw = bin[du], w = vert[pw]
                    if u != w { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u }
                    bin[du] += 1
                    deg[u] -= 1
                }
            }
        }
        return deg
    }
}
