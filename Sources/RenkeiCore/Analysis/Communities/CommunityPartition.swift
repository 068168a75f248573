/// A partition of a graph's vertices into communities, numbered canonically: community 0 is
/// the largest, ties broken by the smallest member index, so the same partition always prints
/// the same way whatever algorithm or seed found it.
public struct CommunityPartition: Sendable, Equatable {
    /// The community of each vertex, `0 ..< count`.
    public let membership: [Int32]
    /// Number of communities.
    public let count: Int

    /// Canonicalises an arbitrary labelling (any non-negative ids).
    ///
    /// The labels are listed in the order of their first member while their sizes are counted,
    /// then sorted by one integer key each (size descending, then that order).
    /// - Complexity: O(*n* + *k* log *k*) for *k* labels, O(largest label) extra memory.
    public init(labels: [Int32]) {
        let n = labels.count
        var maxLabel: Int32 = -1, minLabel: Int32 = 0
        for l in labels { maxLabel = max(maxLabel, l); minLabel = min(minLabel, l) }
        // The counting below indexes raw memory by label.
        precondition(minLabel >= 0, "community labels must be non-negative")
        // Per label: its size, then its new number.
        var slot = [Int32](repeating: 0, count: Int(maxLabel) + 1)
        var byFirst: [Int32] = []
        var keys: [UInt64] = []
        var renamed: [Int32] = []
        labels.withUnsafeBufferPointer { lp in
            slot.withUnsafeMutableBufferPointer { sp in
                for v in 0..<n {
                    let l = Int(lp[v])
                    if sp[l] == 0 { byFirst.append(Int32(l)) }
                    sp[l] &+= 1
                }
                keys.reserveCapacity(byFirst.count)
                for (i, l) in byFirst.enumerated() {
                    keys.append(UInt64(UInt32(n) &- UInt32(sp[Int(l)])) << 32 | UInt64(i))
                }
                keys.sort()
                for (c, key) in keys.enumerated() { sp[Int(byFirst[Int(key & 0xFFFF_FFFF)])] = Int32(c) }
                renamed = [Int32](unsafeUninitializedCapacity: n) { out, count in
                    for v in 0..<n { out[v] = sp[Int(lp[v])] }
                    count = n
                }
            }
        }
        membership = renamed
        count = byFirst.count
    }

    /// The communities as vertex lists, in canonical order, each ascending.
    /// - Complexity: O(*n*).
    public var communities: [[NodeIndex]] {
        var out = [[NodeIndex]](repeating: [], count: count)
        for (v, c) in membership.enumerated() { out[Int(c)].append(NodeIndex(v)) }
        return out
    }

    /// Community sizes in canonical (descending) order.
    public var sizes: [Int] {
        var s = [Int](repeating: 0, count: count)
        for c in membership { s[Int(c)] += 1 }
        return s
    }
}

/// The working graph of the multi-level community algorithms: CSR without self-loops plus a
/// per-vertex strength that keeps the weight folded inside aggregated vertices.
struct CommunityGraph {
    var offsets: [Int]
    var adjacency: [Int32]
    var weights: [Double]
    /// Weighted degree of each vertex in the original graph's terms (internal weight counted twice).
    var strength: [Double]
    /// Twice the total edge weight of the original graph.
    var twoM: Double

    var nodeCount: Int { strength.count }

    init(_ g: AnalysisGraph) {
        offsets = g.offsets
        adjacency = g.neighbors
        weights = g.weights
        strength = g.strengths()
        twoM = strength.reduce(0, +)
    }

    init(offsets: [Int], adjacency: [Int32], weights: [Double], strength: [Double], twoM: Double) {
        self.offsets = offsets
        self.adjacency = adjacency
        self.weights = weights
        self.strength = strength
        self.twoM = twoM
    }

