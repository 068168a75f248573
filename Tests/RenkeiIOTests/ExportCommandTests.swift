import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// `renkei export` end to end, through the built binary.
@Suite
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
        let text = try TextCodec.decode(nodes, as: .shiftJIS)
        #expect(text.hasPrefix("ID,名称,表示名,種別,"))
        #expect(text.components(separatedBy: "\r\n").count == 7 + 2)  // header, 7 rows, final empty
        let edges = try TextCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/edges.csv"))), as: .shiftJIS)
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
        // The other metrics as NetworkX computes them on the same simple graph (make_fixtures.py).
        let want = try #require(try expectedFixture()["good_metrics"] as? [String: [String: Double]])
        #expect(Set(want.keys) == Set(d.organizations.map(\.id)))
        for (id, row) in want {
            for (name, value) in row {
                let got = try #require(metrics.values[id]?[name], "\(id) \(name)")
                #expect(abs(got - value) <= (name == "pagerank" ? 1e-6 : 1e-12), "\(id) \(name): \(got) vs NetworkX \(value)")
            }
        }
        // Communities are numbered by size, 0 the largest.
        var sizes: [Int: Int] = [:]
        for o in d.organizations { sizes[Int(try #require(metrics.values[o.id]?["community"])), default: 0] += 1 }
        let bySize = sizes.keys.sorted().map { sizes[$0]! }
        #expect(sizes.keys.sorted() == Array(0..<sizes.count))
        #expect(bySize == bySize.sorted(by: >))
    }
}

/// `--unencodable replace`: characters CP932 lacks become 〓 (U+3013), counted, first line named.
@Suite struct UnencodableReplacementTests {
    /// Three partnerships; the notes of the 2nd and 3rd hold Ethiopic ቻ (U+127B), an emoji (U+1F600,
    /// four UTF-8 bytes) and Latin ẞ (U+1E9E), none of which is in CP932 (Python:
    /// `"ቻ😀ẞ".encode("cp932")` fails on each), next to characters it has (髙, ①, ㈱).
    static func dataset() -> Dataset {
        let v = Vocabulary.standard
        let orgs = [
            Organization(id: "a", name: "髙橋商店", kind: v.kind(named: "企業")!),
            Organization(id: "b", name: "①番地の会", kind: v.kind(named: "地域団体")!),
            Organization(id: "c", name: "㈱つながり", kind: v.kind(named: "企業")!),
        ]
        let venue = v.relation(named: "venue")!
        let ps = [
            Partnership(project: nil, source: "a", target: "b", relations: [venue], note: "問題なし"),
            Partnership(project: nil, source: "b", target: "c", relations: [venue], note: "文字化けቻ😀"),
            Partnership(project: nil, source: "a", target: "c", relations: [venue], note: "ẞ末尾"),
        ]
        return Dataset(metadata: DatasetMetadata(name: "符号化"), organizations: orgs, projects: [], partnerships: ps)
    }

    @Test func replaceWritesGetaAndCounts() throws {
        let files = try NetworkExport.render(Self.dataset(), format: .csv, encoding: .shiftJIS, unencodable: .replace)
        let nodes = try #require(files.first { $0.name == "nodes.csv" })
        let edges = try #require(files.first { $0.name == "edges.csv" })
        #expect(nodes.replaced == 0 && nodes.firstReplacedLine == nil)
        #expect(edges.replaced == 3)
        #expect(edges.firstReplacedLine == 3)  // header, a–b, then b–c
        let text = try TextCodec.decode(edges.bytes, as: .shiftJIS)
        let utf8 = try NetworkExport.render(Self.dataset(), format: .csv)[1]
        let expected = String(decoding: utf8.bytes, as: UTF8.self)
            .replacingOccurrences(of: "ቻ", with: "〓").replacingOccurrences(of: "😀", with: "〓")
            .replacingOccurrences(of: "ẞ", with: "〓")
        #expect(text == expected)
        #expect(text.contains("文字化け〓〓") && text.contains("〓末尾"))
        // 〓 is 0x81 0xAC in CP932.
        #expect(edges.bytes.count == Array(try TextCodec.encode(expected, as: .shiftJIS)).count)
        #expect(try TextCodec.encode("〓", as: .shiftJIS) == [0x81, 0xAC])
    }

    @Test func errorIsStillTheDefault() throws {
        let e = #expect(throws: InputError.self) {
            try NetworkExport.render(Self.dataset(), format: .csv, encoding: .shiftJIS)
        }
        #expect(e?.problems.first?.file == "edges.csv" && e?.problems.first?.line == 3)
    }

    @Test
    func commandWarnsOnceWithCountAndFirstLine() throws {
        let dir = try ExportCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        try OutputWriter.write(DatasetFolderWriter.files(Self.dataset()), into: data, requireEmpty: true)
        let out = dir.appendingPathComponent("csv").path
        let failed = try ExportCommandTests.run([data, "--format", "csv", "--encoding", "shift_jis", "--out", out])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("\(out)/edges.csv:3: character 'ቻ' (U+127B)"))
        #expect(!FileManager.default.fileExists(atPath: out + "/edges.csv"))
        let r = try ExportCommandTests.run([data, "--format", "csv", "--encoding", "shift_jis",
                                            "--unencodable", "replace", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings == ["warning: replaced 3 characters that Shift_JIS (CP932) cannot represent with 〓; first at \(out)/edges.csv:3"])
        let edges = try TextCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/edges.csv"))), as: .shiftJIS)
        #expect(edges.contains("文字化け〓〓"))
        let bad = try ExportCommandTests.run([data, "--format", "csv", "--unencodable", "replace", "--out", out])
        #expect(bad.status != 0)
    }
}
