import ArgumentParser
import RenkeiApp
import RenkeiCore

/// `renkei path PATH FROM TO [--all] [--weighted --distance inverse|weight]`.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest chain of partnerships between two organisations.",
        discussion: """
        FROM and TO are organisation ids, names or aliases (matched as for `ego`). Each step shows \
        its relations and project. Lengths equal NetworkX's shortest_path_length; --all lists every \
        shortest chain (all_shortest_paths; at most 10000). With --weighted, tie strength becomes a \
        distance as in betweenness (--distance inverse: 1/weight; weight: the weight itself). When \
        no chain exists the command says so and names the organisation with the most partners in each \
        end's component. JSON: {from, to, length, paths: [[{source, target, relations, project}]]}.

        Examples:
          renkei path data/kodoku-koritsu-model-jigyo 北区社協 坂井市社協
          renkei path data/kodoku-koritsu-model-jigyo o010 o014 --all --format json
          renkei path survey.csv 北区社協 北区役所 --weighted --format svg --out path.svg
        """
    )

    @OptionGroup var input: GraphInputOptions
    @Argument(help: "The first organisation: id, name or alias.")
    var from: String
    @Argument(help: "The second organisation: id, name or alias.")
    var to: String
    @Flag(help: "List every shortest chain, not only the first.")
    var all = false
    @Flag(help: "Use tie strength (the edge weight) as distance.")
    var weighted = false
    @Option(help: "With --weighted, the length of an edge: inverse (1/weight) or weight.")
    var distance: EdgeDistance = .inverse
    @OptionGroup var output: QuestionOutputOptions

    func run() throws {
        let request = PathRequest(input: input.input, selection: input.selection, from: from, to: to, all: all,
                                  weighted: weighted, distance: distance)
        let report = try request.run()
        if let note = report.note { Terminal.note("note: \(note)") }
        try output.deliver(try report.output(output.chosen))
    }
}
