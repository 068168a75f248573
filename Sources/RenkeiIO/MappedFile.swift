import Foundation

/// A regular file mapped read-only into memory, whose pages a reader can give back as it passes
/// them (`madvise(MADV_DONTNEED)`): a 400 MB GraphML file is read in place without 400 MB of
/// it resident at once. A page given back and read again is read from the file again, so giving
/// back is never wrong, only slower.
final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    /// The file's size in bytes.
    let count: Int
    /// Everything below this offset (a multiple of the page size) has been given back in the
    /// current pass over the file.
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the regular file at `path`; nil when it is not a regular file or cannot be mapped
    /// (the caller then reads it the ordinary way, which reports the problem).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        count = Int(st.st_size)
        if count == 0 {
            base = nil
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        base = p
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Calls `body` with the file's bytes, valid for the call only.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Gives back the whole pages inside `range` (a second thread's part of the file; safe to call
    /// beside ``release(below:)`` from another thread).
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = MappedFile.pageSize
        let start = (max(0, range.lowerBound) + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard end > start else { return }
        madvise(base + start, end - start, MADV_DONTNEED)
    }

    /// Gives back the whole pages below `offset` that were read since the last call; an offset
    /// below the last one starts a new pass over the file (the parser checks the encoding of the
    /// whole file first, then parses it).
    func release(below offset: Int) {
        guard let base else { return }
        let end = min(offset, count) / MappedFile.pageSize * MappedFile.pageSize
        if end < released { released = 0 }
        guard end > released else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}
