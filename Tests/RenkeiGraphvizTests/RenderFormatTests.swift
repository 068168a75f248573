import Testing
@testable import RenkeiGraphviz
@Suite struct RenderFormatTests {
    @Test func formatsParse() throws {
        #expect(RenderFormat(rawValue: "svg") == .svg)
        #expect(try RenderFormat(parsing: "PNG") == .png)
        #expect(throws: RenderError.self) { try RenderFormat(parsing: "gif") }
        #expect(RenderFormat(fileName: "out/network.PDF") == .pdf)
        #expect(RenderFormat(fileName: "out.d/network") == nil)
        #expect(RenderFormat(fileName: "network.jpeg") == nil)
        #expect(RenderFormat.png.device == "png:cairo" && RenderFormat.dot.device == nil)
    }
}
