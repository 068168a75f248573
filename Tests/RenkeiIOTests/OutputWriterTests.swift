import Foundation
import Testing
import RenkeiCore
import RenkeiIO

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
        guard mkfifo(path, 0o600) == 0 else { throw OutputError(path: path, reason: "mkfifo failed") }
        readFD = open(path, O_RDONLY | O_NONBLOCK)
        guard readFD >= 0 else { throw OutputError(path: path, reason: "open failed") }
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

@Suite struct OutputWriterTests {
    @Test func devicesAreWrittenThrough() {
        #expect(OutputWriter.isSpecialFile("/dev/null"))
        #expect(OutputWriter.strategy(for: "/dev/null") == .writeThrough)
        let tmp = FileManager.default.temporaryDirectory.path
        #expect(!OutputWriter.isSpecialFile(tmp))
        let missing = (tmp as NSString).appendingPathComponent("renkei-missing-\(UUID().uuidString).dot")
        #expect(OutputWriter.strategy(for: missing) == .atomicRename(target: (missing as NSString).resolvingSymlinksInPath))
    }

    @Test func fifoReceivesTheBytesAndStaysAFIFO() throws {
        let fifo = try TestFIFO()
        defer { fifo.remove() }
        #expect(OutputWriter.strategy(for: fifo.path) == .writeThrough)
        try OutputWriter.write("digraph { 連携 }\n", to: fifo.path)
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
        try OutputWriter.write("old", to: file)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try OutputWriter.write("new", to: link)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.dot", "real.dot"])
    }

    @Test func missingFolderIsAnError() {
        let path = "/nonexistent-renkei-\(UUID().uuidString)/x.dot"
        #expect(throws: OutputError.self) { try OutputWriter.write("x", to: path) }
    }

