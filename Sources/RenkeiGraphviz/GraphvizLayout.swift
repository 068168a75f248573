import CGraphviz
import RenkeiCore

/// Where a layout engine placed each node: values read from libgvc after `gvLayout`, in
/// Graphviz's own coordinates (points, 1/72 inch; x to the right, y **up**), the frame of the
/// `pos` and `bb` attributes that `dot -Tdot` prints.
public struct GraphvizLayout: Sendable, Equatable {
    /// A point in Graphviz coordinates.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }
    /// The engine that laid the graph out.
    public var engine: String
    /// The drawing's bounding box (`bb`): lower-left and upper-right corners, graph label included.
    public var lowerLeft: Point
    public var upperRight: Point
    /// Node centre (`ND_coord`, the `pos` attribute) by DOT node name.
    public var positions: [String: Point]
    /// Graphviz's warnings, one per message.
    public var warnings: [String]
}

extension GraphvizRenderer {
    /// Lays DOT text out and returns every node's centre, without rendering anything.
    ///
    /// The engine is chosen as by ``render(dot:format:engine:fonts:)``; randomised engines start
    /// from the graph's `start` attribute (`random<seed>`), so equal text gives equal positions.
    /// The positions are the same ones `neato`/`sfdp`/`dot` on the command line compute for the
    /// same text (which prints them rounded to 5 significant digits).
    /// - Parameters:
    ///   - dot: the graph; must not contain NUL.
    ///   - engine: a layout engine; nil uses the graph's `layout` attribute, else one chosen by size.
    ///   - fonts: the Japanese font check (node sizes depend on the text's measured width).
    /// - Throws: ``RenderError`` (unknown engine, no Japanese font, Graphviz rejecting the text or
    ///   failing to lay it out, a position that is not finite).
    public func layout(dot: String, engine: String? = nil, fonts: JapaneseFonts = .system) throws -> GraphvizLayout {
        if let engine, !engines.contains(engine) {
            throw RenderError.unknownEngine(engine, available: engines)
        }
        try fonts.require()
        return try withParsedGraph(dot) { g in
            try withLayout(g, engine: engine) { chosen in
                let messages = GraphvizMessages(handlerOutput)
                if !messages.errors.isEmpty {
                    throw RenderError.graphviz(stage: "lay out", message: messages.errors.joined(separator: "\n"))
                }
                var positions: [String: GraphvizLayout.Point] = [:]
                var n = agfstnode(g)
                while let node = n {
                    let name = String(cString: agnameof(UnsafeMutableRawPointer(node)))
                    let c = renkei_nd_coord(node)
                    guard c.x.isFinite && c.y.isFinite else {
                        throw RenderError.graphviz(stage: "lay out", message: "\(chosen) gave node \(name) no finite position")
                    }
                    positions[name] = .init(x: c.x, y: c.y)
                    n = agnxtnode(g, node)
                }
                let bb = renkei_gd_bb(g)
                return GraphvizLayout(engine: chosen, lowerLeft: .init(x: bb.LL.x, y: bb.LL.y),
                                      upperRight: .init(x: bb.UR.x, y: bb.UR.y),
                                      positions: positions, warnings: messages.warnings)
            }
        }
    }
}
