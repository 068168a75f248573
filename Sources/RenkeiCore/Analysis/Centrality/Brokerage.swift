/// Gould–Fernandez brokerage roles of one vertex.
///
/// Counts are of **ordered** open two-paths *a* → *v* → *b* (*a* ≠ *b*, *a* and *b* not
/// adjacent), with every undirected tie read as a pair of mutual arcs — the convention of
/// statnet's `brokerage()` on a symmetric sociomatrix. An unordered open pair {*a*, *b*} around
/// *v* therefore counts **twice**: 2 coordinator, 2 itinerant or 2 liaison when the roles are
/// symmetric, and **1 representative + 1 gatekeeper** when exactly one of *a*, *b* shares *v*'s
/// group (*a* → *v* → *b* with *a* in *v*'s group is representative, the reverse is gatekeeper).
/// Halve ``total`` for the number of unordered open pairs.
public struct BrokerageRoles: Hashable, Sendable {
    /// *a*, *v*, *b* all in one group (w_I).
    public var coordinator: Int
    /// *v* and *b* share a group, *a* is outside (b_IO): *v* guards its group's door.
    public var gatekeeper: Int
    /// *a* and *v* share a group, *b* is outside (b_OI): *v* speaks for its group.
    public var representative: Int
    /// *a* and *b* share a group, *v* is outside (w_O).
    public var itinerant: Int
    /// three different groups (b_O).
    public var liaison: Int

    /// Roles with the given counts (all 0 by default).
    public init(coordinator: Int = 0, gatekeeper: Int = 0, representative: Int = 0, itinerant: Int = 0,
                liaison: Int = 0) {
        self.coordinator = coordinator
        self.gatekeeper = gatekeeper
        self.representative = representative
        self.itinerant = itinerant
        self.liaison = liaison
    }

    /// All brokerage: the number of ordered open two-paths through the vertex.
    public var total: Int { coordinator + gatekeeper + representative + itinerant + liaison }
}

extension AnalysisGraph {
    /// Gould–Fernandez brokerage counts for every vertex, with a group per vertex (an
    /// organisation's kind in partnership networks). See ``BrokerageRoles`` for the counting
    /// convention on undirected ties.
    ///
    /// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    /// brokerage in transaction networks. *Sociological Methodology* 19, 89–126. doi:10.2307/270949.
    ///
    /// All neighbour pairs are counted by group sizes in closed form, then the closed pairs found
    /// by triangle listing are subtracted, so hubs cost no more than their triangles.
    /// - Parameter groups: one group number per vertex.
    /// - Complexity: O(*m*^1.5) time, O(*n* + *m*) memory.
    public func brokerage(groups: [Int]) -> [BrokerageRoles] {
        let n = nodeCount
        precondition(groups.count == n, "one group per vertex")
        var roles = [BrokerageRoles](repeating: BrokerageRoles(), count: n)
        var count = [Int: Int]()
        for v in 0..<n {
            let d = offsets[v + 1] - offsets[v]
            guard d >= 2 else { continue }
            count.removeAll(keepingCapacity: true)
            for e in offsets[v]..<offsets[v + 1] { count[groups[Int(neighbors[e])], default: 0] += 1 }
            let own = count[groups[v]] ?? 0
            let other = d - own
            var sameOutside = 0, squaresOutside = 0
            for (g, c) in count where g != groups[v] {
                sameOutside += c * (c - 1)
                squaresOutside += c * c
            }
            roles[v].coordinator = own * (own - 1)
            roles[v].representative = own * other
            roles[v].gatekeeper = other * own
            roles[v].itinerant = sameOutside
            roles[v].liaison = other * other - squaresOutside
        }
        forEachTriangle { a, b, c, _, _, _ in
            for (mid, x, y) in [(a, b, c), (b, a, c), (c, a, b)] {
                let gm = groups[mid], gx = groups[x], gy = groups[y]
                if gx == gm && gy == gm { roles[mid].coordinator -= 2 }
                else if gx == gy { roles[mid].itinerant -= 2 }
                else if gx == gm || gy == gm { roles[mid].representative -= 1; roles[mid].gatekeeper -= 1 }
                else { roles[mid].liaison -= 2 }
            }
        }
        return roles
    }
}
