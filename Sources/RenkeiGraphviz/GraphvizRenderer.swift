import CGraphviz
import Foundation
import RenkeiCore

/// What a rendering produced.
public struct RenderResult: Sendable {
    /// The file's bytes (SVG text, PNG or PDF).
    public var data: [UInt8]
    /// The layout engine used.
    public var engine: String
    /// Graphviz's warnings, one per message, in the order it gave them.
    public var warnings: [String]
}

/// Messages Graphviz reported through its error handler, split by level.
struct GraphvizMessages {
    var errors: [String] = []
    var warnings: [String] = []

    /// Parses the handler's output: each message starts with `Error: ` or `Warning: `; lines
    /// without a prefix continue the previous message.
    init(_ text: String) {
        var current: (isError: Bool, text: String)?
        func flush() {
            guard let c = current else { return }
            let t = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { if c.isError { errors.append(t) } else { warnings.append(t) } }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") {
                flush(); current = (true, String(line.dropFirst(7)))
            } else if line.hasPrefix("Warning: ") {
                flush(); current = (false, String(line.dropFirst(9)))
            } else if current != nil {
                current!.text += "\n" + line
            } else {
                current = (false, String(line))
            }
        }
        flush()
    }
}

/// Everything Graphviz's error handler wrote since the last reset. Only touched while
/// ``GraphvizRenderer``'s lock is held (libgvc calls the handler synchronously).
nonisolated(unsafe) var handlerOutput = ""

/// The handler given to `agseterrf`: collects Graphviz's messages instead of printing them.
private let collectMessages: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    if let text { handlerOutput += String(cString: text) }
    return 0
}

