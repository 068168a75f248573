import RenkeiCore
import RenkeiIO

/// A seeded synthetic partnership network shaped like the seed dataset (`renkei generate`).
public struct GenerateRequest: Sendable {
    /// Number of organisations (at least 10).
    public var organizations: Int
    public var seed: UInt64
    /// Also produce the plain `u v w` edge list.
    public var edgeList: Bool

    public init(organizations: Int, seed: UInt64 = 1, edgeList: Bool = false) {
        self.organizations = organizations
        self.seed = seed
        self.edgeList = edgeList
    }

    /// - Throws: ``RequestError`` for fewer than 10 organisations.
    public func run() throws -> GeneratedNetwork {
        guard organizations >= 10 else { throw RequestError("a generated network needs at least 10 organisations") }
        let dataset = PartnershipNetworkGenerator.generate(organizations: organizations, seed: seed)
        var list: String?
        if edgeList {
            list = DatasetFolderWriter.edgeList(AnalysisGraph.partnershipGraph(of: dataset, filter: GraphFilter(weighting: .count)))
        }
        return GeneratedNetwork(dataset: dataset, seed: seed, edgeList: list)
    }
}

/// A generated dataset, the files of its folder and its plain edge list.
public struct GeneratedNetwork: Sendable {
    public var dataset: Dataset
    public var seed: UInt64
    /// `u v w` lines, when requested.
    public var edgeList: String?

    /// The dataset folder's files.
    public var folderFiles: [OutputItem] { DatasetFolderWriter.files(dataset) }

    /// `generated N organisations (G generic), P projects, Q partnerships (seed S)`.
    public var summary: String {
        let generic = dataset.organizations.filter(\.generic).count
        return "generated \(ReportValue.counted(dataset.organizations.count, "organisation")) (\(generic) generic), "
            + "\(ReportValue.counted(dataset.projects.count, "project")), \(ReportValue.counted(dataset.partnerships.count, "partnership")) (seed \(seed))"
    }
}
