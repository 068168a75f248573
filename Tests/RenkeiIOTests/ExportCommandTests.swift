import Foundation
import Testing
@testable import RenkeiIO

/// `renkei export` end to end, through the built binary.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixture.binary)))
struct ExportCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let r = try runRenkei(["export"] + arguments)
        return (r.status, r.output, r.stderr)
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("renkei-export-cli-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func graphMLOnStandardOutputHasEveryOrganisationAndPartnership() throws {
        let r = try Self.run([Fixture.path("folders/good"), "--format", "graphml"])
        #expect(r.status == 0, "\(r.stderr)")
        let (d, _) = try NetworkImport.read(bytes: [UInt8](r.stdout), format: .graphml, file: "stdout")
        #expect(d.organizations.count == 7)
        #expect(d.partnerships.count == 5)
        #expect(d.metadata.name == "テストデータ")
    }

    @Test func csvFolderInShiftJISWithJapaneseHeaders() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("new/folder").path
        let r = try Self.run([Fixture.path("folders/good"), "--format", "csv", "--encoding", "shift_jis",
                              "--japanese-headers", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let nodes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/nodes.csv")))
        let text = try CP932.decode(nodes, file: "nodes.csv")
        #expect(text.hasPrefix("ID,名称,表示名,種別,"))
        #expect(text.components(separatedBy: "\r\n").count == 7 + 2)  // header, 7 rows, final empty
        let edges = try CP932.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/edges.csv"))), file: "e")
        #expect(edges.hasPrefix("ID,連携元,連携先,連携元名称,連携先名称,"))
    }

    @Test func convertsBetweenFormatsAndRoundTripsThroughFiles() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let g1 = dir.appendingPathComponent("a.graphml").path
        let x = dir.appendingPathComponent("b.gexf").path
        let j = dir.appendingPathComponent("c.json").path
        let g2 = dir.appendingPathComponent("d.graphml").path
        #expect(try Self.run([Fixture.path("folders/good"), "--format", "graphml", "--out", g1]).status == 0)
        #expect(try Self.run([g1, "--format", "json", "--out", j]).status == 0)
        #expect(try Self.run([j, "--format", "graphml", "--out", g2]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: g1)) == Data(contentsOf: URL(fileURLWithPath: g2)))
        #expect(try Self.run([g1, "--format", "gexf", "--out", x]).status == 0)
        let gexf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: x)), as: UTF8.self)
        #expect(gexf.contains("<nodes count=\"7\">") && gexf.contains("<edges count=\"5\">"))
    }

    @Test func hostileInputFailsAndWritesNothing() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let evil = dir.appendingPathComponent("evil.graphml")
        try Data("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml/>".utf8).write(to: evil)
        let out = dir.appendingPathComponent("out.json").path
        let r = try Self.run([evil.path, "--format", "json", "--out", out])
        #expect(r.status != 0)
        #expect(r.stderr.contains("evil.graphml:2: DOCTYPE declarations are not accepted"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func optionMisuseIsRefused() throws {
        let a = try Self.run([Fixture.path("folders/good"), "--format", "graphml", "--encoding", "shift_jis"])
        #expect(a.status != 0 && a.stderr.contains("--encoding applies to --format csv only"))
        let b = try Self.run([Fixture.path("folders/good"), "--format", "csv"])
        #expect(b.status != 0 && b.stderr.contains("needs --out"))
        let c = try Self.run([Fixture.path("folders/good"), "--format", "xlsx"])
        #expect(c.status != 0)
    }

    @Test func withMetricsAttachesTheMetrics() throws {
        let r = try Self.run([Fixture.path("folders/good"), "--format", "json", "--with-metrics"])
        #expect(r.status == 0, "\(r.stderr)")
        let (d, m) = try NetworkImport.read(bytes: [UInt8](r.stdout), format: .json, file: "stdout")
        let metrics = try #require(m)
        #expect(metrics.columns.map(\.name) == ["degree", "betweenness", "pagerank", "clustering", "community",
                                                 "core_number"])
        #expect(r.stderr.isEmpty)
        // Degree = distinct partners, counted here from the partnerships themselves.
        for o in d.organizations {
            var partners = Set<String>()
            for p in d.partnerships where p.source != p.target {
                if p.source == o.id { partners.insert(p.target) }
                if p.target == o.id { partners.insert(p.source) }
            }
            #expect(metrics.values[o.id]?["degree"] == Double(partners.count), "\(o.id)")
        }
    }
}
