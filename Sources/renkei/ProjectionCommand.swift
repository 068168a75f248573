import ArgumentParser
import RenkeiApp
import RenkeiCore

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
        """ + HelpText.projection
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
        let request = ProjectionRequest(input: input.input, selection: input.selection, view: view, weighting: weight,
                                        minimumWeight: minWeight, excludeLeads: excludeLeads)
        let report = try request.run()
        if let note = report.note { Terminal.note("note: \(note)") }
        try Terminal.emit(report.rendered(as: output.format, rawCells: output.rawCells))
    }
}
