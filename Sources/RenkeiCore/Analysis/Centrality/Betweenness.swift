/// Options of ``AnalysisGraph/betweenness(_:)``.
public struct BetweennessOptions: Sendable {
    /// Scale as NetworkX `normalized=True`: by 1 / ((*n* − 1)(*n* − 2)) on ordered pairs, i.e.
    /// 2 / ((*n* − 1)(*n* − 2)) per unordered pair (1 / (*n*(*n* − 1)) with endpoints). Unnormalised
    /// values count each unordered pair once.
    public var normalized: Bool
    /// Count path endpoints as lying on their own paths (NetworkX `endpoints=True`).
    public var endpoints: Bool
    /// Use edge weights as lengths (Dijkstra); otherwise every edge has length 1 (BFS).
    public var weighted: Bool
    /// The weight → length rule when `weighted`.
    public var distance: EdgeDistance
    /// Approximate from this many pivot sources drawn with `seed` (NetworkX `k=`), scaled as
    /// NetworkX does; nil for the exact value.
    public var samples: Int?
    /// Seed for the pivot sample.
    public var seed: UInt64
    /// Fold degree-1 vertices out of the exact computation (the result is identical; it only
    /// saves time on leafy partnership networks). Ignored when sampling.
    public var foldLeaves: Bool
    /// Called with `(sources done, sources)` from worker threads.
    public var progress: AnalysisProgress?

    /// Options with NetworkX's defaults: normalised, no endpoints, unweighted, exact.
    public init(normalized: Bool = true, endpoints: Bool = false, weighted: Bool = false,
                distance: EdgeDistance = .weight, samples: Int? = nil, seed: UInt64 = 0,
                foldLeaves: Bool = true, progress: AnalysisProgress? = nil) {
        self.normalized = normalized
        self.endpoints = endpoints
        self.weighted = weighted
        self.distance = distance
        self.samples = samples
        self.seed = seed
        self.foldLeaves = foldLeaves
        self.progress = progress
    }
}

extension AnalysisGraph {
    /// Betweenness centrality of every vertex, with Brandes' algorithm.
    ///
    /// Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    /// Mathematical Sociology* 25(2), 163–177. doi:10.1080/0022250X.2001.9990249.
    ///
    /// Unweighted graphs use breadth-first search that records the shortest-path DAG as it goes,
    /// so the dependency pass reads only DAG edges (one array entry each) instead of rescanning
    /// every adjacency list; with `options.weighted` edge lengths come from
    /// `options.distance` and Dijkstra's algorithm is used (lengths must be positive). Path counts
    /// are compared exactly, as in NetworkX. Sources run in parallel on all cores (fixed lanes,
    /// fixed reduction order: the result does not depend on the core count).
    ///
    /// **Leaf folding** (exact, default): every degree-1 vertex whose neighbour has degree ≥ 2 is
    /// removed and counted as a multiplicity on its neighbour, and Brandes' accumulation runs with
    /// vertex weights (Baglioni, Geraci, Pellegrini & Lastres 2012, *Fast exact computation of
    /// betweenness centrality in social networks*, ASONAM, doi:10.1109/ASONAM.2012.25). A vertex
    /// *v* with ℓ folded leaves in a component of *N* vertices then gains the closed form
    /// (*N* − 1)(*N* − 2) − (*N* − 1 − ℓ)(*N* − 2 − ℓ) ordered pairs (those with a leaf of *v*
    /// as an end), and leaves get 0. Partnership networks, where most partners hang off one lead,
    /// shrink to a fraction of their size.
    ///
    /// Normalisation follows NetworkX 3.x exactly, including the `k=` rescaling for sampled
    /// pivots (sampled sources scaled by 1/((*k* − 1)(*n* − 2)), others by 1/(*k*(*n* − 2))).
    ///
    /// - Returns: one value per vertex, indexed by `NodeIndex.int`.
    /// - Throws: ``AnalysisError/invalidPathLength(source:target:weight:length:)`` when
    ///   `options.weighted` and an edge length is zero, negative or not finite (checked before any
    ///   search, in O(*m*)); unweighted betweenness never throws.
    /// - Complexity: O(*n* *m*) unweighted and O(*n* *m* + *n*² log *n*) weighted, with *n* and *m*
    ///   those of the folded graph; O(*k* *m*) with *k* pivots. Memory O(*n* + *m*) per lane.
    public func betweenness(_ options: BetweennessOptions = BetweennessOptions()) throws(AnalysisError) -> [Double] {
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0 else { return result }
        let lengths = options.weighted ? try pathLengths(options.distance) : []

        if let k0 = options.samples, k0 < n {
            let k = max(0, k0)
            // The pivots are the first k of a partial Fisher–Yates shuffle. The draw is
            // `next() % (n − i)` rather than ``SplitMixRandom/uniform(_:)`` so that a seed keeps
            // choosing the pivots it chose before.
            var rng = SplitMixRandom(seed: options.seed)
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = i + Int(rng.next() % UInt64(n - i))
                pool.swapAt(i, j)
            }
            let pivots = pool[0..<k].sorted()
            let acc = PathGraph.with(offsets: offsets, neighbors: neighbors, lengths: lengths,
                                     multiplicity: [Double](repeating: 1, count: n)) { g in
                brandesAccumulate(g, sources: pivots.map { Int32($0) }, weighted: options.weighted,
                                  endpoints: options.endpoints, progress: options.progress)
            }
            var isPivot = [Bool](repeating: false, count: n)
            for p in pivots { isPivot[p] = true }
            let N = Double(options.endpoints ? n : n - 1)
            guard N >= 2 else { return acc }
            let K = Double(k)
            if options.endpoints {
                let scale = options.normalized ? 1 / (K * (N - 1)) : N / (K * 2)
                for v in 0..<n { result[v] = acc[v] * scale }
            } else {
                let sSource = K > 1 ? (options.normalized ? 1 / ((K - 1) * (N - 1)) : N / ((K - 1) * 2)) : .nan
                let sOther = options.normalized ? 1 / (K * (N - 1)) : N / (K * 2)
                for v in 0..<n { result[v] = acc[v] * (isPivot[v] ? sSource : sOther) }
            }
            return result
        }

