import Testing
@testable import RenkeiCore

@Suite struct VocabularyTests {
    @Test func editDistanceKnownValues() {
        #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(editDistance(Array("会場提供"), Array("会場の提供")) == 1)
        #expect(editDistance(Array(""), Array("abc")) == 3)
    }

    @Test func relationsResolveByIdJapaneseAndEnglish() {
        let v = Vocabulary.standard
        #expect(v.relation(named: "venue")?.japanese == "会場提供")
        #expect(v.relation(named: "後援")?.id == "endorsement")
        #expect(v.relation(named: "Funding and grants")?.id == "funding")
        #expect(v.relation(named: "会場")?.id == "venue")
        #expect(v.relation(named: "会議") == nil)
        #expect(v.suggestRelation(for: "会場提共") == "会場提供")
    }

    @Test func spreadsheetWordingsResolve() {
        let v = Vocabulary.standard
        #expect(v.relation(named: "情報共有")?.id == "information-sharing")
        #expect(v.relation(named: "ケース会議")?.id == "information-sharing")
        #expect(v.relation(named: "チラシ配布")?.id == "publicity")
        #expect(v.relation(named: "名義後援")?.id == "endorsement")
        #expect(v.relation(named: "場所の提供")?.id == "venue")
        #expect(v.relation(named: "助成")?.id == "funding")
        #expect(v.relation(named: "連携") == nil)
        #expect(v.relation(named: "協力") == nil)
        #expect(v.suggestRelation(for: "ケース") == "情報共有・ケース会議")
        // Every wording points at a built-in relation.
        for (_, id) in RelationKind.commonWordings { #expect(v.relation(named: id) != nil) }
    }

    @Test func kindsResolveAndSuggest() {
        let v = Vocabulary.standard
        #expect(v.kind(named: "school")?.id == "学校")
        #expect(v.kind(named: " NPO ")?.id == "NPO")
        #expect(v.kind(named: "学") == nil)
        #expect(v.suggestKind(for: "社強") == "社協")
    }

    @Test func sourceReferenceParsing() {
        #expect(SourceReference(parsing: "report.txt:42") == SourceReference(document: "report.txt", line: 42))
        #expect(SourceReference(parsing: "17", defaultDocument: "r.txt") == SourceReference(document: "r.txt", line: 17))
        #expect(SourceReference(parsing: "  ") == nil)
    }
}
