import RenkeiCore

/// Node positions the interchange writers carry (`export --layout`), by node id.
///
/// Points (1/72 inch), x to the right and y **down** with the origin at the drawing's top-left
/// corner: the screen convention of Cytoscape.js, D3, yEd and SVG, so the numbers are where the
/// nodes sit in the 連携図's SVG (less its margin). GraphML, node-link JSON, Cytoscape JSON, CSV
/// and the xlsx 団体 sheet carry them as they are; GEXF carries (x, −y), because Gephi's y axis
/// points up.
public struct NodePositions: Sendable, Equatable {
    /// One node's position.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// Position by node id; a node missing here gets none.
    public var points: [String: Point]

    public init(_ points: [String: Point]) { self.points = points }

    /// The node columns positions occupy, after the metrics: `x` and `y`, doubles (Japanese
    /// headers X座標, Y座標).
    public static let attributes: [AttributeSpec] = [
        AttributeSpec(name: "x", japanese: "X座標", type: .double),
        AttributeSpec(name: "y", japanese: "Y座標", type: .double),
    ]
}

extension NetworkTable {
    /// The indexes of the `x` and `y` node columns, when the table has both.
    var positionColumns: (x: Int, y: Int)? {
        guard let x = nodeAttributes.firstIndex(where: { $0.name == "x" }),
              let y = nodeAttributes.firstIndex(where: { $0.name == "y" }) else { return nil }
        return (x, y)
    }

    /// A node's position from its `x` and `y` columns (``NodePositions``' convention), when it has both.
    public func position(of node: Node) -> NodePositions.Point? {
        guard let (xi, yi) = positionColumns, let x = node.values[xi]?.number, let y = node.values[yi]?.number else { return nil }
        return .init(x: x, y: y)
    }
}

extension AttributeValue {
    /// The value as a number, when it is one.
    var number: Double? {
        switch self {
        case .double(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}
