import Foundation

/// Why ``OutputFile/write(_:to:)`` could not write a file.
public struct OutputFileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The path that was to be written.
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

/// How every output file of Renkei is written (`renkei render --out`, `renkei export --out`):
/// a regular file atomically, a device or pipe directly.
///
/// A regular file (or a path that does not exist yet) is written to a hidden temporary file in
/// the same folder and renamed over the target, so that a failure leaves no half-written file and
/// the previous contents stay. A symbolic link is followed first, so the rename replaces the file
/// it points to rather than the link. An existing path that is neither a regular file nor a
/// folder — a character device such as `/dev/null` or `/dev/stdout`, a FIFO, a socket — is written
/// through directly: renaming over it would replace the device node with a regular file.
public enum OutputFile {
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

    /// Writes `bytes` to `path` as described on ``OutputFile``.
    /// - Throws: ``OutputFileError`` when the folder is missing or the file cannot be written;
    ///   the temporary file is then removed and `path` is untouched.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        switch strategy(for: path) {
        case .writeThrough:
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw OutputFileError(path: path, reason: "cannot open for writing")
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: Data(bytes))
            } catch {
                throw OutputFileError(path: path, reason: (error as NSError).localizedDescription)
            }
        case .atomicRename(let target):
            let url = URL(fileURLWithPath: target)
            let dir = url.deletingLastPathComponent()
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
                throw OutputFileError(path: path, reason: "the folder \(dir.path) does not exist")
            }
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            do {
                try Data(bytes).write(to: tmp)
            } catch {
                try? FileManager.default.removeItem(at: tmp)
                throw OutputFileError(path: path, reason: (error as NSError).localizedDescription)
            }
            if rename(tmp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw OutputFileError(path: path, reason: reason)
            }
        }
    }

    /// Writes text as UTF-8, like ``write(_:to:)``.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// `path` with symbolic links resolved (the path itself when it does not exist).
    static func resolved(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }
}
