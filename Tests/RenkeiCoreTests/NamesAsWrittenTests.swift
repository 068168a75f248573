import Testing
@testable import RenkeiCore

/// Issue 12, "names kept as written": an organisation's name is what the user wrote after NFKC,
/// trimming and collapsing white space runs into one space; matching keys stay normalised; 前株 and
/// 後株 stay two organisations. Expected values are written by hand from the text.
@Suite struct NamesAsWrittenTests {
    @Test(arguments: [
        ("北区 社会福祉協議会", "北区 社会福祉協議会"),
        ("北区\u{3000}社会福祉協議会", "北区 社会福祉協議会"),
        ("  北区   社会福祉協議会\t", "北区 社会福祉協議会"),
        ("say \"hi\"", "say \"hi\""),
        ("AT&T & co", "AT&T & co"),
        ("AT&T  &\n co", "AT&T & co"),
        ("株式会社 テスト", "株式会社 テスト"),
        ("株式会社テスト", "株式会社テスト"),
        ("テスト株式会社", "テスト株式会社"),
        ("ＡＴ＆Ｔ　＆　ｃｏ", "AT&T & co"),
        ("子ども食堂 🍙 にぎり", "子ども食堂 🍙 にぎり"),
        ("末尾\\", "末尾\\"),
    ])
    func writtenKeepsEverySpaceAsOne(raw: String, expected: String) {
        #expect(NameNormalizer.written(raw) == expected)
        #expect(NameNormalizer.normalize(raw).written == expected)
    }

    @Test func matchingKeysStayNormalised() {
        #expect(NameNormalizer.normalize("北区 社会福祉協議会").key == "北区社会福祉協議会")
        #expect(NameNormalizer.normalize("北区社協").key == "北区社会福祉協議会")
        let form = NameNormalizer.normalize("株式会社 テスト")
        #expect(form.key == "テスト")
        #expect(form.legalForm == "株式会社")
        #expect(form.legalFormPosition == .before)
        #expect(NameNormalizer.normalize("テスト株式会社").legalFormPosition == .after)
        #expect(NameNormalizer.normalize("テスト(株)").legalFormPosition == .after)
    }

    @Test(arguments: [
        ("北区 社会福祉協議会", "北区 社会福祉協議会"),
        ("say \"hi\"", "say \"hi\""),
        ("AT&T & co", "AT&T & co"),
        ("株式会社 テスト", "株式会社 テスト"),
    ])
    func anOrganisationIsShownAsWritten(raw: String, expected: String) {
        let r = EntityResolver.resolve([NameMention(text: raw)])
        #expect(r.organizations.count == 1)
        #expect(r.organizations[0].name == expected)
        #expect(r.organizations[0].fullName == expected)
    }

    @Test func theLegalFormStaysInTheName() {
        let o = EntityResolver.resolve([NameMention(text: "株式会社 テスト")]).organizations[0]
        #expect(o.name == "株式会社 テスト")
        #expect(o.legalForm == "株式会社")
        #expect(o.kind.id == "企業")
        // A legal form given apart (organizations.csv's legal_form) is put in front in fullName.
        let apart = Organization(id: "o1", name: "WATALIS", kind: .other, legalForm: "一般社団法人")
        #expect(apart.fullName == "一般社団法人WATALIS")
    }

    @Test func maeKabuAndAtoKabuStayApart() {
        let r = EntityResolver.resolve([
            NameMention(text: "株式会社テスト", location: SourceReference(document: "x.csv", line: 2)),
            NameMention(text: "テスト株式会社", location: SourceReference(document: "x.csv", line: 3)),
        ])
        #expect(r.organizations.map(\.name) == ["株式会社テスト", "テスト株式会社"])
        #expect(r.organizations.map(\.id) == ["株式会社テスト", "テスト株式会社"])
        #expect(r.assignments == [0, 1])
        #expect(r.merges.isEmpty)
        #expect(r.possibleDuplicates.count == 1)
        let d = r.possibleDuplicates[0]
        #expect(d.organizations == ["株式会社テスト", "テスト株式会社"])
        #expect(d.names == ["株式会社テスト", "テスト株式会社"])
        #expect(d.reason == "same name 'テスト' with 株式会社 before it in one (前株) and after it in the other (後株): different legal entities, not merged")
        #expect(d.location == SourceReference(document: "x.csv", line: 3))
    }

