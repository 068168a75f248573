import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiIO

/// Every reader is linear in its input: each is fed 1×, 10× and 100× a base input and the time
/// must grow no faster than linearly, with generous margins (a quadratic reader grows 100× per
/// step; the check allows 40× from 10× to 100×, where fixed costs no longer hide the growth).
/// Benchmark-style: the figures (CPU seconds of the reading thread) are printed, the best of three
/// runs is used, and no absolute time is asserted.
@Suite(.serialized) struct ReaderScalingTests {
    /// CPU seconds of the calling thread: other suites and other processes sharing the cores do
    /// not count, as they would in wall time (the readers timed here run on the calling thread).
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            try body()
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    /// Times `read` on `make(base)`, `make(10 × base)`, `make(100 × base)` and checks the growth.
    func checkLinear(_ name: String, base: Int, make: (Int) -> [UInt8], read: ([UInt8]) throws -> Void) throws {
        var times: [Double] = []
        for factor in [1, 10, 100] {
            let input = make(base * factor)
            times.append(try Self.seconds { try read(input) })
        }
        let floor = 1e-4  // below 0.1 ms the clock, not the reader, dominates
        let step1 = times[1] / max(times[0], floor), step2 = times[2] / max(times[1], floor)
        print("scaling \(name): 1× \(String(format: "%.4f", times[0])) s, 10× \(String(format: "%.4f", times[1])) s, 100× \(String(format: "%.4f", times[2])) s (steps \(String(format: "%.1f", step1))×, \(String(format: "%.1f", step2))×)")
        #expect(step2 < 40, "\(name): 10× → 100× input took \(step2)× the time (linear is 10×)")
    }

    @Test func csvReader() throws {
        try checkLinear("CSV", base: 1000, make: { n in
            var s = "id,name,kind\n"
            for i in 0..<n { s += "o\(i),\"北区, \"\"団体\"\" \(i)\",NPO\n" }
            return Array(s.utf8)
        }, read: { bytes in
            var problems: [InputProblem] = []
            _ = CSVTable.parse(bytes: bytes, file: "s.csv", problems: &problems)
            #expect(problems.isEmpty)
        })
    }

    @Test func jsonReader() throws {
        try checkLinear("node-link JSON", base: 100, make: { n in
            var s = "{\"directed\": false, \"multigraph\": true, \"graph\": {}, \"nodes\": ["
            s += (0..<n).map { "{\"id\": \"n\($0)\", \"name\": \"団体 \($0)\"}" }.joined(separator: ",")
            s += "], \"links\": ["
            s += (1..<n).map { "{\"source\": \"n\($0 - 1)\", \"target\": \"n\($0)\", \"weight\": 1.5}" }.joined(separator: ",")
            return Array((s + "]}").utf8)
        }, read: { bytes in _ = try NetworkImport.read(bytes: bytes, format: .json, file: "s.json") })
    }

    @Test func graphMLReader() throws {
        try checkLinear("GraphML", base: 100, make: { n in
            var s = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/><graph edgedefault=\"undirected\">"
            for i in 0..<n { s += "<node id=\"n\(i)\"><data key=\"name\">団体 &amp; \(i)</data></node>" }
            for i in 1..<n { s += "<edge source=\"n\(i - 1)\" target=\"n\(i)\"/>" }
            return Array((s + "</graph></graphml>").utf8)
        }, read: { bytes in _ = try NetworkImport.read(bytes: bytes, format: .graphml, file: "s.graphml") })
    }

    @Test func xmlAttributes() throws {
        try checkLinear("XML attributes of one element", base: 50, make: { n in
            // 20 elements of n attributes each, so that even 1× takes long enough to time.
            let attrs = (0..<n).map { "a\($0)=\"v\($0)\"" }.joined(separator: " ")
            return Array(("<root>" + String(repeating: "<e \(attrs)/>", count: 20) + "</root>").utf8)
        }, read: { bytes in _ = try XMLTree(bytes: bytes, file: "a.xml") })
    }

    @Test func datasetYAMLKinds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-scaling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("dataset.yaml").path
        try checkLinear("dataset.yaml kinds", base: 100, make: { n in
            Array(("name: many\nkinds:\n" + (0..<n).map { "  - id: 種別\($0)\n    english: kind \($0)\n" }.joined()).utf8)
        }, read: { bytes in
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            var metadata = DatasetMetadata(name: "x"), vocabulary = Vocabulary.standard
            var problems: [InputProblem] = []
            FolderDatasetLoader.readMetadata(path: path, metadata: &metadata, vocabulary: &vocabulary, problems: &problems)
            #expect(problems.isEmpty)
        })
    }

    @Test func gexfReader() throws {
        try checkLinear("GEXF", base: 100, make: { n in
            var s = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph defaultedgetype=\"undirected\"><nodes>"
            for i in 0..<n { s += "<node id=\"n\(i)\" label=\"団体 &amp; \(i)\"/>" }
            s += "</nodes><edges>"
            for i in 1..<n { s += "<edge id=\"e\(i)\" source=\"n\(i - 1)\" target=\"n\(i)\"/>" }
            return Array((s + "</edges></graph></gexf>").utf8)
        }, read: { bytes in _ = try NetworkImport.read(bytes: bytes, format: .gexf, file: "s.gexf") })
    }

    @Test func xlsxReader() throws {
        try checkLinear("xlsx", base: 200, make: { n in
            let rows: [[XLSXCell]] = (0..<n).map { [.text("団体\($0)"), .text("連携先\($0 % 97)"), .text("後援"), .number(Double($0 % 5 + 1))] }
            return XLSXWriter.workbook([XLSXSheet(name: "連携", columns: ["団体名", "連携先", "連携内容", "重み"], rows: rows)])
        }, read: { bytes in
            let book = try XLSXWorkbook(bytes: bytes, file: "s.xlsx")
            #expect(book.sheets.first?.rows.count ?? 0 > 1)
        })
    }

    @Test func plainEdgeListReader() throws {
        try checkLinear("plain edge list", base: 500, make: { n in
            Array((0..<n).map { "v\($0) v\($0 + 1) 1.5\n" }.joined().utf8)
        }, read: { bytes in _ = try bytes.withUnsafeBufferPointer { try EdgeListGraphReader.parse($0, file: "e.txt") } })
    }
}
