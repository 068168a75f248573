/// How an edge weight becomes a path length for shortest-path measures (betweenness,
/// closeness, harmonic).
///
/// Partnership weights are *strengths* — more relations make a closer tie — so for them the
/// natural length is `1 / weight` (``inverse``). Weights that already are costs or distances are
/// used as they are (``weight``), which is what NetworkX does with `weight="w"`.
public enum EdgeDistance: String, Sendable, CaseIterable {
    /// Length = weight (NetworkX `weight=` / `distance=` semantics).
    case weight
    /// Length = 1 / weight, for strength weights.
    case inverse
}

extension AnalysisGraph {
    /// Edge lengths under a distance rule, parallel to the CSR neighbour array, checked for
    /// Dijkstra: every length must be positive and finite.
    ///
    /// NetworkX's Dijkstra refuses negative lengths ("Contradictory paths found: negative
    /// weights?"); a zero length makes shortest-path counts depend on the order in which ties are
    /// settled, and a non-finite one (a zero weight under ``EdgeDistance/inverse``, or NaN) is no
    /// distance at all, so all three are refused up front rather than producing silent nonsense.
    /// - Throws: ``AnalysisError/invalidPathLength(source:target:weight:length:)`` for the first
    ///   offending edge (lowest source vertex, then lowest target).
    /// - Complexity: O(*n* + *m*).
    func pathLengths(_ rule: EdgeDistance) throws(AnalysisError) -> [Double] {
        let lengths: [Double]
        switch rule {
        case .weight: lengths = weights
        case .inverse: lengths = weights.map { 1 / $0 }
        }
        for v in 0..<nodeCount {
            for e in offsets[v]..<offsets[v + 1] where Int(neighbors[e]) > v {
                let length = lengths[e]
                if !(length > 0 && length.isFinite) {
                    throw .invalidPathLength(source: labels[v], target: labels[Int(neighbors[e])],
                                             weight: weights[e], length: length)
                }
            }
        }
        return lengths
    }
}

/// A graph prepared for many single-source shortest-path searches: CSR rows, optional edge
/// lengths and a multiplicity per vertex, as buffer pointers read in place (see
/// ``with(offsets:neighbors:lengths:multiplicity:_:)``) so that the searches run without array
/// checks or copies.
struct PathGraph {
    /// `offsets[v] ..< offsets[v + 1]` indexes `v`'s neighbours.
    let offsets: UnsafeBufferPointer<Int>
    /// Neighbour vertices, row by row.
    let neighbors: UnsafeBufferPointer<Int32>
    /// Edge lengths parallel to `neighbors`; empty for unweighted searches.
    let lengths: UnsafeBufferPointer<Double>
    /// A weight per vertex (1 + leaves folded into it, for betweenness); empty when unused.
    let multiplicity: UnsafeBufferPointer<Double>

    /// Number of vertices.
    var count: Int { offsets.count - 1 }
    /// Number of arcs (twice the number of undirected edges).
    var arcCount: Int { neighbors.count }

    /// Runs `body` with a path graph over the arrays (no copy); it must not escape `body`.
    static func with<R>(offsets: [Int], neighbors: [Int32], lengths: [Double], multiplicity: [Double] = [],
                        _ body: (PathGraph) -> R) -> R {
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        lengths.withUnsafeBufferPointer { len in
        multiplicity.withUnsafeBufferPointer { mult in
            body(PathGraph(offsets: off, neighbors: nbr, lengths: len, multiplicity: mult))
        }}}}
    }
}