    @Test func maeYuuAndAtoYuuStayApart() {
        let r = EntityResolver.resolve([NameMention(text: "有限会社テスト"), NameMention(text: "テスト(有)")])
        #expect(r.organizations.count == 2)
        #expect(r.possibleDuplicates.first?.reason.contains("(前有)") == true)
        #expect(r.possibleDuplicates.first?.reason.contains("(後有)") == true)
    }

    @Test func differentLegalFormsStayApart() {
        let r = EntityResolver.resolve([NameMention(text: "株式会社テスト"), NameMention(text: "有限会社テスト")])
        #expect(r.organizations.count == 2)
        #expect(r.possibleDuplicates.count == 1)
    }

    @Test func abbreviationsOfOneFormInOnePlaceStillMerge() {
        let npo = EntityResolver.resolve([NameMention(text: "NPO法人わんず"), NameMention(text: "特定非営利活動法人わんず"),
                                          NameMention(text: "(特非)わんず")])
        #expect(npo.organizations.count == 1)
        #expect(npo.possibleDuplicates.isEmpty)
        // The longest spelling becomes the name.
        #expect(npo.organizations[0].name == "特定非営利活動法人わんず")
        #expect(Set(npo.organizations[0].aliases) == ["NPO法人わんず", "(特非)わんず"])
        let kabu = EntityResolver.resolve([NameMention(text: "(株)テスト"), NameMention(text: "株式会社 テスト")])
        #expect(kabu.organizations.count == 1)
        #expect(kabu.organizations[0].name == "株式会社 テスト")
        // A bare name beside one legal form is merged with it.
        let bare = EntityResolver.resolve([NameMention(text: "テスト"), NameMention(text: "株式会社テスト")])
        #expect(bare.organizations.count == 1)
        #expect(bare.organizations[0].name == "株式会社テスト")
    }

    @Test func aBareNameBesideBothPositionsIsKeptApartToo() {
        let r = EntityResolver.resolve([NameMention(text: "株式会社テスト"), NameMention(text: "テスト"),
                                        NameMention(text: "テスト株式会社")])
        #expect(r.organizations.count == 3)
        #expect(r.possibleDuplicates.count == 3)
        #expect(Set(r.organizations.map(\.id)).count == 3)
    }

    @Test func theSpaceBesideCJKIsKeptButStillMerges() {
        let r = EntityResolver.resolve([NameMention(text: "北区 社会福祉協議会"), NameMention(text: "北区社協")])
        #expect(r.organizations.count == 1)
        #expect(r.organizations[0].name == "北区 社会福祉協議会")
        #expect(r.organizations[0].aliases == ["北区社協"])
    }

    @Test func theNameChoiceIsTheLongestThenTheFirst() {
        // Equal lengths (white space not counted): the first as written wins, in either order.
        let a = EntityResolver.resolve([NameMention(text: "北区社会福祉協議会"), NameMention(text: "北区 社会福祉協議会")])
        #expect(a.organizations[0].name == "北区社会福祉協議会")
        let b = EntityResolver.resolve([NameMention(text: "北区 社会福祉協議会"), NameMention(text: "北区社会福祉協議会")])
        #expect(b.organizations[0].name == "北区 社会福祉協議会")
        // A context-completed bare 社協 gives way to a spelling written out.
        let c = EntityResolver.resolve([
            NameMention(text: "社協", project: "p1", prefecture: "福井県", municipality: "坂井市"),
            NameMention(text: "坂井市社協", project: "p2"),
        ])
        #expect(c.organizations.count == 1)
        #expect(c.organizations[0].name == "坂井市社協")
    }
}
