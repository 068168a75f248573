import CGraphviz
import Foundation

/// A graph as Graphviz parsed it: names and attribute values exactly as `agget` returns them.
/// Used to check DOT output structurally (every attribute that was set, per object).
public struct ParsedGraph: Sendable {
    /// A node: its name and every declared attribute's value.
    public struct Node: Sendable {
        /// The node's DOT name.
        public var name: String
        /// Attribute name → value, as `agget` returns it.
        public var attributes: [String: String]
    }
    /// An edge: its end points (as written, tail first) and attribute values.
    public struct Edge: Sendable {
        /// The tail node's name.
        public var tail: String
        /// The head node's name.
        public var head: String
        /// Attribute name → value, as `agget` returns it.
        public var attributes: [String: String]
    }
    /// The graph's name.
    public var name: String
    /// Whether the graph is a `digraph`.
    public var directed: Bool
    /// Graph attribute name → value.
    public var attributes: [String: String]
    /// Nodes in Graphviz's order.
    public var nodes: [Node]
    /// Edges, grouped by tail node.
    public var edges: [Edge]
    /// Names of the subgraphs directly under the root (`cluster_…`).
    public var subgraphs: [String]

    /// The node named `name`.
    public func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
}

extension GraphvizRenderer {
    /// Parses DOT with libgvc (`agmemread`) and returns every node, edge and attribute value.
    /// Attributes equal to their declared default are included as well.
    /// - Throws: ``RenderError/graphviz(stage:message:)`` with Graphviz's message when it rejects the text.
    public func inspect(dot: String) throws -> ParsedGraph {
        try withParsedGraph(dot) { g in
            func attrs(_ obj: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
                var out: [String: String] = [:]
                var sym = agnxtattr(g, kind, nil)
                while let s = sym {
                    if let n = s.pointee.name, let v = agget(obj, n) { out[String(cString: n)] = String(cString: v) }
                    sym = agnxtattr(g, kind, s)
                }
                return out
            }
            var nodes: [ParsedGraph.Node] = []
            var edges: [ParsedGraph.Edge] = []
            var n = agfstnode(g)
            while let node = n {
                nodes.append(.init(name: String(cString: agnameof(UnsafeMutableRawPointer(node))),
                                   attributes: attrs(UnsafeMutableRawPointer(node), kind: RENKEI_AGNODE)))
                var e = agfstout(g, node)
                while let edge = e {
                    edges.append(.init(tail: String(cString: agnameof(UnsafeMutableRawPointer(renkei_agtail(edge)))),
                                       head: String(cString: agnameof(UnsafeMutableRawPointer(renkei_aghead(edge)))),
                                       attributes: attrs(UnsafeMutableRawPointer(edge), kind: RENKEI_AGEDGE)))
                    e = agnxtout(g, edge)
                }
                n = agnxtnode(g, node)
            }
            var subs: [String] = []
            var s = agfstsubg(g)
            while let sub = s {
                subs.append(String(cString: agnameof(UnsafeMutableRawPointer(sub))))
                s = agnxtsubg(sub)
            }
            return ParsedGraph(name: String(cString: agnameof(UnsafeMutableRawPointer(g))),
                               directed: agisdirected(g) != 0,
                               attributes: attrs(UnsafeMutableRawPointer(g), kind: RENKEI_AGRAPH),
                               nodes: nodes, edges: edges, subgraphs: subs)
        }
    }
}
