import ArgumentParser
import RenkeiApp

struct BrokerageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerage",
        abstract: "Count Gould-Fernandez brokerage roles per organisation, with kinds as groups.",
        discussion: """
        For each organisation v, every open two-path a-v-b (a and b not partners of each other) is \
        classified by the kinds of a, v and b: coordinator (all one kind), gatekeeper and \
        representative (exactly one of a, b shares v's kind), itinerant (a and b share a kind other \
        than v's) and liaison (three kinds). Ties are undirected, so each path is counted in both \
        directions, as statnet's brokerage() does on symmetric data: an open pair counts 2 \
        coordinator, itinerant or liaison, or 1 gatekeeper + 1 representative. total = the sum.
        """ + HelpText.brokerage
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var top: TopOption

    func run() throws {
        let request = BrokerageRequest(input: input.input, selection: input.selection, top: top.top)
        try Terminal.emit(request.run().rendered(as: output.format, rawCells: output.rawCells))
    }
}
