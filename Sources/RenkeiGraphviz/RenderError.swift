import RenkeiCore

/// Why a rendering failed. The renderer returns bytes and writes no file, so a failure leaves nothing behind.
public enum RenderError: RenkeiError, Equatable {
    /// The layout engine does not exist; `available` lists the ones libgvc has.
    case unknownEngine(String, available: [String])
    /// The output format is not one of ``RenderFormat``.
    case unknownFormat(String)
    /// Graphviz rejected the graph; `message` is Graphviz's own text (from its error handler).
    case graphviz(stage: String, message: String)
    /// No font with Japanese glyphs is installed.
    case noJapaneseFont

    /// The message shown to the user, with Graphviz's own text where it gave one.
    public var description: String {
        switch self {
        case let .unknownEngine(e, available):
            return "unknown layout engine '\(e)'; available: \(available.joined(separator: ", "))"
        case let .unknownFormat(f):
            return "unknown output format '\(f)'; use one of: "
                + RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")
        case let .graphviz(stage, message):
            return "Graphviz could not \(stage) the graph: \(message)"
        case .noJapaneseFont:
            return "no Japanese font is installed (fontconfig `fc-list :lang=ja` lists none), so Japanese "
                + "text would be drawn as empty boxes; install one, e.g. `apt-get install fonts-noto-cjk`"
        }
    }
}
