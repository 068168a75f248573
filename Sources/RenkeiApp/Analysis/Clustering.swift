import RenkeiCore
import RenkeiIO

/// Local clustering, core numbers and components (`renkei clustering`).
public struct ClusteringRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var weighting: ClusteringWeighting
    /// Keep only the N organisations with the highest clustering.
    public var top: Int?

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(),
                weighting: ClusteringWeighting = .unweighted, top: Int? = nil) {
        self.input = input
        self.selection = selection
        self.weighting = weighting
        self.top = top
    }

    public func run() throws -> ClusteringReport {
        let loaded = try OrganizationGraph.load(input, selection: selection, needsDataset: false)
        let g = loaded.graph
        return ClusteringReport(graph: loaded, local: g.clustering(weighting), cores: g.coreNumbers(),
                                components: g.connectedComponents(), transitivity: g.transitivity(), top: top)
    }
}

/// Per-organisation clustering, core number and component, with the network's summary figures.
public struct ClusteringReport: Sendable {
    public var graph: OrganizationGraph
    /// Local clustering per vertex.
    public var local: [Double]
    /// k-core number per vertex.
    public var cores: [Int]
    public var components: ComponentPartition
    public var transitivity: Double
    /// Vertices by clustering, highest first, cut to the requested top.
    public var ranking: [Int]

    init(graph: OrganizationGraph, local: [Double], cores: [Int], components: ComponentPartition,
         transitivity: Double, top: Int?) {
        self.graph = graph
        self.local = local
        self.cores = cores
        self.components = components
        self.transitivity = transitivity
        self.ranking = OrganizationGraph.ranking(local, top: top)
    }

    /// The mean of the local clustering coefficients (0 for an empty graph).
    public var averageClustering: Double { local.isEmpty ? 0 : local.reduce(0, +) / Double(local.count) }

    /// The summary's measures: field name (CSV and JSON), Japanese label (text table), value.
    var summaryRows: [(field: String, label: String, value: ReportValue)] {
        [("organizations", "組織数", .integer(graph.graph.nodeCount)),
         ("partnered_pairs", "連携している組の数", .integer(graph.graph.edgeCount)),
         ("average_clustering", "平均クラスタ係数", .number(averageClustering)),
         ("transitivity", "推移性", .number(transitivity)),
         ("components", "連結成分の数", .integer(components.count)),
         ("largest_component", "最大の連結成分の組織数", .integer(components.members.first?.count ?? 0)),
         ("max_core_number", "最大コア数", .integer(cores.max() ?? 0))]
    }

    /// `measure, value`: organisations, partnered pairs, average clustering, transitivity,
    /// components, largest component, maximum core number. The measures are English field names;
    /// the text table shows them in Japanese (one language per table).
    public var summaryTable: ReportTable { summaryTable(japanese: false) }

    func summaryTable(japanese: Bool) -> ReportTable {
        var t = ReportTable(columns: ["measure", "value"])
        for row in summaryRows { t.append([.text(japanese ? row.label : row.field), row.value]) }
        return t
    }

    /// `id, name, kind, clustering, core_number, component` (0 = largest component).
    public var table: ReportTable {
        graph.organizationTable(
            columns: ["clustering", "core_number", "component"],
            values: { [.number(local[$0]), .integer(cores[$0]), .integer(Int(components.component[$0]))] },
            order: ranking)
    }

    /// The summary only, or (as a text table) the summary followed by the per-organisation table.
    public func rendered(as format: ReportFormat, summaryOnly: Bool = false, rawCells: Bool = false) -> String {
        let summary = summaryTable(japanese: format == .table)
        if summaryOnly { return summary.rendered(as: format, rawCells: rawCells) }
        let perOrganization = table.rendered(as: format, rawCells: rawCells)
        return format == .table ? summary.rendered(as: .table) + "\n" + perOrganization : perOrganization
    }
}
