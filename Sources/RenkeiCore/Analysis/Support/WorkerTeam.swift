import Foundation
import Synchronization

/// Worker threads that stay awake between the short parallel steps of one algorithm.
///
/// Leiden's local moving and label propagation alternate a parallel step of 50–200 µs (counting
/// the neighbouring communities of a block of vertices) with a serial one of about the same
/// length, a thousand times per run. `DispatchQueue.concurrentPerform` wakes its workers for each
/// step; on the 2-core benchmark VM a wake-up takes about as long as the step (in a one-off test,
/// 1,200 steps of 4 × 22 µs took 110 ms through `concurrentPerform`, 115 ms on one thread and
/// 62 ms through this team), so those steps ran on one core in effect. Through the team, Leiden
/// on BA-100k takes 0.85× the time it took through `concurrentPerform` and label propagation
/// 0.81× (medians of 6 alternated runs; `Benchmarks/communities.py --baseline` repeats this).
///
/// The team's workers (one fewer than the processors) take chunks of a job from one atomic
/// ticket: the job's generation, how many threads may join, how many chunks it has and the next
/// unclaimed chunk. The caller publishes the ticket, claims chunks itself, then waits — spinning —
/// until every chunk is done. Between jobs a worker spins on the ticket for up to
/// ``spinNanoseconds`` (yielding the processor now and then), then sleeps on a condition until
/// the next job. A worker that wakes late finds the chunks taken and goes back to waiting: the
/// caller never waits for a worker to wake up. Which thread runs a chunk never changes what the
/// chunk computes, so results do not depend on the number of threads.
///
/// One job runs at a time; a caller that finds the team busy (another thread's job) is told so
/// and runs its chunks some other way.
@available(macOS 15, *)
final class WorkerTeam: @unchecked Sendable {
    /// The process's team: one worker fewer than the active processors.
    static let shared = WorkerTeam(workers: ParallelChunks.defaultThreads - 1)

    /// How long an idle worker spins before it sleeps.
    static let spinNanoseconds: UInt64 = 2_000_000

    /// Most chunks one job may have (the ticket holds the count in 12 bits).
    static let maximumChunks = 4095

    /// generation << 32 | threads << 24 | chunks << 12 | next chunk.
    private let ticket = Atomic<Int>(0)
    /// Chunks of the current job that are done.
    private let completed = Atomic<Int>(0)
    /// Whether a job is running.
    private let busy = Atomic<Bool>(false)
    /// Set by ``stop()``.
    private let stopping = Atomic<Bool>(false)
    private let condition = NSCondition()
    /// The current job's work: written by the caller before it publishes the ticket and cleared
    /// after every chunk is done; read by a worker only after it has claimed a chunk.
    private var work: ((Int) -> Void)? = nil
    /// The caller's generation counter.
    private var generation = 0
    /// Workers waiting on `condition` (guarded by it).
    private var sleepers = 0
    /// Number of worker threads.
    let workers: Int

    init(workers: Int) {
        self.workers = max(0, workers)
        for index in 0..<self.workers {
            // A worker holds its team until ``stop()``; the shared team is never stopped.
            let thread = Thread { self.serve(index) }
            thread.name = "renkei worker \(index + 1)"
            thread.start()
        }
    }

    private static func generation(_ t: Int) -> Int { t >> 32 }
    private static func threads(_ t: Int) -> Int { (t >> 24) & 0xFF }
    private static func chunks(_ t: Int) -> Int { (t >> 12) & 0xFFF }
    private static func next(_ t: Int) -> Int { t & 0xFFF }

    /// Calls `work(chunk)` for every chunk in `0 ..< chunks` on the calling thread and up to
    /// `threads − 1` workers, and returns when all are done; `false` (and nothing run) when
    /// another job is running or the job does not fit the ticket. `beside`, if given, runs on the
    /// calling thread once the job is published, before the caller claims chunks of its own: the
    /// workers take chunks meanwhile (it must not touch what they read or write).
    func run(chunks: Int, threads: Int, work: @escaping (Int) -> Void, beside: (() -> Void)? = nil) -> Bool {
        guard workers > 0, chunks > 0, chunks <= Self.maximumChunks, threads > 1 else { return false }
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return false
        }
        self.work = work
        completed.store(0, ordering: .relaxed)
        generation = (generation + 1) & 0x7FFF_FFFF
        let first = generation << 32 | min(threads, 255) << 24 | chunks << 12
        ticket.store(first, ordering: .releasing)
        condition.lock()
        if sleepers > 0 { condition.broadcast() }
        condition.unlock()
        beside?()
        drain(generation: generation, work: work)
        var spins = 0
        while completed.load(ordering: .acquiring) < chunks {
            // A worker that holds a chunk may share this processor.
            spins += 1
            if spins & 4095 == 0 { sched_yield() }
        }
        self.work = nil
        busy.store(false, ordering: .releasing)
        return true
    }

    /// Ends the workers' threads (after any running job); the team declines jobs from then on.
    func stop() {
        while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {}
        stopping.store(true, ordering: .sequentiallyConsistent)
        generation = (generation + 1) & 0x7FFF_FFFF
        ticket.store(generation << 32, ordering: .releasing)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Claims chunks of job `generation` and passes each to `work` until none is left; the
    /// caller and the workers share it.
    private func drain(generation: Int, work: (Int) -> Void) {
        var t = ticket.load(ordering: .acquiring)
        while Self.generation(t) == generation && Self.next(t) < Self.chunks(t) {
            let (exchanged, now) = ticket.compareExchange(expected: t, desired: t + 1, ordering: .acquiringAndReleasing)
            if exchanged {
                work(Self.next(t))
                completed.add(1, ordering: .releasing)
                t = ticket.load(ordering: .acquiring)
            } else {
                t = now
            }
        }
    }

    /// A worker's loop: wait for a job it may join, run chunks of it, repeat.
    private func serve(_ index: Int) {
        var seen = 0
        while true {
            var t = ticket.load(ordering: .acquiring)
            var spins = 0
            var since = DispatchTime.now().uptimeNanoseconds
            while Self.generation(t) == seen {
                spins += 1
                if spins & 255 == 0 {
                    let now = DispatchTime.now().uptimeNanoseconds
                    if now - since > Self.spinNanoseconds {
                        condition.lock()
                        sleepers += 1
                        while Self.generation(ticket.load(ordering: .acquiring)) == seen { condition.wait() }
                        sleepers -= 1
                        condition.unlock()
                        since = DispatchTime.now().uptimeNanoseconds
                    } else if spins & 4095 == 0 {
                        sched_yield()
                    }
                }
                t = ticket.load(ordering: .acquiring)
            }
            seen = Self.generation(t)
            if stopping.load(ordering: .sequentiallyConsistent) { return }
            // Worker `index` is the (index + 2)-th thread of the job.
            guard index + 2 <= Self.threads(t) else { continue }
            // `work` is read only once a chunk is claimed: the chunk is not done, so the caller
            // is still waiting and `work` is this job's.
            drain(generation: seen) { self.work!($0) }
        }
    }
}
