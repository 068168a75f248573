import Foundation
import Testing
import RenkeiCore

/// A FIFO in a fresh temporary folder with its read end held open (non-blocking), so that a
/// writer's open does not block and the test never hangs: if the FIFO were replaced by a regular
/// file, the read end simply sees no bytes.
struct TestFIFO {
    let dir: URL
    let path: String
    let readFD: Int32

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("out.svg").path
        guard mkfifo(path, 0o600) == 0 else { throw OutputFileError(path: path, reason: "mkfifo failed") }
        readFD = open(path, O_RDONLY | O_NONBLOCK)
        guard readFD >= 0 else { throw OutputFileError(path: path, reason: "open failed") }
    }

    /// Everything written so far (the writer has closed its end).
    func drain() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// Whether the path is still a FIFO (not replaced by a regular file).
    var isStillFIFO: Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO
    }

    func remove() {
        close(readFD)
        try? FileManager.default.removeItem(at: dir)
    }
}

@Suite struct OutputFileTests {
    @Test func devicesAreWrittenThrough() {
        #expect(OutputFile.isSpecialFile("/dev/null"))
        #expect(OutputFile.strategy(for: "/dev/null") == .writeThrough)
        let tmp = FileManager.default.temporaryDirectory.path
        #expect(!OutputFile.isSpecialFile(tmp))
        let missing = (tmp as NSString).appendingPathComponent("renkei-missing-\(UUID().uuidString).dot")
        #expect(OutputFile.strategy(for: missing) == .atomicRename(target: (missing as NSString).resolvingSymlinksInPath))
    }

    @Test func fifoReceivesTheBytesAndStaysAFIFO() throws {
        let fifo = try TestFIFO()
        defer { fifo.remove() }
        #expect(OutputFile.strategy(for: fifo.path) == .writeThrough)
        try OutputFile.write("digraph { 連携 }\n", to: fifo.path)
        #expect(String(decoding: fifo.drain(), as: UTF8.self) == "digraph { 連携 }\n")
        #expect(fifo.isStillFIFO)
        // No temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fifo.dir.path) == ["out.svg"])
    }

    @Test func regularFileIsReplacedThroughASymlink() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("real.dot").path
        let link = dir.appendingPathComponent("link.dot").path
        try OutputFile.write("old", to: file)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try OutputFile.write("new", to: link)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.dot", "real.dot"])
    }

    @Test func missingFolderIsAnError() {
        let path = "/nonexistent-renkei-\(UUID().uuidString)/x.dot"
        #expect(throws: OutputFileError.self) { try OutputFile.write("x", to: path) }
    }
}
