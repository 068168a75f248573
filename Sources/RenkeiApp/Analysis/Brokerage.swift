import RenkeiCore
import RenkeiIO

/// Gould–Fernandez brokerage roles with kinds as groups (`renkei brokerage`).
public struct BrokerageRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    /// Keep only the N organisations with the most brokerage.
    public var top: Int?

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), top: Int? = nil) {
        self.input = input
        self.selection = selection
        self.top = top
    }

    /// Loads the input and counts the roles.
    public func run() throws -> BrokerageReport {
        let loaded = try OrganizationGraph.load(input, selection: selection, needsDataset: false)
        return BrokerageReport(graph: loaded, roles: loaded.graph.brokerage(groups: Self.groups(loaded.kinds)), top: top)
    }

    /// Kinds numbered in order of first appearance: the groups brokerage compares.
    static func groups(_ kinds: [String]) -> [Int] {
        var groupOf: [String: Int] = [:]
        return kinds.map { kind in
            if let g = groupOf[kind] { return g }
            groupOf[kind] = groupOf.count
            return groupOf.count - 1
        }
    }
}

/// Brokerage role counts per organisation, most brokerage first.
public struct BrokerageReport: Sendable {
    public var graph: OrganizationGraph
    /// One set of role counts per vertex, in vertex order.
    public var roles: [BrokerageRoles]
    /// Vertices by total brokerage, highest first, cut to the requested top.
    public var ranking: [Int]

    init(graph: OrganizationGraph, roles: [BrokerageRoles], top: Int?) {
        self.graph = graph
        self.roles = roles
        self.ranking = OrganizationGraph.ranking(roles.map { Double($0.total) }, top: top)
    }

    public var table: ReportTable {
        graph.organizationTable(
            columns: ["coordinator", "gatekeeper", "representative", "itinerant", "liaison", "total"],
            values: { v in
                let r = roles[v]
                return [.integer(r.coordinator), .integer(r.gatekeeper), .integer(r.representative),
                        .integer(r.itinerant), .integer(r.liaison), .integer(r.total)]
            },
            order: ranking)
    }

    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String { table.rendered(as: format, rawCells: rawCells) }
}
