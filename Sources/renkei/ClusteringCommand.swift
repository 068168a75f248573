import ArgumentParser
import RenkeiApp
import RenkeiCore

struct ClusteringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clustering",
        abstract: "Local clustering, core numbers and components per organisation.",
        discussion: """
        Per organisation: clustering (local clustering coefficient; --weighting onnela or barrat for \
        the weighted versions), core_number (k-core) and component (0 = largest). The table format \
        starts with a summary (average clustering, transitivity, components, largest component); \
        --summary prints only the summary, in any format.
        """ + HelpText.clustering
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var top: TopOption
    @Option(help: "unweighted, onnela (NetworkX weighted clustering) or barrat.")
    var weighting: ClusteringWeighting = .unweighted
    @Flag(help: "Print only the summary figures.")
    var summary = false

    func run() throws {
        let request = ClusteringRequest(input: input.input, selection: input.selection, weighting: weighting, top: top.top)
        try Terminal.emit(request.run().rendered(as: output.format, summaryOnly: summary, rawCells: output.rawCells))
    }
}
