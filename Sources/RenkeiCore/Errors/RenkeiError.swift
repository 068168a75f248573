/// The root of every error Renkei's libraries throw.
///
/// Like NetworkX's `NetworkXError`, one root lets a caller (the `renkei` command, the report page,
/// a future server) catch "anything Renkei said no to" in one place and show its ``description``,
/// while still telling the families apart:
///
/// | family | type | module |
/// |---|---|---|
/// | input problems (file, line, field; every problem at once) | `InputError` | RenkeiIO |
/// | output that could not be written | `OutputError` | RenkeiIO |
/// | analysis preconditions (non-positive path lengths, no convergence) | ``AnalysisError`` | RenkeiCore |
/// | diagrams (unknown project, Graphviz rejecting a graph, no Japanese font) | ``DiagramError``, `RenderError` | RenkeiCore, RenkeiGraphviz |
/// | a request that does not fit its data (unknown relation, organisation or option combination) | `RequestError` | RenkeiApp |
///
/// Messages never name command-line flags: the caller knows how its options are spelled.
public protocol RenkeiError: Error, CustomStringConvertible, Sendable {}
