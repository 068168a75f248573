import Foundation
import Testing

/// SIGTERM during a large export leaves no temporary file (and no partial output): the binary
/// is run, its output folder watched, and SIGTERM sent the moment the hidden `.tmp` file appears.
@Suite(.serialized) struct SignalCleanupTests {
    func entries(_ dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }

    @Test func sigtermDuringExportLeavesNoTemporaryFile() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Fixture.binary), "\(Fixture.binary) is missing; run swift build")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-sigterm-\(UUID().uuidString)").path
        let data = root + "/data", out = root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let generated = try runRenkei(["generate", "--organizations", "3000", "--seed", "1", "--out", data])
        try #require(generated.status == 0, "\(generated.stderr)")
        var caught = 0
        var runs: [String] = []
        for attempt in 0..<8 where caught < 2 {
            for e in entries(out) { try FileManager.default.removeItem(atPath: out + "/" + e) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Fixture.binary)
            p.arguments = ["export", data, "--format", "graphml", "--out", out + "/network.graphml"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            var sawTemporary = false
            while p.isRunning {
                if entries(out).contains(where: { $0.hasSuffix(".tmp") }) {
                    kill(p.processIdentifier, SIGTERM)
                    sawTemporary = true
                    break
                }
                usleep(200)
            }
            p.waitUntilExit()
            let left = entries(out)
            runs.append("saw .tmp: \(sawTemporary), status \(p.terminationStatus), left \(left)")
            #expect(!left.contains(where: { $0.hasSuffix(".tmp") }), "attempt \(attempt): left \(left)")
            let interrupted = p.terminationStatus == 128 + SIGTERM
                || (p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGTERM)
            if sawTemporary && interrupted {
                caught += 1
                #expect(left.isEmpty, "attempt \(attempt): interrupted export left \(left)")
            } else if sawTemporary {
                // The write finished between seeing the file and the signal: the output is whole.
                #expect(left == ["network.graphml"], "attempt \(attempt): \(left)")
            }
        }
        #expect(caught >= 1, "SIGTERM never arrived while the temporary file existed: \(runs)")
        try? FileManager.default.removeItem(atPath: root)
    }
}
