import Foundation
import Testing

/// Runs the built `renkei` binary (`.build/debug/renkei`, built by `swift build` / `swift test`).
private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let r = try runRenkei(arguments)
    return (r.status, r.stdout, r.stderr)
}

@Suite
struct CommandLineTests {
    @Test func validateGoodFolderExitsZero() throws {
        let r = try run(["validate", Fixture.path("folders/good"), "--merges"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("OK: テストデータ: 7 organisations, 5 partnerships, 2 projects"))
        #expect(r.stdout.contains("ワタリス: alias listed in organizations.csv"))
    }

    @Test func validateBadFolderExitsNonZeroListingEveryProblem() throws {
        let r = try run(["validate", Fixture.path("folders/bad")])
        #expect(r.status != 0)
        // partnerships.csv:10 has empty relations: a warning since issue 10, no longer a problem.
        #expect(r.stderr.contains("17 problems"))
        #expect(r.stderr.contains("partnerships.csv:6: field 'relations': unknown relation '会場提共' (did you mean '会場提供'?)"))
        #expect(r.stdout.isEmpty)
    }

    @Test func unterminatedQuoteFailsNamingLine3() throws {
        let r = try run(["validate", Fixture.path("bad/unterminated_quote.csv")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unterminated_quote.csv:3:"))
        #expect(r.stderr.contains("line 3"))
    }

    @Test func validateMergesListsKitaShakyo() throws {
        let r = try run(["validate", Fixture.path("kita_shakyo.csv"), "--merges"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("北区社会福祉協議会 [id: 北区社会福祉協議会]"))
        #expect(r.stdout.contains("北区社協: 社協 = 社会福祉協議会"))
    }

    @Test func statsJSON() throws {
        let r = try run(["stats", Fixture.path("encodings/sjis_japanese_headers.csv"), "--format", "json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["organizations"] as? Int == 7)
        #expect(obj["partnerships"] as? Int == 5)
        #expect(obj["projects"] as? Int == 0)
        #expect(obj["components"] as? Int == 2)
        let kinds = try #require(obj["kinds"] as? [String: Int])
        #expect(kinds["社協"] == 1)
        #expect(kinds["企業"] == 1)
        let relations = try #require(obj["relations"] as? [String: Int])
        #expect(relations["後援"] == 1)
        #expect(relations["相談・支援へのつなぎ"] == 1)
    }

    @Test func statsTableAndCSV() throws {
        let table = try run(["stats", Fixture.path("folders/good")])
        #expect(table.status == 0)
        #expect(table.stdout.contains("種別ごとの団体数"))
        let csv = try run(["stats", Fixture.path("folders/good"), "--format", "csv"])
        #expect(csv.stdout.hasPrefix("section,label,count\n"))
        let bad = try run(["stats", Fixture.path("bad/ragged.csv")])
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
    }

    /// String hashing is seeded per process, so output that followed a dictionary's order would
    /// differ between two runs of the binary while agreeing within one process.
    @Test func twoProcessesWriteTheSameBytes() throws {
        let seed = Fixture.seedDataset
        let commands: [[String]] = [
            ["stats", seed, "--format", "json"],
            ["partners", seed, "--by", "organization", "--format", "json"],
            ["communities", seed, "--runs", "3", "--format", "json"],
            ["brokerage", seed, "--format", "csv"],
            ["projection", seed, "--view", "sectors", "--format", "csv"],
            ["export", seed, "--format", "gexf", "--with-metrics"],
            ["render", seed, "--network", "--format", "dot", "--out", "/dev/stdout", "--color-by", "community"],
        ]
        for c in commands {
            let first = try runRenkei(c), second = try runRenkei(c)
            #expect(first.status == 0, "\(c): \(first.stderr)")
            #expect(!first.output.isEmpty, "\(c)")
            #expect(first.output == second.output, "\(c) differs between two processes")
        }
    }

    /// A result that cannot be written is an error with a message, never a silent success.
    @Test func aFullStandardOutputIsAnError() throws {
        for c in [["stats", Fixture.seedDataset], ["export", Fixture.seedDataset, "--format", "json"]] {
            let r = try runRenkei(c, stdoutPath: "/dev/full")
            #expect(r.status == 1, "\(c)")
            #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(c): \(r.stderr)")
        }
    }
}

