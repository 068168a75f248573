import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

@Suite struct EdgeListGraphReaderTests {
    @Test func whitespaceWithWeightsCommentsAndRepeats() throws {
        let g = try EdgeListGraphReader.parse(string: "# comment\nb a 2\n\na\tc\r\nb a 0.5\n% other comment\n",
                                              file: "x.txt")
        #expect(g.labels == ["b", "a", "c"])
        #expect(g.edgeCount == 2)
        #expect(g.weight(NodeIndex(0), NodeIndex(1)) == 2.5)
        #expect(g.weight(NodeIndex(1), NodeIndex(2)) == 1)
        #expect(g.weight(NodeIndex(2), NodeIndex(2)) == nil)
    }

    @Test func csvWithHeaderQuotesAndJapaneseLabels() throws {
        let text = "source,target,weight\n社協,\"NPO法人「こども, みらい」\",3\n\"社協\",市役所,1e1\n"
        let g = try EdgeListGraphReader.parse(string: text, file: "e.csv")
        #expect(g.labels == ["社協", "NPO法人「こども, みらい」", "市役所"])
        #expect(g.weight(NodeIndex(0), NodeIndex(1)) == 3)
        #expect(g.weight(NodeIndex(0), NodeIndex(2)) == 10)
    }

    @Test func decimalWeightsAreCorrectlyRounded() throws {
        let values = ["0.1", "0.3", "123.456", "+2.5", "0.000001", "3.14159265358979", "1.0000000000000002", "7"]
        let text = values.enumerated().map { "n\($0.offset) m\($0.offset) \($0.element)" }.joined(separator: "\n")
        let g = try EdgeListGraphReader.parse(string: text, file: "w.txt")
        for (i, s) in values.enumerated() {
            #expect(g.weight(NodeIndex(2 * i), NodeIndex(2 * i + 1)) == Double(s)!)
        }
    }

    @Test func badLinesNameFileLineAndField() {
        let text = "a b\nc\nd e x\nf g 1 2\n"
        do {
            _ = try EdgeListGraphReader.parse(string: text, file: "bad.txt")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.problems.map(\.line) == [2, 3, 4])
            #expect(error.problems[0].field == "target")
            #expect(error.problems[1].field == "weight")
            #expect(error.problems[1].description.hasPrefix("bad.txt:3: field 'weight': "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// `stats` (DatasetLoader) and `centrality` (EdgeListGraphReader) read the same plain file the
    /// same way: a KONECT `%` header, a trailing `#` comment and an ideographic-space separator.
    /// Expected edges checked by hand: a–b 2, b–北区社協 1, 北区社協–c 3.
    @Test func datasetLoaderAndGraphReaderShareTheSyntax() throws {
        let text = "% sym weighted\n% 3 4 4\na b 2 # strongest\nb\u{3000}北区社協\n北区社協 c 3\n"
        let g = try EdgeListGraphReader.parse(string: text, file: "k.txt")
        #expect(g.labels == ["a", "b", "北区社協", "c"])
        #expect(g.edgeCount == 3)
        #expect(g.weight(NodeIndex(0), NodeIndex(1)) == 2)
        #expect(g.weight(NodeIndex(1), NodeIndex(2)) == 1)
        #expect(g.weight(NodeIndex(2), NodeIndex(3)) == 3)

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-konect-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let d = try DatasetLoader.load(path: url.path)
        #expect(d.organizations.map(\.id) == ["a", "b", "北区社協", "c"])
        #expect(d.partnerships.map { "\($0.source)-\($0.target):\($0.weight)" } == ["a-b:2.0", "b-北区社協:1.0", "北区社協-c:3.0"])
        #expect(d.partnerships.map { $0.evidence.first?.line } == [3, 4, 5])
    }

    @Test func unterminatedQuoteInCSV() {
        #expect(throws: InputError.self) { try EdgeListGraphReader.parse(string: "a,\"b\n", file: "q.csv") }
    }

    @Test func readsFilesAndManyLabels() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-edges-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = ""
        var pairs = Set<[Int]>()
        for i in 0..<5000 {
            let j = (i * 7 + 1) % 5000
            text += "\(i) \(j)\n"
            pairs.insert([min(i, j), max(i, j)])
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let g = try EdgeListGraphReader.read(path: url.path)
        #expect(g.nodeCount == 5000)
        #expect(g.labels[0] == "0" && g.labels[1] == "1")
        #expect(g.node(labelled: "4999") != nil)
        #expect(g.edgeCount == pairs.count)  // (i, j) and (j, i) merge
    }
}
