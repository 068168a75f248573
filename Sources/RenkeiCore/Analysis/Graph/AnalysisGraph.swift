/// A compact, immutable, undirected weighted graph in compressed sparse row (CSR) form.
///
/// Vertex `v`'s neighbours are `neighbors[offsets[v] ..< offsets[v + 1]]`, sorted ascending,
/// with the matching edge weights in `weights`. Every undirected edge is stored in both
/// directions. The storage is internal to RenkeiCore; other modules read the graph through
/// ``neighbors(of:)``, ``weightedNeighbors(of:)``, ``edges``, ``degree(of:)`` and ``weight(_:_:)``. Parallel edges given to the initialiser are merged into one edge whose weight is
/// the sum of theirs (several partnerships between the same pair make a stronger tie); self-loops
/// are dropped. Memory: 4 bytes per vertex offset plus 12 bytes per edge end (about 24 bytes
/// per undirected edge), so a 1,000,000-edge graph takes about 28 MB.
public struct AnalysisGraph: Sendable {
    /// `offsets[v] ..< offsets[v + 1]` is the range of `v`'s neighbours; `offsets.count == nodeCount + 1`.
    @usableFromInline let offsets: [Int]
    /// Neighbour vertices, sorted ascending within each vertex's range.
    @usableFromInline let neighbors: [Int32]
    /// Edge weights, parallel to `neighbors`.
    @usableFromInline let weights: [Double]
    /// A label per vertex: an organisation id, a kind, or the label written in an edge list.
    public let labels: [String]

    /// Number of vertices.
    @inlinable public var nodeCount: Int { offsets.count - 1 }
    /// Number of undirected edges.
    @inlinable public var edgeCount: Int { neighbors.count / 2 }
    /// All vertices in index order.
    public var nodes: [NodeIndex] { (0..<nodeCount).map { NodeIndex($0) } }
    /// True when any edge weight differs from 1.
    public let isWeighted: Bool

