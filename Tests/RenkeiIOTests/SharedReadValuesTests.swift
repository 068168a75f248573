import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The GraphML, GEXF and JSON readers share one value between edges whose field has the same text
/// (`RecentValues`, `LinkRows.recent`), and GraphML and GEXF keep an edge's evidence as its text
/// until the table becomes a dataset (`AttributeValue.undividedList`). Sharing must never change a value: runs that change and
/// come back, empty fields, and two texts that Swift's `==` calls equal but whose bytes differ
/// (NFC が U+304C against NFD か U+304B + U+3099) all read back as written.
@Suite struct SharedReadValuesTests {
    static let nfc = "が", nfd = "か\u{3099}"

    static func dataset() -> Dataset {
        let v = Vocabulary.standard
        let orgs = ["a", "b", "c", "d"].map { Organization(id: $0, name: "団体" + $0, kind: v.kind(named: "NPO")!) }
        let endorse = v.relation(named: "後援")!, venue = v.relation(named: "会場提供")!
        let ps = [
            Partnership(project: "P1", source: "a", target: "b", relations: [endorse],
                        evidence: [SourceReference(document: "報告書.pdf", line: 3)]),
            Partnership(project: "P1", source: "a", target: "c", relations: [endorse], status: .planned,
                        evidence: [SourceReference(document: "報告書.pdf", line: 3)]),
            Partnership(project: nfc, source: "b", target: "c", relations: [venue, endorse], direction: .directed),
            // Evidence whose text needs the list's escapes: ';' and '\' in document names.
            Partnership(project: nfd, source: "b", target: "d", relations: [venue, endorse],
                        evidence: [SourceReference(document: "第2版;改訂.pdf", line: 7), SourceReference(document: "a\\b.txt")]),
            Partnership(project: nil, source: "c", target: "d", relations: []),
            Partnership(project: "P1", source: "a", target: "d", relations: [endorse], status: .planned),
        ]
        return Dataset(metadata: DatasetMetadata(name: "共有"), organizations: orgs, projects: [], partnerships: ps)
    }

    /// Each field of each edge as bytes, in edge order.
    func fields(_ table: NetworkTable) -> [[String]] {
        table.edges.map { e in
            [NetworkTable.EdgeSlot.project, NetworkTable.EdgeSlot.relations, NetworkTable.EdgeSlot.labels,
             NetworkTable.EdgeSlot.status, NetworkTable.EdgeSlot.direction].map { slot in
                e.values[slot].map { Array($0.text.utf8).map(String.init).joined(separator: " ") } ?? "-"
            }
        }
    }

    @Test(arguments: [ExportFormat.graphml, .gexf, .json, .cytoscape])
    func sharedValuesReadBackAsWritten(_ format: ExportFormat) throws {
        let d = Self.dataset()
        let bytes = try #require(try NetworkExport.render(d, format: format).first).bytes
        let table = try NetworkImport.table(bytes: bytes, format: format, file: "shared")
        let expected = NetworkTable(dataset: d)
        #expect(table.edges.count == 6)
        #expect(fields(table) == fields(expected))
        // The two spellings of が stay apart, byte for byte.
        let projects = table.edges.map { $0.values[NetworkTable.EdgeSlot.project].map { Array($0.text.utf8) } }
        #expect(projects[2] == Array(Self.nfc.utf8))
        #expect(projects[3] == Array(Self.nfd.utf8))
        #expect(projects[4] == nil)
        // Read on into a dataset: the partnerships are the ones written.
        let back = try table.dataset(file: "shared").dataset
        #expect(back.partnerships.map { $0.relations.map(\.id) } == d.partnerships.map { $0.relations.map(\.id) })
        #expect(back.partnerships.map(\.status) == d.partnerships.map(\.status))
        // The evidence, kept as its undivided text in the table, is split into the same references.
        #expect(back.partnerships.map(\.evidence) == d.partnerships.map(\.evidence))
        #expect(back.partnerships[3].evidence.count == 2)
        #expect(back.partnerships.map(\.direction) == d.partnerships.map(\.direction))
        #expect(back.partnerships.map { $0.project.map { Array($0.utf8) } } == d.partnerships.map { $0.project.map { Array($0.utf8) } })
    }

    @Test func recentValuesComparesBytes() {
        var recent = RecentValues()
        var parsed = 0
        func value(_ text: String, _ slot: Int) -> AttributeValue? {
            recent.value(text, slot: slot) { parsed += 1; return AttributeValue.parse($0, as: .string) }
        }
        #expect(value(Self.nfc, 0) == .string(Self.nfc))
        #expect(value(Self.nfc, 0) == .string(Self.nfc))
        #expect(parsed == 1, "the same bytes are parsed once")
        let decomposed = value(Self.nfd, 0)
        #expect(parsed == 2, "other bytes are parsed again")
        if case .string(let s)? = decomposed { #expect(Array(s.utf8) == Array(Self.nfd.utf8)) } else { Issue.record("not a string") }
        #expect(value("", 1) == .string(""))
        #expect(value("", 1) == .string(""))
        #expect(value(Self.nfc, 1) == .string(Self.nfc))
        #expect(parsed == 4, "each field keeps its own last text")
        // The evidence stays undivided text (split when the dataset is made).
        let evidence = NetworkTable.EdgeSlot.evidence
        #expect(recent.value("a.csv:3;b.csv:4", slot: evidence, as: .list) == .string("a.csv:3;b.csv:4"))
        #expect(recent.value("", slot: evidence, as: .list) == .list([]))
        // JSON values are shared only when byte-identical.
        let project = NetworkTable.EdgeSlot.project
        #expect(recent.shared(.string(Self.nfc), slot: project).isIdentical(to: .string(Self.nfc)))
        #expect(recent.shared(.string(Self.nfd), slot: project).isIdentical(to: .string(Self.nfd)))
        #expect(AttributeValue.string(Self.nfc) == .string(Self.nfd), "Swift's == is canonical equivalence")
        #expect(!AttributeValue.string(Self.nfc).isIdentical(to: .string(Self.nfd)))
        #expect(AttributeValue.list([Self.nfc, "x"]).isIdentical(to: .list([Self.nfc, "x"])))
        #expect(!AttributeValue.double(0).isIdentical(to: .double(-0.0)))
    }
}
