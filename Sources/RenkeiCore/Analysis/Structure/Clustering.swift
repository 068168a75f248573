import Foundation

/// Which local clustering coefficient ``AnalysisGraph/clustering(_:)`` computes.
public enum ClusteringWeighting: String, Sendable, CaseIterable {
    /// Watts & Strogatz (1998): the share of a vertex's neighbour pairs that are linked.
    /// doi:10.1038/30918.
    case unweighted
    /// Onnela, Saramäki, Kertész & Kaski (2005): the geometric mean of the triangle's three
    /// weights, weights divided by the largest weight — NetworkX `clustering(G, weight=…)`.
    /// doi:10.1103/PhysRevE.71.065103.
    case onnela
    /// Barrat, Barthélemy, Pastor-Satorras & Vespignani (2004): triangles weighted by the mean
    /// of the two edges at the vertex, over strength × (degree − 1) — igraph
    /// `transitivity_local_undirected(weights=…)`. doi:10.1073/pnas.0400087101.
    case barrat
}

extension AnalysisGraph {
    /// Calls `body(u, v, w, e_uv, e_vw, e_uw)` once for every triangle, with the positions of its
    /// three edges in `neighbors`/`weights` (each edge position taken from the row of its first vertex).
    ///
    /// The "forward" algorithm with vertices ranked by degree: Schank, T. & Wagner, D. (2005).
    /// Finding, counting and listing all triangles in large graphs, an experimental study. WEA 2005,
    /// LNCS 3503, 606–609. doi:10.1007/11427186_54.
    /// - Complexity: O(*m*^1.5) time, O(*n* + *m*) memory.
    @inline(__always)
    func forEachTriangle(_ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        let n = nodeCount
        guard n > 0 else { return }
        // Forward adjacency: v's neighbours ranked above v by (degree, index).
        let higher = UnsafeMutablePointer<Int>.allocate(capacity: n + 1)
        let fwd = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, neighbors.count / 2))
        let fwdEdge = UnsafeMutablePointer<Int>.allocate(capacity: max(1, neighbors.count / 2))
        let mark = UnsafeMutablePointer<Int>.allocate(capacity: n)
        mark.initialize(repeating: -1, count: n)
        defer { higher.deallocate(); fwd.deallocate(); fwdEdge.deallocate(); mark.deallocate() }
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
            var k = 0
            for v in 0..<n {
                higher[v] = k
                let dv = off[v + 1] - off[v]
                for e in off[v]..<off[v + 1] {
                    let u = Int(nbr[e])
                    let du = off[u + 1] - off[u]
                    if du > dv || (du == dv && u > v) { fwd[k] = nbr[e]; fwdEdge[k] = e; k += 1 }
                }
            }
            higher[n] = k
        }}
        for v in 0..<n {
            let lo = higher[v], hi = higher[v + 1]
            if hi - lo < 2 { continue }
            for i in lo..<hi { mark[Int(fwd[i])] = fwdEdge[i] }
            for i in lo..<hi {
                let u = Int(fwd[i])
                for j in higher[u]..<higher[u + 1] {
                    let evw = mark[Int(fwd[j])]
                    if evw >= 0 { body(v, u, Int(fwd[j]), fwdEdge[i], fwdEdge[j], evw) }
                }
            }
            for i in lo..<hi { mark[Int(fwd[i])] = -1 }
        }
    }

    /// Number of triangles through each vertex.
    /// - Complexity: O(*m*^1.5).
    public func triangleCounts() -> [Int] {
        var t = [Int](repeating: 0, count: nodeCount)
        t.withUnsafeMutableBufferPointer { t in
            forEachTriangle { a, b, c, _, _, _ in t[a] += 1; t[b] += 1; t[c] += 1 }
        }
        return t
    }

    /// Local clustering coefficient of every vertex (0 for degree < 2), as NetworkX `clustering`
    /// (unweighted and Onnela) and igraph `transitivity_local_undirected` (Barrat, with 0 instead
    /// of NaN for degree < 2). See ``ClusteringWeighting`` for the papers.
    /// - Complexity: O(*m*^1.5).
    public func clustering(_ weighting: ClusteringWeighting = .unweighted) -> [Double] {
        let n = nodeCount
        var sum = [Double](repeating: 0, count: n)
        switch weighting {
        case .unweighted:
            let t = triangleCounts()
            for v in 0..<n { sum[v] = Double(2 * t[v]) }
        case .onnela:
            let maxWeight = weights.max() ?? 1
            forEachTriangle { a, b, c, eab, ebc, eac in
                let g = cbrt((weights[eab] / maxWeight) * (weights[ebc] / maxWeight) * (weights[eac] / maxWeight))
                sum[a] += 2 * g; sum[b] += 2 * g; sum[c] += 2 * g
            }
        case .barrat:
            forEachTriangle { a, b, c, eab, ebc, eac in
                let wab = weights[eab], wbc = weights[ebc], wac = weights[eac]
                sum[a] += wab + wac; sum[b] += wab + wbc; sum[c] += wac + wbc
            }
        }
        var result = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let d = Double(offsets[v + 1] - offsets[v])
            guard d >= 2, sum[v] != 0 else { continue }
            if weighting == .barrat {
                result[v] = sum[v] / (strength(of: NodeIndex(v)) * (d - 1))
            } else {
                result[v] = sum[v] / (d * (d - 1))
            }
        }
        return result
    }

    /// Mean local clustering over all vertices, zeros included (NetworkX `average_clustering`).
    /// - Complexity: O(*m*^1.5).
    public func averageClustering(_ weighting: ClusteringWeighting = .unweighted) -> Double {
        let c = clustering(weighting)
        return c.isEmpty ? 0 : c.reduce(0, +) / Double(c.count)
    }

    /// Transitivity: 3 × triangles / connected triples (NetworkX `transitivity`).
    /// Newman, M. E. J., Strogatz, S. H. & Watts, D. J. (2001). Random graphs with arbitrary degree
    /// distributions and their applications. *Phys. Rev. E* 64, 026118. doi:10.1103/PhysRevE.64.026118.
    /// - Complexity: O(*m*^1.5).
    public func transitivity() -> Double {
        let t = triangleCounts()
        var closed = 0.0, triples = 0.0
        for v in 0..<nodeCount {
            let d = Double(offsets[v + 1] - offsets[v])
            closed += Double(2 * t[v])
            triples += d * (d - 1)
        }
        return closed == 0 ? 0 : closed / triples
    }
}
