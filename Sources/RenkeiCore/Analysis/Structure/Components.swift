/// The connected components of an ``AnalysisGraph``.
public struct ComponentPartition: Sendable {
    /// Component number of each vertex; component 0 is the largest.
    public let component: [Int32]
    /// The vertices of each component, ascending. Components are ordered by size, largest
    /// first, ties by their smallest vertex.
    public let members: [[NodeIndex]]

    /// Number of components.
    public var count: Int { members.count }

    /// Size of the component containing `v`.
    public func size(of v: NodeIndex) -> Int { members[Int(component[v.int])].count }
}

extension AnalysisGraph {
    /// Connected components, in a deterministic order: largest first, ties broken by the smallest
    /// vertex index; vertices ascending within a component.
    ///
    /// Breadth-first search from each unvisited vertex in ascending order (Hopcroft, J. & Tarjan,
    /// R. (1973). Algorithm 447: efficient algorithms for graph manipulation. *Communications of
    /// the ACM* 16(6), 372–378. doi:10.1145/362248.362272), stopping as soon as every vertex has
    /// been reached — on a connected graph the search usually ends long before it has read every
    /// edge, because the last vertices are found through hubs.
    ///
    /// - Complexity: O(*n* + *m*) for the search plus O(*c* log *c*) to order *c* components.
    public func connectedComponents() -> ComponentPartition {
        let n = nodeCount
        let label = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
        let queue = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
        defer { label.deallocate(); queue.deallocate() }
        label.initialize(repeating: -1, count: max(1, n))
        var starts: [Int] = []      // smallest vertex of each component, ascending
        var sizes: [Int] = []
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
            let off = off.baseAddress!, nbr = nbr.baseAddress!
            var visited = 0
            var s = 0
            while s < n && visited < n {
                if label[s] >= 0 { s += 1; continue }
                let c = Int32(truncatingIfNeeded: starts.count)
                label[s] = c
                queue[0] = Int32(truncatingIfNeeded: s)
                var head = 0, tail = 1
                visited &+= 1
                while head < tail && visited < n {
                    let v = Int(queue[head]); head &+= 1
                    var e = off[v]
                    let end = off[v &+ 1]
                    while e < end {
                        let w = Int(nbr[e])
                        if label[w] < 0 {
                            label[w] = c; queue[tail] = Int32(truncatingIfNeeded: w); tail &+= 1; visited &+= 1
                        }
                        e &+= 1
                    }
                }
                starts.append(s); sizes.append(tail)
                s += 1
            }
        }}
        let raw = UnsafeBufferPointer(start: label, count: n)
        let order = (0..<sizes.count).sorted { (sizes[$0], -starts[$0]) > (sizes[$1], -starts[$1]) }
        var rank = [Int32](repeating: 0, count: sizes.count)
        for (r, c) in order.enumerated() { rank[c] = Int32(r) }
        var component = [Int32](repeating: 0, count: n)
        var members: [[NodeIndex]]
        if rank.count == 1 {
            members = [(0..<n).map { NodeIndex($0) }]
        } else {
            members = order.map { c -> [NodeIndex] in
                var a: [NodeIndex] = []; a.reserveCapacity(sizes[c]); return a
            }
            for v in 0..<n {
                let r = rank[Int(raw[v])]
                component[v] = r
                members[Int(r)].append(NodeIndex(v))
            }
        }
        return ComponentPartition(component: component, members: members)
    }
}
