import Testing
@testable import RenkeiCore

@Suite struct EntityResolverTests {
    @Test func threeSpellingsOfKitaShakyoAreOneOrganisation() {
        let r = EntityResolver.resolve([
            NameMention(text: "北区社協"),
            NameMention(text: "北区社会福祉協議会"),
            NameMention(text: "東京都北区社会福祉協議会"),
        ])
        #expect(r.organizations.count == 1)
        #expect(r.assignments == [0, 0, 0])
        let o = r.organizations[0]
        #expect(o.kind.id == "社協")
        #expect(o.municipality == "北区")
        #expect(o.prefecture == "東京都")
        // The longest spelling as written is the name (issue 12); the id stays the normalised name.
        #expect(o.name == "東京都北区社会福祉協議会")
        #expect(o.id == "北区社会福祉協議会")
        #expect(Set(o.aliases) == ["北区社協", "北区社会福祉協議会"])
        #expect(r.merges.count == 3)
        #expect(r.merges.first { $0.spelling == "北区社協" }?.reasons == ["社協 = 社会福祉協議会"])
    }

    @Test func differentPrefecturesAreNotMerged() {
        let r = EntityResolver.resolve([
            NameMention(text: "東京都北区社会福祉協議会"),
            NameMention(text: "大阪府北区社会福祉協議会"),
        ])
        #expect(r.organizations.count == 2)
        #expect(Set(r.organizations.map(\.id)) == ["東京都北区社会福祉協議会", "大阪府北区社会福祉協議会"])
    }

    @Test func genericPartnersStayInTheirProject() {
        let r = EntityResolver.resolve([
            NameMention(text: "地域の保育園", project: "p1"),
            NameMention(text: "地域の保育園", project: "p2"),
            NameMention(text: "地域の保育園", project: "p1"),
            NameMention(text: "民生委員", project: "p1"),
            NameMention(text: "民生委員", project: "p2"),
            NameMention(text: "WATALIS", project: "p1"),
            NameMention(text: "一般社団法人 WATALIS", project: "p2"),
        ])
        #expect(r.organizations.count == 5)
        #expect(r.assignments[0] == r.assignments[2])
        #expect(r.assignments[0] != r.assignments[1])
        #expect(r.assignments[3] != r.assignments[4])
        #expect(r.assignments[5] == r.assignments[6])
        #expect(r.organizations[r.assignments[1]].id == "地域の保育園@p2")
        #expect(r.organizations[r.assignments[5]].legalForm == "一般社団法人")
        #expect(Set(r.organizations.map(\.id)).count == r.organizations.count)
    }

    /// An id already taken gets `#2`, `#3`, … in order of first mention: here a partner literally
    /// written 「地域の保育園@p1」 meets the id the generic 地域の保育園 of project p1 was given.
    @Test func takenIdsGetANumber() {
        let written = [("地域の保育園", "p1"), ("地域の保育園", "p2"), ("地域の保育園@p1", "p3"), ("地域の保育園", "p4")]
        let r = EntityResolver.resolve(written.map { NameMention(text: $0.0, project: $0.1) })
        #expect(r.organizations.map(\.id) == ["地域の保育園@p1", "地域の保育園@p2", "地域の保育園@p1#2", "地域の保育園@p4"])
        #expect(r.assignments == [0, 1, 2, 3])
    }

    @Test func bareShakyoTakesTheContextMunicipality() {
        let r = EntityResolver.resolve([
            NameMention(text: "社協", project: "p1", prefecture: "福井県", municipality: "坂井市"),
            NameMention(text: "坂井市社会福祉協議会", project: "p2"),
        ])
        #expect(r.organizations.count == 1)
        #expect(r.organizations[0].generic == false)
        #expect(r.organizations[0].prefecture == "福井県")
    }
}