/// Scratch space for single-source shortest-path searches from one source after another (one
/// per parallel lane): breadth-first search and Dijkstra's algorithm, both counting shortest
/// paths (σ) and recording the order in which vertices were reached; the search that betweenness
/// uses also records the shortest-path DAG (each vertex's successors). Every search leaves the
/// arrays it touched ready for the next source (reset in O(reached), not O(*n*)).
///
/// Dijkstra, E. W. (1959). A note on two problems in connexion with graphs. *Numerische
/// Mathematik* 1, 269–271. doi:10.1007/BF01386390. Path counting as in Brandes (2001),
/// doi:10.1080/0022250X.2001.9990249.
final class ShortestPathSearch: @unchecked Sendable {
    private let memory = Workspace()
    let n: Int
    /// BFS level of each vertex (−1: not reached); Dijkstra marks settled vertices with 0.
    let hops: UnsafeMutablePointer<Int32>
    /// Dijkstra distances (+∞: not reached); a single slot unless `weighted`.
    let dist: UnsafeMutablePointer<Double>
    /// Number of shortest paths from the source.
    let sigma: UnsafeMutablePointer<Double>
    /// Brandes dependency (weighted accumulation).
    let delta: UnsafeMutablePointer<Double>
    /// Vertices in the order they were reached (BFS) or settled (Dijkstra).
    let order: UnsafeMutablePointer<Int32>
    /// Unweighted Brandes: the shortest-path DAG, children of the vertex at BFS position `i` in
    /// `dag[dagStart[i] ..< dagStart[i + 1]]` (each undirected edge joins consecutive levels at most
    /// once, so *m* entries suffice).
    let dag: UnsafeMutablePointer<Int32>
    let dagStart: UnsafeMutablePointer<Int>
    /// (multiplicity + δ) / σ of each vertex once its δ is final.
    let coefficient: UnsafeMutablePointer<Double>
    var heap: DistanceHeap

    /// Scratch for searches on a graph of `n` vertices and `arcs` arcs.
    /// - Parameters:
    ///   - weighted: Dijkstra searches (distances and a heap).
    ///   - recordsDAG: unweighted Brandes searches (the DAG and per-vertex coefficients).
    init(n: Int, arcs: Int, weighted: Bool, recordsDAG: Bool) {
        self.n = n
        let m = memory
        let dagCapacity = recordsDAG ? arcs / 2 + 1 : 0
        dag = m.buffer(max(1, dagCapacity), Int32(0)).baseAddress!
        dagStart = m.buffer(recordsDAG ? n + 1 : 1, 0).baseAddress!
        coefficient = m.buffer(recordsDAG ? max(1, n) : 1, 0.0).baseAddress!
        hops = m.buffer(max(1, n), Int32(-1)).baseAddress!
        dist = m.buffer(weighted ? max(1, n) : 1, Double.infinity).baseAddress!
        sigma = m.buffer(max(1, n), 0.0).baseAddress!
        delta = m.buffer(max(1, n), 0.0).baseAddress!
        order = m.buffer(max(1, n), Int32(0)).baseAddress!
        heap = DistanceHeap(capacity: weighted ? arcs + 1 : 0)
    }

    /// Breadth-first search recording the shortest-path DAG (children lists in BFS order of the
    /// parent) for the Brandes accumulation; fills `hops`, `sigma`, `order`, `dag`, `dagStart`.
    /// - Returns: the number of vertices reached (including the source).
    /// - Complexity: O(*n*_s + *m*_s) for the component reached.
    func bfsRecordingDAG(from s: Int, in g: PathGraph) -> Int {
        let hops = self.hops, sigma = self.sigma, order = self.order, dag = self.dag, dagStart = self.dagStart
        let off = g.offsets.baseAddress!, nbr = g.neighbors.baseAddress!
        hops[s] = 0; sigma[s] = 1; order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1, edges = 0
        while head < tail {
            dagStart[head] = edges
            let v = Int(order[head]); head &+= 1
            let next = hops[v] &+ 1
            let sv = sigma[v]
            var e = off[v]
            let end = off[v &+ 1]
            while e < end {
                let w32 = nbr[e]
                let w = Int(w32)
                let dw = hops[w]
                if dw < 0 {
                    hops[w] = next; sigma[w] = sv
                    order[tail] = w32; tail &+= 1
                    dag[edges] = w32; edges &+= 1
                } else if dw == next {
                    sigma[w] += sv
                    dag[edges] = w32; edges &+= 1
                }
                e &+= 1
            }
        }
        dagStart[tail] = edges
        return tail
    }

