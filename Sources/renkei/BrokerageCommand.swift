import ArgumentParser
import RenkeiCore
import RenkeiIO

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
        """
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "Show only the N organisations with the most brokerage.")
    var top: Int?

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be at least 0") }
    }

    func run() throws {
        let loaded = try input.load()
        var groupOf: [String: Int] = [:]
        let groups = loaded.kinds.map { kind -> Int in
            if let g = groupOf[kind] { return g }
            groupOf[kind] = groupOf.count
            return groupOf.count - 1
        }
        let roles = loaded.graph.brokerage(groups: groups)
        let table = loaded.organizationTable(
            columns: ["coordinator", "gatekeeper", "representative", "itinerant", "liaison", "total"],
            values: { v in
                let r = roles[v]
                return [.integer(r.coordinator), .integer(r.gatekeeper), .integer(r.representative),
                        .integer(r.itinerant), .integer(r.liaison), .integer(r.total)]
            },
            order: loaded.ranking(roles.map { Double($0.total) }), top: top)
        emit(table.rendered(as: output.format))
    }
}
