import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// A big graph's content is parsed on two threads (XMLSplit): whether the second half is spliced
/// in or thrown away, the elements, their order and lines, the text and the first error must be
/// those of the one-thread parse.
@Suite struct XMLSplitTests {
    struct Parse: Equatable {
        var taken: [String]   // name, line and text of every element handed to a take
        var kept: [String]    // what the tree keeps under <graph>
        var text: String
        var splitUsed: Bool
    }

    /// Parses `doc` with the elements `<e>` consumed and others kept, on one thread or split.
    func parse(_ doc: String, split: Bool) throws -> Parse {
        // With pieces of 16 bytes, the second half's first line comes from the encoding check's
        // marks; with the default 8 MiB, from a count from the start.
        let a = try parse(doc, split: split, releaseStep: 16), b = try parse(doc, split: split, releaseStep: XMLTree.releaseStep)
        #expect(a == b)
        return a
    }

    func parse(_ doc: String, split: Bool, releaseStep: Int) throws -> Parse {
        let bytes = Array(doc.utf8)
        let first = Box(), second = Box()
        func describe(_ e: XMLTree.Element) -> String { "\(e.name)@\(e.line):\(e.text)" }
        let tree = try bytes.withUnsafeBufferPointer { buffer in
            let s = XMLSplit(depth: 2, name: "graph", startNames: ["e"], second: {
                { element, depth in
                    guard depth == 3, element.name == "e" else { return false }
                    second.items.append(describe(element))
                    return true
                }
            }, release: nil, minimumBytes: split ? 0 : Int.max)
            return try XMLTree(buffer: buffer, file: "t.xml", release: nil, releaseStep: releaseStep, split: s) { element, depth in
                guard depth == 3, element.name == "e" else { return false }
                first.items.append(describe(element))
                return true
            }
        }
        let graph = try #require(tree.root.child("graph"))
        return Parse(taken: first.items + (tree.splitUsed ? second.items : []), kept: graph.children.map(describe),
                     text: graph.text, splitUsed: tree.splitUsed)
    }

    final class Box { var items: [String] = [] }

    func elements(_ range: Range<Int>) -> String {
        range.map { "  <e n=\"\($0)\">団体\($0)</e>\n" }.joined()
    }

    @Test func aPlainGraphIsSplitAndSpliced() throws {
        let doc = "<root>\n<graph>\n" + elements(0..<100) + "  <kept a=\"1\"/>\n  text\n" + elements(100..<200) + "</graph>\n</root>\n"
        let one = try parse(doc, split: false), two = try parse(doc, split: true)
        #expect(two.splitUsed && !one.splitUsed)
        #expect(two == Parse(taken: one.taken, kept: one.kept, text: one.text, splitUsed: true))
        #expect(one.taken.count == 200 && one.taken.last == "e@204:団体199")
        #expect(one.kept == ["kept@103:"])
    }

    /// The middle falls inside a comment that holds `<e …/>`: the first thread passes that point
    /// without arriving at it between two children, so the second half is thrown away.
    @Test func aStartInsideACommentIsAbandoned() throws {
        let comment = "<!-- " + String(repeating: "x", count: 4000) + " <e n=\"fake\">no</e> -->\n"
        let doc = "<root><graph>\n" + elements(0..<10) + comment + elements(10..<20) + "</graph></root>"
        let one = try parse(doc, split: false), two = try parse(doc, split: true)
        #expect(!two.splitUsed)
        #expect(two == one)
        #expect(one.taken.count == 20)
    }

    /// The middle falls inside a deeper element whose children are `<e>`s.
    @Test func aStartInsideADeeperElementIsAbandoned() throws {
        let wrap = "<wrap>" + String(repeating: "y", count: 4000) + elements(0..<5) + "</wrap>\n"
        let doc = "<root><graph>\n" + elements(0..<10) + wrap + elements(10..<20) + "</graph></root>"
        let one = try parse(doc, split: false), two = try parse(doc, split: true)
        #expect(!two.splitUsed)
        #expect(two == one)
        #expect(one.kept.count == 1 && one.kept[0].hasPrefix("wrap@12:"))
    }

    /// An error in the second half is the one-thread parse's error, on the same line; one in the
    /// first half wins over one in the second.
    @Test(arguments: [
        ("  <e n=\"x\">&bogus;</e>\n", 153, "undefined entity &bogus;"),
        ("  <e n=\"x\"></f>\n", 153, "end tag </f> does not match <e>"),
    ])
    func errorsAreTheOneThreadParsesErrors(bad: String, line: Int, message: String) throws {
        let doc = "<root>\n<graph>\n" + elements(0..<150) + bad + elements(150..<200) + "</graph>\n</root>\n"
        for split in [false, true] {
            let e = try #require(throws: InputError.self) { _ = try parse(doc, split: split) }
            #expect(e.problems.map(\.line) == [line], "split \(split)")
            #expect(e.problems.first?.message.contains(message) == true, "split \(split): \(e.problems)")
        }
        let early = "<root>\n<graph>\n" + elements(0..<10) + bad + elements(10..<150) + bad + elements(150..<200) + "</graph>\n</root>\n"
        for split in [false, true] {
            let e = try #require(throws: InputError.self) { _ = try parse(early, split: split) }
            #expect(e.problems.map(\.line) == [13], "split \(split)")
        }
    }

