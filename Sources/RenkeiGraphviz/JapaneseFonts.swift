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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["fc-list", ":lang=ja", "family"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return [] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return [] }
        // Each line may list several comma-separated names of one family.
        var names = Set<String>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            for name in line.split(separator: ",") {
                let n = name.trimmingCharacters(in: .whitespaces)
                if !n.isEmpty { names.insert(n) }
            }
        }
        return names.sorted()
    }()
}
