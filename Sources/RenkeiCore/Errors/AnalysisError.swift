/// An analysis that cannot run on the graph it was given. (A power iteration that does not
/// converge throws ``ConvergenceError``, the other analysis error.)
///
/// Messages name the vertices by label and never mention command-line flags.
public enum AnalysisError: RenkeiError, Equatable {
    /// A shortest-path measure met an edge whose length (its weight, or 1 / weight under
    /// ``EdgeDistance/inverse``) is zero, negative or not finite. NetworkX refuses such lengths too.
    case invalidPathLength(source: String, target: String, weight: Double, length: Double)

    /// "edge 'a'–'b' has length 0; shortest paths need positive, finite edge lengths".
    public var description: String {
        switch self {
        case let .invalidPathLength(source, target, weight, length):
            let what = weight == length || (weight.isNaN && length.isNaN)
                ? "length \(length)" : "weight \(weight), so length 1 / \(weight) = \(length)"
            return "edge '\(source)'–'\(target)' has \(what); shortest paths need positive, finite edge lengths"
        }
    }
}

/// A power iteration (eigenvector centrality, PageRank, Katz centrality) did not converge within
/// its iteration limit.
public struct ConvergenceError: RenkeiError, Equatable {
    /// The algorithm that failed to converge.
    public var algorithm: String
    /// The iteration limit reached.
    public var iterations: Int

    /// An error for `algorithm` after `iterations` iterations.
    public init(algorithm: String, iterations: Int) {
        self.algorithm = algorithm
        self.iterations = iterations
    }

    /// "PageRank did not converge in 100 iterations".
    public var description: String { "\(algorithm) did not converge in \(iterations) iterations" }
}
