/// Raw scratch memory for one run of an algorithm's inner loop.
///
/// The hot loops of the analysis (Brandes' accumulation, Dijkstra, local moving) index flat
/// arrays millions of times; Swift arrays there cost a uniqueness check per write and an
/// exclusivity check per access, and the usual cure — nesting `withUnsafeMutableBufferPointer`
/// closures, one per array — buries the algorithm under its plumbing. A workspace allocates every
/// buffer a run needs once, hands them out as `UnsafeMutableBufferPointer`s that the algorithm
/// keeps in ordinary stored properties, and frees them all when it is released.
///
/// Only trivial (`BitwiseCopyable`) element types are allowed, so no element ever needs
/// deinitialising. Buffers are never empty (at least one element is allocated), so their
/// `baseAddress` is never nil. A buffer must not be used after its workspace is released; keep
/// the workspace alive (a stored property or `withExtendedLifetime`) for as long as its buffers are.
/// Buffers of one workspace may be written by different threads when each thread owns its
/// buffers (per-lane scratch) or its slots (per-item results).
final class Workspace: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// A new buffer of `count` elements, each set to `value`.
    /// - Complexity: O(`count`).
    func buffer<T: BitwiseCopyable>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer(start: allocate(T.self, count), count: count)
        buffer.initialize(repeating: value)
        return buffer
    }

    /// A new buffer holding a copy of `array`'s elements.
    /// - Complexity: O(`array.count`).
    func copy<T: BitwiseCopyable>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer(start: allocate(T.self, array.count), count: array.count)
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// Uninitialised memory for `count` elements (at least one is allocated), owned by the workspace.
    private func allocate<T: BitwiseCopyable>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        precondition(count >= 0, "a buffer cannot have a negative size")
        let capacity = max(1, count)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<T>.stride,
                                                   alignment: MemoryLayout<T>.alignment)
        blocks.append(raw)
        return raw.bindMemory(to: T.self, capacity: capacity)
    }
}
