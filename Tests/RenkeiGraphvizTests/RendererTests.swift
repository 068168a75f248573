import Foundation
import Testing
import RenkeiCore
@testable import RenkeiGraphviz

@Suite struct RendererTests {
    static let writer = DiagramWriter(dataset: SampleData.dataset())

    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func svgContainsJapaneseLeadName() throws {
        for id in ["p1", "p2"] {
            let dot = try Self.writer.projectDOT(id: id)
            let r = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
            let svg = String(decoding: r.data, as: UTF8.self)
            let lead = SampleData.dataset().organization(id: SampleData.dataset().project(id: id)!.lead)!
            #expect(svg.contains(">\(lead.name)</text>"))
            #expect(svg.contains("font-family=\"Noto Sans CJK JP"))
            #expect(r.engine == "twopi")
            #expect(r.warnings.isEmpty, "\(r.warnings)")
        }
    }

    @Test func allFormatsAndDiagramsRenderWithoutWarnings() throws {
        let out = ProcessInfo.processInfo.environment["RENKEI_RENDER_OUT"]
        let diagrams = [("project-p1", try Self.writer.projectDOT(id: "p1")),
                        ("project-p2", try Self.writer.projectDOT(id: "p2")),
                        ("network", Self.writer.networkDOT()), ("sectors", Self.writer.sectorsDOT())]
        for (name, dot) in diagrams {
            for format in [RenderFormat.svg, .png, .pdf] {
                let r = try GraphvizRenderer.shared.render(dot: dot, format: format)
                #expect(r.warnings.isEmpty, "\(name).\(format): \(r.warnings)")
                switch format {
                case .png: #expect(Array(r.data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
                case .pdf: #expect(Array(r.data.prefix(5)) == Array("%PDF-".utf8))
                default: #expect(String(decoding: r.data.prefix(200), as: UTF8.self).contains("<?xml"))
                }
                if let out { try Data(r.data).write(to: URL(fileURLWithPath: "\(out)/\(name).\(format.rawValue)")) }
            }
        }
    }

    @Test func engineChosenBySizeOrGiven() throws {
        let small = "graph { a -- b }"
        #expect(try GraphvizRenderer.shared.render(dot: small, format: .svg).engine == "dot")
        #expect(try GraphvizRenderer.shared.render(dot: small, format: .svg, engine: "circo").engine == "circo")
        // The graph's own layout attribute is used when no engine is given, and overridden when one is.
        let withLayout = "graph { layout=neato; a -- b }"
        #expect(try GraphvizRenderer.shared.render(dot: withLayout, format: .svg).engine == "neato")
        let svg = try GraphvizRenderer.shared.render(dot: withLayout, format: .svg, engine: "dot")
        #expect(svg.engine == "dot")
        var big = "graph {\n"
        for i in 0..<600 { big += "n\(i) -- n\((i * 7 + 1) % 600);\n" }
        big += "}\n"
        #expect(GraphvizRenderer.engine(forNodeCount: 600) == "sfdp")
        #expect(try GraphvizRenderer.shared.render(dot: big, format: .svg).engine == "sfdp")
    }

