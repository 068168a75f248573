import Testing
@testable import RenkeiCore

@Suite struct DOTWriterTests {
    @Test func quotedEscapesOnlyQuotesAndDangerousBackslashes() {
        #expect(DOTEscaping.quoted("社協") == "\"社協\"")
        #expect(DOTEscaping.quoted("a\"b") == "\"a\\\"b\"")
        #expect(DOTEscaping.quoted("a\\b") == "\"a\\b\"")
        // A trailing backslash would escape the closing quote: doubled.
        #expect(DOTEscaping.quoted("a\\") == "\"a\\\\\"")
        #expect(DOTEscaping.quoted("x\u{0}y") == "\"x\u{2400}y\"")
        #expect(DOTEscaping.canRepresent("a\\\\"))
        #expect(!DOTEscaping.canRepresent("a\\"))
        #expect(!DOTEscaping.canRepresent("\n"))
        #expect(DOTEscaping.canRepresent("a\n"))
        #expect(!DOTEscaping.canRepresent("\"\n\""))
    }

    @Test func labelsEscapeForGraphvizEscString() {
        #expect(DOTEscaping.labelValue("a\\b") == "a\\\\b")
        #expect(DOTEscaping.labelValue("一行目\n二行目") == "一行目\\n二行目")
        #expect(DOTEscaping.labelValue("\\N") == "\\\\N")
        #expect(DOTEscaping.labelValue("a\r\nb\rc") == "a\\nb\\nc")
        #expect(DOTEscaping.displayText("a\tb\u{7F}\u{1B}") == "a\u{2409}b\u{2421}\u{241B}")
        #expect(DOTEscaping.decodeLabelValue("x\\\\y\\nz\\lw\\q") == "x\\y\nz\nwq")
        #expect(DOTEscaping.html("A&B <協働> \"x\" 'y'\nz") == "A&amp;B &lt;協働&gt; &quot;x&quot; &#39;y&#39;<BR/>z")
    }

    @Test func numbersArePlatformIndependent() {
        #expect(DOTEscaping.number(2) == "2")
        #expect(DOTEscaping.number(0.1 + 0.2) == "0.3")
        #expect(DOTEscaping.number(1.23456) == "1.235")
        #expect(DOTEscaping.number(-0.0004) == "0")
        #expect(DOTEscaping.number(-2.5) == "-2.5")
        #expect(DOTEscaping.number(.nan) == "0")
        #expect(DOTEscaping.number(1e20) == "1000000000000")
        #expect(DOTEscaping.number(0.5, digits: 0) == "1")
    }

    @Test func paletteCoversEveryBuiltInDistinctly() {
        let kinds = OrganizationKind.builtIn.map { DiagramPalette.style(of: $0) }
        #expect(Set(OrganizationKind.builtIn.map(\.id)) == Set(DiagramPalette.builtInKinds.keys))
        #expect(Set(kinds.map(\.fill)).count == kinds.count)
        #expect(Set(RelationKind.builtIn.map(\.id)) == Set(DiagramPalette.builtInRelations.keys))
        let relationColors = RelationKind.builtIn.map { DiagramPalette.style(of: $0).color }
        #expect(Set(relationColors).count == relationColors.count)
        // Added kinds: deterministic, from the id alone.
        let a = OrganizationKind(id: "寺社", english: "temple", order: 10)
        let b = OrganizationKind(id: "寺社", english: "shrine", order: 42)
        #expect(DiagramPalette.style(of: a) == DiagramPalette.style(of: b))
        #expect(!DiagramPalette.builtInKinds.values.contains(DiagramPalette.style(of: a)))
        // FNV-1a 64 reference values (draft-eastlake-fnv test vectors).
        #expect(DiagramPalette.fnv1a("") == 0xcbf29ce484222325)
        #expect(DiagramPalette.fnv1a("a") == 0xaf63dc4c8601ec8c)
        #expect(DiagramPalette.fnv1a("foobar") == 0x85944171f73967e8)
    }

    @Test func builderWritesOnlyEscapedValues() {
        var b = DOTBuilder()
        b.open("graph " + DOTEscaping.quoted("g"))
        b.node("a\"b", [("label", .text("x\ny")), ("width", .number(0.5)), ("label2", .html("<B>t</B>"))])
        b.edge("a\"b", "c", [("color", .string("#000000"))])
        b.close()
        #expect(b.text == """
            graph "g" {
              "a\\"b" [label="x\\ny", width=0.5, label2=<<B>t</B>>];
              "a\\"b" -- "c" [color="#000000"];
            }

            """)
    }
}

/// The network overview (issue 13): groups as nodes with their member counts, edges with the
/// number of partnerships between groups, each group's top broker named — all hand-counted.
@Suite struct OverviewDiagramTests {
    static func dataset() -> Dataset {
        let k = OrganizationKind.builtIn
        let orgs = [
            Organization(id: "a", name: "社協A", kind: k[0], municipality: "仙台市"),
            Organization(id: "b", name: "社協B", kind: k[0], municipality: "仙台市"),
            Organization(id: "c", name: "学校C", kind: k[2], municipality: "仙台市"),
            Organization(id: "d", name: "学校D", kind: k[2], municipality: "石巻市"),
            Organization(id: "e", name: "NPO E", kind: k[3], municipality: "石巻市"),
        ]
        let r = [RelationKind.builtIn[0]]
        let pairs = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("d", "e"), ("c", "d")]
        return Dataset(metadata: DatasetMetadata(name: "テスト"), organizations: orgs, projects: [],
                       partnerships: pairs.map { Partnership(project: nil, source: $0.0, target: $0.1, relations: r) })
    }

    @Test func groupsByKindWithCountsAndBrokers() {
        let dot = DiagramWriter(dataset: Self.dataset(), options: DiagramOptions()).overviewDOT(grouping: .kind)
        // Groups by size: 社協 (a, b) 2, 学校 (c, d) 2 — ties by kind order — then NPO (e) 1.
        #expect(dot.contains("\"g0\" [label=\"社協\\n2 団体\\n社協A"))
        #expect(dot.contains("\"g1\" [label=\"学校\\n2 団体\\n学校D"))
        #expect(dot.contains("\"g2\" [label=\"NPO\\n1 団体\\nNPO E"))
        // 社協–学校: a–c, a–d, b–c = 3 partnerships; 学校–NPO: d–e = 1; no 社協–NPO edge.
        #expect(dot.contains("\"g0\" -- \"g1\" [penwidth=6.5"))
        #expect(dot.contains("tooltip=\"社協・学校：3 件\""))
        #expect(dot.contains("tooltip=\"学校・NPO：1 件\""))
        #expect(!dot.contains("\"g0\" -- \"g2\""))
    }

    @Test func groupsByMunicipality() {
        let dot = DiagramWriter(dataset: Self.dataset(), options: DiagramOptions()).overviewDOT(grouping: .municipality)
        #expect(dot.contains("\"g0\" [label=\"仙台市\\n3 団体"))
        #expect(dot.contains("\"g1\" [label=\"石巻市\\n2 団体"))
        // a–d, c–d cross; 仙台市–石巻市 2 partnerships.
        #expect(dot.contains("tooltip=\"仙台市・石巻市：2 件\""))
    }
}
