import Foundation
import Testing
@testable import RenkeiGraphviz

/// `fc-list` runs through ``ChildProcess``: its exit status, its output, and the signal state it
/// starts with when the caller blocks SIGINT and SIGTERM (as the command-line tool does).
@Suite struct ChildProcessTests {
    /// The calling thread's blocked signals while `body` runs: SIGINT and SIGTERM added.
    func withInterruptsBlocked<T>(_ body: () -> T) -> T {
        var signals = sigset_t(), previous = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    @Test func childStartsWithNoSignalBlockedWhenTheCallerBlocksInterrupts() throws {
        // The shell reads its own /proc/self/status with builtins only: a forked `grep` would
        // read another process, and reading the shell's status from a child races with dash,
        // which blocks every signal while it waits for a child.
        let script = "while read -r line; do case $line in SigBlk*) echo \"$line\";; esac; done < /proc/self/status"
        let result = try #require(withInterruptsBlocked { ChildProcess.output(of: ["sh", "-c", script]) })
        #expect(result.status == 0)
        // Hexadecimal, bit n − 1 for signal n: SIGINT is bit 1, SIGTERM bit 14.
        #expect(String(decoding: result.output, as: UTF8.self) == "SigBlk:\t0000000000000000\n")
    }

    @Test func sigtermEndsTheChildEvenWhenTheCallerBlocksIt() throws {
        let result = try #require(withInterruptsBlocked {
            ChildProcess.output(of: ["sh", "-c", "kill -TERM $$; echo survived"])
        })
        #expect(result.status == 128 + SIGTERM)
        #expect(result.output.isEmpty)
    }

    @Test func exitStatusAndOutputAreReturned() throws {
        let result = try #require(ChildProcess.output(of: ["sh", "-c", "printf 'a\\nb'; exit 3"]))
        #expect(result.status == 3)
        #expect(result.output == Array("a\nb".utf8))
        // More than one pipe buffer (64 KiB) of output arrives whole.
        let big = try #require(ChildProcess.output(of: ["sh", "-c", "head -c 300000 /dev/zero"]))
        #expect(big.status == 0)
        #expect(big.output.count == 300_000)
    }

    @Test func aProgramThatDoesNotExistGivesNil() {
        #expect(ChildProcess.output(of: ["renkei-no-such-program-\(UUID().uuidString)"]) == nil)
        #expect(ChildProcess.output(of: []) == nil)
    }
}