/// Renders DOT text to SVG, PNG or PDF through libgvc.
///
/// libgvc is not thread-safe, so one process-wide instance (``shared``) owns the one `GVC_t`
/// context and serialises every call behind a lock. Each rendering parses the DOT with
/// `agmemread`, lays it out, renders into memory and frees the rendered bytes
/// (`gvFreeRenderData`), the layout (`gvFreeLayout`) and the graph (`agclose`) on every path.
/// Graphviz's messages are caught with `agseterrf`: errors become ``RenderError/graphviz(stage:message:)``,
/// warnings are returned in ``RenderResult/warnings``.
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    private let context: OpaquePointer
    /// Layout engines libgvc offers, sorted.
    public let engines: [String]

    private init() {
        guard let gvc = gvContext() else { fatalError("libgvc: gvContext() failed") }
        context = gvc
        _ = agseterrf(collectMessages)
        _ = agseterr(AGWARN)
        var count: Int32 = 0
        var names: [String] = []
        if let list = gvPluginList(gvc, "layout", &count, nil) {
            for i in 0..<Int(count) {
                if let p = list[i] { names.append(String(cString: p)); free(p) }
            }
            free(list)
        }
        engines = Array(Set(names)).sorted()
    }

    /// The engine used when none is given and the graph has no `layout` attribute:
    /// `dot` up to 100 nodes, `neato` up to 500, `sfdp` above.
    public static func engine(forNodeCount n: Int) -> String {
        n <= 100 ? "dot" : (n <= 500 ? "neato" : "sfdp")
    }

    /// Renders DOT text in memory.
    /// - Parameters:
    ///   - dot: the graph; must not contain NUL.
    ///   - format: `.svg`, `.png` or `.pdf`; `.dot` returns the text unchanged after checking that
    ///     Graphviz parses it.
    ///   - engine: a layout engine; nil uses the graph's `layout` attribute, else one chosen by size
    ///     (``engine(forNodeCount:)``).
    ///   - fonts: the Japanese font check run before rendering.
    /// - Throws: ``RenderError``.
    public func render(dot: String, format: RenderFormat, engine: String? = nil,
                       fonts: JapaneseFonts = .system) throws -> RenderResult {
        if let engine, !engines.contains(engine) {
            throw RenderError.unknownEngine(engine, available: engines)
        }
        if format != .dot { try fonts.require() }
        return try withParsedGraph(dot) { g in
            guard let device = format.device else {
                return RenderResult(data: Array(dot.utf8), engine: "", warnings: GraphvizMessages(handlerOutput).warnings)
            }
            return try withLayout(g, engine: engine) { chosen in
                var buffer: UnsafeMutablePointer<CChar>?
                var length: UInt32 = 0
                let rendered = gvRenderData(context, g, device, &buffer, &length)
                defer { if let buffer { gvFreeRenderData(buffer) } }
                if rendered != 0 || buffer == nil {
                    throw RenderError.graphviz(stage: "render", message: takeErrors(default: "\(device) failed"))
                }
                let messages = GraphvizMessages(handlerOutput)
                if !messages.errors.isEmpty {
                    throw RenderError.graphviz(stage: "render", message: messages.errors.joined(separator: "\n"))
                }
                let bytes = buffer!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    Array(UnsafeBufferPointer(start: $0, count: Int(length)))
                }
                return RenderResult(data: bytes, engine: chosen, warnings: messages.warnings)
            }
        }
    }

    /// Lays out a parsed graph (under the lock) and runs `body` with the engine used, freeing the
    /// layout afterwards. The engine is `engine`, else the graph's `layout` attribute, else one
    /// chosen by size (``engine(forNodeCount:)``).
    /// - Throws: ``RenderError/unknownEngine(_:available:)``, ``RenderError/graphviz(stage:message:)``.
    func withLayout<T>(_ g: UnsafeMutablePointer<Agraph_t>, engine: String?, _ body: (String) throws -> T) throws -> T {
        let chosen: String
        if let engine {
            chosen = engine
        } else if let layout = attribute(g, "layout"), !layout.isEmpty {
            guard engines.contains(layout) else { throw RenderError.unknownEngine(layout, available: engines) }
            chosen = layout
        } else {
            chosen = GraphvizRenderer.engine(forNodeCount: Int(agnnodes(g)))
        }
        // gvLayout lets the graph's own `layout` attribute override its argument; make them agree.
        _ = "layout".withCString { k in chosen.withCString { v in "".withCString { d in
            agsafeset(UnsafeMutableRawPointer(g), UnsafeMutablePointer(mutating: k),
                      UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: d))
        } } }

        let laidOut = gvLayout(context, g, chosen)
        defer { _ = gvFreeLayout(context, g) }
        if laidOut != 0 {
            throw RenderError.graphviz(stage: "lay out", message: takeErrors(default: "\(chosen) failed"))
        }
        return try body(chosen)
    }

    /// Parses `dot` under the lock and runs `body` on the graph, closing it afterwards.
    /// - Throws: ``RenderError/graphviz(stage:message:)`` when Graphviz rejects the text.
    func withParsedGraph<T>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        guard !dot.utf8.contains(0) else {
            throw RenderError.graphviz(stage: "read", message: "the DOT text contains a NUL character")
        }
        lock.lock()
        defer { lock.unlock() }
        handlerOutput = ""
        _ = agreseterrors()
        guard let g = agmemread(dot) else {
            throw RenderError.graphviz(stage: "read", message: takeErrors(default: "no graph in the DOT text"))
        }
        defer { _ = agclose(g) }
        let parseMessages = GraphvizMessages(handlerOutput)
        if !parseMessages.errors.isEmpty {
            throw RenderError.graphviz(stage: "read", message: parseMessages.errors.joined(separator: "\n"))
        }
        return try body(g)
    }

    /// Graphviz's error messages since the last reset, or `fallback`.
    func takeErrors(default fallback: String) -> String {
        let m = GraphvizMessages(handlerOutput)
        if !m.errors.isEmpty { return m.errors.joined(separator: "\n") }
        if !m.warnings.isEmpty { return m.warnings.joined(separator: "\n") }
        return fallback
    }

    /// A graph attribute's value, or nil when the attribute is not declared.
    private func attribute(_ g: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String? {
        name.withCString { k in
            agget(UnsafeMutableRawPointer(g), UnsafeMutablePointer(mutating: k)).map { String(cString: $0) }
        }
    }
}
