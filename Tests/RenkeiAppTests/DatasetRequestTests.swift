import Foundation
import Synchronization
import Testing
import RenkeiApp
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// Validate, stats, generate, render and export requests, in-process.
@Suite struct DatasetRequestTests {
    @Test func validateReportsEveryProblemOrOK() throws {
        let ok = try ValidateRequest(input: AppFixture.good, merges: true).run()
        #expect(ok.text.hasPrefix("OK: テストデータ: 7 organisations, 5 partnerships, 2 projects"))
        #expect(ok.text.contains("ワタリス: alias listed in organizations.csv"))
        let error = #expect(throws: InputError.self) { try ValidateRequest(input: AppFixture.bad).run() }
        #expect(error?.problems.count == 17)  // empty relations are a warning since issue 10
    }

    @Test func statsCountTheFixture() throws {
        let stats = try StatsRequest(input: AppFixture.good).run()
        let json = stats.rendered(as: .json)
        #expect(json.contains("\"organizations\": 7") || json.contains("\"organizations\":7"))
        #expect(json.contains("\"projects\": 2") || json.contains("\"projects\":2"))
    }

    @Test func generateMakesTheRequestedSizeAndFolderFiles() throws {
        let generated = try GenerateRequest(organizations: 100, seed: 3, edgeList: true).run()
        #expect(generated.dataset.organizations.count == 100)
        #expect(generated.folderFiles.map(\.name) == ["dataset.yaml", "organizations.csv", "projects.csv", "partnerships.csv"])
        let pairs = Set(generated.dataset.partnerships.map { [$0.source, $0.target].sorted().joined(separator: "|") })
        #expect(generated.edgeList?.split(separator: "\n").count == pairs.count)
        #expect(throws: RequestError.self) { try GenerateRequest(organizations: 5).run() }
    }

    @Test func renderOneProjectReturnsItsBytes() throws {
        let set = try RenderRequest(input: AppFixture.good, target: .project("p1"), outputPath: "x.svg").run()
        #expect(set.files.map(\.name) == ["project-p1.svg"])
        let svg = String(decoding: set.files[0].bytes, as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains("WATALIS"))
        #expect(set.warnings.isEmpty, "\(set.warnings)")
        let dot = try RenderRequest(input: AppFixture.good, target: .network, outputPath: "net.dot").run()
        #expect(String(decoding: dot.files[0].bytes, as: UTF8.self).hasPrefix("graph"))
    }

    /// A big network says so before it is drawn: the note arrives through `onNote` ahead of the
    /// first progress step (issue 12, `render --network` on huge inputs).
    @Test func renderAnnouncesAnOverviewBeforeDrawing() throws {
        let dir = try AppFixture.temporaryFolder()
        var csv = "source,target,relations\n"
        for i in 1..<450 { csv += "団体\(i),団体\(i + 1),後援\n" }  // a chain: 450 organisations
        try csv.write(toFile: dir + "/chain.csv", atomically: true, encoding: .utf8)
        let events = Mutex<[String]>([])
        var request = RenderRequest(input: DatasetInput(path: dir + "/chain.csv"), target: .network, outputPath: "n.dot",
                                    progress: { done, total in events.withLock { $0.append("progress \(done)/\(total)") } })
        request.onNote = { note in events.withLock { $0.append(note) } }
        let set = try request.run()
        let note = "the network has 450 organisations (more than 400); drawing an overview by community instead of every organisation"
        #expect(events.withLock { $0 } == [note, "progress 1/2", "progress 2/2"])
        #expect(set.notes == [note])
    }

    @Test func renderAllOfALargeDatasetIsAnnouncedAndTheOverviewIsNot() throws {
        let dir = try AppFixture.temporaryFolder()
        var csv = "source,target\n"
        for i in 1...10_000 { csv += "団体\(i),団体\(i + 1)\n" }  // 10,000 partnerships, 10,001 organisations
        try csv.write(toFile: dir + "/chain.csv", atomically: true, encoding: .utf8)
        let input = DatasetInput(path: dir + "/chain.csv")
        let all = try RenderRequest(input: input, target: .all, format: .dot).run()
        #expect(all.notes.contains("10000 partnerships in 2 diagrams: drawing can take a minute or more"))
        let network = try RenderRequest(input: input, target: .network, outputPath: "n.dot").run()
        #expect(network.notes.allSatisfy { !$0.contains("minute") })
        #expect(network.notes.first?.hasPrefix("the network has 10001 organisations") == true)
    }

