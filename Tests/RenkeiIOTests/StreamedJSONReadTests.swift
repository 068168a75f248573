import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// Node-link and Cytoscape.js JSON are read with their links (edges) made into rows as the parser
/// meets them. What a reader reports must not depend on that: the first problem is still the one
/// a reader of the whole document meets first (a node's before a link's, an edge element without
/// `data` before a bad record), and a document's other arrays are read as before.
@Suite struct StreamedJSONReadTests {
    func problems(_ json: String, _ format: ExportFormat, file: String = "n.json") -> [String] {
        do {
            _ = try NetworkImport.read(bytes: Array(json.utf8), format: format, file: file)
            return []
        } catch let error as InputError {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func duplicateKeysAreFoundInSmallAndLargeObjects() {
        #expect(problems("{\"nodes\": [],\n \"a\": 1,\n \"a\": 2}", .json)
                == ["n.json:3: duplicate key \"a\" in an object: on line 2 and again on line 3; keep one"])
        // The same key in an inner and an outer object is no duplicate.
        #expect(problems("{\"nodes\": [{\"id\": \"x\", \"graph\": {\"id\": 1}}], \"graph\": {\"nodes\": 2}}", .json) == [])
        // An object of 20 keys: the duplicate is the 19th key, of the 3rd (lines 4 and 20).
        let keys = (0..<18).map { "\"k\($0)\": \($0)" } + ["\"k2\": 99", "\"k19\": 0"]
        #expect(problems("{\"nodes\": [],\n" + keys.joined(separator: ",\n") + "}", .json)
                == ["n.json:20: duplicate key \"k2\" in an object: on line 4 and again on line 20; keep one"])
        // And one past the 16th key, of the 17th (lines 2 + 16 and 2 + 18).
        let late = (0..<18).map { "\"k\($0)\": \($0)" } + ["\"k16\": 1"]
        #expect(problems("{\"nodes\": [],\n" + late.joined(separator: ",\n") + "}", .json)
                == ["n.json:20: duplicate key \"k16\" in an object: on line 18 and again on line 20; keep one"])
    }

    @Test func aNodeProblemComesBeforeAnEarlierLinkProblem() {
        let json = """
        {"links": [
          {"source": "a", "target": "b"},
          {"source": "a"}
        ],
        "nodes": [
          {"id": "a"},
          {"id": "b", "generic": "maybe"}
        ]}
        """
        #expect(problems(json, .json) == ["n.json:7: field 'generic': node b: the value is not a valid boolean"])
        let linkOnly = json.replacingOccurrences(of: "\"maybe\"", with: "true")
        #expect(problems(linkOnly, .json) == ["n.json:3: field 'source': link 2 has no source or target"])
        // A parse error later in the file is still the first problem.
        #expect(problems(linkOnly.replacingOccurrences(of: "\"id\": \"a\"", with: "\"id\": \"a\",,"), .json)
                == ["n.json:6: expected a string key"])
    }

    @Test func linksAreReadAndEdgesIgnoredBesideThem() throws {
        let json = """
        {"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
         "links": [{"source": "a", "target": "b", "weight": 2}, {"source": "b", "target": "c", "key": "k1"}],
         "edges": [{"source": "nowhere"}]}
        """
        let (d, _) = try NetworkImport.read(bytes: Array(json.utf8), format: .json, file: "n.json")
        #expect(d.partnerships.map { "\($0.source)-\($0.target):\($0.weight)" } == ["a-b:2.0", "b-c:1.0"])
        // Without "links", the "edges" are the links.
        let edgesOnly = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": [{\"source\": \"b\", \"target\": \"a\"}]}"
        let (e, _) = try NetworkImport.read(bytes: Array(edgesOnly.utf8), format: .json, file: "n.json")
        #expect(e.partnerships.map { "\($0.source)-\($0.target)" } == ["b-a"])
    }

    @Test func anEdgeWithoutDataComesBeforeAnEarlierBadEdge() throws {
        let json = """
        {"elements": {"nodes": [{"data": {"id": "a"}}, {"data": {"id": "b"}}],
          "edges": [
            {"data": {"id": "x", "source": "a", "target": "b"}},
            {"data": {"id": "y", "source": "a"}},
            {"group": "edges"}
          ]}}
        """
        #expect(problems(json, .cytoscape, file: "g.cyjs") == ["g.cyjs:5: field 'elements': edge 3 has no \"data\" object"])
        let oneBad = json.replacingOccurrences(of: ",\n    {\"group\": \"edges\"}", with: "")
        #expect(problems(oneBad, .cytoscape, file: "g.cyjs") == ["g.cyjs:4: field 'source': link 2 has no source or target"])
        let good = oneBad.replacingOccurrences(of: "\"source\": \"a\"}}", with: "\"source\": \"b\", \"target\": \"a\", \"weight\": 3}}")
        let (d, _) = try NetworkImport.read(bytes: Array(good.utf8), format: .cytoscape, file: "g.cyjs")
        #expect(d.partnerships.map { "\($0.source)-\($0.target):\($0.weight)" } == ["a-b:1.0", "b-a:3.0"])
    }
}
