/// Options of ``AnalysisGraph/pageRank(_:)``. Defaults are NetworkX's.
public struct PageRankOptions: Sendable {
    /// Damping factor.
    public var alpha: Double
    /// Teleport distribution, one non-negative value per vertex (normalised to sum 1); nil: uniform.
    public var personalization: [Double]?
    /// Where dangling (isolated) vertices send their rank, per vertex; nil: as `personalization`.
    public var dangling: [Double]?
    /// Use edge weights (NetworkX's default `weight="weight"`); otherwise every edge weighs 1.
    public var weighted: Bool
    /// Stop when the L1 change is below `nodeCount * tolerance` (NetworkX's rule; ignored when
    /// `precision` is set).
    public var tolerance: Double
    /// When set, stop instead when every value is within this of the exact solution, relative to
    /// the largest value (``SpectralConvergence``).
    public var precision: Double?
    /// Iteration limit.
    public var maxIterations: Int

    /// Options with NetworkX's defaults (alpha 0.85, tolerance 1e-6, 100 iterations, weighted).
    public init(alpha: Double = 0.85, personalization: [Double]? = nil, dangling: [Double]? = nil,
                weighted: Bool = true, tolerance: Double = 1e-6, precision: Double? = nil, maxIterations: Int = 100) {
        self.alpha = alpha
        self.personalization = personalization
        self.dangling = dangling
        self.weighted = weighted
        self.tolerance = tolerance
        self.precision = precision
        self.maxIterations = maxIterations
    }
}

/// When a power iteration stops: NetworkX's rule (the L1 change of one step below *n* · tolerance)
/// or, with a `precision`, once the estimated L1 distance from the exact fixed point (which bounds
/// every vertex's error) is below `precision` times the largest value: every value is then within
/// `precision` of the exact vector, relative to its largest entry.
///
/// A linear iteration converging at rate *r* (the error shrinks by *r* per step) is within
/// δ · *r* / (1 − *r*) of its limit when its last step changed it by δ. The rate is estimated from
/// the ratio of successive changes (the largest of the last three, so a transient does not stop it
/// early) and, for PageRank, bounded above by the damping factor, which is a proven bound in L1.
struct SpectralConvergence {
    let networkXLimit: Double
    let precision: Double?
    let rateBound: Double
    private var changes: [Double] = []

    init(nodeCount n: Int, tolerance: Double, precision: Double?, rateBound: Double = 1) {
        networkXLimit = Double(n) * tolerance
        self.precision = precision
        self.rateBound = rateBound
    }

    /// True when the step that changed the iterate by `change` (L1), whose largest absolute value
    /// is `norm`, was the last.
    mutating func done(change: Double, norm: Double) -> Bool {
        guard let precision else { return change < networkXLimit }
        if change == 0 { return true }
        changes.append(change)
        guard changes.count >= 4 else { return false }
        let k = changes.count
        var rate = 0.0
        for i in (k - 3)..<k { rate = max(rate, changes[i] / changes[i - 1]) }
        rate = min(rate, rateBound)
        guard rate < 1 else { return false }
        return change * rate / (1 - rate) < precision * max(norm, .leastNormalMagnitude)
    }
}

