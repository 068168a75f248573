/// A partition of a graph's vertices into communities, numbered canonically: community 0 is
/// the largest, ties broken by the smallest member index, so the same partition always prints
/// the same way whatever algorithm or seed found it.
public struct CommunityPartition: Sendable, Equatable {
    /// The community of each vertex, `0 ..< count`.
    public let membership: [Int32]
    /// Number of communities.
    public let count: Int

    /// Canonicalises an arbitrary labelling (any non-negative ids).
    /// - Complexity: O(*n* + *k* log *k*).
    public init(labels: [Int32]) {
        let n = labels.count
        var maxLabel = -1
        for l in labels { maxLabel = max(maxLabel, Int(l)) }
        var size = [Int](repeating: 0, count: maxLabel + 1)
        var first = [Int](repeating: Int.max, count: maxLabel + 1)
        for v in 0..<n {
            let l = Int(labels[v])
            size[l] += 1
            if first[l] == Int.max { first[l] = v }
        }
        var used = (0...max(0, maxLabel)).filter { $0 <= maxLabel && size[$0] > 0 }
        used.sort { size[$0] != size[$1] ? size[$0] > size[$1] : first[$0] < first[$1] }
        var rename = [Int32](repeating: -1, count: maxLabel + 1)
        for (i, l) in used.enumerated() { rename[l] = Int32(i) }
        membership = labels.map { rename[Int($0)] }
        count = used.count
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
    /// Built row by row after a counting sort of the vertices by community.
    /// - Complexity: O(*n* + *m*).
    func aggregated(by membership: [Int32], count k: Int) -> CommunityGraph {
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
        var newOffsets = [Int](repeating: 0, count: k + 1)
        var newAdj: [Int32] = []
        var newW: [Double] = []
        newAdj.reserveCapacity(min(adjacency.count, 4 * k + 16))
        newW.reserveCapacity(min(adjacency.count, 4 * k + 16))
        var newStrength = [Double](repeating: 0, count: k)
        var acc = [Double](repeating: 0, count: k)
        var seen = [Bool](repeating: false, count: k)
        var touched: [Int32] = []
        let memory = Workspace()
        let mem = memory.copy(membership)
        withCSR { off, adj, wgt, _ in
            for c in 0..<k {
                var s = 0.0
                for i in start[c]..<start[c + 1] {
                    let v = Int(order[i])
                    s += strength[v]
                    for e in off[v]..<off[v + 1] {
                        let d = Int(mem[Int(adj[e])])
                        if d == c { continue }
                        if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                        acc[d] += wgt[e]
                    }
                }
                newStrength[c] = s
                for d in touched {
                    newAdj.append(d)
                    newW.append(acc[Int(d)])
                    acc[Int(d)] = 0
                    seen[Int(d)] = false
                }
                touched.removeAll(keepingCapacity: true)
                newOffsets[c + 1] = newAdj.count
            }
        }
        withExtendedLifetime(memory) {}
        return CommunityGraph(offsets: newOffsets, adjacency: newAdj, weights: newW,
                              strength: newStrength, twoM: twoM)
    }
}
