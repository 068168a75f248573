import Foundation
import Testing
import RenkeiApp
import RenkeiIO

/// `export --layout`: the network diagram's Graphviz positions, mapped back to organisations and
/// turned to y down.
@Suite struct ExportLayoutTests {
    /// A chain a – b – c as a plain edge list.
    func chain() throws -> DatasetInput {
        let file = try AppFixture.temporaryFolder() + "/chain.txt"
        try "a b\nb c\n".write(toFile: file, atomically: true, encoding: .utf8)
        return DatasetInput(path: file)
    }

    func nodeLink(_ result: ExportResult) throws -> [String: (x: Double, y: Double)] {
        let doc = try JSONValue.parse(String(decoding: result.bytes, as: UTF8.self), file: "t.json")
        var out: [String: (x: Double, y: Double)] = [:]
        for n in doc["nodes"]?.arrayValue ?? [] {
            if let id = n["id"]?.stringValue, let x = n["x"]?.doubleValue, let y = n["y"]?.doubleValue { out[id] = (x, y) }
        }
        return out
    }

    /// dot ranks an undirected edge's first end above its second, so the chain stands on one
    /// vertical line with a on top: in screen coordinates (y down) a has the smallest y.
    @Test func dotEngineRanksTheChainTopDownOnScreen() throws {
        var request = ExportRequest(input: try chain(), format: .json)
        (request.layout, request.engine) = (true, "dot")
        let p = try nodeLink(try request.run())
        #expect(Set(p.keys) == ["a", "b", "c"])
        let a = try #require(p["a"]), b = try #require(p["b"]), c = try #require(p["c"])
        #expect(a.y < b.y && b.y < c.y)
        #expect(a.x == b.x && b.x == c.x)
        #expect([a.x, a.y, b.y, c.y].allSatisfy { $0 >= 0 })
    }

    @Test func sameSeedSameBytesAndGEXFHasYUp() throws {
        var request = ExportRequest(input: AppFixture.good, format: .json, seed: 5)
        request.layout = true
        let first = try request.run()
        #expect(try request.run().bytes == first.bytes)
        let positions = try nodeLink(first)
        #expect(!positions.isEmpty)
        request.format = .gexf
        let gexf = String(decoding: try request.run().bytes, as: UTF8.self)
        for (id, p) in positions {
            let node = try #require(gexf.range(of: "<node id=\"\(id)\""))
            let rest = gexf[node.upperBound...]
            let end = try #require(rest.range(of: "</node>"))
            #expect(rest[..<end.lowerBound].contains("<viz:position x=\"\(JSONValue.format(p.x))\" y=\"\(JSONValue.format(-p.y))\" z=\"0.0\"/>"), "\(id)")
        }
    }

    @Test func optionsThatDoNotFitAreRefused() throws {
        var request = ExportRequest(input: AppFixture.good, format: .json)
        request.engine = "neato"
        #expect(throws: RequestError.self) { try request.run() }
        request.layout = true
        request.format = .pajek
        #expect(throws: RequestError.self) { try request.run() }
    }
}
