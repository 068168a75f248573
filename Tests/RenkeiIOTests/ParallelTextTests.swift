import Foundation
import Testing
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
}
