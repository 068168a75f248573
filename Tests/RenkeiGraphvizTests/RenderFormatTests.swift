import Testing
@testable import RenkeiGraphviz
/// Parsing by name is in RendererTests.unknownFormatIsAClearError; here the file-name rule and devices.
@Suite struct RenderFormatTests {
    @Test func formatsParse() {
        #expect(RenderFormat(rawValue: "svg") == .svg)
        #expect(RenderFormat(fileName: "out/network.PDF") == .pdf)
        #expect(RenderFormat(fileName: "out.d/network") == nil)
        #expect(RenderFormat(fileName: "network.jpeg") == nil)
        #expect(RenderFormat.png.device == "png:cairo" && RenderFormat.dot.device == nil)
    }
}