    @Test func aSetIsWrittenWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-set-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OutputWriter.write([OutputItem(name: "nodes.csv", text: "id\n"), OutputItem(name: "edges.csv", text: "source\n")], into: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["edges.csv", "nodes.csv"])
        #expect(try String(contentsOfFile: dir + "/edges.csv", encoding: .utf8) == "source\n")
    }

    @Test func aSetThatFailsLeavesNothingNew() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("renkei-set-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        // The second of three files cannot be staged (its folder does not exist).
        let items = [OutputItem(name: "a.svg", text: "new a"), OutputItem(name: "missing/b.svg", text: "b"),
                     OutputItem(name: "c.svg", text: "c")]
        #expect(throws: OutputError.self) { try OutputWriter.write(items, into: dir) }
        #expect(!fm.fileExists(atPath: dir), "the folder this call created is removed again")
        // In an existing folder the old file keeps its contents and no temporary file stays.
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try OutputWriter.write("old a", to: dir + "/a.svg")
        #expect(throws: OutputError.self) { try OutputWriter.write(items, into: dir) }
        #expect(try fm.contentsOfDirectory(atPath: dir) == ["a.svg"])
        #expect(try String(contentsOfFile: dir + "/a.svg", encoding: .utf8) == "old a")
    }

    @Test func aNonEmptyFolderIsRefusedWhenAsked() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("renkei-set-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try OutputWriter.write("x", to: dir + "/old.txt")
        let error = #expect(throws: OutputError.self) {
            try OutputWriter.write([OutputItem(name: "new.txt", text: "y")], into: dir, requireEmpty: true)
        }
        #expect(error?.path == dir)
        #expect(try fm.contentsOfDirectory(atPath: dir) == ["old.txt"])
    }

    @Test func aFullDeviceIsAnError() {
        // /dev/full accepts the open and fails every write with ENOSPC.
        let error = #expect(throws: OutputError.self) { try OutputWriter.write("x", to: "/dev/full") }
        #expect(error?.reason == String(cString: strerror(ENOSPC)))
    }

    // MARK: Streamed files

    /// A producer's pieces land in the file in order, through the temporary file; a producer that
    /// fails half-way leaves the previous contents and no temporary file.
    @Test func streamedFilesAreWrittenWholeOrNotAtAll() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.graphml").path
        let pieces: [[UInt8]] = [Array("<a>".utf8), Array(repeating: 0x78, count: 70_000), Array("</a>\n".utf8)]
        try OutputWriter.write(ByteProducer({ emit in for p in pieces { try p.withUnsafeBytes { try emit($0) } } }), to: path)
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == pieces.flatMap { $0 })

        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try OutputWriter.write(ByteProducer({ emit in
                try Array("<b>".utf8).withUnsafeBytes { try emit($0) }
                throw Broken()
            }), to: path)
        }
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == pieces.flatMap { $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.graphml"])
        // A missing folder is the same error as for bytes.
        #expect(throws: OutputError.self) {
            try OutputWriter.write(ByteProducer({ (_: (UnsafeRawBufferPointer) throws -> Void) in }), to: dir.appendingPathComponent("no/such/x.graphml").path)
        }
    }

    /// GraphML, GEXF and both JSONs of 12,000 partnerships come in pieces — the header, then the
    /// nodes and the edges in runs of ``ParallelText/run`` — each ending after a whole element,
    /// none near the whole document's size, and the pieces read back as the whole network.
    @Test func exportsStreamInPieces() throws {
        var organizations: [Organization] = []
        var partnerships: [Partnership] = []
        for i in 0..<1_000 { organizations.append(Organization(id: "o\(i)", name: "団体<\(i)>&\"名\"", kind: .other)) }
        for i in 0..<12_000 {
            partnerships.append(Partnership(project: nil, source: "o\(i % 1_000)", target: "o\((i * 7 + 1) % 1_000)",
                                            relations: [], status: .realised, weight: Double(i % 5 + 1),
                                            evidence: [SourceReference(document: "a,b.csv", line: i + 2)],
                                            note: String(repeating: "備考", count: 100)))
        }
        let dataset = Dataset(metadata: DatasetMetadata(name: "big"), vocabulary: .standard, organizations: organizations,
                              projects: [], partnerships: partnerships)
        for format in [ExportFormat.graphml, .gexf, .json, .cytoscape] {
            let file = try #require(NetworkExport.render(dataset, format: format).first)
            let producer = try #require(file.producer)
            var sizes: [Int] = []
            var lastBytes: [UInt8] = []
            var whole: [UInt8] = []
            try producer.produce { sizes.append($0.count); lastBytes.append($0.last ?? 0); whole.append(contentsOf: $0) }
            // The header, the nodes (one run of 1,000), three runs of edges (4,096 + 4,096 +
            // 3,808) and the end; GEXF has `</nodes><edges count="…">` on its own between them,
            // JSON the end of the nodes' array and the start of the edges'.
            #expect(sizes.count == (format == .graphml ? 6 : 7), "\(format): \(sizes)")
            #expect(sizes[0] < 4096 && sizes[1] >= 200_000, "\(format): \(sizes)")
            #expect(sizes.max()! < whole.count / 2, "\(format): \(sizes)")
            // Each piece ends after a whole element, never inside a multi-byte name: a line (XML),
            // an object or an array's opening bracket (JSON: `}`, `[`), or the document's last line.
            let ends: Set<UInt8> = format == .graphml || format == .gexf ? [0x0A] : [0x0A, 0x5B, 0x7D]
            #expect(lastBytes.allSatisfy { ends.contains($0) }, "\(format): \(lastBytes)")
            let back = try NetworkImport.read(bytes: whole, format: format, file: "x.\(format.rawValue)").dataset
            #expect(back.organizations.count == 1_000)
            #expect(back.partnerships.count == 12_000)
            #expect(back.organizations.first?.name == "団体<0>&\"名\"")
            #expect(back.partnerships.map(\.weight) == partnerships.map(\.weight))
        }
    }
}