extension AnalysisGraph {
    /// Eigenvector centrality by power iteration on *A* + *I*, normalised to unit Euclidean norm,
    /// exactly as NetworkX `eigenvector_centrality` (start 1/*n*, stop when the L1 change is below
    /// *n* · `tolerance`), or until within `precision` of the exact vector (``SpectralConvergence``).
    ///
    /// Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
    /// identification. *Journal of Mathematical Sociology* 2(1), 113–120.
    /// doi:10.1080/0022250X.1972.9989806.
    /// - Throws: ``ConvergenceError`` after `maxIterations`.
    /// - Complexity: O(*m*) per iteration.
    public func eigenvectorCentrality(weighted: Bool = false, tolerance: Double = 1e-6, precision: Double? = nil,
                                      maxIterations: Int = 100) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var stop = SpectralConvergence(nodeCount: n, tolerance: tolerance, precision: precision)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for _ in 0..<maxIterations {
            var sq = 0.0
            for v in 0..<n {
                var s = x[v]
                if weighted {
                    for e in offsets[v]..<offsets[v + 1] { s += x[Int(neighbors[e])] * weights[e] }
                } else {
                    for e in offsets[v]..<offsets[v + 1] { s += x[Int(neighbors[e])] }
                }
                next[v] = s
                sq += s * s
            }
            var norm = sq.squareRoot()
            if norm == 0 { norm = 1 }
            var err = 0.0, top = 0.0
            for v in 0..<n {
                next[v] /= norm
                err += abs(next[v] - x[v])
                top = max(top, abs(next[v]))
            }
            swap(&x, &next)
            if stop.done(change: err, norm: top) { return x }
        }
        throw ConvergenceError(algorithm: "eigenvector centrality", iterations: maxIterations)
    }

    /// PageRank by power iteration, exactly as NetworkX `pagerank` (each undirected edge is a pair
    /// of arcs; rows normalised by strength; dangling vertices redistribute by `dangling` or the
    /// personalisation vector; stop when the L1 change is below *n* · `tolerance`, or with
    /// `precision` when within it of the exact vector, ``SpectralConvergence``).
    ///
    /// Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
    /// bringing order to the web. Stanford InfoLab technical report 1999-66. Brin, S. & Page, L.
    /// (1998). The anatomy of a large-scale hypertextual web search engine. *Computer Networks
    /// and ISDN Systems* 30(1–7), 107–117. doi:10.1016/S0169-7552(98)00110-X.
    /// - Throws: ``ConvergenceError`` after `maxIterations`.
    /// - Complexity: O(*n* + *m*) per iteration.
    public func pageRank(_ options: PageRankOptions = PageRankOptions()) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        func normalised(_ v: [Double]?) -> [Double]? {
            guard let v else { return nil }
            precondition(v.count == n, "one value per vertex")
            let s = v.reduce(0, +)
            precondition(s > 0, "personalisation vector sums to zero")
            return v.map { $0 / s }
        }
        let p = normalised(options.personalization) ?? [Double](repeating: 1 / Double(n), count: n)
        let danglingWeights = normalised(options.dangling) ?? p
        var inverseStrength = [Double](repeating: 0, count: n)
        var dangling: [Int] = []
        for v in 0..<n {
            let s = options.weighted ? strength(of: NodeIndex(v)) : Double(offsets[v + 1] - offsets[v])
            if s != 0 { inverseStrength[v] = 1 / s } else { dangling.append(v) }
        }
        let alpha = options.alpha
        var stop = SpectralConvergence(nodeCount: n, tolerance: options.tolerance, precision: options.precision,
                                       rateBound: alpha)
        let memory = Workspace()
        var x = memory.buffer(n, 1 / Double(n))
        let scaled = memory.buffer(n, 1 / Double(n))
        var next = memory.buffer(n, 1 / Double(n))
        let converged: Bool = withCSR { off, nbr, wgt in
            for _ in 0..<options.maxIterations {
                for u in 0..<n { scaled[u] = x[u] * inverseStrength[u] }
                var danglingSum = 0.0
                for v in dangling { danglingSum += x[v] }
                var err = 0.0, top = 0.0
                for v in 0..<n {
                    var s = 0.0
                    if options.weighted {
                        for e in off[v]..<off[v + 1] { s += scaled[Int(nbr[e])] * wgt[e] }
                    } else {
                        for e in off[v]..<off[v + 1] { s += scaled[Int(nbr[e])] }
                    }
                    let value = alpha * (s + danglingSum * danglingWeights[v]) + (1 - alpha) * p[v]
                    next[v] = value
                    err += abs(value - x[v])
                    top = max(top, value)
                }
                swap(&x, &next)
                if stop.done(change: err, norm: top) { return true }
            }
            return false
        }
        if converged { return withExtendedLifetime(memory) { Array(x) } }
        throw ConvergenceError(algorithm: "PageRank", iterations: options.maxIterations)
    }

    /// Katz centrality by iteration of *x* ← α *A x* + β from *x* = 0, normalised to unit
    /// Euclidean norm, exactly as NetworkX `katz_centrality` (α must be below 1/λ_max); with
    /// `precision`, until within it of the exact vector (``SpectralConvergence``).
    ///
    /// Katz, L. (1953). A new status index derived from sociometric analysis. *Psychometrika*
    /// 18(1), 39–43. doi:10.1007/BF02289026.
    /// - Throws: ``ConvergenceError`` after `maxIterations`.
    /// - Complexity: O(*n* + *m*) per iteration.
    public func katzCentrality(alpha: Double = 0.1, beta: Double = 1, weighted: Bool = false,
                               normalized: Bool = true, tolerance: Double = 1e-6, precision: Double? = nil,
                               maxIterations: Int = 1000) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var stop = SpectralConvergence(nodeCount: n, tolerance: tolerance, precision: precision)
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maxIterations {
            var err = 0.0, top = 0.0
            for v in 0..<n {
                var s = 0.0
                if weighted {
                    for e in offsets[v]..<offsets[v + 1] { s += x[Int(neighbors[e])] * weights[e] }
                } else {
                    for e in offsets[v]..<offsets[v + 1] { s += x[Int(neighbors[e])] }
                }
                let value = alpha * s + beta
                next[v] = value
                err += abs(value - x[v])
                top = max(top, abs(value))
            }
            swap(&x, &next)
            if stop.done(change: err, norm: top) {
                if normalized {
                    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    if norm > 0 { for v in 0..<n { x[v] /= norm } }
                }
                return x
            }
        }
        throw ConvergenceError(algorithm: "Katz centrality", iterations: maxIterations)
    }
}
