import ArgumentParser
import RenkeiApp
import RenkeiCore

/// `renkei diff OLD NEW`, or `renkei diff PATH --from-year Y --to-year Z`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two surveys: organisations, partnerships, relations, projects, components, ranks.",
        discussion: """
        OLD and NEW are datasets of any kind the other commands read; with one PATH, --from-year and \
        --to-year compare its projects of two years. Organisations are matched by normalised name and \
        alias (as the loader merges spellings: 北区社協 = 北区社会福祉協議会), never by id; projects by \
        title. A partnership is a pair of organisations; it changed when its relations or its status \
        (realised, planned) differ. Components (of two or more organisations) merged or split; degree \
        and betweenness-rank moves list the --top largest. JSON: {old, new, organizations_matched, \
        organizations_rematched, organizations_added, organizations_removed, partnerships_added, \
        partnerships_removed (each {source, target, relations, status, projects}), relations_changed, \
        projects_added, projects_removed, components_merged, components_split, degree_moves, \
        betweenness_moves}. A diagram (svg, png, pdf, dot) draws the organisations of every changed \
        partnership: new partnerships as thick green lines, lost ones as dashed red lines, changed ones \
        as thick orange lines, explained in the legend (凡例). Two datasets with no organisation in \
        common are an error.
        """ + HelpText.diff
    )

    @Argument(help: "The earlier dataset (or the one dataset, with --from-year and --to-year).")
    var old: String
    @Argument(help: "The later dataset.")
    var new: String?
    @Option(name: .customLong("from-year"), help: "The survey year of the earlier side's projects.")
    var fromYear: Int?
    @Option(name: .customLong("to-year"), help: "The survey year of the later side's projects.")
    var toYear: Int?
    @Flag(name: .customLong("realised-only"), help: "Drop planned partnerships on both sides.")
    var realisedOnly = false
    @Flag(name: .customLong("no-generic"), help: "Leave out generic partners (「地域の保育園」).")
    var noGeneric = false
    @Option(help: "List the N largest degree and betweenness-rank moves.")
    var top = 10
    @OptionGroup var words: VocabularyOptions
    @OptionGroup var filters: DatasetFilterOptions
    @OptionGroup var output: QuestionOutputOptions
    @Flag(help: "No notes on standard error (warnings still appear).")
    var quiet = false

    func validate() throws {
        Terminal.quiet = quiet
        if new == nil && (fromYear == nil || toYear == nil) {
            throw ValidationError("give two datasets, OLD and NEW, or one with --from-year and --to-year")
        }
        if (fromYear != nil || toYear != nil) && !filters.year.isEmpty {
            throw ValidationError("--year cannot be combined with --from-year and --to-year")
        }
        if top < 0 { throw ValidationError("--top must be at least 0") }
    }

    func run() throws {
        let request = DiffRequest(old: DatasetInput(path: old, options: words.options), new: new.map { DatasetInput(path: $0, options: words.options) },
                                  fromYear: fromYear, toYear: toYear,
                                  selection: filters.applied(to: GraphSelection(realisedOnly: realisedOnly, includeGeneric: !noGeneric)), top: top)
        try output.deliver(try request.run().output(output.chosen))
    }
}
