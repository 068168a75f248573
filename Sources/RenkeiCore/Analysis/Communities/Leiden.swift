import Foundation

/// Leiden community detection.
///
/// Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
/// communities", Sci. Rep. 9, 5233, doi:10.1038/s41598-019-41695-z, optimising modularity
/// with resolution γ.
///
/// Each iteration runs, level by level:
/// 1. **fast local moving**: a queue of vertices (seeded random order); a vertex moves to the
///    neighbouring (or an empty) community with the largest gain, and its neighbours outside
///    its new community rejoin the queue;
/// 2. **refinement**: inside every community *S*, vertices start as singletons; a singleton *v*
///    that is well connected to *S* (E(*v*, *S*−*v*) ≥ γ k_v (K_S − k_v) / 2m) joins a
///    well-connected refined community *T* ⊆ *S*, chosen at random with probability ∝
///    exp(ΔH / θ) among the moves with ΔH ≥ 0 (θ = 0.01, ΔH in edge-weight units, as igraph);
///    at a level of ``parallelMinimum`` vertices or more the communities are refined on all
///    threads, each drawing from a generator of its own;
/// 3. **aggregation** on the refined partition, each aggregate starting in its unrefined community.
///
/// Iterations repeat, each starting from the previous partition, until one changes nothing or
/// `maxIterations` have run (2 by default, as in igraph and leidenalg; ``untilStable`` runs until
/// no vertex changes community, as igraph's `n_iterations = -1`). From the third iteration on,
/// the first level's local moving queues only the vertices of communities that the previous
/// iteration changed and their neighbours: any other vertex has the same community, the same
/// neighbouring communities and the same community totals as when it was last found not to
/// gain by moving. Refinement and the aggregate levels run as in the first iteration. Finally any community that is not connected is split into its
/// connected components — this never lowers modularity — so every community returned is connected.
public enum Leiden {
    /// Randomness of the refinement step (θ in the paper).
    public static let theta = 0.01

    /// `maxIterations` that iterates until an iteration changes no vertex's community.
    public static let untilStable = Int.max

    /// Runs Leiden on `graph`.
    /// - Parameters:
    ///   - resolution: γ; larger values give smaller communities.
    ///   - seed: fixes every random choice.
    ///   - maxIterations: upper bound on full Leiden iterations (``untilStable``: no bound).
    /// - Returns: the partition, canonically numbered; every community is connected.
    /// - Complexity: O(*m*) per level in practice; O(*n* + *m*) memory.
    public static func run(_ graph: AnalysisGraph, resolution: Double = 1, seed: UInt64 = 0,
                           maxIterations: Int = 2) -> CommunityPartition {
        run(graph, resolution: resolution, seed: seed, maxIterations: maxIterations,
            threads: ParallelChunks.defaultThreads)
    }

    /// ``run(_:resolution:seed:maxIterations:)`` on up to `threads` threads; the partition is the
    /// same for every thread count.
    public static func run(_ graph: AnalysisGraph, resolution: Double = 1, seed: UInt64 = 0,
                           maxIterations: Int = 2, threads: Int) -> CommunityPartition {
        let n = graph.nodeCount
        var rng = SplitMixRandom(seed: seed)
        let base = CommunityGraph(graph)
        var membership = (0..<n).map { Int32($0) }
        guard base.twoM > 0 else { return CommunityPartition(labels: membership) }
        var queue: [Bool]? = nil
        var done = 0
        while done < maxIterations {
            done += 1
            let before = membership
            iterate(base, membership: &membership, resolution: resolution, rng: &rng, queue: queue,
                    threads: threads)
            guard let changed = changedNeighbourhoods(base, before: before, after: membership) else { break }
            // The second iteration sweeps every vertex (as igraph and leidenalg do), the later ones
            // only the changed neighbourhoods.
            if done >= 2 { queue = changed }
        }
        splitDisconnected(graph, membership: &membership)
        return CommunityPartition(labels: membership)
    }

