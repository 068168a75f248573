import Foundation
import Synchronization
import Testing
@testable import RenkeiCore

/// ``WorkerTeam``: every chunk runs once, a sleeping worker wakes for the next job, a busy team
/// turns callers away, and a job never has more threads than it asked for. Each test makes its
/// own team, so the machine's processor count does not matter.
@Suite struct WorkerTeamTests {
    /// Per-chunk run counts; each chunk's slot is written by the one thread running that chunk.
    final class Counts: @unchecked Sendable {
        let slots: UnsafeMutablePointer<Int>
        let count: Int
        init(_ count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: 0, count: count)
        }
        var all: [Int] { Array(UnsafeBufferPointer(start: slots, count: count)) }
        deinit { slots.deallocate() }
    }

    /// The threads that ran chunks (an `NSLock`, which ThreadSanitizer sees, unlike `Mutex`).
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var threads: Set<ObjectIdentifier> = []
        func insert(_ id: ObjectIdentifier) { lock.lock(); threads.insert(id); lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return threads.count }
    }

    @Test func everyChunkRunsExactlyOnce() {
        let team = WorkerTeam(workers: 2)
        defer { team.stop() }
        for chunks in [2, 3, 7, 64, WorkerTeam.maximumChunks] {
            for _ in 0..<20 {
                let counts = Counts(chunks)
                let ran = team.run(chunks: chunks, threads: 3) { counts.slots[$0] += 1 }
                #expect(ran)
                #expect(counts.all == [Int](repeating: 1, count: chunks))
            }
        }
    }

    @Test func declinesWhatItCannotRun() {
        let team = WorkerTeam(workers: 1)
        defer { team.stop() }
        let counts = Counts(WorkerTeam.maximumChunks + 1)
        let tooMany = team.run(chunks: WorkerTeam.maximumChunks + 1, threads: 2) { counts.slots[$0] += 1 }
        let oneThread = team.run(chunks: 4, threads: 1) { counts.slots[$0] += 1 }
        let noWorkers = WorkerTeam(workers: 0).run(chunks: 4, threads: 2) { counts.slots[$0] += 1 }
        let stopped = WorkerTeam(workers: 1)
        stopped.stop()
        let afterStop = stopped.run(chunks: 4, threads: 2) { counts.slots[$0] += 1 }
        #expect(!tooMany && !oneThread && !noWorkers && !afterStop)
        #expect(counts.all.allSatisfy { $0 == 0 })
    }

    /// Two chunks that each wait for the other to start can only finish on two threads: the
    /// worker, asleep after ``WorkerTeam/spinNanoseconds`` of idleness, must wake for the job.
    @Test func aSleepingWorkerWakesForTheNextJob() {
        let team = WorkerTeam(workers: 1)
        defer { team.stop() }
        for _ in 0..<3 {
            Thread.sleep(forTimeInterval: Double(WorkerTeam.spinNanoseconds) * 5e-9)
            let started = Atomic<Int>(0)
            let metCount = Atomic<Int>(0)
            let ran = team.run(chunks: 2, threads: 2) { _ in
                started.add(1, ordering: .sequentiallyConsistent)
                let deadline = Date().addingTimeInterval(10)
                while started.load(ordering: .sequentiallyConsistent) < 2 && Date() < deadline {}
                if started.load(ordering: .sequentiallyConsistent) == 2 {
                    metCount.add(1, ordering: .sequentiallyConsistent)
                }
            }
            #expect(ran)
            #expect(metCount.load(ordering: .sequentiallyConsistent) == 2)
        }
    }

    @Test func aJobHasNoMoreThreadsThanItAskedFor() {
        let team = WorkerTeam(workers: 3)
        defer { team.stop() }
        let seen = Seen()
        let sums = Counts(16)
        var ran = 0
        for _ in 0..<200 {
            let done = team.run(chunks: 16, threads: 2) { chunk in
                let me = ObjectIdentifier(Thread.current)
                seen.insert(me)
                // Long enough for every awake worker to try to join.
                var x = 0
                for i in 0..<20_000 { x &+= i &* i }
                sums.slots[chunk] = x
            }
            if done { ran += 1 }
        }
        #expect(ran == 200)
        #expect(sums.all.allSatisfy { $0 == (0..<20_000).reduce(0) { $0 &+ $1 &* $1 } })
        #expect(seen.count <= 2)
    }

    /// Four threads share one team: each call either runs every chunk once or declines (the team
    /// is busy) and runs nothing; ``ParallelChunks/run(chunks:threads:work:)`` then falls back, so
    /// its callers always get every chunk.
    @Test func concurrentCallersEachGetTheirOwnJob() {
        let team = WorkerTeam(workers: 1)
        defer { team.stop() }
        let declined = Atomic<Int>(0)
        let wrong = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            for round in 0..<300 {
                let chunks = 2 + (caller + round) % 9
                let counts = Counts(chunks)
                if team.run(chunks: chunks, threads: 2, work: { counts.slots[$0] += 1 }) {
                    if counts.all != [Int](repeating: 1, count: chunks) { wrong.add(1, ordering: .relaxed) }
                } else {
                    declined.add(1, ordering: .relaxed)
                    if counts.all.contains(where: { $0 != 0 }) { wrong.add(1, ordering: .relaxed) }
                }
                let viaChunks = Counts(chunks)
                ParallelChunks.run(chunks: chunks, threads: 2) { viaChunks.slots[$0] += 1 }
                if viaChunks.all != [Int](repeating: 1, count: chunks) { wrong.add(1, ordering: .relaxed) }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        #expect(declined.load(ordering: .relaxed) < 1200)
    }

    /// The decline itself, deterministically: while one caller's job is held inside a chunk, a
    /// second caller is declined and nothing of its job runs; once the first job has returned,
    /// the same call is accepted, as are 100 calls in a row from one thread.
    @Test func aCallerIsDeclinedExactlyWhileAnotherJobRuns() {
        let team = WorkerTeam(workers: 1)
        defer { team.stop() }
        let inside = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let firstAccepted = Atomic<Bool>(false)
        let holder = Thread {
            let accepted = team.run(chunks: 2, threads: 2) { chunk in
                if chunk == 0 {
                    inside.signal()
                    release.wait()
                }
            }
            firstAccepted.store(accepted, ordering: .releasing)
            finished.signal()
        }
        holder.start()
        inside.wait()
        let counts = Counts(3)
        let whileBusy = team.run(chunks: 3, threads: 2) { counts.slots[$0] += 1 }
        release.signal()
        finished.wait()
        #expect(!whileBusy)
        #expect(counts.all == [0, 0, 0])
        let first = firstAccepted.load(ordering: .acquiring)
        #expect(first)
        #expect(team.run(chunks: 3, threads: 2) { counts.slots[$0] += 1 })
        #expect(counts.all == [1, 1, 1])
        var accepted = 0
        for round in 0..<100 {
            let c = Counts(1 + round % 7)
            if team.run(chunks: c.count, threads: 2, work: { c.slots[$0] += 1 }),
               c.all == [Int](repeating: 1, count: c.count) { accepted += 1 }
        }
        #expect(accepted == 100)
    }
}
