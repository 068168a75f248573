import Foundation

/// Paths of the committed fixtures (made by Fixtures/make_fixtures.py).
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    /// The package's debug build of the CLI, if built.
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/renkei").standardizedFileURL.path
}

/// What a run of the `renkei` binary produced.
struct CommandResult {
    var status: Int32
    var output: Data
    var stderr: String
    /// Standard output as UTF-8 text.
    var stdout: String { String(decoding: output, as: UTF8.self) }
}

/// Runs the debug `renkei` binary with `arguments`. Standard error is drained on another thread so
/// that a chatty command cannot fill one pipe while we wait on the other.
func runRenkei(_ arguments: [String]) throws -> CommandResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Fixture.binary)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    nonisolated(unsafe) var errorData = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errorData = err.fileHandleForReading.readDataToEndOfFile()
        drained.signal()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus, output: o, stderr: String(decoding: errorData, as: UTF8.self))
}