    /// The vertices to queue after an iteration took `before` to `after` (both densified): the
    /// members of every community of `after` that is not a community of `before`, and their
    /// neighbours. `nil` when the partitions are equal.
    /// - Complexity: O(*n* + *m*).
    static func changedNeighbourhoods(_ g: CommunityGraph, before: [Int32], after: [Int32]) -> [Bool]? {
        let n = g.nodeCount
        var k = 0
        for c in after where Int(c) >= k { k = Int(c) + 1 }
        var kb = 0
        for c in before where Int(c) >= kb { kb = Int(c) + 1 }
        // A community of `after` is unchanged when all its members share one `before` community
        // of the same size.
        var label = [Int32](repeating: -1, count: k)
        var sizeAfter = [Int](repeating: 0, count: k)
        var sizeBefore = [Int](repeating: 0, count: kb)
        var mixed = [Bool](repeating: false, count: k)
        for v in 0..<n {
            let a = Int(after[v]), b = before[v]
            sizeAfter[a] += 1
            sizeBefore[Int(b)] += 1
            if label[a] < 0 { label[a] = b } else if label[a] != b { mixed[a] = true }
        }
        var changedCommunity = [Bool](repeating: false, count: k)
        var any = false
        for c in 0..<k where mixed[c] || sizeBefore[Int(label[c])] != sizeAfter[c] {
            changedCommunity[c] = true
            any = true
        }
        guard any else { return nil }
        var queue = [Bool](repeating: false, count: n)
        for v in 0..<n where changedCommunity[Int(after[v])] {
            queue[v] = true
            for e in g.offsets[v]..<g.offsets[v + 1] { queue[Int(g.adjacency[e])] = true }
        }
        return queue
    }

    /// One Leiden iteration from `membership` (on the base graph). `queue`, if given, limits the
    /// first level's local moving to the vertices it marks.
    static func iterate(_ base: CommunityGraph, membership: inout [Int32], resolution: Double,
                        rng: inout SplitMixRandom, queue: [Bool]? = nil,
                        threads: Int = ParallelChunks.defaultThreads) {
        let n = base.nodeCount
        var g = base
        // Aggregate vertex of each base vertex, and the (unrefined) community of each aggregate.
        var toAggregate = (0..<n).map { Int32($0) }
        var partition = membership
        _ = CommunityGraph.densify(&partition)
        var levels = 0
        while levels < 64 {
            levels += 1
            moveNodesFast(g, membership: &partition, resolution: resolution, rng: &rng,
                          queue: levels == 1 ? queue : nil, threads: threads)
            let k = CommunityGraph.densify(&partition)
            if k == g.nodeCount { break }
            var refined = refine(g, partition: partition, count: k, resolution: resolution, rng: &rng,
                                 threads: threads)
            let r = CommunityGraph.densify(&refined)
            if r == g.nodeCount {
                // Refinement merged nothing (`refined` is the identity): aggregating would not
                // shrink the graph; fold by the unrefined partition instead (as the original
                // Louvain would) to make progress.
                g = g.aggregated(by: partition, count: k, threads: threads)
                for i in 0..<n { toAggregate[i] = partition[Int(toAggregate[i])] }
                partition = (0..<k).map { Int32($0) }
                continue
            }
            var aggregatePartition = [Int32](repeating: 0, count: r)
            for v in 0..<g.nodeCount { aggregatePartition[Int(refined[v])] = partition[v] }
            for i in 0..<n { toAggregate[i] = refined[Int(toAggregate[i])] }
            g = g.aggregated(by: refined, count: r, threads: threads)
            partition = aggregatePartition
        }
        var result = [Int32](repeating: 0, count: n)
        for i in 0..<n { result[i] = partition[Int(toAggregate[i])] }
        _ = CommunityGraph.densify(&result)
        membership = result
    }

    /// Vertices that the parallel local moving takes from the queue at once.
    static let blockSize = 1024

    /// With fewer vertices queued, the parallel local moving takes them one at a time.
    static let smallestBlock = 256

    /// Graphs with fewer vertices are moved and refined on one thread.
    static let parallelMinimum = 8192