        // Exact: optionally fold leaves.
        let components = connectedComponents()
        if options.foldLeaves {
            var leafCount = [Int](repeating: 0, count: n)
            var keep = [Bool](repeating: true, count: n)
            for v in 0..<n where offsets[v + 1] - offsets[v] == 1 {
                let p = Int(neighbors[offsets[v]])
                if offsets[p + 1] - offsets[p] >= 2 { keep[v] = false; leafCount[p] += 1 }
            }
            var coreIndex = [Int32](repeating: -1, count: n)
            var coreNodes: [Int32] = []
            for v in 0..<n where keep[v] { coreIndex[v] = Int32(coreNodes.count); coreNodes.append(Int32(v)) }
            var off = [Int](repeating: 0, count: coreNodes.count + 1)
            var nbr: [Int32] = []
            var len: [Double] = []
            nbr.reserveCapacity(neighbors.count)
            if options.weighted { len.reserveCapacity(neighbors.count) }
            for (i, v) in coreNodes.enumerated() {
                for e in offsets[Int(v)]..<offsets[Int(v) + 1] {
                    let w = Int(neighbors[e])
                    guard keep[w] else { continue }
                    nbr.append(coreIndex[w])
                    if options.weighted { len.append(lengths[e]) }
                }
                off[i + 1] = nbr.count
            }
            let mult = coreNodes.map { Double(1 + leafCount[Int($0)]) }
            let acc = PathGraph.with(offsets: off, neighbors: nbr, lengths: len, multiplicity: mult) { g in
                brandesAccumulate(g, sources: (0..<Int32(coreNodes.count)).map { $0 },
                                  weighted: options.weighted, endpoints: false, progress: options.progress)
            }
            for (i, v) in coreNodes.enumerated() {
                let N = Double(components.size(of: NodeIndex(Int(v))))
                let l = Double(leafCount[Int(v)])
                result[Int(v)] = acc[i] + (N - 1) * (N - 2) - (N - 1 - l) * (N - 2 - l)
            }
        } else {
            result = PathGraph.with(offsets: offsets, neighbors: neighbors, lengths: lengths,
                                    multiplicity: [Double](repeating: 1, count: n)) { g in
                brandesAccumulate(g, sources: (0..<Int32(n)).map { $0 }, weighted: options.weighted,
                                  endpoints: false, progress: options.progress)
            }
        }
        if options.endpoints {
            for v in 0..<n { result[v] += 2 * Double(components.size(of: NodeIndex(v)) - 1) }
        }
        let N = Double(options.endpoints ? n : n - 1)
        guard N >= 2 else { return result }
        let scale = options.normalized ? 1 / (N * (N - 1)) : 0.5
        for v in 0..<n { result[v] *= scale }
        return result
    }
}

