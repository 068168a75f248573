/// Modularity of a partition of an ``AnalysisGraph``.
///
/// Newman & Girvan 2004, "Finding and evaluating community structure in networks",
/// Phys. Rev. E 69, 026113, doi:10.1103/PhysRevE.69.026113, with the resolution parameter γ of
/// Reichardt & Bornholdt 2006, "Statistical mechanics of community detection",
/// Phys. Rev. E 74, 016110, doi:10.1103/PhysRevE.74.016110:
///
///     Q = Σ_c [ L_c / m  −  γ (d_c / 2m)² ]
///
/// where *m* is the total edge weight, *L_c* the weight of the edges inside community *c* and
/// *d_c* the total strength (weighted degree) of its members. This is exactly what NetworkX's
/// `networkx.algorithms.community.modularity(G, communities, weight="weight", resolution=γ)`
/// computes for an undirected graph without self-loops.
public enum Modularity {
    /// The modularity of the partition given by `membership` (one community id per vertex;
    /// ids are arbitrary non-negative integers). A graph without edges has modularity 0.
    /// - Complexity: O(*n* + *m*) time, O(*k*) extra memory for *k* community ids.
    public static func of(_ graph: AnalysisGraph, membership: [Int32], resolution: Double = 1) -> Double {
        precondition(membership.count == graph.nodeCount, "one community per vertex")
        let n = graph.nodeCount
        guard n > 0 else { return 0 }
        var k = 0
        for c in membership {
            precondition(c >= 0, "community ids must be non-negative")
            k = max(k, Int(c) + 1)
        }
        var inside = [Double](repeating: 0, count: k)
        var degree = [Double](repeating: 0, count: k)
        var total = 0.0
        graph.withCSR { off, nbr, wgt in
            for v in 0..<n {
                let c = Int(membership[v])
                for e in off[v]..<off[v + 1] {
                    let w = wgt[e]
                    degree[c] += w
                    total += w
                    if Int(membership[Int(nbr[e])]) == c { inside[c] += w }
                }
            }
        }
        guard total > 0 else { return 0 }
        // `total` is 2m and `inside[c]` is 2 L_c, since every edge is stored in both directions.
        var q = 0.0
        for c in 0..<k where degree[c] > 0 {
            let share = degree[c] / total
            q += inside[c] / total - resolution * share * share
        }
        return q
    }

    /// The modularity of a partition given as a list of communities, each a list of vertices.
    /// Vertices in no community count as singletons.
    /// - Complexity: O(*n* + *m*).
    public static func of(_ graph: AnalysisGraph, communities: [[NodeIndex]], resolution: Double = 1) -> Double {
        var membership = [Int32](repeating: -1, count: graph.nodeCount)
        for (c, members) in communities.enumerated() {
            for v in members { membership[v.int] = Int32(c) }
        }
        var next = Int32(communities.count)
        for v in 0..<membership.count where membership[v] < 0 {
            membership[v] = next
            next += 1
        }
        return of(graph, membership: membership, resolution: resolution)
    }
}
