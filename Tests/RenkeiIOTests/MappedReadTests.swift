import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// GraphML and GEXF files are read in place from a mapping whose pages are given back as the
/// parser passes them (issue 13: a 398 MB GraphML file read back in 783 MB instead of 960 MB).
/// These tests run the parser with a release step of a few bytes, so that every boundary case
/// (a character cut by a piece's end, a page given back and read again) happens in a small file.
@Suite struct MappedReadTests {
    /// A temporary file holding `bytes`, removed by the caller.
    static func file(_ bytes: [UInt8], ext: String) throws -> String {
        let path = NSTemporaryDirectory() + "renkei-mapped-\(UUID().uuidString).\(ext)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Text of three-byte characters, so that pieces of 16 bytes cut characters in two.
    @Test func encodingCheckedAcrossPieces() throws {
        let text = String(repeating: "連携図と団体", count: 40)
        let doc = Array("<root><a>\(text)</a><a>x</a></root>".utf8)
        var released: [Int] = []
        var taken: [String] = []
        let tree = try doc.withUnsafeBufferPointer { buffer in
            try XMLTree(buffer: buffer, file: "t.xml", release: { released.append($0) }, releaseStep: 16) { element, _ in
                taken.append(element.text)
                return true
            }
        }
        #expect(taken == [text, "x"])
        #expect(tree.root.children.isEmpty)
        // The encoding pass goes up to the end in rising offsets, then the parse starts again low.
        let restart = try #require(released.indices.dropFirst().first { released[$0] < released[$0 - 1] })
        #expect(released[restart - 1] == doc.count)
        #expect(Array(released[..<restart]) == released[..<restart].sorted())
        // The parse gives back at the end of the first element taken past the first step.
        #expect(released[restart] == "<root><a>\(text)</a>".utf8.count)
    }

    /// A bad byte after the first piece is reported on its own line, as the whole-file check did.
    @Test func badByteAfterTheFirstPiece() throws {
        var doc = Array("<root>\n<a>\(String(repeating: "団体", count: 20))</a>\n<b>".utf8)
        doc += [0xFF]
        doc += Array("</b>\n</root>".utf8)
        let error = try doc.withUnsafeBufferPointer { buffer in
            try #require(throws: InputError.self) {
                _ = try XMLTree(buffer: buffer, file: "t.xml", release: nil, releaseStep: 16) { _, _ in false }
            }
        }
        #expect(error.problems.map(\.line) == [3])
        #expect(error.problems.first?.message == "the file is not valid UTF-8")
    }