/// Brandes' dependency accumulation from each source, summed over sources with vertex
/// multiplicities: returns Σ_s c(s) δ_s(v), where δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw (c(w) + δ_s(w)).
/// With `endpoints`, also adds the NetworkX endpoint terms (all multiplicities must be 1).
/// Sources run on ``AnalysisLanes``, each lane with its own ``ShortestPathSearch`` and accumulator;
/// the lane accumulators are summed in lane order.
/// - Complexity: O(*k* *m*) unweighted, O(*k* *m* log *m*) weighted, for *k* sources.
func brandesAccumulate(_ g: PathGraph, sources: [Int32], weighted: Bool, endpoints: Bool,
                       progress: AnalysisProgress?) -> [Double] {
    let n = g.count
    let lanes = min(AnalysisLanes.count, max(1, sources.count))
    let memory = Workspace()
    let accs = (0..<lanes).map { _ in memory.buffer(n, 0.0) }
    let searches = (0..<lanes).map { _ in
        ShortestPathSearch(n: n, arcs: g.arcCount, weighted: weighted, recordsDAG: !weighted)
    }
    AnalysisLanes.forEach(items: sources.count, progress: progress) { lane, item in
        let s = Int(sources[item])
        let search = searches[lane]
        let acc = accs[lane].baseAddress!
        if weighted {
            let reached = search.dijkstra(from: s, in: g)
            search.accumulate(source: s, reached: reached, in: g, acc: acc, endpoints: endpoints)
        } else {
            let reached = search.bfsRecordingDAG(from: s, in: g)
            search.accumulateDAG(source: s, reached: reached, in: g, acc: acc, endpoints: endpoints)
        }
    }
    var result = [Double](repeating: 0, count: n)
    for lane in 0..<lanes {
        let p = accs[lane]
        for v in 0..<n { result[v] += p[v] }
    }
    withExtendedLifetime(memory) {}
    return result
}

extension ShortestPathSearch {
    /// Dependency accumulation over the DAG recorded by ``bfsRecordingDAG(from:in:)``, parents in
    /// reverse BFS order: δ(v) = σ(v) Σ_{children w} (c(w) + δ(w)) / σ(w). Adds c(s)·δ(v) (and
    /// endpoint terms) to `acc` and resets the scratch arrays.
    /// - Complexity: O(*n*_s + *m*_s).
    func accumulateDAG(source s: Int, reached: Int, in g: PathGraph,
                       acc: UnsafeMutablePointer<Double>, endpoints: Bool) {
        let sigma = self.sigma, order = self.order, dag = self.dag, dagStart = self.dagStart
        let coefficient = self.coefficient, hops = self.hops
        let mult = g.multiplicity.baseAddress!
        let cs = mult[s]
        var i = reached &- 1
        while i >= 1 {
            let v = Int(order[i])
            var sum = 0.0
            var k = dagStart[i]
            let end = dagStart[i &+ 1]
            while k < end { sum += coefficient[Int(dag[k])]; k &+= 1 }
            let sv = sigma[v]
            let dv = sv * sum
            coefficient[v] = (mult[v] + dv) / sv
            acc[v] += cs * dv + (endpoints ? 1 : 0)
            i &-= 1
        }
        if endpoints { acc[s] += Double(reached - 1) }
        for j in 0..<reached {
            let v = Int(order[j])
            hops[v] = -1; sigma[v] = 0
        }
    }

    /// Back-propagates dependencies after ``dijkstra(from:in:)`` over the vertices reached
    /// (predecessors are the neighbours *v* with dist(*v*) + len = dist(*w*)), adds c(s)·δ(v) to
    /// `acc`, and resets the scratch arrays for the next source.
    /// - Complexity: O(*n*_s + *m*_s).
    func accumulate(source s: Int, reached: Int, in g: PathGraph,
                    acc: UnsafeMutablePointer<Double>, endpoints: Bool) {
        let off = g.offsets, nbr = g.neighbors, len = g.lengths, mult = g.multiplicity
        let cs = mult[s]
        var i = reached - 1
        while i >= 1 {
            let w = Int(order[i])
            let coeff = (mult[w] + delta[w]) / sigma[w]
            let dw = dist[w]
            for e in off[w]..<off[w + 1] {
                let v = Int(nbr[e])
                if dist[v] + len[e] == dw { delta[v] += sigma[v] * coeff }
            }
            acc[w] += cs * delta[w] + (endpoints ? 1 : 0)
            i -= 1
        }
        if endpoints { acc[s] += Double(reached - 1) }
        for j in 0..<reached {
            let v = Int(order[j])
            hops[v] = -1; sigma[v] = 0; delta[v] = 0; dist[v] = .infinity
        }
    }
}
