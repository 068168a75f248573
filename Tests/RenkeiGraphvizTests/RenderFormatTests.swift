import Testing
@testable import RenkeiGraphviz
@Suite struct RenderFormatTests {
    @Test func formatsParse() { #expect(RenderFormat(rawValue: "svg") == .svg) }
}
