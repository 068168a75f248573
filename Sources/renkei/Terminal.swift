import Foundation
import RenkeiApp
import RenkeiCore
import RenkeiIO

/// What the command-line tool does with results: standard output for the result, standard error
/// for notes, warnings and progress, files through `OutputWriter`.
enum Terminal {
    /// Writes a command's result to standard output; a full disk or closed stdout is an error.
    static func emit(_ text: String) throws {
        try OutputWriter.writeStandardOutput(text)
    }

    /// Writes bytes to standard output.
    static func emit(bytes: [UInt8]) throws {
        try OutputWriter.writeStandardOutput(bytes)
    }

    /// Set by `--quiet`: no progress and no notes (warnings and errors still appear).
    nonisolated(unsafe) static var quiet = false

    /// The width of the terminal on standard output, or nil when standard output is not a terminal.
    static var outputWidth: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    /// A note on standard error, unless `--quiet`.
    static func note(_ line: String) {
        if !quiet { say(line) }
    }

    /// One line on standard error (warnings, summaries).
    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `warning: …` on standard error, one per message.
    static func warn(_ messages: [String]) {
        for m in messages { say("warning: \(m)") }
    }

    /// A progress line on stderr for long computations, only when stderr is a terminal.
    static func progress(_ label: String) -> AnalysisProgress? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return { done, total in
            let percent = total > 0 ? done * 100 / total : 100
            var line = "\r\(label): \(percent)% (\(done)/\(total))"
            if done >= total { line += "\r" + String(repeating: " ", count: line.count) + "\r" }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Removes temporary output files when the command is interrupted (SIGINT, SIGTERM), then
    /// exits with the signal's conventional status.
    ///
    /// The signals are blocked here, so in every thread started after, and one thread takes them
    /// with `sigwait` and removes the files in ordinary code. A signal handler must not: it may
    /// interrupt `malloc` or the holder of a lock, and the removal allocates and locks (an export
    /// hung so, SIGTERM arriving inside `malloc`). `sigwait` also takes signals that a parent
    /// started us with blocked (the mask is inherited through exec, as Foundation's Process does
    /// from a test runner).
    static func removeTemporaryFilesOnSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let watcher = Thread {
            var waited = sigset_t()
            sigemptyset(&waited)
            sigaddset(&waited, SIGINT)
            sigaddset(&waited, SIGTERM)
            var received: Int32 = 0
            while sigwait(&waited, &received) != 0 {}
            OutputWriter.removeTemporaryFiles()
            _exit(128 + received)
        }
        watcher.start()
    }
}
