/// One vertex of an ego network and its distance from the centre.
public struct EgoMember: Hashable, Sendable {
    /// The vertex.
    public var node: NodeIndex
    /// Hops from the centre (0 for the centre itself).
    public var depth: Int
}

/// The shortest chains between two vertices.
public struct ShortestChains: Sendable, Equatable {
    /// Number of edges on a shortest chain (hops).
    public var hops: Int
    /// The length: hops when unweighted, the sum of edge lengths when weighted.
    public var length: Double
    /// Shortest chains from source to target, each a vertex sequence, in lexicographic order of
    /// vertex indices; one chain unless every chain was asked for (then at most the limit).
    public var chains: [[NodeIndex]]
    /// True when more chains exist than the limit allowed.
    public var truncated: Bool
}

extension AnalysisGraph {
    /// The ego network of `center`: every vertex within `radius` hops, with its hop distance,
    /// in breadth-first order (the centre first, then by depth, ties by vertex index) — the node set
    /// of NetworkX's `ego_graph(G, center, radius)` (undirected, unweighted).
    /// - Complexity: O(*n*_r + *m*_r) for the part of the graph within the radius.
    public func egoNetwork(of center: NodeIndex, radius: Int) -> [EgoMember] {
        var depth: [Int: Int] = [center.int: 0]
        var out = [EgoMember(node: center, depth: 0)]
        var frontier = [center.int]
        var level = 0
        while level < radius, !frontier.isEmpty {
            level += 1
            var next: [Int] = []
            for v in frontier {
                for e in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[e])
                    if depth[w] == nil { depth[w] = level; next.append(w) }
                }
            }
            next.sort()
            out += next.map { EgoMember(node: NodeIndex($0), depth: level) }
            frontier = next
        }
        return out
    }

    /// The shortest chain(s) of edges from `source` to `target`, or nil when they lie in different
    /// components.
    ///
    /// Unweighted: breadth-first search (hops). Weighted: Dijkstra's algorithm on the lengths
    /// ``EdgeDistance`` gives each weight (the lengths betweenness and closeness use; they must be
    /// positive and finite). A vertex *u* precedes *v* on a shortest chain when
    /// dist(*u*) + len(*u*, *v*) = dist(*v*), the rule NetworkX's `all_shortest_paths` follows.
    /// - Parameters:
    ///   - all: every shortest chain (up to `limit`), else the lexicographically first.
    ///   - limit: the most chains returned with `all`.
    /// - Throws: ``AnalysisError/invalidPathLength(source:target:weight:length:)`` (weighted only).
    /// - Complexity: O(*n* + *m*) unweighted, O((*n* + *m*) log *m*) weighted, plus the chains listed.
    public func shortestChains(from source: NodeIndex, to target: NodeIndex, all: Bool = false, weighted: Bool = false,
                               distance: EdgeDistance = .inverse, limit: Int = 10_000) throws(AnalysisError) -> ShortestChains? {
        let n = nodeCount
        let s = source.int, t = target.int
        var dist = [Double](repeating: .infinity, count: n)
        let lengths: [Double]
        if weighted {
            lengths = try pathLengths(distance)
            let search = ShortestPathSearch(n: n, arcs: neighbors.count, weighted: true, recordsDAG: false)
            let reached = PathGraph.with(offsets: offsets, neighbors: neighbors, lengths: lengths) { search.dijkstra(from: s, in: $0) }
            for j in 0..<reached { let v = Int(search.order[j]); dist[v] = search.dist[v] }
        } else {
            lengths = [Double](repeating: 1, count: neighbors.count)
            dist[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                if v == t { break }
                for e in offsets[v]..<offsets[v + 1] where dist[Int(neighbors[e])] == .infinity {
                    dist[Int(neighbors[e])] = dist[v] + 1
                    queue.append(Int(neighbors[e]))
                }
            }
        }
        guard dist[t].isFinite else { return nil }
        // Walk back from the target over predecessors; chains come out in index order because the
        // forward walk below extends each prefix by ascending vertex.
        func predecessors(_ v: Int) -> [Int] {
            (offsets[v]..<offsets[v + 1]).compactMap { e in
                let u = Int(neighbors[e])
                return dist[u].isFinite && dist[u] + lengths[e] == dist[v] ? u : nil
            }
        }
        // Vertices on some shortest chain: those reachable backwards from the target.
        var onChain = [Bool](repeating: false, count: n)
        var preds: [Int: [Int]] = [:]
        var stack = [t]
        onChain[t] = true
        while let v = stack.popLast() {
            let p = predecessors(v)
            preds[v] = p
            for u in p where !onChain[u] { onChain[u] = true; stack.append(u) }
        }
        // Successor lists restricted to the shortest-chain DAG, ascending.
        var succ: [Int: [Int]] = [:]
        for (v, ps) in preds { for u in ps { succ[u, default: []].append(v) } }
        for k in succ.keys { succ[k]!.sort() }
        var chains: [[NodeIndex]] = []
        var truncated = false
        var path = [s]
        func extend() {
            if truncated { return }
            let v = path[path.count - 1]
            if v == t {
                if chains.count == (all ? limit : 1) { truncated = all; return }
                chains.append(path.map(NodeIndex.init)); return
            }
            for w in succ[v] ?? [] {
                path.append(w); extend(); path.removeLast()
                if !all && !chains.isEmpty { return }
            }
        }
        extend()
        return ShortestChains(hops: chains[0].count - 1, length: dist[t], chains: chains, truncated: truncated)
    }
}
