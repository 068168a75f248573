import Foundation
import Testing

/// `renkei ego` / `renkei path` from the command line: bad input exits non-zero and writes nothing.
@Suite struct QuestionCommandTests {
    let good = Fixture.path("folders/good")

    @Test func unknownOrganisationWritesNothing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ego-\(UUID().uuidString).svg").path
        let r = try runRenkei(["ego", good, "WATALSI", "--out", out])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown organisation 'WATALSI' (did you mean 'WATALIS'?)"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let p = try runRenkei(["path", good, "watalis", "nobody", "--format", "json"])
        #expect(p.status != 0 && p.stdout.isEmpty)
    }

    @Test func egoJSONAndPathJSON() throws {
        let r = try runRenkei(["ego", good, "ワタリス", "--format", "json"])
        #expect(r.status == 0)
        let ego = try JSONSerialization.jsonObject(with: r.output) as! [String: Any]
        #expect((ego["center"] as! [String: Any])["id"] as? String == "watalis")
        #expect((ego["nodes"] as! [[String: Any]]).count == 5)
        let p = try runRenkei(["path", good, "watari-town", "wanzu", "--format", "json"])
        let path = try JSONSerialization.jsonObject(with: p.output) as! [String: Any]
        #expect(path["length"] as? Int == 3)
        let steps = (path["paths"] as! [[[String: Any]]])[0]
        #expect(steps.map { $0["target"] as! String } == ["watalis", "watari-shakyo", "wanzu"])
        #expect(steps[2]["project"] as? String == "p2")
    }

    @Test func diagramNeedsOut() throws {
        let r = try runRenkei(["ego", good, "watalis", "--format", "png"])
        #expect(r.status != 0 && r.output.isEmpty)
    }
}
