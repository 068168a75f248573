import Foundation
import RenkeiCore

/// Why an output could not be written.
public struct OutputError: RenkeiError, Equatable {
    /// The path that was to be written (`standard output` for stdout).
    public var path: String
    /// The operating system's reason.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}

/// One file of a multi-file output: a name inside the output folder and its bytes.
public struct OutputItem: Sendable, Equatable {
    /// The file name inside the folder (`nodes.csv`, `project-P01.svg`).
    public var name: String
    /// The contents.
    public var bytes: [UInt8]

    /// A named file.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// A named text file, UTF-8.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}

/// Contents made piece by piece (a GraphML document of a million partnerships), handed to
/// ``OutputWriter`` so that no piece outlives its write: the whole file is never in memory.
public struct ByteProducer: Sendable {
    /// Makes the contents, calling its argument with each piece in order.
    public let produce: @Sendable (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

    public init(_ produce: @escaping @Sendable (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        self.produce = produce
    }

    /// A producer of text made in `String` pieces by `write`, which hands each piece to its
    /// argument (the piece is emptied after it is written, keeping its storage).
    public init(streaming write: @escaping @Sendable (_ emit: (inout String) throws -> Void) throws -> Void) {
        produce = { emit in
            try write { piece in
                try piece.withUTF8 { try emit(UnsafeRawBufferPointer($0)) }
                piece.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The whole contents in memory.
    public func collected() -> [UInt8] {
        var out: [UInt8] = []
        try? produce { out.append(contentsOf: $0) }
        return out
    }
}

/// The one way Renkei writes output: a single file atomically, a set of files all or nothing, and
/// standard output with its failures reported.
///
/// - A regular file (or a path that does not exist yet) is written to a hidden temporary file in
///   the same folder and renamed over the target, so that a failure leaves no half-written file and
///   the previous contents stay. A symbolic link is followed first, so the rename replaces the file
///   it points to rather than the link.
/// - An existing path that is neither a regular file nor a folder — a character device such as
///   `/dev/null` or `/dev/stdout`, a FIFO, a socket — is written through directly: renaming over
///   it would replace the device node with a regular file.
/// - A set of files (``write(_:into:requireEmpty:)``) is first staged as temporary files beside
///   their targets; only when every file is staged are they renamed into place. When staging fails,
///   every staged file is removed (and the folder, when this call created it), so the folder holds
///   the complete new set or none of it.
/// - Temporary files are registered while they exist; ``removeTemporaryFiles()`` deletes them, and
///   the command-line tool calls it on SIGINT and SIGTERM.
public enum OutputWriter {
    /// How ``write(_:to:)`` writes a path.
    public enum Strategy: Equatable, Sendable {
        /// Temporary file in the target's folder, then a rename over the (symlink-resolved) target.
        case atomicRename(target: String)
        /// Open the existing device, pipe or socket and write to it.
        case writeThrough
    }

    /// True when `path` exists and is neither a regular file nor a folder (after following
    /// symbolic links): a character or block device, a FIFO or a socket.
    public static func isSpecialFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved(path)),
              let type = attributes[.type] as? FileAttributeType else { return false }
        return type != .typeRegular && type != .typeDirectory
    }

    /// The way `path` would be written; the decision ``write(_:to:)`` takes.
    public static func strategy(for path: String) -> Strategy {
        isSpecialFile(path) ? .writeThrough : .atomicRename(target: resolved(path))
    }

    /// Writes `bytes` to `path` as described on ``OutputWriter``.
    /// - Throws: ``OutputError`` when the folder is missing or the file cannot be written;
    ///   the temporary file is then removed and `path` is untouched.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        switch strategy(for: path) {
        case .writeThrough:
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            try writeAll(bytes, to: fd, name: path)
        case .atomicRename(let target):
            let tmp = try stage(bytes, for: target, reportedAs: path)
            try commit(tmp, to: target, reportedAs: path)
        }
    }

    /// Writes what `producer` makes to `path` piece by piece, as ``write(_:to:)-([UInt8],_)``
    /// writes bytes: through a temporary file renamed when the last piece is written, so a failure
    /// (of the disk or of the producer) leaves no half-written file and the previous contents stay.
    /// - Throws: ``OutputError``, or the producer's error; the temporary file is then removed.
    public static func write(_ producer: ByteProducer, to path: String) throws {
        switch strategy(for: path) {
        case .writeThrough:
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            try producer.produce { try writeAll($0, to: fd, name: path) }
        case .atomicRename(let target):
            let tmp = try stage(for: target, reportedAs: path) { fd in try producer.produce { try writeAll($0, to: fd, name: path) } }
            try commit(tmp, to: target, reportedAs: path)
        }
    }

    /// Writes what `producer` makes to standard output, piece by piece.
    public static func writeStandardOutput(_ producer: ByteProducer) throws {
        try producer.produce { try writeAll($0, to: STDOUT_FILENO, name: "standard output") }
    }

    /// Writes text as UTF-8, like ``write(_:to:)``.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes every item into `folder` (created when missing), all or nothing.
    /// - Parameter requireEmpty: refuse a folder that exists and is not empty (a generated dataset
    ///   never mixes with older files).
    /// - Throws: ``OutputError`` naming the file that failed; no new file is left in `folder`.
    /// - Complexity: O(total bytes).
    public static func write(_ items: [OutputItem], into folder: String, requireEmpty: Bool = false) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        var created = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: folder, reason: "it is a file, not a folder") }
            if requireEmpty, let contents = try? fm.contentsOfDirectory(atPath: folder), !contents.isEmpty {
                throw OutputError(path: folder, reason: "the folder already exists and is not empty; choose a new folder")
            }
        } else {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: folder, reason: (error as NSError).localizedDescription)
            }
            created = true
        }
        var staged: [(tmp: String, target: String, name: String)] = []
        // Files the set replaces keep a second (hard) link until every rename has succeeded, so a
        // rename failing at the 72nd file puts the 71 before it back as they were.
        var backups: [String: String] = [:]
        var committed: [String] = []
        do {
            for item in items {
                let path = (folder as NSString).appendingPathComponent(item.name)
                let target = resolved(path)
                staged.append((try stage(item.bytes, for: target, reportedAs: path), target, path))
            }
            for s in staged {
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: s.target, isDirectory: &isDir) else { continue }
                if isDir.boolValue { throw OutputError(path: s.name, reason: "it is a folder") }
                let backup = s.tmp + ".previous"
                guard link(s.target, backup) == 0 else {
                    throw OutputError(path: s.name, reason: "cannot keep the previous file while replacing it: \(String(cString: strerror(errno)))")
                }
                backups[s.target] = backup
            }
            for s in staged {
                try commit(s.tmp, to: s.target, reportedAs: s.name)
                committed.append(s.target)
            }
            for b in backups.values { unlink(b) }
        } catch {
            for s in staged { discard(s.tmp) }
            for target in committed.reversed() {
                if let b = backups[target] { rename(b, target) } else { unlink(target) }
            }
            for b in backups.values { unlink(b) }
            if created { try? fm.removeItem(atPath: folder) }
            throw error
        }
    }

    /// Writes to standard output, reporting a full disk or closed descriptor instead of losing it.
    /// - Throws: ``OutputError`` naming `standard output`.
    public static func writeStandardOutput(_ bytes: [UInt8]) throws {
        try writeAll(bytes, to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes text as UTF-8 to standard output, like ``writeStandardOutput(_:)-(([UInt8]))``.
    public static func writeStandardOutput(_ text: String) throws {
        try writeStandardOutput(Array(text.utf8))
    }

    /// Removes every temporary file a write has not finished with yet. It locks and allocates, so
    /// it must not be called from a signal handler: the command-line tool calls it from a thread
    /// that waits for the signals (`sigwait`), once, before exiting.
    public static func removeTemporaryFiles() {
        for path in TemporaryFiles.shared.all() { unlink(path) }
    }

    // MARK: - Pieces

    /// Writes `bytes` to a new hidden temporary file beside `target` and returns its path.
    static func stage(_ bytes: [UInt8], for target: String, reportedAs path: String) throws -> String {
        try stage(for: target, reportedAs: path) { try writeAll(bytes, to: $0, name: path) }
    }

    /// Makes a new hidden temporary file beside `target`, lets `fill` write it, and returns its path.
    static func stage(for target: String, reportedAs path: String, _ fill: (Int32) throws -> Void) throws -> String {
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError(path: path, reason: "the folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        TemporaryFiles.shared.add(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            TemporaryFiles.shared.remove(tmp)
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        do {
            try fill(fd)
        } catch {
            close(fd)
            discard(tmp)
            throw error
        }
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            discard(tmp)
            throw OutputError(path: path, reason: reason)
        }
        return tmp
    }

    /// Renames a staged file over its target.
    static func commit(_ tmp: String, to target: String, reportedAs path: String) throws {
        if rename(tmp, target) != 0 {
            let reason = String(cString: strerror(errno))
            discard(tmp)
            throw OutputError(path: path, reason: reason)
        }
        TemporaryFiles.shared.remove(tmp)
    }

    /// Deletes a temporary file and forgets it.
    static func discard(_ tmp: String) {
        unlink(tmp)
        TemporaryFiles.shared.remove(tmp)
    }

    /// Writes every byte to `fd`, retrying short writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: fd, name: name) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, name: String) throws {
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// `path` with symbolic links resolved (the path itself when it does not exist).
    static func resolved(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }
}

/// The temporary files that exist right now, so that an interrupted command can remove them.
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return Array(paths) }
}
