import Foundation

/// Which Japanese fonts fontconfig knows, so that rendering can refuse to draw empty boxes.
public struct JapaneseFonts: Sendable {
    /// Lists the installed font families that cover Japanese.
    public var families: @Sendable () -> [String]

    /// A check over a custom list of families (tests use an empty list to simulate a bare machine).
    public init(families: @escaping @Sendable () -> [String]) {
        self.families = families
    }

    /// Asks fontconfig (`fc-list :lang=ja family`), once per process.
    public static let system = JapaneseFonts(families: { SystemFontList.japanese })

    /// Fails unless at least one Japanese font is installed.
    /// - Throws: ``RenderError/noJapaneseFont``, naming the Debian package to install.
    public func require() throws {
        if families().isEmpty { throw RenderError.noJapaneseFont }
    }

    /// Whether `family` is an installed Japanese family (exact, case-insensitive match).
    public func has(_ family: String) -> Bool {
        families().contains { $0.caseInsensitiveCompare(family) == .orderedSame }
    }

    /// The family to use: `preferred` when installed, else the first installed Japanese family
    /// (sorted, Noto Sans CJK JP first when present), else nil.
    public func resolve(_ preferred: String) -> String? {
        let all = families()
        if let hit = all.first(where: { $0.caseInsensitiveCompare(preferred) == .orderedSame }) { return hit }
        if all.contains("Noto Sans CJK JP") { return "Noto Sans CJK JP" }
        return all.first
    }
}

/// The result of running `fc-list` once.
enum SystemFontList {
    static let japanese: [String] = {
        guard let result = ChildProcess.output(of: ["fc-list", ":lang=ja", "family"]), result.status == 0 else {
            return []
        }
        // Each line may list several comma-separated names of one family.
        var names = Set<String>()
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            for name in line.split(separator: ",") {
                let n = name.trimmingCharacters(in: .whitespaces)
                if !n.isEmpty { names.insert(n) }
            }
        }
        return names.sorted()
    }()
}

/// Runs a helper program and collects its standard output.
enum ChildProcess {
    /// Runs `arguments[0]` (looked up in `PATH`) with `arguments`, standard input and error on
    /// /dev/null, and returns its exit status (or 128 + the signal that ended it) and everything
    /// it wrote to standard output; nil when it cannot be started.
    ///
    /// The child starts with no signal blocked and every signal at its default action, whatever
    /// the calling thread blocks: the command-line tool blocks SIGINT and SIGTERM in all its
    /// threads (one thread takes them with `sigwait`), and a child inheriting that mask through
    /// exec — as Foundation's `Process` lets it — would ignore Ctrl-C.
    static func output(of arguments: [String]) -> (status: Int32, output: [UInt8])? {
        guard !arguments.isEmpty else { return nil }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            return nil
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if got > 0 {
                output.append(contentsOf: chunk[0..<got])
            } else if got == 0 || errno != EINTR {
                break
            }
        }
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, output)
    }
}
