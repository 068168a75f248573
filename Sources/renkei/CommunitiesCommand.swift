import ArgumentParser
import RenkeiApp
import RenkeiCore

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities: Louvain, Leiden or label propagation, with stability over several seeds.",
        discussion: """
        Runs the algorithm with seeds S, S+1, …, S+N-1 (--seed, --runs), reports the partition with \
        the highest modularity and the mean pairwise NMI and ARI between the runs (1 = every run \
        agrees). Communities are numbered by size (largest first), ties by their first member. \
        JSON: {"modularity": Q, "communities": [[id, …], …], "algorithm", "resolution", "seed", \
        "best_seed", "runs", "mean_nmi", "mean_ari", "distinct_partitions", "run_modularities", "edge_weight"}. \
        Table and CSV: one row per organisation with its community.
        """ + HelpText.communities
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "louvain, leiden or labelprop.")
    var algorithm: CommunityAlgorithm = .leiden
    @Option(help: "Seed of the first run.")
    var seed: UInt64 = 1
    @Option(help: "Number of runs (seeds) for the stability figures.")
    var runs: Int = 1
    @Option(help: "Resolution γ of modularity (larger: smaller communities). Ignored by labelprop's search, used for the reported modularity.")
    var resolution: Double = 1
    @Option(help: "Leiden iterations per run (0, the default: until no organisation changes community, as igraph's n_iterations=-1; 2: as igraph's and leidenalg's default, faster on large dense graphs, slightly lower modularity). Ignored by louvain and labelprop.")
    var iterations: Int = 0

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if iterations < 0 { throw ValidationError("--iterations must be 0 (until stable) or a positive number") }
        if !(resolution >= 0) || !resolution.isFinite { throw ValidationError("--resolution must be a finite number ≥ 0") }
    }

    func run() throws {
        let request = CommunitiesRequest(input: input.input, selection: input.selection, algorithm: algorithm, seed: seed,
                                         runs: runs, resolution: resolution,
                                         iterations: iterations == 0 ? Leiden.untilStable : iterations, progress: Terminal.progress("communities: runs"))
        let report = try request.run()
        if let note = report.graph.weightingNote { Terminal.note("note: \(note)") }
        try Terminal.emit(report.rendered(as: output.format, rawCells: output.rawCells))
    }
}
