import RenkeiCore
import RenkeiIO

/// Community detection with stability over several seeds (`renkei communities`).
public struct CommunitiesRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var algorithm: CommunityAlgorithm
    /// Seed of the first run; run *i* uses `seed + i`.
    public var seed: UInt64
    /// Number of runs for the stability figures (at least 1).
    public var runs: Int
    /// Resolution γ of modularity.
    public var resolution: Double
    /// Leiden iterations per run (``Leiden/untilStable``, the default: until no vertex moves; 2 as igraph's default).
    public var iterations: Int
    /// Called after each run when there are several.
    public var progress: AnalysisProgress?

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), algorithm: CommunityAlgorithm = .leiden,
                seed: UInt64 = 1, runs: Int = 1, resolution: Double = 1, iterations: Int = Leiden.untilStable,
                progress: AnalysisProgress? = nil) {
        self.input = input
        self.selection = selection
        self.algorithm = algorithm
        self.seed = seed
        self.runs = runs
        self.resolution = resolution
        self.iterations = iterations
        self.progress = progress
    }

    /// - Throws: `InputError`, ``RequestError`` (runs below 1, resolution not a finite number ≥ 0).
    public func run() throws -> CommunitiesReport {
        guard runs >= 1 else { throw RequestError("the number of runs must be at least 1") }
        guard resolution.isFinite, resolution >= 0 else { throw RequestError("the resolution must be a finite number ≥ 0") }
        guard iterations >= 1 else { throw RequestError("the number of iterations must be at least 1") }
        let loaded = try OrganizationGraph.load(input, selection: selection, needsDataset: false)
        let detection = CommunityDetection(loaded.graph, algorithm: algorithm, resolution: resolution, seed: seed,
                                           runs: runs, iterations: iterations, progress: runs > 1 ? progress : nil)
        return CommunitiesReport(graph: loaded, detection: detection)
    }
}

/// The best partition of the runs, its modularity and the runs' agreement.
public struct CommunitiesReport: Sendable {
    public var graph: OrganizationGraph
    public var detection: CommunityDetection

    /// `{"modularity", "communities": [[id…]…], "algorithm", "resolution", "seed", "best_seed",
    /// "runs", "mean_nmi", "mean_ari", "distinct_partitions", "run_modularities", "edge_weight"}`;
    /// `edge_weight` is relations, weight or count, or null for a plain edge list (its third field).
    public var json: JSONValue {
        let d = detection
        return .object([
            ("modularity", .double(d.modularity)),
            ("communities", .array(d.partition.communities.map { .array($0.map { .string(graph.graph.labels[$0.int]) }) })),
            ("algorithm", .string(d.algorithm.rawValue)),
            ("resolution", .double(d.resolution)),
            ("seed", .int(Int(truncatingIfNeeded: d.seed))),
            ("best_seed", .int(Int(truncatingIfNeeded: d.bestSeed))),
            ("runs", .int(d.runModularities.count)),
            ("mean_nmi", .double(d.meanNMI)),
            ("mean_ari", .double(d.meanARI)),
            ("distinct_partitions", .int(d.distinctPartitions)),
            ("run_modularities", .array(d.runModularities.map { .double($0) })),
            ("edge_weight", graph.weighting.map { .string($0.rawValue) } ?? .null),
        ])
    }

    /// One row per organisation with its community, community by community.
    public func table(titled: Bool) -> ReportTable {
        let d = detection
        let order = d.partition.communities.flatMap { $0.map(\.int) }
        let membership = d.partition.membership
        let title = "コミュニティ (\(d.algorithm.rawValue), γ = \(ReportValue.fixed(d.resolution, digits: 2))): "
            + "\(d.partition.count) 個, モジュラリティ Q = \(ReportValue.fixed(d.modularity, digits: 6)); "
            + "安定性 \(d.runModularities.count) 回: NMI \(ReportValue.fixed(d.meanNMI, digits: 4)), ARI \(ReportValue.fixed(d.meanARI, digits: 4))"
        return graph.organizationTable(columns: ["community"], values: { [.integer(Int(membership[$0]))] },
                                       order: order, title: titled ? title : nil)
    }

    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String {
        switch format {
        case .json: return json.serialized() + "\n"
        case .table, .csv: return table(titled: format == .table).rendered(as: format, rawCells: rawCells)
        }
    }
}