    @Test func anUnclosedGraphFailsAsItDoesOnOneThread() throws {
        let doc = "<root>\n<graph>\n" + elements(0..<200)
        for split in [false, true] {
            let e = try #require(throws: InputError.self) { _ = try parse(doc, split: split) }
            #expect(e.problems.map(\.line) == [203], "split \(split)")
            #expect(e.problems.first?.message == "element <graph> opened on line 2 is never closed")
        }
    }

    /// The table of `doc` read on one thread and on two (`read` gets the bytes and the least
    /// content read on two threads).
    func bothWays(_ doc: String, _ read: (UnsafeBufferPointer<UInt8>, Int) throws -> NetworkTable) throws -> (NetworkTable, NetworkTable) {
        try Array(doc.utf8).withUnsafeBufferPointer { (try read($0, .max), try read($0, 0)) }
    }

    /// GraphML read on two threads is the table read on one: nodes in both halves, edges without
    /// ids (numbered across the halves), undirected flags, keys with defaults.
    @Test func graphMLReadOnTwoThreadsIsTheOneThreadTable() throws {
        var doc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="w" for="edge" attr.name="weight" attr.type="double"><default>2.5</default></key>
          <key id="k" for="node" attr.name="kind" attr.type="string"/>
          <graph edgedefault="directed">

        """
        for i in 0..<300 {
            doc += "    <node id=\"n\(i)\"><data key=\"k\">\(i % 2 == 0 ? "NPO" : "社協")</data></node>\n"
            let id = i % 3 == 0 ? "" : " id=\"x\(i)\""
            let directed = i % 5 == 0 ? " directed=\"false\"" : ""
            doc += "    <edge\(id) source=\"n\(i)\" target=\"n\(max(0, i - 1))\"\(directed)>"
                + (i % 4 == 0 ? "<data key=\"w\">\(i + 1)</data>" : "") + "</edge>\n"
        }
        doc += "  </graph>\n</graphml>\n"
        let (one, two) = try bothWays(doc) { try GraphMLFormat.read(buffer: $0, file: "g.graphml", release: nil, splitMinimum: $1) }
        #expect(GraphMLFormat.write(two) == GraphMLFormat.write(one))
        #expect(two.nodes.count == 300 && two.edges.count == 300)
        #expect(two.edges.map(\.id).prefix(4) == ["e0", "x1", "x2", "e3"])
        #expect(two.edges[297].id == "e297" && two.edges[299].line == 605)
        #expect(two.value("weight", of: two.edges[299])?.text == "2.5")
        #expect(two.value("weight", of: two.edges[296])?.text == "297.0")
        #expect(two.value("direction", of: two.edges[295]) == nil)  // directed="false": mutual
        #expect(two.value("direction", of: two.edges[296])?.text == "directed")
    }

    /// GEXF read on two threads (its `<edges>` split) is the table read on one.
    @Test func gexfReadOnTwoThreadsIsTheOneThreadTable() throws {
        var doc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph defaultedgetype="undirected">
            <attributes class="edge">
              <attribute id="st" title="status" type="string"><default>planned</default></attribute>
            </attributes>
            <nodes>

        """
        for i in 0..<300 { doc += "      <node id=\"n\(i)\" label=\"団体\(i)\"/>\n" }
        doc += "    </nodes>\n    <edges>\n"
        for i in 0..<300 {
            let id = i % 3 == 0 ? "" : " id=\"x\(i)\""
            let type = i % 5 == 0 ? " type=\"directed\"" : ""
            doc += "      <edge\(id) source=\"n\(i)\" target=\"n\(max(0, i - 1))\" weight=\"\(i + 1)\"\(type)>"
                + (i % 4 == 0 ? "<attvalues><attvalue for=\"st\" value=\"realised\"/></attvalues>" : "") + "</edge>\n"
        }
        doc += "    </edges>\n  </graph>\n</gexf>\n"
        let (one, two) = try bothWays(doc) {
            try GEXFFormat.read(buffer: $0, file: "g.gexf", release: nil, releaseStep: 64, splitMinimum: $1)
        }
        #expect(GEXFFormat.write(two) == GEXFFormat.write(one))
        #expect(two.nodes.count == 300 && two.edges.count == 300)
        #expect(two.edges.map(\.id).prefix(4) == ["e0", "x1", "x2", "e3"])
        #expect(two.edges[297].id == "e297" && two.edges[299].line == 609 && one.edges[299].line == 609)
        #expect(two.value("weight", of: two.edges[299])?.text == "300.0")
        #expect(two.value("status", of: two.edges[299])?.text == "planned")
        #expect(two.value("status", of: two.edges[296])?.text == "realised")
        #expect(two.value("direction", of: two.edges[295])?.text == "directed")
        #expect(two.value("direction", of: two.edges[296]) == nil)
    }
}
