/// What organisation nodes are scaled by in project and network diagrams
/// (`renkei render --size-by none|degree|betweenness|pagerank|harmonic`).
///
/// Without a choice the network diagram sizes by degree and project diagrams draw equal sizes.
/// The measures are computed on the dataset's whole partnership graph
/// (``AnalysisGraph/partnershipGraph(of:filter:)``: every organisation, all partnerships, parallel
/// partnerships one unweighted edge) with the defaults of `renkei centrality`, which are
/// NetworkX's; each diagram then scales them by its own largest value.
public enum NodeSizeMeasure: String, CaseIterable, Sendable {
    /// One size for every organisation.
    case none
    /// Number of distinct partners (NetworkX `degree_centrality`).
    case degree
    /// Brandes betweenness, normalised (NetworkX `betweenness_centrality`).
    case betweenness
    /// PageRank, α = 0.85, unweighted (NetworkX `pagerank(weight=None)`).
    case pagerank
    /// Harmonic centrality (NetworkX `harmonic_centrality`).
    case harmonic

    /// The Japanese name the legend shows (「大きさ：媒介中心性」); empty for ``none``.
    public var japaneseName: String {
        switch self {
        case .none: return ""
        case .degree: return "次数（連携先の数）"
        case .betweenness: return "媒介中心性"
        case .pagerank: return "PageRank"
        case .harmonic: return "調和中心性"
        }
    }

    /// The measure per organisation id on the dataset's partnership graph, or nil for ``none``.
    /// - Throws: ``ConvergenceError`` when PageRank does not converge.
    /// - Complexity: that of ``values(on:)`` plus building the graph, O(*n* + *m*).
    public func values(for dataset: Dataset) throws -> [String: Double]? {
        self == .none ? nil : try values(on: AnalysisGraph.partnershipGraph(of: dataset))
    }

    /// The measure per vertex label of `graph` (an organisation id in a partnership graph), or nil
    /// for ``none``.
    /// - Throws: ``ConvergenceError`` when PageRank does not converge.
    /// - Complexity: O(*n* + *m*) for degree, O(*n* *m*) for betweenness and harmonic centrality,
    ///   O(*k* (*n* + *m*)) for *k* PageRank iterations. The algorithms and their papers are
    ///   documented on ``AnalysisGraph``.
    public func values(on g: AnalysisGraph) throws -> [String: Double]? {
        let values: [Double]
        switch self {
        case .none: return nil
        case .degree: values = g.degreeCentrality(normalized: true)
        case .betweenness: values = try g.betweenness(BetweennessOptions())
        case .pagerank: values = try g.pageRank(PageRankOptions(weighted: false))
        case .harmonic: values = try g.harmonic(ClosenessOptions())
        }
        return Dictionary(uniqueKeysWithValues: g.labels.enumerated().map { ($1, values[$0]) })
    }

    /// Sets `options` to size nodes by this measure on `graph` (the dataset's partnership graph):
    /// ``DiagramOptions/centrality`` and its legend name, or ``DiagramOptions/uniformSize`` for ``none``.
    /// - Throws: ``ConvergenceError`` when PageRank does not converge.
    public func apply(to options: inout DiagramOptions, graph: AnalysisGraph) throws {
        options.uniformSize = self == .none
        options.centrality = try values(on: graph)
        options.centralityName = self == .none ? nil : japaneseName
    }
}
