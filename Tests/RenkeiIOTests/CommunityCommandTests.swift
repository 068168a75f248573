import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// Runs the debug `renkei` binary.
private func renkei(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let r = try runRenkei(arguments)
    return (r.status, r.stdout, r.stderr)
}

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-communities-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private let karate = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../RenkeiCoreTests/Fixtures/karate_edges_communities.txt").standardizedFileURL.path

@Suite struct GeneratedDatasetTests {
    @Test func writtenFolderLoadsBackUnchanged() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = PartnershipNetworkGenerator.generate(organizations: 1_000, seed: 4)
        let target = dir.appendingPathComponent("city").path
        try OutputWriter.write(DatasetFolderWriter.files(generated), into: target, requireEmpty: true)
        let loaded = try DatasetLoader.load(path: target)
        #expect(loaded.organizations.count == generated.organizations.count)
        #expect(loaded.organizations.map(\.kind.id) == generated.organizations.map(\.kind.id))
        #expect(loaded.organizations.map(\.generic) == generated.organizations.map(\.generic))
        #expect(loaded.projects.map(\.lead) == generated.projects.map(\.lead))
        #expect(loaded.partnerships.count == generated.partnerships.count)
        #expect(loaded.partnerships.map { $0.relations.map(\.id) } == generated.partnerships.map { $0.relations.map(\.id) })
        #expect(loaded.partnerships.map(\.status) == generated.partnerships.map(\.status))
        // The folder now exists: a second write is refused and leaves nothing behind.
        #expect(throws: OutputError.self) { try OutputWriter.write(DatasetFolderWriter.files(generated), into: target, requireEmpty: true) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["city"])
    }
}

@Suite
struct CommunityCommandLineTests {
    @Test func communitiesJSONOnKarate() throws {
        let r = try renkei(["communities", karate, "--algorithm", "leiden", "--runs", "4", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let q = try #require(obj["modularity"] as? Double)
        #expect(q >= 0.41 && q <= 0.4197896 + 1e-7)
        let communities = try #require(obj["communities"] as? [[String]])
        let members = communities.flatMap { $0 }
        #expect(members.count == 34 && Set(members) == Set((0..<34).map(String.init)))
        #expect(zip(communities, communities.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(obj["runs"] as? Int == 4)
        let nmi = try #require(obj["mean_nmi"] as? Double)
        #expect(nmi > 0 && nmi <= 1)
        #expect(obj["mean_ari"] is Double)
    }

    @Test func generateThenPartnersAndProjection() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ds = dir.appendingPathComponent("town").path
        let edges = dir.appendingPathComponent("town.txt").path
        let g = try renkei(["generate", "--organizations", "300", "--seed", "2", "--out", ds, "--edge-list", edges])
        #expect(g.status == 0, "\(g.stderr)")
        let edgeLines = try String(contentsOfFile: edges, encoding: .utf8).split(separator: "\n")
        #expect(!edgeLines.isEmpty && edgeLines.allSatisfy { $0.split(separator: " ").count == 3 })
        // Counted from the written folder, not from the writer: one line per partnered pair, and the
        // weights (partnerships per pair) add up to the number of partnerships.
        let dataset = try DatasetLoader.load(path: ds)
        let pairs = Set(dataset.partnerships.map { Set([$0.source, $0.target]) })
        #expect(edgeLines.count == pairs.count)
        #expect(edgeLines.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) == dataset.partnerships.count)

        let p = try renkei(["partners", ds, "--by", "kind", "--format", "json"])
        #expect(p.status == 0, "\(p.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(p.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["kind"] is String && row["projects"] is Int && row["share"] is Double)
            #expect(row["relations"] is [String: Any])
        }

        let j = try renkei(["projection", ds, "--weight", "jaccard", "--format", "csv"])
        #expect(j.status == 0, "\(j.stderr)")
        #expect(j.stdout.hasPrefix("source,source_name,target,target_name,weight,shared_projects\n"))

        let again = try renkei(["generate", "--organizations", "300", "--out", ds])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
    }

    /// A plain edge list has no projects: each source is read as the lead of one project.
    /// Hand-checked on a b / b c / a c / c d / d e: sources a, b, c, d lead four projects;
    /// c is a partner in a's and b's (2 of 4 = 0.5), b in a's, d in c's, e in d's. In the
    /// projection b–c share a's and b's projects (weight 2), every other pair one.
    @Test func partnersAndProjectionOnAPlainEdgeList() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("edges.txt").path
        try "a b\nb c\na c\nc d\nd e\n".write(toFile: path, atomically: true, encoding: .utf8)
        let p = try renkei(["partners", path, "--by", "organization", "--format", "json"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stderr.contains("4 projects"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(p.stdout.utf8)) as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        #expect(byID["c"]?["projects"] as? Int == 2)
        #expect(byID["c"]?["share"] as? Double == 0.5)
        #expect(byID["b"]?["projects"] as? Int == 1)
        #expect(byID["a"] == nil)
        let j = try renkei(["projection", path, "--weight", "count", "--format", "csv"])
        #expect(j.status == 0, "\(j.stderr)")
        let lines = j.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.count == 5)
        #expect(lines.contains("b,b,c,c,2,2"))
        #expect(lines.contains("a,a,b,b,1,1"))
    }
}
