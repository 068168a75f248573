import Foundation
import Testing
import RenkeiCore
@testable import RenkeiGraphviz

/// 1,000 renderings must not grow the process: every graph, layout and buffer is freed.
@Suite(.serialized) struct MemoryTests {
    /// Resident set size in kB, from /proc/self/status.
    static func rssKB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    @Test func thousandRendersStayFlat() throws {
        let writer = DiagramWriter(dataset: SampleData.dataset())
        let dots = [try writer.projectDOT(id: "p1"), try writer.projectDOT(id: "p2"), writer.sectorsDOT()]
        // Warm up: fonts, plugins and caches load once.
        for i in 0..<30 { _ = try GraphvizRenderer.shared.render(dot: dots[i % 3], format: i % 2 == 0 ? .svg : .png) }
        let before = Self.rssKB()
        var bytes = 0
        for i in 0..<1000 {
            let format: RenderFormat = i % 10 == 0 ? .png : .svg
            bytes += try GraphvizRenderer.shared.render(dot: dots[i % 3], format: format).data.count
            if i % 100 == 0 { _ = try? GraphvizRenderer.shared.render(dot: "graph { a -- ; }", format: .svg) }
            if ProcessInfo.processInfo.environment["RENKEI_RSS_TRACE"] != nil, i % 100 == 99 { print("after \(i + 1): \(Self.rssKB()) kB") }
        }
        let after = Self.rssKB()
        print("1,000 renders (900 SVG, 100 PNG, 10 rejected graphs, \(bytes / 1_000_000) MB produced): "
              + "RSS \(before) kB before, \(after) kB after, growth \(after - before) kB")
        #expect(after - before < 20_000)
    }
}
