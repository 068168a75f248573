import Foundation
import Testing
import RenkeiApp
import RenkeiIO

/// `validate --merges` and `validate --format json` on 前株 / 後株 (issue 12). Expected text by hand.
@Suite struct ValidateMergesTests {
    static func sheet(_ text: String) throws -> DatasetInput {
        let dir = try AppFixture.temporaryFolder()
        let path = dir + "/names.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return DatasetInput(path: path)
    }

    static let csv = "source,target,relations\n株式会社テスト,北区社協,後援\nテスト株式会社,北区社会福祉協議会,後援\n"

    @Test func mergesListsMaeKabuAndAtoKabuAsPossibleDuplicates() throws {
        let text = try ValidateRequest(input: Self.sheet(Self.csv), merges: true).run().text
        #expect(text.hasPrefix("OK: names: 3 organisations, 2 partnerships, 0 projects"))
        #expect(text.contains("""
            Possible duplicates, kept apart (1 pair):
              株式会社テスト [id: 株式会社テスト] / テスト株式会社 [id: テスト株式会社]: same name 'テスト' with 株式会社 before it in one (前株) and after it in the other (後株): different legal entities, not merged at names.csv:3

            """))
        #expect(text.contains("  北区社会福祉協議会 [id: 北区社会福祉協議会]\n    北区社協: 社協 = 社会福祉協議会 at names.csv:2\n"))
        // Listed once, beside the merges, not again as a warning line.
        #expect(!text.contains("warning: "))
    }

    @Test func withoutMergesItIsAWarning() throws {
        let text = try ValidateRequest(input: Self.sheet(Self.csv)).run().text
        #expect(text.contains("warning: names.csv:3: field 'source': '株式会社テスト' and 'テスト株式会社' may be the same organisation but are kept apart: same name 'テスト' with 株式会社 before it in one (前株) and after it in the other (後株): different legal entities, not merged\n"))
    }

    @Test func maeYuuAndAtoYuuOnOneRowNameTheTargetColumn() throws {
        let loaded = try Self.sheet("団体名,連携先,連携内容\n有限会社サンプル,サンプル(有),後援\n").load(reportingWarnings: false)
        #expect(loaded.dataset.organizations.map(\.name) == ["有限会社サンプル", "サンプル(有)"])
        #expect(loaded.warnings.map(\.description) == ["names.csv:2: field '連携先': '有限会社サンプル' and 'サンプル(有)' may be the same organisation but are kept apart: same name 'サンプル' with 有限会社 before it in one (前有) and after it in the other (後有): different legal entities, not merged"])
    }

    @Test func jsonNamesBothWithTheKind() throws {
        let (json, valid) = try ValidateRequest(input: Self.sheet(Self.csv)).runJSON()
        #expect(valid)
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(root["organizations"] as? Int == 3)
        let warnings = root["warnings"] as! [[String: Any]]
        let duplicates = warnings.filter { $0["kind"] as? String == "possible_duplicate" }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?["organizations"] as? [String] == ["株式会社テスト", "テスト株式会社"])
        #expect(duplicates.first?["line"] as? Int == 3)
        #expect(duplicates.first?["file"] as? String == "names.csv")
    }

    @Test func namesFromASheetAreKeptAsWritten() throws {
        let input = try Self.sheet("source,target,relations\n北区 社会福祉協議会,株式会社 テスト,後援\n\"say \"\"hi\"\"\",AT&T & co,後援\n")
        let names = try input.load().dataset.organizations.map(\.name)
        #expect(names == ["北区 社会福祉協議会", "株式会社 テスト", "say \"hi\"", "AT&T & co"])
    }

    @Test func aFolderKeepsItsNamesAndWarnsAboutMaeKabu() throws {
        let dir = try AppFixture.temporaryFolder()
        try "id,name\na,株式会社 テスト\nb,テスト株式会社\nc,北区 社会福祉協議会\n".write(toFile: dir + "/organizations.csv", atomically: true, encoding: .utf8)
        try "project,source,target,relations\n,a,b,後援\n,b,c,後援\n".write(toFile: dir + "/partnerships.csv", atomically: true, encoding: .utf8)
        let loaded = try DatasetInput(path: dir).load(reportingWarnings: false)
        #expect(loaded.dataset.organizations.map(\.name) == ["株式会社 テスト", "テスト株式会社", "北区 社会福祉協議会"])
        #expect(loaded.dataset.organizations.map(\.legalForm) == ["株式会社", "株式会社", nil])
        #expect(loaded.possibleDuplicates.map(\.organizations) == [["a", "b"]])
        #expect(loaded.warnings.map(\.kind) == ["possible_duplicate"])
    }
}