    /// Builds a graph from an edge list.
    /// - Parameters:
    ///   - labels: one label per vertex; the vertex count is `labels.count`.
    ///   - edges: `(u, v, w)` triples with `0 <= u, v < labels.count`.
    /// - Complexity: O(*n* + *m* log *d*), where *d* is the largest degree.
    public init(labels: [String], edges: [(Int32, Int32, Double)]) {
        let n = labels.count
        var degree = [Int](repeating: 0, count: n + 1)
        for (u, v, _) in edges where u != v {
            degree[Int(u)] += 1
            degree[Int(v)] += 1
        }
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + degree[v] }
        var fill = start
        var nbr = [Int32](repeating: 0, count: start[n])
        var wgt = [Double](repeating: 0, count: start[n])
        for (u, v, w) in edges where u != v {
            nbr[fill[Int(u)]] = v; wgt[fill[Int(u)]] = w; fill[Int(u)] += 1
            nbr[fill[Int(v)]] = u; wgt[fill[Int(v)]] = w; fill[Int(v)] += 1
        }
        // Sort each row and merge parallel edges in place.
        var offsets = [Int](repeating: 0, count: n + 1)
        var write = 0
        var weighted = false
        var row: [(Int32, Double)] = []
        for v in 0..<n {
            offsets[v] = write
            let lo = start[v], hi = start[v + 1]
            row.removeAll(keepingCapacity: true)
            for i in lo..<hi { row.append((nbr[i], wgt[i])) }
            var sorted = true
            if row.count > 1 { for i in 1..<row.count where row[i - 1].0 > row[i].0 { sorted = false; break } }
            if !sorted { row.sort { $0.0 < $1.0 } }
            var i = 0
            while i < row.count {
                var w = row[i].1
                var j = i + 1
                while j < row.count, row[j].0 == row[i].0 { w += row[j].1; j += 1 }
                nbr[write] = row[i].0
                wgt[write] = w
                if w != 1 { weighted = true }
                write += 1
                i = j
            }
        }
        offsets[n] = write
        nbr.removeLast(nbr.count - write)
        wgt.removeLast(wgt.count - write)
        self.offsets = offsets
        self.neighbors = nbr
        self.weights = wgt
        self.labels = labels
        self.isWeighted = weighted
    }

    /// Runs `body` with the CSR arrays (`offsets`, `neighbors`, `weights`) as buffer pointers,
    /// read in place (no copy) — the one place the analysis loops get unchecked access to the
    /// graph. The pointers must not escape `body`.
    func withCSR<R>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> R
    ) -> R {
        offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nbr in
                weights.withUnsafeBufferPointer { wgt in body(off, nbr, wgt) }
            }
        }
    }

    /// The positions of `v`'s neighbours in `neighbors` and `weights`.
    @inlinable func range(of v: NodeIndex) -> Range<Int> { offsets[v.int]..<offsets[v.int + 1] }

    /// `v`'s neighbours, ascending. - Complexity: O(1); the collection is a view of the graph.
    public func neighbors(of v: NodeIndex) -> some RandomAccessCollection<NodeIndex> {
        neighbors[range(of: v)].lazy.map { NodeIndex(raw: $0) }
    }

    /// `v`'s neighbours, ascending, each with the weight of its edge to `v`.
    /// - Complexity: O(1); the collection is a view of the graph.
    public func weightedNeighbors(of v: NodeIndex) -> some RandomAccessCollection<(neighbor: NodeIndex, weight: Double)> {
        range(of: v).lazy.map { (neighbor: NodeIndex(raw: self.neighbors[$0]), weight: self.weights[$0]) }
    }

    /// Every undirected edge once, as `(u, v, weight)` with `u < v`, in ascending order of `u`
    /// then `v`. - Complexity: O(*n* + *m*) to iterate.
    public var edges: EdgeSequence { EdgeSequence(graph: self) }

    /// Number of neighbours of `v`.
    @inlinable public func degree(of v: NodeIndex) -> Int { offsets[v.int + 1] - offsets[v.int] }

    /// Sum of the weights of `v`'s edges.
    public func strength(of v: NodeIndex) -> Double {
        var s = 0.0
        for i in range(of: v) { s += weights[i] }
        return s
    }

    /// Sum of all edge weights (each undirected edge once).
    public var totalWeight: Double { weights.reduce(0, +) / 2 }

    /// The weight of edge `u`–`v`, or nil. - Complexity: O(log deg(*u*)).
    public func weight(_ u: NodeIndex, _ v: NodeIndex) -> Double? {
        var lo = offsets[u.int], hi = offsets[u.int + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbors[mid] < v.rawValue { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets[u.int + 1] && neighbors[lo] == v.rawValue ? weights[lo] : nil
    }

    /// The vertex with a given label. - Complexity: O(*n*).
    public func node(labelled label: String) -> NodeIndex? {
        labels.firstIndex(of: label).map { NodeIndex($0) }
    }
}

/// The edges of an ``AnalysisGraph``, each once with `u < v`: see ``AnalysisGraph/edges``.
public struct EdgeSequence: Sequence, Sendable {
    let graph: AnalysisGraph

    public struct Iterator: IteratorProtocol {
        let graph: AnalysisGraph
        var vertex = 0
        var position = 0

        public mutating func next() -> (u: NodeIndex, v: NodeIndex, weight: Double)? {
            let offsets = graph.offsets, neighbors = graph.neighbors
            while vertex < graph.nodeCount {
                let end = offsets[vertex + 1]
                while position < end {
                    let w = neighbors[position]
                    position += 1
                    if Int(w) > vertex {
                        return (NodeIndex(raw: Int32(vertex)), NodeIndex(raw: w), graph.weights[position - 1])
                    }
                }
                vertex += 1
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(graph: graph) }

    /// Number of edges.
    public var underestimatedCount: Int { graph.edgeCount }
}
