import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The survey sheet of issue 10 (Fixtures/sheets/make_survey.py): CP932, CRLF, Japanese headers,
/// three projects, messy names and the staff's own relation words. Expected values are read off
/// the rows by hand.
@Suite struct SurveySheetTests {
    static let survey = Fixture.path("sheets/survey_cp932.csv")

    @Test func threeProjectsNamedByTheirTitles() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Self.survey)
        let d = loaded.dataset
        #expect(loaded.encodings.first?.encoding == .shiftJIS)
        #expect(d.projects.map(\.id) == ["見守りネットワーク事業", "フードドライブ2023", "子どもの居場所づくり"])
        #expect(d.projects.map(\.lead) == ["松本市社会福祉協議会", "フードバンク信州", "ひだまり"])
        #expect(d.projects.map(\.year) == [2023, 2023, 2024])  // 令和5年度, 2023, R6
        #expect(d.projects[0].prefecture == "長野県")
        #expect(d.projects[0].municipality == "松本市")
        #expect(d.partnerships.count == 14)
        // Rows 4 and 5 leave 事業名 empty: they continue the project above.
        #expect(d.partnerships(ofProject: "見守りネットワーク事業").count == 6)
        #expect(d.partnerships(ofProject: "フードドライブ2023").count == 4)
        #expect(d.partnerships.filter { $0.status == .planned }.count == 4)
        #expect(d.partnerships[2].note == "学生が聞き取り")
        #expect(d.partnerships[0].weight == 2)
    }

    @Test func messyNamesAreOneOrganisation() throws {
        let d = try DatasetLoader.load(path: Self.survey)
        #expect(d.organizations.count == 14)
        // ﾌｰﾄﾞﾊﾞﾝｸ信州, NPO法人フードバンク信州 and 特定非営利活動法人フードバンク信州.
        let fb = try #require(d.organization(id: "フードバンク信州"))
        #expect(fb.kind.id == "NPO")
        // The longest spelling as written is the name (issue 12), composed: 特定非営利活動法人 (9) + フ ー ド バ ン ク 信 州 (8).
        #expect(fb.name == "特定非営利活動法人フードバンク信州")
        #expect(Array(fb.name.unicodeScalars).count == 17)
        #expect(d.organization(id: "コープながの")?.kind.id == "協同組合")  // ｺｰﾌﾟながの too
        #expect(d.organization(id: "蟻ヶ崎町会")?.municipality == nil)
        #expect(d.organization(id: "信州大学教育学部")?.kind.id == "学校")
        #expect(d.organization(id: "保健師山田")?.kind.id == "専門職")
        #expect(d.organization(id: "信州マート")?.kind.id == "企業")  // 種別 企業
    }

    @Test func theirOwnWordsBecomeLocalRelationsWithWarnings() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Self.survey)
        let d = loaded.dataset
        let local = d.vocabulary.relations.dropFirst(RelationKind.builtIn.count).map(\.japanese)
        #expect(local == ["見守り", "調査協力", "ボランティア派遣"])
        let messages = loaded.warnings.map { "\($0.line ?? 0) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("2 new relation '見守り' (lines 2, 3, 13)") })
        #expect(messages.contains { $0.hasPrefix("4 new relation '調査協力' (lines 4, 15)") })
        #expect(messages.contains { $0.hasPrefix("5 new relation 'ボランティア派遣' (lines 5, 10)") })
        #expect(messages.contains { $0.hasPrefix("7 empty relations") })
        #expect(messages.contains { $0.hasPrefix("8 project 'フードドライブ2023' has no lead; 'NPO法人フードバンク信州'") })
        #expect(loaded.warnings.count == 5)
        // 委託 is a commission (資金・助成); 後援・会場提供 is two relations; 情報共有・ケース会議 one;
        // ／ and 、 split.
        #expect(d.partnerships[4].relations.map(\.id) == ["funding"])
        #expect(d.partnerships[6].relations.map(\.id) == ["endorsement", "venue"])
        #expect(d.partnerships[10].relations.map(\.id) == ["information-sharing"])
        #expect(d.partnerships[0].relations.map(\.japanese) == ["食料・物資提供", "見守り"])
        #expect(d.partnerships[11].relations.map(\.japanese) == ["参加者紹介・コーディネート", "見守り"])
    }

    @Test func strictMakesNewWordsErrors() throws {
        let error = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.survey, options: LoadOptions(strict: true))
        }
        #expect(error.problems.count == 7)
        #expect(Set(error.problems.compactMap(\.line)) == [2, 3, 4, 5, 10, 13, 15])
        #expect(error.problems.allSatisfy { $0.field == "連携内容" && $0.message.hasPrefix("unknown relation") })
    }

    @Test func aVocabularyFileAddsSynonymsAndRelations() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("words.yaml")
        try """
        relations:
          - id: volunteers
            label: ボランティア派遣
            english: volunteers
        synonyms:
          見守り: 相談・支援へのつなぎ
          調査協力: information-sharing
        """.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader.loadWithReport(path: Self.survey, options: LoadOptions(vocabularyPath: file.path))
        let d = loaded.dataset
        #expect(d.partnerships[0].relations.map(\.id) == ["food-and-goods", "linkage-to-support"])
        #expect(d.partnerships[3].relations.map(\.id) == ["volunteers"])
        #expect(d.partnerships[2].relations.map(\.id) == ["information-sharing"])
        #expect(!loaded.warnings.contains { $0.message.hasPrefix("new relation") })

        try "synonyms:\n  見守り: watching\n".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.survey, options: LoadOptions(vocabularyPath: file.path))
        }
        #expect(error.problems.map(\.description) == ["words.yaml: field 'synonyms': '見守り' maps to unknown relation 'watching'"])
    }

    @Test func englishHeadersReadTheSame() throws {
        let ja = try DatasetLoader.load(path: Self.survey)
        let en = try DatasetLoader.load(path: Fixture.path("sheets/survey_english.csv"))
        #expect(en.projects == ja.projects.map { var p = $0; p.source = SourceReference(document: "survey_english.csv", line: p.source?.line); return p })
        #expect(en.organizations == ja.organizations)
        #expect(en.partnerships.map(\.relations) == ja.partnerships.map(\.relations))
    }

    @Test func theImportedFolderReadsBackTheSameDataset() throws {
        let ja = try DatasetLoader.load(path: Self.survey)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OutputWriter.write(DatasetFolderWriter.files(ja), into: dir, requireEmpty: true)
        let back = try DatasetLoader.load(path: dir)
        #expect(back.organizations.map(\.id) == ja.organizations.map(\.id))
        #expect(back.organizations.map(\.kind) == ja.organizations.map(\.kind))
        #expect(back.projects.map(\.id) == ja.projects.map(\.id))
        #expect(back.projects.map(\.lead) == ja.projects.map(\.lead))
        #expect(back.projects.map(\.year) == ja.projects.map(\.year))
        #expect(back.partnerships.map(\.relations) == ja.partnerships.map(\.relations))
        #expect(back.partnerships.map(\.status) == ja.partnerships.map(\.status))
        #expect(back.partnerships.map(\.note) == ja.partnerships.map(\.note))
    }

    /// Half-width katakana compose to one code point per kana, as Python's NFKC gives them.
    @Test func halfWidthKatakanaMatchPythonNFKC() throws {
        let lines = String(decoding: try Fixture.bytes("sheets/kana_nfkc.tsv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 8)
        for line in lines {
            let parts = line.split(separator: "\t").map(String.init)
            let normalized = NameNormalizer.normalize(parts[0]).name
            #expect(Array(normalized.unicodeScalars) == Array(parts[1].unicodeScalars), "\(parts[0])")
        }
    }

    @Test func splittingRelationCells() {
        let v = Vocabulary.standard
        #expect(v.splitRelations("後援・会場提供") == ["後援", "会場提供"])
        #expect(v.splitRelations("情報共有・ケース会議") == ["情報共有・ケース会議"])
        #expect(v.splitRelations("見守り・声かけ") == ["見守り・声かけ"])
        #expect(v.splitRelations("情報共有／講師派遣") == ["情報共有", "講師派遣"])
        #expect(v.splitRelations("後援、会場提供，講師派遣/委託；共催") == ["後援", "会場提供", "講師派遣", "委託", "共催"])
        #expect(v.splitRelations("") == [])
    }
}
