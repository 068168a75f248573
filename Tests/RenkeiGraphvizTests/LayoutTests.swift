import Testing
import RenkeiCore
@testable import RenkeiGraphviz

/// Node positions read from libgvc after `gvLayout` (``GraphvizRenderer/layout(dot:engine:fonts:)``).
@Suite struct LayoutTests {
    static let square = """
        graph g { start="random3"; a -- b; b -- c; c -- d; d -- a; a -- c; c -- e }
        """

    @Test func neatoPositionsAreFiniteDistinctAndRepeatForTheSameSeed() throws {
        let first = try GraphvizRenderer.shared.layout(dot: Self.square, engine: "neato")
        #expect(first.engine == "neato")
        #expect(Set(first.positions.keys) == ["a", "b", "c", "d", "e"])
        let points = first.positions.values
        #expect(points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        // Default nodes are 54 × 36 pt ellipses and neato removes no overlap by default, but no two
        // nodes of this graph share a centre: every pair is at least a node's height apart.
        let list = Array(points)
        for i in list.indices { for j in list.indices where i < j {
            let d = ((list[i].x - list[j].x) * (list[i].x - list[j].x) + (list[i].y - list[j].y) * (list[i].y - list[j].y)).squareRoot()
            #expect(d > 18, "\(list[i]) \(list[j])")
        } }
        // Every centre lies inside the bounding box.
        for p in points {
            #expect(p.x >= first.lowerLeft.x && p.x <= first.upperRight.x)
            #expect(p.y >= first.lowerLeft.y && p.y <= first.upperRight.y)
        }
        let again = try GraphvizRenderer.shared.layout(dot: Self.square, engine: "neato")
        #expect(again == first)
        let otherSeed = try GraphvizRenderer.shared.layout(dot: Self.square.replacingOccurrences(of: "random3", with: "random11"),
                                                           engine: "neato")
        #expect(otherSeed.positions != first.positions)
    }

    /// dot's documented defaults (node 0.75 × 0.5 in, ranksep 0.5 in) put a chain's centres on one
    /// vertical line 72 pt apart, the first rank on top (Graphviz's y axis points up): a at
    /// (27, 162), b at (27, 90), c at (27, 18) in a 54 × 180 pt bounding box.
    @Test func dotChainIsRankedTopToBottom() throws {
        let r = try GraphvizRenderer.shared.layout(dot: "digraph { a -> b -> c }", engine: "dot")
        let a = try #require(r.positions["a"]), b = try #require(r.positions["b"]), c = try #require(r.positions["c"])
        #expect(a.y > b.y && b.y > c.y)
        #expect(a == .init(x: 27, y: 162))
        #expect(b == .init(x: 27, y: 90))
        #expect(c == .init(x: 27, y: 18))
        #expect(r.lowerLeft == .init(x: 0, y: 0))
        #expect(r.upperRight == .init(x: 54, y: 180))
    }

    @Test func theGraphsLayoutAttributeChoosesTheEngine() throws {
        let r = try GraphvizRenderer.shared.layout(dot: "digraph { layout=circo; a -> b -> c -> a }")
        #expect(r.engine == "circo")
    }

    @Test func failuresAreTypedErrors() throws {
        #expect(throws: RenderError.unknownEngine("nope", available: GraphvizRenderer.shared.engines)) {
            try GraphvizRenderer.shared.layout(dot: "graph { a }", engine: "nope")
        }
        do {
            _ = try GraphvizRenderer.shared.layout(dot: "graph { a -- }")
            Issue.record("a syntax error was accepted")
        } catch let RenderError.graphviz(stage, message) {
            #expect(stage == "read")
            #expect(message.contains("syntax error"), "\(message)")
        }
    }
}
