/// Options of ``AnalysisGraph/closeness(_:)`` and ``AnalysisGraph/harmonic(_:)``.
public struct ClosenessOptions: Sendable {
    /// Use edge weights as lengths (Dijkstra); otherwise every edge has length 1.
    public var weighted: Bool
    /// The weight → length rule when `weighted`.
    public var distance: EdgeDistance
    /// Scale closeness by the reachable share (Wasserman & Faust), as NetworkX `wf_improved=True`.
    public var wassermanFaust: Bool
    /// Called with `(sources done, sources)` from worker threads.
    public var progress: AnalysisProgress?

    /// Options with NetworkX's defaults: unweighted, Wasserman–Faust correction on.
    public init(weighted: Bool = false, distance: EdgeDistance = .weight, wassermanFaust: Bool = true,
                progress: AnalysisProgress? = nil) {
        self.weighted = weighted
        self.distance = distance
        self.wassermanFaust = wassermanFaust
        self.progress = progress
    }
}

extension AnalysisGraph {
    /// Closeness centrality, with the Wasserman–Faust correction for disconnected graphs.
    ///
    /// For a vertex *u* reaching *r* − 1 others at total distance *D*, closeness is
    /// ((*r* − 1) / *D*) · ((*r* − 1) / (*n* − 1)), and 0 when *u* reaches nobody — exactly NetworkX's
    /// `closeness_centrality(G, wf_improved=True)`. Wasserman, S. & Faust, K. (1994). *Social
    /// Network Analysis: Methods and Applications*, §5.3. Cambridge University Press.
    /// doi:10.1017/CBO9780511815478.
    ///
    /// Sources run in parallel on all cores.
    /// - Throws: ``AnalysisError/invalidPathLength(source:target:weight:length:)`` when
    ///   `options.weighted` and an edge length is zero, negative or not finite (checked once, before
    ///   any search); unweighted closeness never throws.
    /// - Complexity: O(*n* *m*) unweighted, O(*n* (*m* + *n*) log *n*) weighted; O(*n* + *m*) memory per lane.
    public func closeness(_ options: ClosenessOptions = ClosenessOptions()) throws(AnalysisError) -> [Double] {
        let n = nodeCount
        return try distanceSums(options).map { (reached, total, _) in
            guard total > 0, n > 1 else { return 0 }
            var c = Double(reached - 1) / total
            if options.wassermanFaust { c *= Double(reached - 1) / Double(n - 1) }
            return c
        }
    }

    /// Harmonic centrality: the sum of 1/d(*u*, *v*) over the vertices *v* ≠ *u* that *u* reaches
    /// (not normalised, as NetworkX `harmonic_centrality`).
    ///
    /// Marchiori, M. & Latora, V. (2000). Harmony in the small-world. *Physica A* 285(3–4),
    /// 539–546. doi:10.1016/S0378-4371(00)00311-3.
    /// - Throws: as ``closeness(_:)``.
    /// - Complexity: as ``closeness(_:)``.
    public func harmonic(_ options: ClosenessOptions = ClosenessOptions()) throws(AnalysisError) -> [Double] {
        try distanceSums(options).map { $0.2 }
    }

    /// Per source: vertices reached (incl. itself), sum of distances, sum of inverse distances.
    /// - Throws: ``AnalysisError/invalidPathLength(source:target:weight:length:)`` when weighted
    ///   and an edge length is zero, negative or not finite.
    func distanceSums(_ options: ClosenessOptions) throws(AnalysisError) -> [(Int, Double, Double)] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let lengths = options.weighted ? try pathLengths(options.distance) : []
        return PathGraph.with(offsets: offsets, neighbors: neighbors, lengths: lengths) { g in
            let memory = Workspace()
            let out = memory.buffer(n, (0, 0.0, 0.0))
            let searches = (0..<AnalysisLanes.count).map { _ in
                ShortestPathSearch(n: n, arcs: g.arcCount, weighted: options.weighted, recordsDAG: false)
            }
            AnalysisLanes.forEach(items: n, progress: options.progress) { lane, s in
                let search = searches[lane]
                guard options.weighted else {
                    out[s] = search.distances(from: s, in: g)
                    return
                }
                let reached = search.dijkstra(from: s, in: g)
                var total = 0.0, inverse = 0.0
                for j in 1..<max(1, reached) {
                    let d = search.dist[Int(search.order[j])]
                    total += d
                    if d > 0 { inverse += 1 / d }
                }
                out[s] = (reached, total, inverse)
                search.resetDijkstra(reached: reached)
            }
            return withExtendedLifetime(memory) { Array(out) }
        }
    }
}
