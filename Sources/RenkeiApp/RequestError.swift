import RenkeiCore

/// A request that does not fit the data it was asked of: an unknown relation, project or
/// organisation, or a combination of choices that cannot be honoured.
///
/// Messages never name command-line flags; each caller words its own options.
public struct RequestError: RenkeiError, Equatable {
    /// The message shown to the user.
    public var message: String

    /// A request error with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// `unknown WHAT 'text' (did you mean 'x'?)`, with the hint from ``Suggestion``.
    static func unknown(_ what: String, _ text: String, among candidates: [String], in path: String? = nil) -> RequestError {
        RequestError("unknown \(what) '\(text)'" + (path.map { " in \($0)" } ?? "")
                     + Suggestion.didYouMean(text, among: candidates))
    }
}
