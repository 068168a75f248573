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
    /// Union–find over the edges, each undirected edge read once in CSR order, linking the larger
    /// root under the smaller (so a component's root is its smallest vertex) with path halving:
    /// Tarjan, R. E. (1975). Efficiency of a good but not linear set union algorithm. *Journal of
    /// the ACM* 22(2), 215–225. doi:10.1145/321879.321884.
    ///
    /// - Complexity: O(*m* α(*n*)) for the union–find plus O(*n* + *c* log *c*) for *c* components.
    public func connectedComponents() -> ComponentPartition {
        let n = nodeCount
        let parent = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
        defer { parent.deallocate() }
        for v in 0..<n { parent[v] = Int32(truncatingIfNeeded: v) }
        @inline(__always) func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                let p = parent[Int(x)]
                let gp = parent[Int(p)]
                parent[Int(x)] = gp
                x = gp
            }
            return x
        }
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
            for v in 0..<n {
                let v32 = Int32(truncatingIfNeeded: v)
                var e = off[v]
                let end = off[v + 1]
                // rows are sorted: skip the neighbours below v (each edge once)
                while e < end && nbr[e] < v32 { e += 1 }
                var rv = find(v32)
                while e < end {
                    let rw = find(nbr[e])
                    if rw != rv {
                        if rw < rv { parent[Int(rv)] = rw; rv = rw } else { parent[Int(rw)] = rv }
                    }
                    e += 1
                }
            }
        }}
        // Roots are the smallest vertex of their component, met in ascending order.
        var raw = [Int32](repeating: 0, count: n)
        var starts: [Int] = []
        var sizes: [Int] = []
        var componentOfRoot = [Int32](repeating: -1, count: n)
        for v in 0..<n {
            let r = Int(find(Int32(truncatingIfNeeded: v)))
            if componentOfRoot[r] < 0 {
                componentOfRoot[r] = Int32(starts.count)
                starts.append(v); sizes.append(0)
            }
            let c = componentOfRoot[r]
            raw[v] = c
            sizes[Int(c)] += 1
        }
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
