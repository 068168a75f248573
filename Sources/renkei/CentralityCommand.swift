import ArgumentParser
import RenkeiCore
import RenkeiIO

/// The measures `renkei centrality --measure` offers.
enum CentralityMeasure: String, CaseIterable, ExpressibleByArgument {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz
}

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Rank organisations by a centrality measure.",
        discussion: """
        Values match NetworkX: degree (degree_centrality), strength, betweenness (Brandes; normalised \
        by 2/((n-1)(n-2)) per pair), closeness (Wasserman-Faust for disconnected graphs), harmonic, \
        eigenvector, pagerank (alpha 0.85) and katz (alpha 0.1). With --weighted, shortest-path \
        measures turn weights into lengths by --distance: inverse (1/weight, for tie strengths such \
        as numbers of relations; the default) or weight (the weight is a length, as NetworkX's weight=).
        """
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank or katz.")
    var measure: CentralityMeasure = .degree

    @Option(help: "Show only the N highest-ranked organisations.")
    var top: Int?

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

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be at least 0") }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
        if samples != nil && measure != .betweenness { throw ValidationError("--samples applies to --measure betweenness") }
        if personalize != nil && measure != .pagerank { throw ValidationError("--personalize applies to --measure pagerank") }
    }

    func run() throws {
        let loaded = try input.load()
        let g = loaded.graph
        let values: [Double]
        switch measure {
        case .degree: values = g.degreeCentrality(normalized: normalized)
        case .strength: values = g.strengths()
        case .betweenness:
            values = try g.betweenness(BetweennessOptions(
                normalized: normalized, endpoints: endpoints, weighted: weighted, distance: distance,
                samples: samples, seed: seed, progress: terminalProgress("betweenness")))
        case .closeness:
            values = try g.closeness(ClosenessOptions(weighted: weighted, distance: distance,
                                                  progress: terminalProgress("closeness")))
        case .harmonic:
            values = try g.harmonic(ClosenessOptions(weighted: weighted, distance: distance,
                                                 progress: terminalProgress("harmonic")))
        case .eigenvector: values = try g.eigenvectorCentrality(weighted: weighted)
        case .pagerank:
            var options = PageRankOptions(alpha: alpha ?? 0.85, weighted: weighted)
            if let personalize {
                var p = [Double](repeating: 0, count: g.nodeCount)
                for id in personalize.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    guard let v = g.node(labelled: id) else { throw ValidationError("--personalize: no organisation '\(id)'") }
                    p[v.int] = 1
                }
                options.personalization = p
            }
            values = try g.pageRank(options)
        case .katz: values = try g.katzCentrality(alpha: alpha ?? 0.1, weighted: weighted)
        }
        let table = loaded.organizationTable(columns: ["value"], values: { [.number(values[$0])] },
                                             order: loaded.ranking(values), top: top)
        emit(table.rendered(as: output.format))
    }
}