    /// Breadth-first search for distances only (closeness, harmonic); resets what it touched.
    /// - Returns: the number of vertices reached, the sum of their distances and of their inverses.
    /// - Complexity: O(*n*_s + *m*_s) for the component reached.
    func distances(from s: Int, in g: PathGraph) -> (Int, Double, Double) {
        let hops = self.hops, order = self.order
        let off = g.offsets.baseAddress!, nbr = g.neighbors.baseAddress!
        hops[s] = 0; order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        var total = 0, inverse = 0.0
        while head < tail {
            let v = Int(order[head]); head &+= 1
            let next = hops[v] &+ 1
            let levelStart = tail
            var e = off[v]
            let end = off[v &+ 1]
            while e < end {
                let w32 = nbr[e]
                if hops[Int(w32)] < 0 {
                    hops[Int(w32)] = next
                    order[tail] = w32; tail &+= 1
                }
                e &+= 1
            }
            let found = tail &- levelStart
            total &+= found &* Int(next)
            if found > 0 { inverse += Double(found) / Double(next) }
        }
        for j in 0..<tail { hops[Int(order[j])] = -1 }
        return (tail, Double(total), inverse)
    }

    /// Dijkstra's algorithm with a lazy binary heap; fills `dist`, `sigma` and `order`
    /// (vertices in the order they were settled). Lengths must be positive
    /// (``AnalysisGraph/pathLengths(_:)`` checks them).
    /// - Returns: the number of vertices settled (including the source).
    /// - Complexity: O((*n*_s + *m*_s) log *m*_s) for the component reached.
    func dijkstra(from s: Int, in g: PathGraph) -> Int {
        let off = g.offsets, nbr = g.neighbors, len = g.lengths
        dist[s] = 0; sigma[s] = 1
        heap.removeAll()
        heap.push(0, Int32(s))
        var settled = 0
        while let (d, v32) = heap.pop() {
            let v = Int(v32)
            if hops[v] >= 0 || d > dist[v] { continue }   // stale entry or already settled
            hops[v] = 0
            order[settled] = v32; settled += 1
            let sv = sigma[v]
            for e in off[v]..<off[v + 1] {
                let w = Int(nbr[e])
                if hops[w] >= 0 { continue }
                let alt = d + len[e]
                let dw = dist[w]
                if alt < dw {
                    dist[w] = alt; sigma[w] = sv
                    heap.push(alt, Int32(w))
                } else if alt == dw {
                    sigma[w] += sv
                }
            }
        }
        return settled
    }

    /// Resets what ``dijkstra(from:in:)`` touched, for the next source, when the caller only read
    /// the distances. - Complexity: O(`reached`).
    func resetDijkstra(reached: Int) {
        for j in 0..<reached {
            let v = Int(order[j])
            hops[v] = -1; sigma[v] = 0; dist[v] = .infinity
        }
    }
}

/// A binary min-heap of `(distance, vertex)` pairs with lazy deletion, stored in flat arrays.
struct DistanceHeap {
    private var keys: [Double]
    private var values: [Int32]

    init(capacity: Int) {
        keys = []; values = []
        // Grows on demand and keeps its capacity between sources.
        keys.reserveCapacity(min(capacity, 4096)); values.reserveCapacity(min(capacity, 4096))
    }

    mutating func removeAll() { keys.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key); values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= key { break }
            keys[i] = keys[parent]; values[i] = values[parent]
            i = parent
        }
        keys[i] = key; values[i] = value
    }

    mutating func pop() -> (Double, Int32)? {
        guard let lastKey = keys.last else { return nil }
        let top = (keys[0], values[0])
        let lastValue = values.removeLast()
        keys.removeLast()
        let count = keys.count
        if count > 0 {
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= count { break }
                if child + 1 < count && keys[child + 1] < keys[child] { child += 1 }
                if keys[child] >= lastKey { break }
                keys[i] = keys[child]; values[i] = values[child]
                i = child
            }
            keys[i] = lastKey; values[i] = lastValue
        }
        return top
    }
}
