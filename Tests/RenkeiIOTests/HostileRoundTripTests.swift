import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// Property test: random datasets whose names, ids, notes and relation labels are hostile
/// (markup, quotes, backslashes, formula starts, apostrophes, CJK next to spaces, emoji, tabs,
/// combining marks) go through every export format Renkei can read back, and come back equal.
@Suite struct HostileRoundTripTests {
    /// SplitMix64: a fixed, seeded sequence (the test is deterministic).
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["=", "+", "-", "@", "'", "\"", "\\", "&", "<", ">", "&amp;", "]]>", "\t", " ", "  ",
                         "北区", "社会福祉協議会", "株式会社", "ﾃｽﾄ", "テスト", "😀", "👩‍👩‍👧", "é", "e\u{301}", ";", ",",
                         "|", "{", "}", "$", "%", "#", "\\n", "cmd|' /C calc'!A0", "AT&T", "say \"hi\""]

    static func hostile(_ rng: inout SplitMix) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...6, using: &rng) { s += pieces.randomElement(using: &rng)! }
        // Names are trimmed on import; keep them as a loader would hold them.
        return s.trimmingWhitespace().isEmpty ? "x" + s + "x" : s.trimmingWhitespace()
    }

    static func dataset(seed: UInt64) -> Dataset {
        var rng = SplitMix(state: seed)
        let v = Vocabulary.standard
        let n = Int.random(in: 2...12, using: &rng)
        var seen = Set<String>()
        var orgs: [Organization] = []
        for i in 0..<n {
            var id = hostile(&rng)
            while !seen.insert(id).inserted { id += "\(i)" }
            orgs.append(Organization(id: id, name: hostile(&rng), kind: v.kinds.randomElement(using: &rng)!,
                                     aliases: Bool.random(using: &rng) ? [hostile(&rng)] : []))
        }
        var partnerships: [Partnership] = []
        for _ in 0..<Int.random(in: 1...20, using: &rng) {
            let a = orgs.randomElement(using: &rng)!.id, b = orgs.randomElement(using: &rng)!.id
            guard a != b else { continue }
            partnerships.append(Partnership(project: nil, source: a, target: b,
                                            relations: [v.relations.randomElement(using: &rng)!],
                                            status: Bool.random(using: &rng) ? .realised : .planned,
                                            weight: Double(Int.random(in: 1...40, using: &rng)) / 4,
                                            direction: Bool.random(using: &rng) ? .mutual : .directed,
                                            note: Bool.random(using: &rng) ? hostile(&rng) : nil))
        }
        return Dataset(metadata: DatasetMetadata(name: "hostile \(seed)"), vocabulary: v, organizations: orgs,
                       projects: [], partnerships: partnerships)
    }

    @Test(arguments: [ExportFormat.graphml, .gexf, .json])
    func exportImportIsEqual(format: ExportFormat) throws {
        for seed in UInt64(1)...60 {
            let d = Self.dataset(seed: seed)
            let bytes = try NetworkExport.render(d, format: format)[0].bytes
            let back = try NetworkImport.read(bytes: bytes, format: format, file: "x").dataset
            #expect(back.organizations.map(\.id) == d.organizations.map(\.id), "seed \(seed)")
            #expect(back.organizations.map(\.name) == d.organizations.map(\.name), "seed \(seed)")
            #expect(back.organizations.map(\.kind.id) == d.organizations.map(\.kind.id), "seed \(seed)")
            #expect(back.organizations.map(\.aliases) == d.organizations.map(\.aliases), "seed \(seed)")
            #expect(back.partnerships.map { [$0.source, $0.target, $0.note ?? ""] }
                    == d.partnerships.map { [$0.source, $0.target, $0.note ?? ""] }, "seed \(seed)")
            #expect(back.partnerships.map(\.weight) == d.partnerships.map(\.weight), "seed \(seed)")
            #expect(back.partnerships.map(\.direction) == d.partnerships.map(\.direction), "seed \(seed)")
            #expect(back.partnerships.map(\.status) == d.partnerships.map(\.status), "seed \(seed)")
        }
    }

    /// The issue's names, read from an edge-list sheet (so kept as written by the loader), go
    /// through every format Renkei reads back and come back equal; 前株 and 後株 stay two.
    @Test(arguments: [ExportFormat.graphml, .gexf, .json])
    func namesAsWrittenSurviveEveryFormat(format: ExportFormat) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sheet = dir + "/names.csv"
        try "source,target,relations\n北区 社会福祉協議会,株式会社 テスト,後援\nテスト株式会社,AT&T & co,後援\n\"say \"\"hi\"\"\",末尾\\,後援\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let d = try DatasetLoader.load(path: sheet)
        let written = ["北区 社会福祉協議会", "株式会社 テスト", "テスト株式会社", "AT&T & co", "say \"hi\"", "末尾\\"]
        #expect(d.organizations.map(\.name) == written)
        let bytes = try NetworkExport.render(d, format: format)[0].bytes
        let back = try NetworkImport.read(bytes: bytes, format: format, file: "x").dataset
        #expect(back.organizations.map(\.name) == written)
        #expect(back.organizations.map(\.id) == d.organizations.map(\.id))
    }

    /// CSV: nodes.csv and edges.csv parsed by Renkei's own CSV reader give the names back exactly,
    /// formula guard included.
    @Test func csvExportReadsBackExactly() throws {
        for seed in UInt64(1)...60 {
            let d = Self.dataset(seed: seed)
            let files = try NetworkExport.render(d, format: .csv)
            var problems: [InputProblem] = []
            let nodes = try #require(CSVTable.parse(bytes: files[0].bytes, file: "nodes.csv", problems: &problems))
            let edges = try #require(CSVTable.parse(bytes: files[1].bytes, file: "edges.csv", problems: &problems))
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            let cID = try #require(nodes.column(["id"])), cName = try #require(nodes.column(["name"]))
            #expect(nodes.records.map { $0.fields[cID] } == d.organizations.map(\.id), "seed \(seed)")
            #expect(nodes.records.map { $0.fields[cName] } == d.organizations.map(\.name), "seed \(seed)")
            let cSource = try #require(edges.column(["source"])), cNote = try #require(edges.column(["note"]))
            #expect(edges.records.map { $0.fields[cSource] } == d.partnerships.map(\.source), "seed \(seed)")
            #expect(edges.records.map { $0.fields[cNote] } == d.partnerships.map { $0.note ?? "" }, "seed \(seed)")
        }
    }
}
