import ArgumentParser
import RenkeiApp
import RenkeiCore

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Rank organisations by a centrality measure.",
        discussion: """
        Values match NetworkX: degree (degree_centrality), strength, betweenness (Brandes; normalised \
        by 2/((n-1)(n-2)) per pair), closeness (Wasserman-Faust for disconnected graphs), harmonic, \
        eigenvector, pagerank (alpha 0.85) and katz (alpha 0.1); the last three are iterated to within \
        --tolerance (1e-9) of the exact values, as igraph's solvers give, not stopped at NetworkX's \
        looser default. With --weighted, shortest-path \
        measures turn weights into lengths by --distance: inverse (1/weight, for tie strengths such \
        as numbers of relations; the default) or weight (the weight is a length, as NetworkX's weight=).
        """ + HelpText.centrality
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var top: TopOption
    @Option(help: "degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank or katz.")
    var measure: CentralityMeasure = .degree
    @Flag(inversion: .prefixedNo, help: "Normalise degree and betweenness as NetworkX does.")
    var normalized = true
    @Flag(help: "Use edge weights (betweenness, closeness, harmonic, eigenvector, pagerank, katz).")
    var weighted = false
    @Option(help: "With --weighted, the length of an edge for shortest paths: inverse (1/weight) or weight.")
    var distance: EdgeDistance = .inverse
    @Flag(help: "Betweenness: count path endpoints (NetworkX endpoints=True).")
    var endpoints = false
    @Option(help: "Betweenness: approximate from K random pivot sources.")
    var samples: Int?
    @Option(help: "Seed for --samples.")
    var seed: UInt64 = 1
    @Option(help: "PageRank damping factor (default 0.85) or Katz attenuation (default 0.1).")
    var alpha: Double?
    @Option(help: "PageRank: teleport only to these organisations (comma-separated ids).")
    var personalize: String?
    @Option(help: "PageRank, eigenvector and Katz: stop within this relative distance of the exact values (default 1e-9).")
    var tolerance: Double = CentralityRequest.defaultTolerance

    func validate() throws {
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
        if samples != nil && measure != .betweenness { throw ValidationError("--samples applies to --measure betweenness") }
        if personalize != nil && measure != .pagerank { throw ValidationError("--personalize applies to --measure pagerank") }
        if !(tolerance > 0 && tolerance < 1) { throw ValidationError("--tolerance must be between 0 and 1") }
    }

    func run() throws {
        let request = CentralityRequest(
            input: input.input, selection: input.selection, measure: measure, top: top.top, normalized: normalized,
            weighted: weighted, distance: distance, endpoints: endpoints, samples: samples, seed: seed, alpha: alpha,
            personalize: personalize.map { [$0] } ?? [], tolerance: tolerance, progress: Terminal.progress(measure.rawValue))
        let report = try request.run()
        if let note = report.graph.weightingNote { Terminal.note("note: \(note)") }
        try Terminal.emit(report.rendered(as: output.format, rawCells: output.rawCells))
    }
}
