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

/// The graph Brandes' algorithm actually runs on: CSR arrays, optional edge lengths, and a
/// multiplicity per vertex (1 + the number of leaves folded into it).
struct BrandesGraph {
    var offsets: [Int]
    var neighbors: [Int32]
    var lengths: [Double]
    var multiplicity: [Double]
    var count: Int { offsets.count - 1 }
}

extension AnalysisGraph {
    /// Edge lengths under a distance rule.
    func edgeLengths(_ rule: EdgeDistance) -> [Double] {
        switch rule {
        case .weight: return weights
        case .inverse: return weights.map { 1 / $0 }
        }
    }

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
    /// - Complexity: O(*n* *m*) unweighted and O(*n* *m* + *n*² log *n*) weighted, with *n* and *m*
    ///   those of the folded graph; O(*k* *m*) with *k* pivots. Memory O(*n* + *m*) per lane.
    public func betweenness(_ options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0 else { return result }
        let lengths = options.weighted ? edgeLengths(options.distance) : []

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
            let g = BrandesGraph(offsets: offsets, neighbors: neighbors, lengths: lengths,
                                 multiplicity: [Double](repeating: 1, count: n))
            let acc = brandesAccumulate(g, sources: pivots.map { Int32($0) }, weighted: options.weighted,
                                        endpoints: options.endpoints, progress: options.progress)
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
            let g = BrandesGraph(offsets: off, neighbors: nbr, lengths: len, multiplicity: mult)
            let acc = brandesAccumulate(g, sources: (0..<Int32(coreNodes.count)).map { $0 },
                                        weighted: options.weighted, endpoints: false, progress: options.progress)
            for (i, v) in coreNodes.enumerated() {
                let N = Double(components.size(of: NodeIndex(Int(v))))
                let l = Double(leafCount[Int(v)])
                result[Int(v)] = acc[i] + (N - 1) * (N - 2) - (N - 1 - l) * (N - 2 - l)
            }
        } else {
            let g = BrandesGraph(offsets: offsets, neighbors: neighbors, lengths: lengths,
                                 multiplicity: [Double](repeating: 1, count: n))
            result = brandesAccumulate(g, sources: (0..<Int32(n)).map { $0 }, weighted: options.weighted,
                                       endpoints: false, progress: options.progress)
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
func brandesAccumulate(_ g: BrandesGraph, sources: [Int32], weighted: Bool, endpoints: Bool,
                       progress: AnalysisProgress?) -> [Double] {
    let n = g.count
    let lanes = min(AnalysisLanes.count, max(1, sources.count))
    let accs = (0..<lanes).map { _ in ScratchBuffer<Double>(count: n, initial: 0) }
    g.offsets.withUnsafeBufferPointer { off in
    g.neighbors.withUnsafeBufferPointer { nbr in
    g.lengths.withUnsafeBufferPointer { len in
    g.multiplicity.withUnsafeBufferPointer { mult in
        let works = (0..<lanes).map { _ in
            BrandesWorkspace(n: n, heapCapacity: weighted ? g.neighbors.count + 1 : 0,
                             dagCapacity: weighted ? 0 : g.neighbors.count / 2 + 1)
        }
        AnalysisLanes.forEach(items: sources.count, progress: progress) { lane, item in
            let s = Int(sources[item])
            let ws = works[lane]
            let acc = accs[lane].pointer
            if weighted {
                let reached = ws.dijkstra(from: s, off: off, nbr: nbr, len: len)
                ws.accumulate(source: s, reached: reached, off: off, nbr: nbr, len: len,
                              mult: mult, acc: acc, endpoints: endpoints)
            } else {
                let reached = ws.bfsRecordingDAG(from: s, off: off, nbr: nbr)
                ws.accumulateDAG(source: s, reached: reached, mult: mult, acc: acc, endpoints: endpoints)
            }
        }
    }}}}
    var result = [Double](repeating: 0, count: n)
    for lane in 0..<lanes {
        let p = accs[lane].pointer
        for v in 0..<n { result[v] += p[v] }
    }
    return result
}

/// Per-lane scratch space for one single-source shortest-path search.
final class BrandesWorkspace: @unchecked Sendable {
    let n: Int
    let hops: UnsafeMutablePointer<Int32>
    let dist: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    /// Unweighted Brandes: the shortest-path DAG, children of the vertex at BFS position `i` in
    /// `dag[dagStart[i] ..< dagStart[i + 1]]` (each undirected edge joins consecutive levels at most
    /// once, so *m* entries suffice).
    let dag: UnsafeMutablePointer<Int32>
    let dagStart: UnsafeMutablePointer<Int>
    /// (multiplicity + δ) / σ of each vertex once its δ is final.
    let coefficient: UnsafeMutablePointer<Double>
    var heap: DistanceHeap

    init(n: Int, heapCapacity: Int, dagCapacity: Int = 0) {
        dag = .allocate(capacity: max(1, dagCapacity))
        dagStart = .allocate(capacity: dagCapacity > 0 ? n + 1 : 1)
        coefficient = .allocate(capacity: dagCapacity > 0 ? max(1, n) : 1)
        self.n = n
        hops = .allocate(capacity: max(1, n)); hops.initialize(repeating: -1, count: max(1, n))
        // Distances are only needed by Dijkstra (weighted runs, which pass a heap capacity).
        let distCount = heapCapacity > 0 ? max(1, n) : 1
        dist = .allocate(capacity: distCount); dist.initialize(repeating: .infinity, count: distCount)
        sigma = .allocate(capacity: max(1, n)); sigma.initialize(repeating: 0, count: max(1, n))
        delta = .allocate(capacity: max(1, n)); delta.initialize(repeating: 0, count: max(1, n))
        order = .allocate(capacity: max(1, n)); order.initialize(repeating: 0, count: max(1, n))
        heap = DistanceHeap(capacity: heapCapacity)
    }

    deinit {
        hops.deallocate(); dist.deallocate(); sigma.deallocate(); delta.deallocate(); order.deallocate()
        dag.deallocate(); dagStart.deallocate(); coefficient.deallocate()
    }

    /// Breadth-first search recording the shortest-path DAG (children lists in BFS order of the
    /// parent) for ``accumulateDAG(source:reached:mult:acc:endpoints:)``; fills `hops`, `sigma`, `order`.
    /// - Returns: the number of vertices reached (including the source).
    func bfsRecordingDAG(from s: Int, off: UnsafeBufferPointer<Int>, nbr: UnsafeBufferPointer<Int32>) -> Int {
        let hops = self.hops, sigma = self.sigma, order = self.order, dag = self.dag, dagStart = self.dagStart
        let off = off.baseAddress!, nbr = nbr.baseAddress!
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

    /// Dependency accumulation over the recorded DAG, parents in reverse BFS order: δ(v) =
    /// σ(v) Σ_{children w} (c(w) + δ(w)) / σ(w). Adds c(s)·δ(v) (and endpoint terms) to `acc` and
    /// resets the scratch arrays.
    func accumulateDAG(source s: Int, reached: Int, mult: UnsafeBufferPointer<Double>,
                       acc: UnsafeMutablePointer<Double>, endpoints: Bool) {
        let sigma = self.sigma, order = self.order, dag = self.dag, dagStart = self.dagStart
        let coefficient = self.coefficient, hops = self.hops
        let mult = mult.baseAddress!
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

    /// Breadth-first search for distances only (closeness, harmonic); fills `hops` and `order`.
    /// - Returns: the number of vertices reached, the sum of their distances and of their inverses.
    func distances(from s: Int, off: UnsafeBufferPointer<Int>, nbr: UnsafeBufferPointer<Int32>) -> (Int, Double, Double) {
        let hops = self.hops, order = self.order
        let off = off.baseAddress!, nbr = nbr.baseAddress!
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
    /// (vertices in the order they were settled).
    func dijkstra(from s: Int, off: UnsafeBufferPointer<Int>, nbr: UnsafeBufferPointer<Int32>,
                  len: UnsafeBufferPointer<Double>) -> Int {
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

    /// Back-propagates dependencies after ``dijkstra(from:off:nbr:len:)`` over the vertices
    /// reached (predecessors are the neighbours *v* with dist(*v*) + len = dist(*w*)), adds
    /// c(s)·δ(v) to `acc`, and resets the scratch arrays for the next source. Unweighted runs use
    /// ``accumulateDAG(source:reached:mult:acc:endpoints:)`` instead.
    func accumulate(source s: Int, reached: Int, off: UnsafeBufferPointer<Int>,
                    nbr: UnsafeBufferPointer<Int32>, len: UnsafeBufferPointer<Double>,
                    mult: UnsafeBufferPointer<Double>, acc: UnsafeMutablePointer<Double>, endpoints: Bool) {
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