    @Test func renderAllNamesEveryFile() throws {
        let set = try RenderRequest(input: AppFixture.good, target: .all, format: .dot).run()
        #expect(set.diagramCount == 4)
        #expect(set.files.map(\.name) == ["project-p1.dot", "project-p2.dot", "network.dot", "sectors.dot"])
        let defaults = try RenderRequest(input: AppFixture.good, target: .all).run()
        #expect(defaults.files.map(\.name) == ["project-p1.dot", "project-p1.svg", "project-p2.dot", "project-p2.svg",
                                               "network.dot", "network.svg", "network.png", "sectors.dot", "sectors.svg"])
    }

    @Test func renderErrorsAreTyped() throws {
        #expect(throws: DiagramError.unknownProject("p9", suggestion: "p1")) {
            try RenderRequest(input: AppFixture.good, target: .project("p9"), format: .dot).run()
        }
        #expect(throws: RequestError.self) {
            try RenderRequest(input: AppFixture.good, target: .sectors, sizeBy: .degree).run()
        }
        let engine = #expect(throws: RenderError.self) {
            try RenderRequest(input: AppFixture.good, target: .network, engine: "nonesuch").run()
        }
        #expect(engine?.description.hasPrefix("unknown layout engine 'nonesuch'") == true)
        #expect(throws: RenderError.noJapaneseFont) {
            try RenderRequest(input: AppFixture.good, target: .network, fonts: JapaneseFonts(families: { [] })).run()
        }
    }

    @Test func diagramFileNamesAreSafeAndDistinct() {
        #expect(DiagramFileNames.project("P01") == "project-P01")
        #expect(DiagramFileNames.fileSafe("a/b") == "a%2Fb")
        #expect(DiagramFileNames.fileSafe(".hidden") == "%2Ehidden")
        #expect(DiagramFileNames.fileSafe("50%") != DiagramFileNames.fileSafe("50%25"))
    }

    @Test func exportCSVIsANamedPairAndOtherFormatsOneFile() throws {
        let csv = try ExportRequest(input: AppFixture.good, format: .csv, outputPath: "out").run()
        #expect(csv.isFolder && csv.items.map(\.name) == ["nodes.csv", "edges.csv"])
        // 7 organisations and 5 partnerships, each behind a header line (CRLF).
        #expect(String(decoding: csv.items[0].bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 8)
        #expect(String(decoding: csv.items[1].bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)
        let graphml = try ExportRequest(input: AppFixture.good, format: .graphml).run()
        #expect(!graphml.isFolder && String(decoding: graphml.bytes, as: UTF8.self).contains("<graphml"))
        #expect(throws: RequestError.self) { try ExportRequest(input: AppFixture.good, format: .json, encoding: .shiftJIS).run() }
    }

    @Test func exportMetricsUseTheDiagramPartition() throws {
        // The community attached by --with-metrics is the one render --color-by community draws.
        let export = try ExportRequest(input: AppFixture.seed, format: .json, withMetrics: true, seed: 4).run()
        let render = try RenderRequest(input: AppFixture.seed, target: .network, format: .dot, colorBy: .community, seed: 4).run()
        let json = try JSONSerialization.jsonObject(with: Data(export.bytes)) as! [String: Any]
        let nodes = json["nodes"] as! [[String: Any]]
        let dot = String(decoding: render.files[0].bytes, as: UTF8.self)
        // Organisations in community 0 are filled with community colour 0 in the diagram.
        let colour0 = DiagramPalette.communityColor(0)
        let inZero = nodes.filter { ($0["community"] as? Int) == 0 }.compactMap { $0["id"] as? String }
        #expect(!inZero.isEmpty)
        for id in inZero.prefix(5) {
            let line = dot.split(separator: "\n").first { $0.hasPrefix("  \"\(id)\" [") || $0.hasPrefix("  \(id) [") }
            #expect(line?.contains(colour0) == true, "\(id)")
        }
    }

    @Test func readingAnExportBackKeepsItsMetrics() throws {
        let dir = try AppFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/good.graphml"
        try OutputWriter.write(try ExportRequest(input: AppFixture.good, format: .graphml, withMetrics: true).run().bytes, to: file)
        let again = try ExportRequest(input: DatasetInput(path: file), format: .graphml).run()
        #expect(String(decoding: again.bytes, as: UTF8.self).contains("betweenness"))
        let stats = try StatsRequest(input: DatasetInput(path: file)).run()
        #expect(stats.rendered(as: .csv).contains("organizations,7"))
    }
}
