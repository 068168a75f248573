import RenkeiCore
import RenkeiIO

/// The measures a centrality request offers.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz
}

/// Rank organisations by a centrality measure (`renkei centrality`).
public struct CentralityRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var measure: CentralityMeasure
    /// Keep only the N highest-ranked organisations.
    public var top: Int?
    /// Normalise degree and betweenness as NetworkX does.
    public var normalized: Bool
    /// Use edge weights (shortest-path and spectral measures).
    public var weighted: Bool
    /// With `weighted`, how a weight becomes a shortest-path length.
    public var distance: EdgeDistance
    /// Betweenness: count path endpoints.
    public var endpoints: Bool
    /// Betweenness: approximate from this many random pivot sources.
    public var samples: Int?
    /// Seed of the pivot sample.
    public var seed: UInt64
    /// PageRank damping (default 0.85) or Katz attenuation (default 0.1).
    public var alpha: Double?
    /// PageRank: teleport only to these organisation ids.
    public var personalize: [String]
    /// PageRank, eigenvector and Katz: iterate until every value is within this of the exact
    /// solution, relative to the largest value (default 1e-9; `SpectralConvergence`).
    public var tolerance: Double
    /// Called as the shortest-path measures progress.
    public var progress: AnalysisProgress?

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), measure: CentralityMeasure = .degree,
                top: Int? = nil, normalized: Bool = true, weighted: Bool = false, distance: EdgeDistance = .inverse,
                endpoints: Bool = false, samples: Int? = nil, seed: UInt64 = 1, alpha: Double? = nil,
                personalize: [String] = [], tolerance: Double = CentralityRequest.defaultTolerance,
                progress: AnalysisProgress? = nil) {
        self.input = input
        self.selection = selection
        self.measure = measure
        self.top = top
        self.normalized = normalized
        self.weighted = weighted
        self.distance = distance
        self.endpoints = endpoints
        self.samples = samples
        self.seed = seed
        self.alpha = alpha
        self.personalize = personalize
        self.tolerance = tolerance
        self.progress = progress
    }

    /// The default relative precision of the spectral measures.
    public static let defaultTolerance = 1e-9
    /// Iteration limit of the spectral measures at that precision (PageRank needs about 140 steps
    /// at damping 0.85 in the worst case).
    static let spectralIterations = 10_000

    /// Loads the input and computes the measure.
    /// - Throws: `InputError`, ``RequestError`` (unknown personalisation id), `AnalysisError`.
    public func run() throws -> CentralityReport {
        let loaded = try OrganizationGraph.load(input, selection: selection, needsDataset: false)
        return CentralityReport(graph: loaded, measure: measure, values: try values(on: loaded.graph), top: top)
    }

    /// The measure on `g`, one value per vertex.
    func values(on g: AnalysisGraph) throws -> [Double] {
        switch measure {
        case .degree: return g.degreeCentrality(normalized: normalized)
        case .strength: return g.strengths()
        case .betweenness:
            return try g.betweenness(BetweennessOptions(
                normalized: normalized, endpoints: endpoints, weighted: weighted, distance: distance,
                samples: samples, seed: seed, progress: progress))
        case .closeness:
            return try g.closeness(ClosenessOptions(weighted: weighted, distance: distance, progress: progress))
        case .harmonic:
            return try g.harmonic(ClosenessOptions(weighted: weighted, distance: distance, progress: progress))
        case .eigenvector:
            return try g.eigenvectorCentrality(weighted: weighted, precision: tolerance,
                                               maxIterations: Self.spectralIterations)
        case .pagerank:
            var options = PageRankOptions(alpha: alpha ?? 0.85, weighted: weighted, precision: tolerance,
                                          maxIterations: Self.spectralIterations)
            if !personalize.isEmpty {
                var p = [Double](repeating: 0, count: g.nodeCount)
                for id in personalize.flatMap(Vocabulary.splitList) {
                    guard let v = g.node(labelled: id) else {
                        throw RequestError.unknown("organisation", id, among: g.labels)
                    }
                    p[v.int] = 1
                }
                options.personalization = p
            }
            return try g.pageRank(options)
        case .katz:
            return try g.katzCentrality(alpha: alpha ?? 0.1, weighted: weighted, precision: tolerance,
                                        maxIterations: Self.spectralIterations)
        }
    }
}

/// Each organisation's value of one centrality measure, highest first.
public struct CentralityReport: Sendable {
    /// The graph measured, with names and kinds.
    public var graph: OrganizationGraph
    public var measure: CentralityMeasure
    /// One value per vertex, in vertex order.
    public var values: [Double]
    /// Vertices by value, highest first (ties by vertex order), cut to the requested top.
    public var ranking: [Int]

    init(graph: OrganizationGraph, measure: CentralityMeasure, values: [Double], top: Int?) {
        self.graph = graph
        self.measure = measure
        self.values = values
        self.ranking = OrganizationGraph.ranking(values, top: top)
    }

    /// `id, name, kind, value`, one row per ranked organisation.
    public var table: ReportTable {
        graph.organizationTable(columns: ["value"], values: { [.number(values[$0])] }, order: ranking)
    }

    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String { table.rendered(as: format, rawCells: rawCells) }
}