    /// A page given back is read again from the file; empty files and folders are handled.
    @Test func mappedFileGivesPagesBack() throws {
        let bytes = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = try Self.file(bytes, ext: "bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try #require(MappedFile(path: path))
        #expect(mapped.withBytes { Array($0) } == bytes)
        mapped.release(below: 12_000)
        mapped.release(below: 4_096)  // a new pass
        mapped.release(below: bytes.count)
        #expect(mapped.withBytes { Array($0) } == bytes)

        let empty = try Self.file([], ext: "bin")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try #require(MappedFile(path: empty)).withBytes { $0.count } == 0)
        #expect(MappedFile(path: NSTemporaryDirectory()) == nil)
        #expect(MappedFile(path: NSTemporaryDirectory() + "renkei-no-such-file") == nil)
    }

    /// The mapped reader with a 64-byte step reads what the in-memory reader reads: the awkward
    /// sample (Japanese, markup, `;` in a list item, parallel and directed partnerships) grown to
    /// a few hundred partnerships, in GraphML, GEXF and both JSON formats.
    @Test(arguments: [ExportFormat.graphml, .gexf, .json, .cytoscape])
    func mappedEqualsInMemory(format: ExportFormat) throws {
        var dataset = sampleDataset()
        let base = dataset.partnerships
        for i in 0..<60 {
            for var p in base {
                p.weight = Double(i + 1)
                dataset.partnerships.append(p)
            }
        }
        let bytes = try NetworkExport.render(dataset, format: format, metrics: sampleMetrics())[0].bytes
        let path = try Self.file(bytes, ext: format.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try NetworkImport.table(path: path, format: format, releaseStep: 64).dataset(file: path)
        let inMemory = try NetworkImport.table(bytes: bytes, format: format, file: path).dataset(file: path)
        #expect(mapped.dataset.partnerships.count == 305)
        #expect(mapped.dataset.partnerships.last?.weight == 60)
        #expect(mapped.dataset.organization(id: "school")?.name == "地域の\"小学校\" & <分校>")
        #expect(mapped.dataset.organization(id: "watari-shakyo")?.aliases == ["亘理社協", "わたり;社協"])
        #expect(mapped.metrics?.values["npo-a"]?["betweenness"] == 0.6666666666666666)
        let again = { (d: Dataset, m: NodeMetrics?) in try NetworkExport.render(d, format: format, metrics: m)[0].bytes }
        #expect(try again(mapped.dataset, mapped.metrics) == again(inMemory.dataset, inMemory.metrics))
        #expect(try again(mapped.dataset, mapped.metrics) == bytes)
    }

    /// The JSON parser tells where it has passed only after a links (or edges) element it handed
    /// on, at least a step after it last told, in rising offsets that end such an element; an
    /// element it keeps (a node) is never passed over this way.
    @Test func jsonPassesOnlyTheLinksItHandedOn() throws {
        let link = #"{"source": "団体a", "target": "団体b", "note": "二行\n"}"#
        let doc = #"{"nodes": [{"id": "団体a"}, {"id": "団体b"}], "links": ["# + Array(repeating: link, count: 12).joined(separator: ", ") + "]}"
        let bytes = Array(doc.utf8)
        var passed: [Int] = []
        var taken = 0
        let (value, lines) = try bytes.withUnsafeBufferPointer { buffer in
            try JSONValue.parseWithElementLines(buffer: buffer, file: "t.json", passed: { passed.append($0) }, passedStep: 100) { key, _, _ in
                guard key == "links" else { return false }
                taken += 1
                return true
            }
        }
        #expect(taken == 12)
        #expect(value["nodes"]?.arrayValue?.count == 2 && lines["nodes"] == [1, 1])
        let linksStart = doc.utf8.count - 1 - Array(repeating: link, count: 12).joined(separator: ", ").utf8.count - 1
        let ends = (1...12).map { linksStart + $0 * link.utf8.count + ($0 - 1) * 2 }
        #expect(!passed.isEmpty && passed.allSatisfy { ends.contains($0) })
        #expect(zip(passed, passed.dropFirst()).allSatisfy { $1 - $0 >= 100 })
        #expect(passed[0] >= 100 && passed[0] - 100 < link.utf8.count + 2)
    }

    /// A repeated attribute is refused whether the element has a few attributes (scanned) or many
    /// (a set from the ninth on), wherever the repeat is; distinct ones are all kept.
    @Test(arguments: [2, 7, 8, 9, 40])
    func repeatedAttribute(count: Int) throws {
        let names = (0..<count).map { "a\($0)" }
        let fine = try XMLTree(string: "<r " + names.map { "\($0)=\"v\"" }.joined(separator: " ") + "/>", file: "t.xml")
        #expect(fine.root.attributes.map(\.name) == names)
        for repeated in [0, count - 1] {
            let doc = "<r " + (names + [names[repeated]]).map { "\($0)=\"v\"" }.joined(separator: " ") + "/>"
            let error = try #require(throws: InputError.self) { _ = try XMLTree(string: doc, file: "t.xml") }
            #expect(error.problems.first?.message == "attribute \(names[repeated]) appears twice in <r>")
        }
    }

    /// A list cell without `;` or `\` is its one item; with them it is split and unescaped.
    @Test func listCells() {
        #expect(ListCodec.split("") == [])
        #expect(ListCodec.split("情報共有") == ["情報共有"])
        #expect(ListCodec.split("後援;会場提供") == ["後援", "会場提供"])
        #expect(ListCodec.split("わたり\\;社協") == ["わたり;社協"])
        #expect(ListCodec.split("a;") == ["a", ""])
        #expect(ListCodec.split("末尾\\") == ["末尾\\"])
    }
}
