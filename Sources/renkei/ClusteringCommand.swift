import ArgumentParser
import RenkeiCore
import RenkeiIO

struct ClusteringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clustering",
        abstract: "Local clustering, core numbers and components per organisation.",
        discussion: """
        Per organisation: clustering (local clustering coefficient; --weighting onnela or barrat for \
        the weighted versions), core_number (k-core) and component (0 = largest). The table format \
        starts with a summary (average clustering, transitivity, components, largest component); \
        --summary prints only the summary, in any format.
        """
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "unweighted, onnela (NetworkX weighted clustering) or barrat.")
    var weighting: ClusteringWeighting = .unweighted

    @Option(help: "Show only the N organisations with the highest clustering.")
    var top: Int?

    @Flag(help: "Print only the summary figures.")
    var summary = false

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be at least 0") }
    }

    func run() throws {
        let loaded = try input.load()
        let g = loaded.graph
        let local = g.clustering(weighting)
        let cores = g.coreNumbers()
        let components = g.connectedComponents()
        let average = local.isEmpty ? 0 : local.reduce(0, +) / Double(local.count)
        var summaryTable = ReportTable(columns: ["measure", "value"])
        summaryTable.append([.text("organizations"), .integer(g.nodeCount)])
        summaryTable.append([.text("partnered_pairs"), .integer(g.edgeCount)])
        summaryTable.append([.text("average_clustering"), .number(average)])
        summaryTable.append([.text("transitivity"), .number(g.transitivity())])
        summaryTable.append([.text("components"), .integer(components.count)])
        summaryTable.append([.text("largest_component"), .integer(components.members.first?.count ?? 0)])
        summaryTable.append([.text("max_core_number"), .integer(cores.max() ?? 0)])
        if summary {
            emit(summaryTable.rendered(as: output.format))
            return
        }
        let table = loaded.organizationTable(
            columns: ["clustering", "core_number", "component"],
            values: { [.number(local[$0]), .integer(cores[$0]), .integer(Int(components.component[$0]))] },
            order: loaded.ranking(local), top: top)
        if output.format == .table {
            emit(summaryTable.rendered(as: .table) + "\n")
        }
        emit(table.rendered(as: output.format))
    }
}
