import Foundation
import Testing
import RenkeiIO

/// Paths of the committed fixtures (made by Fixtures/make_fixtures.py).
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    /// The bundled seed dataset.
    static let seedDataset = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data/kodoku-koritsu-model-jigyo").standardizedFileURL.path

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
/// that a chatty command cannot fill one pipe while we wait on the other. With `stdoutPath`, standard
/// output goes to that file instead (`/dev/full` to test write failures) and `output` is empty.
func runRenkei(_ arguments: [String], stdoutPath: String? = nil) throws -> CommandResult {
    // A missing binary is a failure, not a skip: `swift test` builds it.
    try #require(FileManager.default.isExecutableFile(atPath: Fixture.binary), "\(Fixture.binary) is missing; run swift build")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Fixture.binary)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    let sink = stdoutPath.flatMap { FileHandle(forWritingAtPath: $0) }
    p.standardOutput = sink ?? out
    p.standardError = err
    try p.run()
    nonisolated(unsafe) var errorData = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errorData = err.fileHandleForReading.readDataToEndOfFile()
        drained.signal()
    }
    if sink != nil { try out.fileHandleForWriting.close() }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus, output: o, stderr: String(decoding: errorData, as: UTF8.self))
}

/// Asserts that `load` throws an `InputError` whose problems, each written by `describe`, start
/// with `expected` in order (one problem per expected line, no more).
func expectProblems(_ expected: [String], describe: (InputProblem) -> String, what: String,
                    sourceLocation: SourceLocation = #_sourceLocation, _ load: () throws -> Void) {
    do {
        try load()
        Issue.record("\(what) loaded; expected problems", sourceLocation: sourceLocation)
    } catch let e as InputError {
        let got = e.problems.map(describe)
        #expect(got.count == expected.count, "\(got)", sourceLocation: sourceLocation)
        for (g, x) in zip(got, expected) { #expect(g.hasPrefix(x), "\(g) does not start with \(x)", sourceLocation: sourceLocation) }
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
}
