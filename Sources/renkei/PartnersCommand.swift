import ArgumentParser
import RenkeiApp
import RenkeiCore

struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Frequently-partnered institutions by kind, category or organisation.",
        discussion: """
        For each kind, category or organisation: the number of projects that partner with it \
        (projects), their share of all projects (share), its partnerships and the relations involved. \
        A project's lead is not counted as its partner unless --include-leads. JSON: an array of \
        objects with key fields (kind / category / id, name, kind), projects, share, partnerships and \
        relations (an object of relation id → count).
        """ + HelpText.partners
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var top: TopOption
    @Option(help: "kind, category or organization.")
    var by: PartnerGrouping = .kind
    @Flag(name: .customLong("include-leads"), help: "Count each project's lead organisation as taking part in it.")
    var includeLeads = false

    func run() throws {
        let request = PartnersRequest(input: input.input, selection: input.selection, grouping: by, top: top.top,
                                      includeLeads: includeLeads)
        let report = try request.run()
        if let note = report.note { Terminal.note("note: \(note)") }
        try Terminal.emit(report.rendered(as: output.format, rawCells: output.rawCells))
    }
}