    /// Queue-based local moving (Algorithm A.2, MoveNodesFast), each move chosen by
    /// ``LocalMoving/bestCommunity(for:)``; a vertex that would lose by staying and whose
    /// community has other members may also move to an empty community (gain 0). The queue starts
    /// with every vertex, or with those `queue` marks, in a seeded random order.
    ///
    /// With more than one thread the queue is taken in blocks of up to ``blockSize`` vertices: the
    /// weight from each vertex of a block to each neighbouring community — the O(deg) scan — is
    /// computed on all threads against a snapshot of the memberships; then the block's vertices
    /// are moved one by one in queue order, each choosing from those weights and the *current*
    /// community totals. While one block is moved (on the calling thread), the next is scanned on
    /// the others, against the memberships as the move began; the snapshot catches up with the
    /// moves afterwards. A vertex with a neighbour that moved since its block was scanned has
    /// stale weights and is evaluated again from scratch. Every vertex thus sees exactly the state
    /// it would see moved one at a time, and the queue order is unchanged (a block's vertices are
    /// taken from the queue together but stay marked as queued until they are moved, and new
    /// vertices join the queue behind them), so the moves are those of the one-thread loop for
    /// any thread count.
    /// - Complexity: O(deg(*v*)) per vertex taken from the queue.
    static func moveNodesFast(_ g: CommunityGraph, membership: inout [Int32], resolution: Double,
                              rng: inout SplitMixRandom, queue initial: [Bool]? = nil,
                              threads: Int = ParallelChunks.defaultThreads) {
        let n = g.nodeCount
        var permutation = rng.permutation(n)
        if let initial { permutation.removeAll { !initial[Int($0)] } }
        let parallel = threads > 1 && n >= parallelMinimum
        membership = LocalMoving.with(g, membership: membership, resolution: resolution) { state in
            let memory = Workspace()
            let size = memory.buffer(n, Int32(0))
            for v in 0..<n { size[Int(state.membership[v])] += 1 }
            var empty: [Int32] = []
            for c in stride(from: n - 1, through: 0, by: -1) where size[c] == 0 { empty.append(Int32(c)) }
            let queue = memory.buffer(n, Int32(0))
            for i in 0..<permutation.count { queue[i] = permutation[i] }
            let inQueue = memory.buffer(n, initial == nil)
            if let initial { for v in 0..<n where initial[v] { inQueue[v] = true } }
            let off = state.offsets, adj = state.adjacency, mem = state.membership
            let tot = state.total, str = state.strength, scale = state.scale, wgt = state.weights
            var head = 0
            var queued = permutation.count
            // (Parallel only) the move phase in which each vertex last had a neighbour move.
            let dirty = memory.buffer(parallel ? n : 0, Int32(-1))

            func pop() -> Int {
                let v = Int(queue[head])
                head += 1
                if head == n { head = 0 }
                queued -= 1
                return v
            }
            /// Puts `v`, taken out of `own`, into `chosen` — or, when it would lose by staying in
            /// a community that keeps other members, into an empty one — and queues its
            /// neighbours outside its new community; they are marked with `phase`.
            func settle(_ v: Int, own: Int, best chosen: Int, gain: Double, phase: Int32) {
                var best = chosen
                size[own] -= 1
                // An empty community gains 0.
                if gain < 0 && size[own] > 0, let e = empty.last { best = Int(e) }
                if best != own {
                    if size[best] == 0 { empty.removeLast() }
                    if size[own] == 0 { empty.append(Int32(own)) }
                    mem[v] = Int32(best)
                    for e in off[v]..<off[v + 1] {
                        let u = Int(adj[e])
                        if parallel { dirty[u] = phase }
                        if !inQueue[u] && Int(mem[u]) != best {
                            inQueue[u] = true
                            var tail = head + queued
                            if tail >= n { tail -= n }
                            queue[tail] = Int32(u)
                            queued += 1
                        }
                    }
                }
                tot[best] += str[v]
                size[best] += 1
            }
            /// Takes the next vertex from the queue and moves it.
            func moveOne(phase: Int32) -> Int {
                let v = pop()
                inQueue[v] = false
                let (own, best, gain, _) = state.bestCommunity(for: v)
                settle(v, own: own, best: best, gain: gain, phase: phase)
                return v
            }
            guard parallel else {
                while queued > 0 { _ = moveOne(phase: 0) }
                return withExtendedLifetime(memory) { state.membershipArray }
            }

            // The memberships as the block being scanned sees them: those of `mem` except while
            // a block is moved, after which the moved vertices are copied over.
            let snapshot = memory.buffer(n, Int32(0))
            for v in 0..<n { snapshot[v] = mem[v] }
            var moved: [Int32] = []
            let chunks = 4 * threads
            let scratch = (0..<chunks).map { _ in memory.buffer(n, 0.0) }
            var current = MovingBlock(), next = MovingBlock()
            /// Takes up to ``blockSize`` vertices from the queue into `block`; they stay marked as
            /// queued until they are moved. Returns the chunk bounds of its scan.
            func take(into block: MovingBlock) -> [Int] {
                let b = min(blockSize, queued)
                var total = 0
                for i in 0..<b {
                    let v = pop()
                    block.vertices[i] = Int32(v)
                    block.candidateStart[i] = total
                    total += off[v + 1] - off[v] + 1
                }
                block.candidateStart[b] = total
                block.count = b
                block.candidates.reserve(total)
                return ParallelChunks.boundaries(count: b, chunks: chunks) { block.candidateStart[$0] }
            }
            /// Scans chunk `chunk` of `block`: each vertex's communities (its own first) and its
            /// weight to each, against the snapshot.
            func scan(_ block: MovingBlock, _ bounds: [Int], chunk: Int) {
                let nw = scratch[chunk]
                let cc = block.candidates.community, cw = block.candidates.weight
                for i in bounds[chunk]..<bounds[chunk + 1] {
                    let v = Int(block.vertices[i])
                    let own = snapshot[v]
                    let s = block.candidateStart[i]
                    var count = 1
                    cc[s] = own
                    for e in off[v]..<off[v + 1] {
                        let d = Int(snapshot[Int(adj[e])])
                        if nw[d] == 0 && d != Int(own) { cc[s + count] = Int32(d); count += 1 }
                        nw[d] += wgt[e]
                    }
                    for j in s..<(s + count) {
                        let d = Int(cc[j])
                        cw[j] = nw[d]
                        nw[d] = 0
                    }
                    block.candidateCount[i] = count
                }
            }
            /// Moves the vertices of a scanned block in queue order, in move phase `phase`.
            func move(_ block: MovingBlock, phase: Int32) {
                let cc = block.candidates.community, cw = block.candidates.weight
                for i in 0..<block.count {
                    let v = Int(block.vertices[i])
                    inQueue[v] = false
                    var own: Int, best: Int, bestGain: Double
                    if dirty[v] < block.scannedBefore {
                        // The same arithmetic, in the same order, as `bestCommunity(for:)`.
                        let s = block.candidateStart[i]
                        own = Int(mem[v])
                        let kv = str[v]
                        tot[own] -= kv
                        best = own
                        bestGain = cw[s] - tot[own] * kv * scale
                        for j in (s + 1)..<(s + block.candidateCount[i]) where cw[j] > bestGain {
                            // (A gain is at most the weight, as totals are never negative.)
                            let d = Int(cc[j])
                            let gd = cw[j] - tot[d] * kv * scale
                            if gd > bestGain { bestGain = gd; best = d }
                        }
                    } else {
                        (own, best, bestGain, _) = state.bestCommunity(for: v)
                    }
                    settle(v, own: own, best: best, gain: bestGain, phase: phase)
                    if Int(mem[v]) != own { moved.append(Int32(v)) }
                }
            }

            var phase: Int32 = 0
            var scanned = false  // `current` holds a scanned block not yet moved
            while true {
                if !scanned {
                    guard queued > 0 else { break }
                    if queued < smallestBlock {
                        let v = moveOne(phase: phase)
                        snapshot[v] = mem[v]
                        continue
                    }
                    let bounds = take(into: current)
                    current.scannedBefore = phase + 1
                    let block = current
                    ParallelChunks.run(chunks: chunks, threads: threads) { scan(block, bounds, chunk: $0) }
                    scanned = true
                }
                phase += 1
                let now = phase, block = current
                let overlap = queued >= smallestBlock
                if overlap {
                    // The next block is scanned while this one moves: it may miss this phase's moves.
                    let bounds = take(into: next)
                    next.scannedBefore = now
                    let following = next
                    ParallelChunks.run(chunks: chunks, threads: threads, work: { scan(following, bounds, chunk: $0) },
                                       beside: { move(block, phase: now) })
                } else {
                    move(block, phase: now)
                }
                for v in moved { snapshot[Int(v)] = mem[Int(v)] }
                moved.removeAll(keepingCapacity: true)
                if overlap { swap(&current, &next) }
                scanned = overlap
            }
            return withExtendedLifetime((memory, current, next)) { state.membershipArray }
        }
    }

