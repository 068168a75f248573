import ArgumentParser
import RenkeiCore
import RenkeiIO

extension ProjectionWeighting: ExpressibleByArgument {}

/// Which projection `renkei projection` prints.
enum ProjectionView: String, CaseIterable, ExpressibleByArgument {
    case organizations, sectors, incidence
}

struct ProjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projection",
        abstract: "Co-partnership projection: organisations linked by the projects they share.",
        discussion: """
        The default view (organizations) prints one row per pair of organisations taking part in \
        at least one common project (lead included): source, source_name, target, target_name, \
        weight and shared_projects. --weight count (shared projects), newman (Σ 1/(k−1) over shared \
        projects with k participants; Newman 2001) or jaccard (shared / union of their projects). \
        --view sectors prints the sector graph (partnerships between kinds, within-kind on the \
        diagonal); --view incidence the project × kind table (organisations of each kind per project).
        """
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "count, newman or jaccard.")
    var weight: ProjectionWeighting = .count

    @Option(name: .customLong("min-weight"), help: "Leave out pairs whose weight is below W.")
    var minWeight: Double = 0

    @Option(help: "organizations (the projection), sectors (kind × kind) or incidence (project × kind).")
    var view: ProjectionView = .organizations

    @Flag(name: .customLong("exclude-leads"), help: "Leave project leads out of the projection and the incidence table.")
    var excludeLeads = false

    func validate() throws {
        if !minWeight.isFinite { throw ValidationError("--min-weight must be a number") }
    }

    func run() throws {
        let (dataset, filter) = try input.loadDataset()
        switch view {
        case .organizations:
            let projection = BipartiteProjection.coPartnership(of: dataset, filter: filter, weighting: weight,
                                                               minimumWeight: minWeight, includeLeads: !excludeLeads)
            var table = ReportTable(columns: ["source", "source_name", "target", "target_name", "weight", "shared_projects"],
                                    title: output.format == .table
                                        ? "共同参加ネットワーク (重み: \(weight.rawValue), \(projection.edges.count) 組)" : nil)
            func name(_ v: NodeIndex) -> String { dataset.organization(id: projection.labels[v.int])?.name ?? projection.labels[v.int] }
            for e in projection.edges {
                table.append([.text(projection.labels[e.source.int]), .text(name(e.source)),
                              .text(projection.labels[e.target.int]), .text(name(e.target)),
                              weight == .count ? .integer(Int(e.weight)) : .number(e.weight), .integer(e.shared)])
            }
            emit(table.rendered(as: output.format))
        case .sectors:
            let sectors = SectorGraph(dataset: dataset, filter: filter)
            var table = ReportTable(columns: ["source", "target", "weight"],
                                    title: output.format == .table ? "種別間の連携 (連携数)" : nil)
            for i in 0..<sectors.kinds.count {
                for j in i..<sectors.kinds.count where sectors.partnerships[i][j] > 0 && Double(sectors.partnerships[i][j]) >= minWeight {
                    table.append([.text(sectors.kinds[i].id), .text(sectors.kinds[j].id), .integer(sectors.partnerships[i][j])])
                }
            }
            emit(table.rendered(as: output.format))
        case .incidence:
            let incidence = KindIncidence(dataset: dataset, filter: filter, includeLeads: !excludeLeads)
            var table = ReportTable(columns: ["project", "title"] + incidence.kinds.map(\.id),
                                    title: output.format == .table ? "事業 × 種別 (団体数)" : nil)
            for (i, id) in incidence.projects.enumerated() {
                table.append([.text(id), .text(dataset.project(id: id)?.title ?? "")] + incidence.counts[i].map { .integer($0) })
            }
            emit(table.rendered(as: output.format))
        }
    }
}
