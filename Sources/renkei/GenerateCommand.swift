import ArgumentParser
import RenkeiApp
import RenkeiCore
import RenkeiIO

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a seeded synthetic partnership network shaped like the seed dataset.",
        discussion: """
        Municipalities each with a 社協, an office (行政) and schools; NPOs lead projects and partner \
        mostly within their municipality, with a few regional and national bridges; kinds, partners \
        per project and generic partners calibrated on data/kodoku-koritsu-model-jigyo. Scales: town \
        (100 organisations), city (1,000), prefecture (10,000), national (100,000). --out writes a \
        dataset folder; --edge-list writes the partnership graph as `u v w` lines (0-based \
        organisation indices, w = partnerships) for benchmarks.
        """ + HelpText.generate
    )

    @Option(help: "town, city, prefecture or national.")
    var scale: GeneratorScale?
    @Option(help: "Number of organisations (instead of --scale).")
    var organizations: Int?
    @Option(help: "Random seed; the same seed gives the same network.")
    var seed: UInt64 = 1
    @Option(help: "Folder to write the dataset to (must not exist, or be empty).")
    var out: String?
    @Option(name: .customLong("edge-list"), help: "Also write a plain `u v w` edge list to FILE.")
    var edgeList: String?

    func validate() throws {
        if scale != nil && organizations != nil { throw ValidationError("give --scale or --organizations, not both") }
        if let organizations, organizations < 10 { throw ValidationError("--organizations must be at least 10") }
        if out == nil && edgeList == nil { throw ValidationError("give --out DIR and/or --edge-list FILE") }
    }

    func run() throws {
        let request = GenerateRequest(organizations: organizations ?? (scale ?? .town).organizations, seed: seed,
                                      edgeList: edgeList != nil)
        let generated = try request.run()
        if let out { try OutputWriter.write(generated.folderFiles, into: out, requireEmpty: true) }
        if let edgeList, let text = generated.edgeList { try OutputWriter.write(text, to: edgeList) }
        Terminal.note(generated.summary)
    }
}