    /// The vertices of one block of the parallel local moving and, per vertex, where its candidate
    /// communities and weights start in `candidates` and how many there are.
    final class MovingBlock: @unchecked Sendable {
        private let memory = Workspace()
        let vertices: UnsafeMutableBufferPointer<Int32>
        let candidateStart: UnsafeMutableBufferPointer<Int>
        let candidateCount: UnsafeMutableBufferPointer<Int>
        let candidates = CandidateBuffer()
        /// Number of vertices.
        var count = 0
        /// The first move phase whose moves the scan may not have seen: a vertex with a neighbour
        /// moved in this phase or later is evaluated again.
        var scannedBefore: Int32 = 0

        init() {
            vertices = memory.buffer(blockSize, Int32(0))
            candidateStart = memory.buffer(blockSize + 1, 0)
            candidateCount = memory.buffer(blockSize, 0)
        }
    }

    /// Growable raw storage for the candidate communities and weights of one block.
    final class CandidateBuffer: @unchecked Sendable {
        private(set) var community = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var weight = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        private var capacity = 1

        /// Makes room for `count` entries (the contents are not kept).
        func reserve(_ count: Int) {
            guard count > capacity else { return }
            community.deallocate()
            weight.deallocate()
            capacity = max(count, 2 * capacity)
            community = .allocate(capacity: capacity)
            weight = .allocate(capacity: capacity)
        }

