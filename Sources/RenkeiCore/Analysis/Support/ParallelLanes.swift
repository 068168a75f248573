import Foundation

/// Progress of a long computation: `(done, total)` work items. Called from worker threads,
/// serialised by the caller, at most a few hundred times per run.
public typealias AnalysisProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// A fixed number of work lanes run on all cores with `DispatchQueue.concurrentPerform`.
///
/// Lane `l` processes items `l, l + L, l + 2L, …` in ascending order, so what each lane computes,
/// and the order in which lane results are reduced (lane 0 first), never depends on how many cores
/// the machine has or how the threads were scheduled: floating-point sums are reproducible
/// bit for bit.
struct AnalysisLanes {
    /// Number of lanes; fixed so that results do not depend on the core count.
    static let count = 8


    /// Calls `work(lane, item)` for every item; `work` must only touch lane-private state or
    /// per-item output slots.
    static func forEach(items: Int, progress: AnalysisProgress?, work: (Int, Int) -> Void) {
        let lanes = min(count, max(1, items))
        let counter = ProgressCounter(total: items, progress: progress)
        withoutActuallyEscaping(work) { work in
            let box = UncheckedBox(work)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var item = lane
                var pending = 0
                while item < items {
                    box.value(lane, item)
                    pending += 1
                    if pending == 32 { counter.add(pending); pending = 0 }
                    item += lanes
                }
                counter.add(pending)
            }
        }
    }
}

/// Wraps a non-Sendable value whose concurrent use the caller has made safe (lane-private
/// state, disjoint output slots).
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A lock-protected progress counter.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var lastReported = -1
    let total: Int
    let progress: AnalysisProgress?

    init(total: Int, progress: AnalysisProgress?) {
        self.total = total
        self.progress = progress
    }

    func add(_ k: Int) {
        guard let progress, k > 0 else { return }
        lock.lock()
        done += k
        let d = done
        // Report at most ~200 times.
        let step = max(1, total / 200)
        let report = d / step != lastReported / step || d == total
        if report {
            lastReported = d
            progress(d, total)
        }
        lock.unlock()
    }
}

/// A raw buffer of per-lane scratch space or per-item result slots, each slot written by one
/// thread only (raw storage, so that no Swift exclusivity check sees concurrent access to one
/// array); its elements are deinitialised and the memory freed on deinit.
final class ScratchBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int
    init(count: Int, initial: T) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: initial, count: max(1, count))
    }
    deinit {
        pointer.deinitialize(count: max(1, count))
        pointer.deallocate()
    }
}

/// Work split into chunks whose results do not depend on how many threads run them: each chunk
/// writes only its own slots (or its own scratch, reduced afterwards in chunk order), so the
/// thread count changes the speed and nothing else.
enum ParallelChunks {
    /// Threads used by default: the machine's active processors.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work(chunk)` for every chunk in `0 ..< chunks`, on up to `threads` threads; with one
    /// thread (or one chunk) in ascending order on the calling thread. The threads are the caller
    /// and ``WorkerTeam/shared``'s workers, or `DispatchQueue.concurrentPerform`'s when the team
    /// is running another caller's job.
    static func run(chunks: Int, threads: Int, work: @escaping (Int) -> Void) {
        run(chunks: chunks, threads: threads, work: work, beside: nil)
    }

    /// ``run(chunks:threads:work:)``, with `beside` run on the calling thread while the other
    /// threads start on the chunks (it must not touch what `work` reads or writes); on one thread,
    /// or when the team is busy, `beside` runs first and the chunks after it.
    static func run(chunks: Int, threads: Int, work: @escaping (Int) -> Void, beside: (() -> Void)?) {
        if threads <= 1 || chunks <= 1 {
            beside?()
            for c in 0..<chunks { work(c) }
            return
        }
        if #available(macOS 15, *), WorkerTeam.shared.run(chunks: chunks, threads: threads, work: work, beside: beside) { return }
        beside?()
        let box = UncheckedBox(work)
        DispatchQueue.concurrentPerform(iterations: chunks) { box.value($0) }
    }

    /// `chunks + 1` boundaries splitting `0 ..< count` into contiguous ranges of about equal
    /// `cost`, where `prefix(i)` is the total cost of items `0 ..< i` (non-decreasing).
    static func boundaries(count: Int, chunks: Int, prefix: (Int) -> Int) -> [Int] {
        var bounds = [0]
        let total = prefix(count)
        var lo = 0
        for c in 1..<max(1, chunks) {
            let target = total / chunks * c + (total % chunks) * c / chunks
            var a = lo, b = count
            while a < b {
                let mid = (a + b) / 2
                if prefix(mid) < target { a = mid + 1 } else { b = mid }
            }
            lo = a
            bounds.append(a)
        }
        bounds.append(count)
        return bounds
    }
}