    /// Runs `body` with `offsets`, `adjacency`, `weights` and `strength` as buffer pointers, read
    /// in place (no copy); the pointers must not escape `body`.
    func withCSR<R>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>,
                 UnsafeBufferPointer<Double>) -> R
    ) -> R {
        offsets.withUnsafeBufferPointer { off in
            adjacency.withUnsafeBufferPointer { adj in
                weights.withUnsafeBufferPointer { wgt in
                    strength.withUnsafeBufferPointer { str in body(off, adj, wgt, str) }
                }
            }
        }
    }

    /// Relabels `membership` (non-negative ids) densely as `0 ..< k` in order of first
    /// appearance; returns `k`.
    static func densify(_ membership: inout [Int32]) -> Int {
        var top: Int32 = -1
        for c in membership where c > top { top = c }
        var rename = [Int32](repeating: -1, count: Int(top) + 1)
        var k: Int32 = 0
        for v in 0..<membership.count {
            let c = Int(membership[v])
            if rename[c] < 0 { rename[c] = k; k += 1 }
            membership[v] = rename[c]
        }
        return Int(k)
    }

    /// The graph whose vertices are the communities of a dense `membership` (`0 ..< k`):
    /// edge weights between communities summed, internal weight folded into strength.
    /// Built row by row after a counting sort of the vertices by community; the rows are built in
    /// contiguous ranges of communities on up to `threads` threads and joined in order, so the
    /// graph is the same for any thread count.
    /// - Complexity: O(*n* + *m*).
    func aggregated(by membership: [Int32], count k: Int,
                    threads: Int = ParallelChunks.defaultThreads) -> CommunityGraph {
        let n = nodeCount
        var start = [Int](repeating: 0, count: k + 1)
        for v in 0..<n { start[Int(membership[v]) + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var order = [Int32](repeating: 0, count: n)
        var fill = start
        for v in 0..<n {
            let c = Int(membership[v])
            order[fill[c]] = Int32(v)
            fill[c] += 1
        }
        let memory = Workspace()
        let mem = memory.copy(membership)
        // Chunks of communities of about equal adjacency length (a prefix over the sorted vertices).
        let chunks = threads > 1 && adjacency.count >= 1 << 16 ? 4 * threads : 1
        let rowStart = memory.buffer(chunks > 1 ? n + 1 : 0, 0)
        if chunks > 1 {
            for i in 0..<n {
                let v = Int(order[i])
                rowStart[i + 1] = rowStart[i] + offsets[v + 1] - offsets[v]
            }
        }
        let bounds = chunks > 1
            ? ParallelChunks.boundaries(count: k, chunks: chunks) { rowStart[start[$0]] } : [0, k]
        let pieces = ScratchBuffer<(adj: [Int32], w: [Double])>(count: chunks, initial: ([], []))
        let newOffsets = memory.buffer(k + 1, 0)
        let newStrength = memory.buffer(k, 0.0)
        withCSR { off, adj, wgt, str in
            let boxOff = UncheckedBox((off, adj, wgt, str))
            ParallelChunks.run(chunks: chunks, threads: threads) { chunk in
                let (off, adj, wgt, str) = boxOff.value
                let lo = bounds[chunk], hi = bounds[chunk + 1]
                guard lo < hi else { return }
                let scratch = Workspace()
                let acc = scratch.buffer(k, 0.0)
                let seen = scratch.buffer(k, false)
                let touched = scratch.buffer(k, Int32(0))
                var rowAdj: [Int32] = []
                var rowW: [Double] = []
                rowAdj.reserveCapacity(min(adj.count, 4 * (hi - lo) + 16))
                rowW.reserveCapacity(min(adj.count, 4 * (hi - lo) + 16))
                for c in lo..<hi {
                    var s = 0.0
                    var count = 0
                    for i in start[c]..<start[c + 1] {
                        let v = Int(order[i])
                        s += str[v]
                        for e in off[v]..<off[v + 1] {
                            let d = Int(mem[Int(adj[e])])
                            if d == c { continue }
                            if !seen[d] { seen[d] = true; touched[count] = Int32(d); count += 1 }
                            acc[d] += wgt[e]
                        }
                    }
                    newStrength[c] = s
                    for t in 0..<count {
                        let d = Int(touched[t])
                        rowAdj.append(Int32(d))
                        rowW.append(acc[d])
                        acc[d] = 0
                        seen[d] = false
                    }
                    newOffsets[c + 1] = count
                }
                pieces.pointer[chunk] = (rowAdj, rowW)
            }
        }
        for c in 0..<k { newOffsets[c + 1] += newOffsets[c] }
        var newAdj: [Int32] = []
        var newW: [Double] = []
        if chunks == 1 {
            newAdj = pieces.pointer[0].adj
            newW = pieces.pointer[0].w
        } else {
            newAdj.reserveCapacity(newOffsets[k])
            newW.reserveCapacity(newOffsets[k])
            for chunk in 0..<chunks {
                newAdj.append(contentsOf: pieces.pointer[chunk].adj)
                newW.append(contentsOf: pieces.pointer[chunk].w)
            }
        }
        let result = CommunityGraph(offsets: Array(newOffsets), adjacency: newAdj, weights: newW,
                                    strength: Array(newStrength), twoM: twoM)
        withExtendedLifetime(memory) {}
        return result
    }
}
