/// A vertex of an ``AnalysisGraph``: a dense index, distinct from plain integers so that a
/// vertex cannot be confused with a count or a position in another array.
public struct NodeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    /// The vertex with index `value`.
    /// - Precondition: `0 <= value <= Int32.max` (vertex indices are stored as `Int32`; a larger
    ///   value used to be truncated silently to another vertex).
    @inlinable public init(_ value: Int) {
        precondition(value >= 0 && value <= Int(Int32.max),
                     "NodeIndex(\(value)): a vertex index must be at least 0 and fit in Int32")
        rawValue = Int32(truncatingIfNeeded: value)
    }

    /// The vertex with index `value`, or nil when `value` is negative or does not fit in `Int32`.
    @inlinable public init?(exactly value: Int) {
        guard value >= 0, let raw = Int32(exactly: value) else { return nil }
        rawValue = raw
    }

    @inlinable public init(raw: Int32) { rawValue = raw }

    /// The index as an `Int`, for subscripting per-vertex arrays.
    @inlinable public var int: Int { Int(rawValue) }

    public static func < (lhs: NodeIndex, rhs: NodeIndex) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}
