import Foundation
import Testing

/// Runs `renkei render` (the package's debug build, made by `swift build` / `swift test`) on the
/// hand-built folder dataset of RenkeiIOTests' fixtures (projects p1 led by WATALIS, p2 by わんず).
enum CLIPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent("../.build/debug/renkei").standardizedFileURL.path
    static let dataset = root.appendingPathComponent("RenkeiIOTests/Fixtures/folders/good").path
}

@Suite
struct RenderCommandTests {
    static let binary = CLIPaths.binary
    static let dataset = CLIPaths.dataset

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        // A missing binary is a failure, not a skip: `swift test` builds it.
        try #require(FileManager.default.isExecutableFile(atPath: binary), "\(binary) is missing; run swift build")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func allWritesTheWholeSetDeterministically() throws {
        let a = try Self.tempDir(), b = try Self.tempDir()
        #expect(try Self.run(["render", Self.dataset, "--all", "--out", a]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(files == ["network.dot", "network.png", "network.svg", "project-p1.dot", "project-p1.svg",
                          "project-p2.dot", "project-p2.svg", "sectors.dot", "sectors.svg"])
        let p1 = try String(contentsOfFile: a + "/project-p1.svg", encoding: .utf8)
        #expect(p1.contains(">WATALIS</text>"))
        #expect(p1.contains("連携図：ミツバチと共に創る"))
        #expect(try String(contentsOfFile: a + "/project-p2.svg", encoding: .utf8).contains(">NPO法人わんず</text>"))  // as written in organizations.csv (issue 12)
        // --format dot writes only the DOT files, byte-identical to the first run's.
        #expect(try Self.run(["render", Self.dataset, "--all", "--format", "dot", "--out", b]).status == 0)
        let dots = try FileManager.default.contentsOfDirectory(atPath: b).sorted()
        #expect(dots == files.filter { $0.hasSuffix(".dot") })
        for f in dots { #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f)) }
    }

    @Test func singleDiagramsInEachFormat() throws {
        let d = try Self.tempDir()
        #expect(try Self.run(["render", Self.dataset, "--project", "p1", "--out", d + "/p1.png"]).status == 0)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: d + "/p1.png")).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(try Self.run(["render", Self.dataset, "--sectors", "--format", "pdf", "--out", d + "/s"]).status == 0)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: d + "/s")).prefix(4)) == Array("%PDF".utf8))
        #expect(try Self.run(["render", Self.dataset, "--network", "--engine", "circo", "--seed", "3",
                              "--cluster-by", "kind", "--out", d + "/n.dot"]).status == 0)
        let dot = try String(contentsOfFile: d + "/n.dot", encoding: .utf8)
        #expect(dot.contains("layout=\"circo\"") && dot.contains("start=\"random3\"") && dot.contains("cluster_kind_0"))
    }

    @Test func errorsAreClearAndWriteNothing() throws {
        let d = try Self.tempDir()
        let cases: [([String], String)] = [
            (["--project", "p9", "--out", d + "/x.svg"], "unknown project 'p9' (did you mean 'p1'?)"),
            (["--project", "p1", "--engine", "bogus", "--out", d + "/x.svg"], "unknown layout engine 'bogus'"),
            (["--project", "p1", "--format", "gif", "--out", d + "/x.gif"], "unknown output format 'gif'"),
            (["--network", "--sectors", "--out", d + "/x.svg"], "give exactly one of"),
            (["--network", "--out", d + "/missing/x.svg"], "does not exist"),
        ]
        for (args, message) in cases {
            let r = try Self.run(["render", Self.dataset] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: d).isEmpty)
    }

    @Test func communityColouringAndClusteringUseLeiden() throws {
        let d = try Self.tempDir()
        let r = try Self.run(["render", Self.dataset, "--network", "--color-by", "community", "--cluster-by", "community",
                              "--format", "dot", "--out", d + "/n.dot"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("not available"))
        let dot = try String(contentsOfFile: d + "/n.dot", encoding: .utf8)
        #expect(dot.contains("コミュニティ"))
        // The best-modularity partition, by brute force in NetworkX
        // (Fixtures/communities/good_communities.py), numbered by size.
        #expect(Self.clusters(dot) == ["cluster_community_0": ["hoikuen", "kyosei", "watalis", "watari-town"],
                                       "cluster_community_1": ["wanzu", "watari-shakyo"]])
    }

    /// Node ids per cluster of a DOT file written by `DOTBuilder` (one statement per line).
    static func clusters(_ dot: String) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        var current: String?
        for line in dot.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("subgraph \"cluster_") {
                current = String(line.dropFirst("subgraph \"".count).prefix { $0 != "\"" })
                out[current!] = []
            } else if line == "}" {
                current = nil
            } else if let c = current, line.hasPrefix("\""), line.contains(" [") {
                out[c]!.insert(String(line.dropFirst().prefix { $0 != "\"" }))
            }
        }
        return out
    }
}
