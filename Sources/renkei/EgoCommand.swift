import ArgumentParser
import RenkeiApp
import RenkeiCore

/// `renkei ego PATH ORG [--depth 1|2]`.
struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "One organisation's partners (depth 1) and their partners (depth 2).",
        discussion: """
        ORG is an organisation id, name or alias; names are matched after normalisation (full-width \
        letters, spaces, legal forms such as NPO法人, 社協 spelled out). The node set is NetworkX's \
        ego_graph(G, ORG, radius=depth). The table lists each organisation with its depth, the \
        partners it is reached through (via), relations and projects. JSON: {center: {id, name, kind}, \
        nodes: [{id, name, kind, depth}], edges: [{source, target, relations, projects}]}. A diagram \
        (svg, png, pdf, dot) is centred on ORG.

        Examples:
          renkei ego data/kodoku-koritsu-model-jigyo 北区社協
          renkei ego data/kodoku-koritsu-model-jigyo o010 --depth 2 --format json
          renkei ego data/kodoku-koritsu-model-jigyo 北区社会福祉協議会 --format png --out kita-ego.png
        """
    )

    @OptionGroup var input: GraphInputOptions
    @Argument(help: "The organisation: id, name or alias.")
    var organization: String
    @Option(help: "1: its partners; 2: their partners too.")
    var depth = 1
    @OptionGroup var output: QuestionOutputOptions

    func validate() throws {
        if ![1, 2].contains(depth) { throw ValidationError("--depth must be 1 or 2") }
    }

    func run() throws {
        let request = EgoRequest(input: input.input, selection: input.selection, organization: organization, depth: depth)
        try output.deliver(try request.run().output(output.chosen))
    }
}