        deinit {
            community.deallocate()
            weight.deallocate()
        }
    }

    /// Refinement (Algorithm A.2, RefinePartition / MergeNodesSubset). Returns the refined
    /// membership; every refined community lies inside one community of `partition`.
    ///
    /// A vertex only ever joins a refined community inside its own community, so communities are
    /// refined independently. When `g` has ``parallelMinimum`` vertices or more each community
    /// draws its random choices from a generator of its own (seeded from one draw of `rng` and the
    /// community's number), and the communities are refined on all threads; below, one after the
    /// other from `rng`. Either way the result depends only on the graph, the partition and `rng`.
    static func refine(_ g: CommunityGraph, partition: [Int32], count k: Int, resolution: Double,
                       rng: inout SplitMixRandom,
                       threads: Int = ParallelChunks.defaultThreads) -> [Int32] {
        let n = g.nodeCount
        let scale = resolution / g.twoM
        // E(v, S − v) for each vertex, then E(T, S − T) for each refined community T.
        var communityTotal = [Double](repeating: 0, count: k)
        for v in 0..<n { communityTotal[Int(partition[v])] += g.strength[v] }
        // Per vertex, so the same on any number of threads.
        let external = [Double](unsafeUninitializedCapacity: n) { out, count in
            let chunks = threads > 1 && g.adjacency.count >= 1 << 16 ? 4 * threads : 1
            let bounds = ParallelChunks.boundaries(count: n, chunks: chunks) { g.offsets[$0] }
            let o = UncheckedBox(out)
            g.withCSR { off, adj, wgt, _ in
                partition.withUnsafeBufferPointer { part in
                    ParallelChunks.run(chunks: chunks, threads: threads) { chunk in
                        for v in bounds[chunk]..<bounds[chunk + 1] {
                            let c = part[v]
                            var s = 0.0
                            for e in off[v]..<off[v + 1] where part[Int(adj[e])] == c { s += wgt[e] }
                            o.value[v] = s
                        }
                    }
                }
            }
            count = n
        }
        // Vertices grouped by community, in a random order within each.
        let order = rng.permutation(n)
        // Members and volume (degrees + 1, the refinement's work) of each community.
        var start = [Int](repeating: 0, count: k + 1)
        var volume = [Int](repeating: 0, count: k + 1)
        for v in 0..<n {
            start[Int(partition[v]) + 1] += 1
            volume[Int(partition[v]) + 1] += g.offsets[v + 1] - g.offsets[v] + 1
        }
        for c in 0..<k { start[c + 1] += start[c]; volume[c + 1] += volume[c] }
        var grouped = [Int32](repeating: 0, count: n)
        var fill = start
        for o in order {
            let c = Int(partition[Int(o)])
            grouped[fill[c]] = o
            fill[c] += 1
        }
        let streams = n >= parallelMinimum
        let base = streams ? rng.next() : 0
        // Indexed by refined community, i.e. by a vertex of the community being refined: the
        // communities touch disjoint entries.
        let memory = Workspace()
        let refined = memory.copy((0..<n).map { Int32($0) })
        let refinedTotal = memory.copy(g.strength)
        let refinedSize = memory.buffer(n, Int32(1))
        let refinedExternal = memory.copy(external)
        let neighbourWeight = memory.buffer(n, 0.0)
        let seen = memory.buffer(n, false)
        g.withCSR { off, adj, wgt, str in
            partition.withUnsafeBufferPointer { part in
                grouped.withUnsafeBufferPointer { grouped in
                    /// Refines community `c`, drawing from `random`; `touched`, `candidates` and
                    /// `candidateGain` are the caller's scratch lists.
                    func refineCommunity(_ c: Int, _ random: inout SplitMixRandom, _ touched: inout [Int32],
                                         _ candidates: inout [Int32], _ candidateGain: inout [Double]) {
                        let kS = communityTotal[c]
                        for i in start[c]..<start[c + 1] {
                            let v = Int(grouped[i])
                            if refinedSize[Int(refined[v])] != 1 { continue }
                            let kv = str[v]
                            if external[v] < kv * (kS - kv) * scale { continue }
                            let own = Int(refined[v])
                            for e in off[v]..<off[v + 1] {
                                let u = Int(adj[e])
                                if Int(part[u]) != c { continue }
                                let r = Int(refined[u])
                                if !seen[r] { seen[r] = true; touched.append(Int32(r)) }
                                neighbourWeight[r] += wgt[e]
                            }
                            candidates.removeAll(keepingCapacity: true)
                            candidateGain.removeAll(keepingCapacity: true)
                            candidates.append(Int32(own))
                            candidateGain.append(0)
                            var maxGain = 0.0
                            for r32 in touched where Int(r32) != own {
                                let r = Int(r32)
                                let kT = refinedTotal[r]
                                if refinedExternal[r] < kT * (kS - kT) * scale { continue }
                                let gain = neighbourWeight[r] - kT * kv * scale
                                if gain < 0 { continue }
                                candidates.append(r32)
                                candidateGain.append(gain)
                                maxGain = max(maxGain, gain)
                            }
                            var chosen = own
                            if candidates.count > 1 {
                                var sum = 0.0
                                for j in 0..<candidateGain.count {
                                    let p = (candidateGain[j] - maxGain) / theta
                                    candidateGain[j] = p < -700 ? 0 : exp(p)
                                    sum += candidateGain[j]
                                }
                                var x = random.unit() * sum
                                chosen = Int(candidates[candidates.count - 1])
                                for j in 0..<candidates.count {
                                    x -= candidateGain[j]
                                    if x < 0 { chosen = Int(candidates[j]); break }
                                }
                            }
                            if chosen != own {
                                let toChosen = neighbourWeight[chosen]
                                refined[v] = Int32(chosen)
                                refinedTotal[chosen] += kv
                                refinedSize[chosen] += 1
                                refinedSize[own] = 0
                                refinedExternal[chosen] = refinedExternal[chosen] + external[v] - 2 * toChosen
                            }
                            for r in touched { neighbourWeight[Int(r)] = 0; seen[Int(r)] = false }
                            touched.removeAll(keepingCapacity: true)
                        }
                    }
                    if streams {
                        // Contiguous ranges of communities of about equal volume.
                        let chunks = threads > 1 ? 4 * threads : 1
                        let bounds = ParallelChunks.boundaries(count: k, chunks: chunks) { volume[$0] }
                        ParallelChunks.run(chunks: chunks, threads: threads) { chunk in
                            var touched: [Int32] = [], candidates: [Int32] = [], candidateGain: [Double] = []
                            for c in bounds[chunk]..<bounds[chunk + 1] {
                                var seeding = SplitMixRandom(seed: base &+ UInt64(c))
                                var random = SplitMixRandom(seed: seeding.next())
                                refineCommunity(c, &random, &touched, &candidates, &candidateGain)
                            }
                        }
                    } else {
                        var touched: [Int32] = [], candidates: [Int32] = [], candidateGain: [Double] = []
                        for c in 0..<k { refineCommunity(c, &rng, &touched, &candidates, &candidateGain) }
                    }
                }
            }
        }
        return withExtendedLifetime(memory) { Array(refined) }
    }

    /// Splits every community into its connected components: the components
    /// (``AnalysisGraph/connectedComponents()``) of the graph that keeps only the edges inside
    /// communities. Rows are filled in ascending order, so that graph is built without sorting.
    /// - Complexity: O(*n* + *m*).
    static func splitDisconnected(_ graph: AnalysisGraph, membership: inout [Int32]) {
        var inside: [(Int32, Int32, Double)] = []
        for v in 0..<graph.nodeCount {
            for e in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = graph.neighbors[e]
                if Int(u) > v && membership[Int(u)] == membership[v] { inside.append((Int32(v), u, 1)) }
            }
        }
        membership = AnalysisGraph(labels: graph.labels, edges: inside).connectedComponents().component
    }
}
