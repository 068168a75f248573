import RenkeiCore
import RenkeiIO

/// Which projection a projection request computes.
public enum ProjectionView: String, CaseIterable, Sendable {
    /// Organisations linked by the projects they share.
    case organizations
    /// Partnerships between kinds (kind × kind).
    case sectors
    /// Organisations of each kind per project (project × kind).
    case incidence
}

/// Co-partnership projections (`renkei projection`).
public struct ProjectionRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var view: ProjectionView
    public var weighting: ProjectionWeighting
    /// Leave out pairs whose weight is below this.
    public var minimumWeight: Double
    /// Leave project leads out of the projection and the incidence table.
    public var excludeLeads: Bool

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), view: ProjectionView = .organizations,
                weighting: ProjectionWeighting = .count, minimumWeight: Double = 0, excludeLeads: Bool = false) {
        self.input = input
        self.selection = selection
        self.view = view
        self.weighting = weighting
        self.minimumWeight = minimumWeight
        self.excludeLeads = excludeLeads
    }

    /// - Throws: `InputError`, ``RequestError`` (a minimum weight that is not a number).
    public func run() throws -> ProjectionReport {
        guard minimumWeight.isFinite else { throw RequestError("the minimum weight must be a number") }
        let loaded = try ProjectDataset.load(input, selection: selection)
        let dataset = loaded.dataset
        var table: ReportTable
        switch view {
        case .organizations:
            let projection = BipartiteProjection.coPartnership(of: dataset, filter: loaded.filter, weighting: weighting,
                                                               minimumWeight: minimumWeight, includeLeads: !excludeLeads)
            table = ReportTable(columns: ["source", "source_name", "target", "target_name", "weight", "shared_projects"],
                                title: "共同参加ネットワーク (重み: \(weighting.rawValue), \(projection.edges.count) 組)")
            func name(_ v: NodeIndex) -> String { dataset.organization(id: projection.labels[v.int])?.name ?? projection.labels[v.int] }
            for e in projection.edges {
                table.append([.text(projection.labels[e.source.int]), .text(name(e.source)),
                              .text(projection.labels[e.target.int]), .text(name(e.target)),
                              weighting == .count ? .integer(Int(e.weight)) : .number(e.weight), .integer(e.shared)])
            }
        case .sectors:
            let sectors = SectorGraph(dataset: dataset, filter: loaded.filter)
            table = ReportTable(columns: ["source", "target", "weight"], title: "種別間の連携 (連携数)")
            for i in 0..<sectors.kinds.count {
                for j in i..<sectors.kinds.count where sectors.partnerships[i][j] > 0 && Double(sectors.partnerships[i][j]) >= minimumWeight {
                    table.append([.text(sectors.kinds[i].id), .text(sectors.kinds[j].id), .integer(sectors.partnerships[i][j])])
                }
            }
        case .incidence:
            let incidence = KindIncidence(dataset: dataset, filter: loaded.filter, includeLeads: !excludeLeads)
            table = ReportTable(columns: ["project", "title"] + incidence.kinds.map(\.id), title: "事業 × 種別 (団体数)")
            for (i, id) in incidence.projects.enumerated() {
                table.append([.text(id), .text(dataset.project(id: id)?.title ?? "")] + incidence.counts[i].map { .integer($0) })
            }
        }
        return ProjectionReport(view: view, table: table, note: loaded.note)
    }
}

/// A projection as a table (pairs, kind pairs, or project × kind counts).
public struct ProjectionReport: Sendable {
    public var view: ProjectionView
    /// The rows; its title is shown in the text table only.
    public var table: ReportTable
    /// A remark for the user about how the input was read, or nil.
    public var note: String?

    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String {
        var t = table
        if format != .table { t.title = nil }
        return t.rendered(as: format, rawCells: rawCells)
    }
}
