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
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        deg.withUnsafeMutableBufferPointer { deg in
            var maxDeg = 0
            for v in 0..<n { deg[v] = off[v + 1] - off[v]; maxDeg = max(maxDeg, deg[v]) }
            let bin = UnsafeMutablePointer<Int>.allocate(capacity: maxDeg + 1)
            bin.initialize(repeating: 0, count: maxDeg + 1)
            let pos = UnsafeMutablePointer<Int>.allocate(capacity: n)
            let vert = UnsafeMutablePointer<Int>.allocate(capacity: n)
            defer { bin.deallocate(); pos.deallocate(); vert.deallocate() }
            for v in 0..<n { bin[deg[v]] += 1 }
            var start = 0
            for d in 0...maxDeg { let c = bin[d]; bin[d] = start; start += c }
            for v in 0..<n { pos[v] = bin[deg[v]]; vert[pos[v]] = v; bin[deg[v]] += 1 }
            var d = maxDeg
            while d > 0 { bin[d] = bin[d - 1]; d -= 1 }
            bin[0] = 0
            for i in 0..<n {
                let v = vert[i]
                let dv = deg[v]
                for e in off[v]..<off[v + 1] {
                    let u = Int(nbr[e])
                    let du = deg[u]
                    if du > dv {
                        let pu = pos[u]
                        let pw = bin[du], w = vert[pw]
                        if u != w { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u }
                        bin[du] += 1
                        deg[u] = du - 1
                    }
                }
            }
        }}}
        return deg
    }
}
