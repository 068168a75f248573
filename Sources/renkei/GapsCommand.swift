import ArgumentParser
import RenkeiApp
import RenkeiCore

/// `renkei gaps PATH --project ID`.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Partner kinds and categories that the most similar projects work with and this one does not.",
        discussion: """
        Similarity is the cosine similarity of partner-kind profiles: for each project, the number \
        of distinct partner organisations of each kind (its lead not counted); Σ aₖbₖ / (‖a‖‖b‖). The \
        --similar most similar projects (similarity above 0) are compared; each gap lists those of \
        them that have it. JSON: {project, measure, similar: [{project, title, similarity}], gaps: \
        [{type (kind or category), value, projects: [{project, title, similarity}]}]}.

        Examples:
          renkei gaps data/kodoku-koritsu-model-jigyo --project P02
          renkei gaps data/kodoku-koritsu-model-jigyo --project P02 --similar 3 --format json
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: DatasetFilterOptions
    @Option(help: "The project to look at (its id).")
    var project: String
    @Option(help: "How many of the most similar projects to compare with.")
    var similar = 5
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if similar < 1 { throw ValidationError("--similar must be at least 1") }
    }

    func run() throws {
        let request = GapsRequest(input: input.input, selection: filters.applied(), project: project, similar: similar)
        try Terminal.emit(try request.run().rendered(as: output.format))
    }
}
