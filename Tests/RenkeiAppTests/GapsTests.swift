import Foundation
import RenkeiApp
import RenkeiCore
import Testing

/// `gaps` on a hand-built dataset. Partner-kind counts (leads not counted):
/// A {NPO 1, 行政 1}; B {NPO 1, 行政 1, 学校 1 (小学校)}; C {NPO 2}; D {企業 1}.
/// Cosine with A, by hand: B 2/(√2·√3) = 0.816497, C 2/(√2·2) = 0.707107, D 0 (not similar).
@Suite struct GapsTests {
    static func dataset() throws -> String {
        let folder = try AppFixture.temporaryFolder()
        try "name: gaps\n".write(toFile: folder + "/dataset.yaml", atomically: true, encoding: .utf8)
        try """
        id,name,kind,category
        la,あおぞら会,NPO,
        lb,いずみ会,NPO,
        lc,うみ会,NPO,
        ld,えがお会,NPO,
        n1,かえで会,NPO,
        n2,きずな会,NPO,
        n3,くすのき会,NPO,
        n4,けやき会,NPO,
        g1,亘理町,行政,町役場
        g2,山元町,行政,町役場
        s1,逢隈小学校,学校,小学校
        c1,髙橋商店,企業,

        """.write(toFile: folder + "/organizations.csv", atomically: true, encoding: .utf8)
        try "id,title,lead\nA,事業A,la\nB,事業B,lb\nC,事業C,lc\nD,事業D,ld\n"
            .write(toFile: folder + "/projects.csv", atomically: true, encoding: .utf8)
        try """
        project,source,target,relations
        A,la,n1,後援
        A,la,g1,後援
        B,lb,n2,後援
        B,lb,g2,後援
        B,lb,s1,会場提供
        C,lc,n3,後援
        C,lc,n4,後援
        D,ld,c1,後援

        """.write(toFile: folder + "/partnerships.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func similaritiesAndGapsMatchTheHandComputation() throws {
        let folder = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try GapsRequest(input: DatasetInput(path: folder), project: "A").run()
        #expect(r.similar.map(\.project) == ["B", "C"])
        #expect(abs(r.similar[0].similarity - 2 / (2.0.squareRoot() * 3.0.squareRoot())) < 1e-12)
        #expect(abs(r.similar[1].similarity - 2 / (2.0.squareRoot() * 2)) < 1e-12)
        #expect(r.gaps.map { "\($0.type):\($0.value)" } == ["kind:学校", "category:小学校"])
        #expect(r.gaps.allSatisfy { $0.projects.map(\.project) == ["B"] })
        let text = r.rendered(as: .table).split(separator: "\n").map(String.init)
        #expect(text[1].hasPrefix("観点") && text[3].hasPrefix("種別") && text[4].hasPrefix("分類"))
        #expect(r.rendered(as: .csv).contains("\nkind,学校,1,") && !r.rendered(as: .csv).contains("種別"))
        // C has only NPOs, which A has too: no gap from C alone.
        let c = try GapsRequest(input: DatasetInput(path: folder), project: "C").run()
        #expect(c.similar.map(\.project) == ["A", "B"])
        // Kinds first (行政 in A and B, then 学校 in B only), then categories likewise.
        #expect(c.gaps.map(\.value) == ["行政", "学校", "町役場", "小学校"])
        #expect(c.gaps.first { $0.value == "行政" }?.projects.map(\.project) == ["A", "B"])
        #expect(PartnerProfile.cosine(["NPO": 1], ["企業": 1]) == 0)
    }

    @Test func unknownProject() throws {
        let folder = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: RequestError.self) { try GapsRequest(input: DatasetInput(path: folder), project: "Z").run() }
    }
}
