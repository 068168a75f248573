import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The streamed exporters make text on all cores: what they hand on must be the one-thread loop's
/// text, whatever the number of threads, and a failing write must stop them cleanly.
@Suite struct ParallelTextTests {
    func text(count: Int, threads: Int) -> String {
        var out = ""
        ParallelText.render(count: count, threads: threads, { range, piece in
            for k in range { piece += "<e id=\"\(k)\"/>\n" }
        }, emit: { piece in out += piece })
        return out
    }

    @Test(arguments: [0, 1, ParallelText.run, 3 * ParallelText.run + 17, 21 * ParallelText.run + 5])
    func sameTextOnAnyNumberOfThreads(count: Int) {
        let expected = (0..<count).map { "<e id=\"\($0)\"/>\n" }.joined()
        for threads in [1, 2, 3, 8] {
            #expect(text(count: count, threads: threads) == expected, "\(threads) threads")
        }
    }

    struct Full: Error {}

    @Test func aFailingEmitStopsTheRender() {
        var pieces = 0
        #expect(throws: Full.self) {
            try ParallelText.render(count: 30 * ParallelText.run, threads: 2, { range, piece in
                for k in range { piece += "\(k)\n" }
            }, emit: { piece in
                pieces += 1
                if pieces == 6 { throw Full() }
            })
        }
        // Five pieces went out, the sixth failed, and none was handed on after it.
        #expect(pieces == 6)
    }

    /// The writers' node and edge runs on all cores (under ThreadSanitizer in scripts/test.sh):
    /// 10,000 organisations with positions and 10,000 partnerships read back as written.
    @Test(arguments: [ExportFormat.graphml, .gexf, .json, .cytoscape])
    func parallelRunsOfAWholeExportReadBack(format: ExportFormat) throws {
        let n = 2 * ParallelText.run + 1_808
        let organizations = (0..<n).map { Organization(id: "o\($0)", name: "団体\($0)", kind: OrganizationKind.builtIn[$0 % OrganizationKind.builtIn.count]) }
        let partnerships = (0..<n).map { i in
            Partnership(project: nil, source: "o\(i)", target: "o\((i * 7 + 1) % n)", relations: [], status: .realised,
                        weight: Double(i % 5 + 1), evidence: [SourceReference(document: "a.csv", line: i + 2)])
        }
        let dataset = Dataset(metadata: DatasetMetadata(name: "runs"), vocabulary: .standard, organizations: organizations,
                              projects: [], partnerships: partnerships)
        var points: [String: NodePositions.Point] = [:]
        for i in 0..<n { points["o\(i)"] = NodePositions.Point(x: Double(i), y: Double(-i) / 4) }
        let file = try #require(NetworkExport.render(dataset, format: format, positions: NodePositions(points)).first)
        let (back, _) = try NetworkImport.read(bytes: file.bytes, format: format, file: "x.\(format.rawValue)")
        #expect(back.organizations.map(\.name) == organizations.map(\.name))
        #expect(back.organizations.map(\.kind) == organizations.map(\.kind))
        #expect(back.partnerships.map(\.target) == partnerships.map(\.target))
        #expect(back.partnerships.map(\.weight) == partnerships.map(\.weight))
        #expect(back.partnerships.last?.evidence.first?.line == n + 1)
    }
}