    @Test func unknownEngineIsAnError() throws {
        #expect {
            try GraphvizRenderer.shared.render(dot: "graph { a }", format: .svg, engine: "nonesuch")
        } throws: { e in
            guard case let .unknownEngine(name, available) = e as? RenderError else { return false }
            return name == "nonesuch" && available.contains("sfdp") && available.contains("dot")
        }
        // An unknown layout attribute inside the graph is caught the same way.
        #expect(throws: RenderError.self) {
            try GraphvizRenderer.shared.render(dot: "graph { layout=bogus; a }", format: .svg)
        }
    }

    @Test func unknownFormatIsAClearError() throws {
        #expect(throws: RenderError.unknownFormat("gif")) { try RenderFormat(parsing: "gif") }
        #expect(RenderError.unknownFormat("gif").description.contains("svg, png, pdf, dot"))
        #expect(try RenderFormat(parsing: "PNG") == .png)
        #expect(RenderFormat(fileName: "graphs/network.svg") == .svg)
        #expect(RenderFormat(fileName: "graphs.d/network") == nil)
    }

    @Test func malformedDOTGivesGraphvizMessage() throws {
        #expect {
            try GraphvizRenderer.shared.render(dot: "graph { a -- ; }", format: .png)
        } throws: { e in
            guard case let .graphviz(stage, message) = e as? RenderError else { return false }
            return stage == "read" && message.contains("syntax error in line") && message.contains("near ';'")
        }
        #expect(throws: RenderError.self) { try GraphvizRenderer.shared.render(dot: "", format: .svg) }
        #expect(throws: RenderError.self) { try GraphvizRenderer.shared.render(dot: "graph { a [label=\"x\u{0}\"] }", format: .svg) }
        // The parser recovers: the next good graph renders.
        #expect(try GraphvizRenderer.shared.render(dot: "graph { a -- b }", format: .svg).data.count > 100)
    }

    @Test func noJapaneseFontRefuses() throws {
        let none = JapaneseFonts(families: { [] })
        #expect(throws: RenderError.noJapaneseFont) {
            try GraphvizRenderer.shared.render(dot: "graph { a }", format: .svg, fonts: none)
        }
        #expect(RenderError.noJapaneseFont.description.contains("apt-get install fonts-noto-cjk"))
        // DOT output needs no font.
        #expect(try GraphvizRenderer.shared.render(dot: "graph { a }", format: .dot, fonts: none).data == Array("graph { a }".utf8))
    }

    @Test func systemHasTheDefaultJapaneseFont() {
        #expect(JapaneseFonts.system.has(DiagramOptions.defaultFont))
        #expect(JapaneseFonts.system.resolve("No Such Font") == "Noto Sans CJK JP")
    }

    @Test func concurrentRendersAreSerialised() async throws {
        let dot = try Self.writer.projectDOT(id: "p2")
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try GraphvizRenderer.shared.render(dot: dot, format: .svg).data.count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(sizes).count == 1)
    }
}

@Suite struct LargeNetworkTests {
    @Test func thousandsOfNodesWithSFDPAndFewLabels() throws {
        let dataset = SampleData.large(projects: 150, partnersPerProject: 30, pool: 3000, seed: 11)
        let writer = DiagramWriter(dataset: dataset)
        let dot = writer.networkDOT()
        let g = try GraphvizRenderer.shared.inspect(dot: dot)
        #expect(g.attributes["layout"] == "sfdp")
        #expect(g.attributes["overlap"] == "prism")
        #expect(g.nodes.count > 2000)
        let labelled = g.nodes.filter { !($0.attributes["label"] ?? "").isEmpty }
        #expect(labelled.count == 40)
        // The labelled ones are the highest-degree organisations.
        var degree: [String: Int] = [:]
        for e in g.edges { degree[e.tail, default: 0] += 1; degree[e.head, default: 0] += 1 }
        let minLabelled = labelled.map { degree[$0.name] ?? 0 }.min() ?? 0
        let maxUnlabelled = g.nodes.filter { ($0.attributes["label"] ?? "").isEmpty }.map { degree[$0.name] ?? 0 }.max() ?? 0
        #expect(minLabelled >= maxUnlabelled)
        let start = Date()
        let r = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
        print("network of \(g.nodes.count) nodes, \(g.edges.count) edges: sfdp + SVG in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
        #expect(r.engine == "sfdp")
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        if let out = ProcessInfo.processInfo.environment["RENKEI_RENDER_OUT"] {
            try Data(GraphvizRenderer.shared.render(dot: dot, format: .png).data).write(to: URL(fileURLWithPath: "\(out)/large-network.png"))
        }
    }
}
