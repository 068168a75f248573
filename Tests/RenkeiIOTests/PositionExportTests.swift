import Testing
import RenkeiCore
@testable import RenkeiIO

/// Node positions (`export --layout`) in each interchange format, for hand-chosen positions.
@Suite struct PositionExportTests {
    static let positions = NodePositions([
        "watari-shakyo": .init(x: 12.5, y: 40.25),
        "watari-town": .init(x: 0, y: 0),
        "npo-a": .init(x: 310.75, y: 1234.5),
    ])

    func export(_ format: ExportFormat, japaneseHeaders: Bool = false) throws -> [ExportedFile] {
        try NetworkExport.render(sampleDataset(), format: format, japaneseHeaders: japaneseHeaders, positions: Self.positions)
    }

    @Test func gexfCarriesVizPositionWithYUp() throws {
        let s = text(try export(.gexf))
        #expect(s.contains(#"xmlns:viz="http://gexf.net/1.3/viz""#))
        #expect(s.contains(#"<viz:position x="12.5" y="-40.25" z="0.0"/>"#))
        #expect(s.contains(#"<viz:position x="310.75" y="-1234.5" z="0.0"/>"#))
        #expect(s.contains(#"<viz:position x="0.0" y="0.0" z="0.0"/>"#))
        #expect(s.components(separatedBy: "<viz:position").count - 1 == 3, "only the three nodes with a position")
        #expect(!s.contains(#"<attribute id="x""#) && !s.contains(#"<attribute id="y""#))
    }

    @Test func gexfReadsVizPositionBackAndRoundTripsByteForByte() throws {
        let bytes = try export(.gexf)[0].bytes
        let table = try GEXFFormat.read(bytes: bytes, file: "t.gexf")
        let npo = try #require(table.nodes.first { $0.id == "npo-a" })
        #expect(table.position(of: npo) == .init(x: 310.75, y: 1234.5))
        #expect(table.position(of: try #require(table.nodes.first { $0.id == "takahashi" })) == nil)
        let (dataset, metrics) = try NetworkImport.read(bytes: bytes, format: .gexf, file: "t.gexf")
        #expect(try NetworkExport.render(dataset, format: .gexf, metrics: metrics)[0].bytes == bytes)
        let broken = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #"x="310.75""#, with: #"x="east""#)
        #expect(throws: InputError.self) { try GEXFFormat.read(bytes: Array(broken.utf8), file: "t.gexf") }
    }

    @Test func graphMLDeclaresDoubleKeysXAndY() throws {
        let s = text(try export(.graphml))
        #expect(s.contains(#"<key id="n_x" for="node" attr.name="x" attr.type="double"/>"#))
        #expect(s.contains(#"<key id="n_y" for="node" attr.name="y" attr.type="double"/>"#))
        #expect(s.contains(#"<data key="n_x">310.75</data>"#))
        #expect(s.contains(#"<data key="n_y">1234.5</data>"#))
        // Read back, the columns are the position again.
        let table = try GraphMLFormat.read(bytes: Array(s.utf8), file: "t.graphml")
        let npo = try #require(table.nodes.first { $0.id == "npo-a" })
        #expect(table.position(of: npo) == .init(x: 310.75, y: 1234.5))
        #expect(table.position(of: try #require(table.nodes.first { $0.id == "takahashi" })) == nil)
    }

    @Test func cytoscapeHasAPositionPerElementAndNodeLinkHasXY() throws {
        let cy = try JSONValue.parse(text(try export(.cytoscape)), file: "t.cyjs")
        let nodes = try #require(cy["elements"]?["nodes"]?.arrayValue)
        let shakyo = try #require(nodes.first { $0["data"]?["id"]?.stringValue == "watari-shakyo" })
        #expect(shakyo["position"]?["x"]?.doubleValue == 12.5)
        #expect(shakyo["position"]?["y"]?.doubleValue == 40.25)
        #expect(shakyo["data"]?["x"] == nil && shakyo["data"]?["y"] == nil)
        let takahashi = try #require(nodes.first { $0["data"]?["id"]?.stringValue == "takahashi" })
        #expect(takahashi["position"] == nil)

        let nl = try JSONValue.parse(text(try export(.json)), file: "t.json")
        let npo = try #require(nl["nodes"]?.arrayValue?.first { $0["id"]?.stringValue == "npo-a" })
        #expect(npo["x"]?.doubleValue == 310.75)
        #expect(npo["y"]?.doubleValue == 1234.5)
    }

    @Test func csvAndWorkbookHaveXAndYColumns() throws {
        let files = try export(.csv)
        let nodes = String(decoding: files[0].bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(nodes[0].hasSuffix(",x,y"))
        #expect(nodes.contains { $0.hasPrefix("npo-a,") && $0.hasSuffix(",310.75,1234.5") })
        #expect(nodes.contains { $0.hasPrefix("takahashi,") && $0.hasSuffix(",,") })
        let japanese = String(decoding: try export(.csv, japaneseHeaders: true)[0].bytes, as: UTF8.self)
        #expect(japanese.components(separatedBy: "\r\n")[0].hasSuffix(",X座標,Y座標"))

        let sheet = SpreadsheetExport.sheets(sampleDataset(), positions: Self.positions)[0]
        #expect(sheet.name == "団体")
        #expect(Array(sheet.columns.suffix(2)) == ["X座標", "Y座標"])
        let row = try #require(sheet.rows.first { $0.first == .text("npo-a") })
        #expect(Array(row.suffix(2)) == [.number(310.75), .number(1234.5)])
    }
}
