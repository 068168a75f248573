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
    /// Connected components by breadth-first search, in a deterministic order: largest first,
    /// ties broken by the smallest vertex index; vertices ascending within a component.
    ///
    /// Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
    /// manipulation. *Communications of the ACM* 16(6), 372–378. doi:10.1145/362248.362272.
    ///
    /// - Complexity: O(*n* + *m*) for the search plus O(*n* log *n*) for the ordering.
    public func connectedComponents() -> ComponentPartition {
        let n = nodeCount
        var raw = [Int32](repeating: -1, count: n)
        var starts: [Int] = []      // smallest vertex of each raw component (discovery order)
        var sizes: [Int] = []
        let queue = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
        defer { queue.deallocate() }
        raw.withUnsafeMutableBufferPointer { raw in
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
            var next: Int32 = 0
            for s in 0..<n where raw[s] < 0 {
                raw[s] = next
                queue[0] = Int32(s)
                var head = 0, tail = 1
                while head < tail {
                    let v = Int(queue[head]); head += 1
                    for e in off[v]..<off[v + 1] {
                        let w = Int(nbr[e])
                        if raw[w] < 0 { raw[w] = next; queue[tail] = Int32(w); tail += 1 }
                    }
                }
                starts.append(s); sizes.append(tail)
                next += 1
            }
        }}}
        let order = (0..<sizes.count).sorted { (sizes[$0], -starts[$0]) > (sizes[$1], -starts[$1]) }
        var rank = [Int32](repeating: 0, count: sizes.count)
        for (r, c) in order.enumerated() { rank[c] = Int32(r) }
        var members = order.map { c -> [NodeIndex] in
            var a: [NodeIndex] = []; a.reserveCapacity(sizes[c]); return a
        }
        var component = [Int32](repeating: 0, count: n)
        if rank.count == 1 {
            members[0] = (0..<n).map { NodeIndex($0) }
        } else {
            for v in 0..<n {
                let r = rank[Int(raw[v])]
                component[v] = r
                members[Int(r)].append(NodeIndex(v))
            }
        }
        return ComponentPartition(component: component, members: members)
    }
}
