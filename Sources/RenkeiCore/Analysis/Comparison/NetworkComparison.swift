/// What changed between two partnership networks (`renkei diff`): organisations, partnerships,
/// relations, projects, components, and the organisations whose degree and betweenness rank moved most.
///
/// Organisations are paired by ``OrganizationMatching`` (by name and alias, never by id) and
/// projects by ``ProjectMatching`` (by title). A partnership is an unordered pair of organisations
/// with every relation of its partnerships the filter keeps; its status is realised when one of
/// them is, planned otherwise. A pair present in both networks whose relations or status differ
/// is a relation change. Components are those of the partnership graph with at least two
/// organisations; one merged when its organisations present in both networks came from two or more
/// components before, one split when they went into two or more after.
public struct NetworkComparison: Sendable {
    /// An organisation as one side knows it.
    public struct Member: Sendable, Equatable, Hashable {
        public var id: String
        public var name: String
        /// Kind id (社協, 行政 …).
        public var kind: String
    }

    /// A partnered pair on one side: `source` is the end that comes first in that dataset.
    public struct Pair: Sendable, Equatable {
        public var source: Member
        public var target: Member
        /// In vocabulary order.
        public var relations: [RelationKind]
        public var status: PartnershipStatus
        /// Project ids of that side, sorted.
        public var projects: [String]
    }

    /// A pair present on both sides whose relations or status differ (named as the new side knows it).
    public struct PairChange: Sendable, Equatable {
        public var old: Pair
        public var new: Pair
        public var relationsAdded: [RelationKind] {
            let had = Set(old.relations.map(\.id))
            return new.relations.filter { !had.contains($0.id) }
        }
        public var relationsRemoved: [RelationKind] {
            let has = Set(new.relations.map(\.id))
            return old.relations.filter { !has.contains($0.id) }
        }
    }

    /// An organisation paired across a different id or name.
    public struct Rematch: Sendable, Equatable {
        public var old: Member
        public var new: Member
        public var basis: OrganizationMatching.Basis
    }

    /// A component, named by its organisation with the most partners (ties: the first in the dataset).
    public struct Component: Sendable, Equatable {
        public var largest: Member
        public var size: Int
    }

    /// A component and the components it came from (a merge) or went into (a split), largest first.
    public struct ComponentChange: Sendable, Equatable {
        public var component: Component
        public var parts: [Component]
    }

    /// An organisation's value and rank (1 = highest; ties share the best rank) on each side.
    public struct Move: Sendable, Equatable {
        public var old: Member
        public var new: Member
        public var oldValue: Double
        public var newValue: Double
        public var oldRank: Int
        public var newRank: Int
        /// Positive when the organisation rose.
        public var rankChange: Int { oldRank - newRank }
        public var change: Double { newValue - oldValue }
    }

    public var matching: OrganizationMatching
    /// Organisations only in the new network (new dataset order) and only in the old one (old order).
    public var organizationsAdded: [Member] = []
    public var organizationsRemoved: [Member] = []
    /// Paired organisations whose id or name differs, in the old dataset's order.
    public var rematched: [Rematch] = []
    /// Pairs only in the new network (by the new dataset's order of the ends), only in the old one.
    public var partnershipsAdded: [Pair] = []
    public var partnershipsRemoved: [Pair] = []
    /// Pairs in both whose relations or status differ, by the new dataset's order.
    public var relationsChanged: [PairChange] = []
    /// Projects only in the new dataset, and only in the old one, in dataset order.
    public var projectsAdded: [Project] = []
    public var projectsRemoved: [Project] = []
    /// New components made of two or more old ones, and old components broken into two or more.
    public var componentsMerged: [ComponentChange] = []
    public var componentsSplit: [ComponentChange] = []
    /// Paired organisations whose number of partners changed, largest change first (ties: new name, id).
    public var degreeMoves: [Move] = []
    /// Paired organisations whose betweenness rank changed (NetworkX normalised betweenness),
    /// largest move first (ties: new name, id).
    public var betweennessMoves: [Move] = []

    /// Compares `old` with `new`, both read through `filter` (relations, status, generic partners, projects).
    /// - Complexity: dominated by the two betweenness computations, O(*n* *m*).
    public static func compare(old: Dataset, new: Dataset, filter: GraphFilter = GraphFilter()) -> NetworkComparison {
        let matching = OrganizationMatching.match(old: old, new: new)
        var c = NetworkComparison(matching: matching)
        let kept = { (_: Dataset, o: Organization) in filter.includeGeneric || !o.generic }
        func member(_ d: Dataset, _ id: String) -> Member {
            let o = d.organization(id: id)
            return Member(id: id, name: o?.name ?? id, kind: o?.kind.id ?? OrganizationKind.other.id)
        }
        c.organizationsAdded = new.organizations.filter { kept(new, $0) && matching.oldByNew[$0.id] == nil }.map { member(new, $0.id) }
        c.organizationsRemoved = old.organizations.filter { kept(old, $0) && matching.newByOld[$0.id] == nil }.map { member(old, $0.id) }
        for o in old.organizations where kept(old, o) {
            guard let n = matching.newByOld[o.id], let no = new.organization(id: n), kept(new, no) else { continue }
            if n != o.id || no.name != o.name {
                c.rematched.append(Rematch(old: member(old, o.id), new: member(new, n), basis: matching.basis[o.id]!))
            }
        }

        // Pairs, keyed in a shared id space: new ids, and old ids for old organisations without a pair.
        let oldPairs = pairs(of: old, filter: filter), newPairs = pairs(of: new, filter: filter)
        func shared(_ id: String) -> String { matching.newByOld[id].map { "n:" + $0 } ?? "o:" + id }
        func key(_ a: String, _ b: String) -> String { a < b ? a + "\u{0}" + b : b + "\u{0}" + a }
        var oldByKey: [String: Pair] = [:]
        for p in oldPairs { oldByKey[key(shared(p.source.id), shared(p.target.id))] = p }
        var seen = Set<String>()
        for p in newPairs {
            let k = key("n:" + p.source.id, "n:" + p.target.id)
            seen.insert(k)
            guard let before = oldByKey[k] else { c.partnershipsAdded.append(p); continue }
            if Set(before.relations.map(\.id)) != Set(p.relations.map(\.id)) || before.status != p.status {
                c.relationsChanged.append(PairChange(old: before, new: p))
            }
        }
        c.partnershipsRemoved = oldPairs.filter { !seen.contains(key(shared($0.source.id), shared($0.target.id))) }

        let projectPairs = ProjectMatching.match(old: old, new: new)
        let pairedNew = Set(projectPairs.values)
        c.projectsRemoved = old.projects.filter { projectPairs[$0.id] == nil }
        c.projectsAdded = new.projects.filter { !pairedNew.contains($0.id) }

        // Components and centralities of the two partnership graphs.
        let g0 = AnalysisGraph.partnershipGraph(of: old, filter: filter)
        let g1 = AnalysisGraph.partnershipGraph(of: new, filter: filter)
        let comp0 = g0.connectedComponents(), comp1 = g1.connectedComponents()
        func component(_ g: AnalysisGraph, _ d: Dataset, _ members: [NodeIndex]) -> Component {
            let top = members.min { (-g.degree(of: $0), $0.int) < (-g.degree(of: $1), $1.int) }!
            return Component(largest: member(d, g.labels[top.int]), size: members.count)
        }
        var both: [(NodeIndex, NodeIndex)] = []     // (old vertex, new vertex) of each pair in both graphs
        for v in g0.nodes {
            if let n = matching.newByOld[g0.labels[v.int]], let w = g1.node(labelled: n) { both.append((v, w)) }
        }
        func changes(from a: ComponentPartition, _ ga: AnalysisGraph, _ da: Dataset,
                     to b: ComponentPartition, _ gb: AnalysisGraph, _ db: Dataset, reversed: Bool) -> [ComponentChange] {
            var parts: [Int: Set<Int>] = [:]
            for (v, w) in both {
                let (x, y) = reversed ? (w, v) : (v, w)
                let ca = Int(a.component[x.int]), cb = Int(b.component[y.int])
                guard a.members[ca].count >= 2, b.members[cb].count >= 2 else { continue }
                parts[cb, default: []].insert(ca)
            }
            return parts.keys.sorted().compactMap { cb in
                let from = parts[cb]!
                guard from.count >= 2 else { return nil }
                return ComponentChange(component: component(gb, db, b.members[cb]),
                                       parts: from.sorted().map { component(ga, da, a.members[$0]) })
            }
        }
        c.componentsMerged = changes(from: comp0, g0, old, to: comp1, g1, new, reversed: false)
        c.componentsSplit = changes(from: comp1, g1, new, to: comp0, g0, old, reversed: true)

        let d0 = g0.nodes.map { Double(g0.degree(of: $0)) }, d1 = g1.nodes.map { Double(g1.degree(of: $0)) }
        let b0 = (try? g0.betweenness()) ?? [Double](repeating: 0, count: g0.nodeCount)
        let b1 = (try? g1.betweenness()) ?? [Double](repeating: 0, count: g1.nodeCount)
        func moves(_ x: [Double], _ y: [Double], by rank: Bool) -> [Move] {
            let rx = ranks(x), ry = ranks(y)
            var out: [Move] = []
            for (v, w) in both {
                let m = Move(old: member(old, g0.labels[v.int]), new: member(new, g1.labels[w.int]),
                             oldValue: x[v.int], newValue: y[w.int], oldRank: rx[v.int], newRank: ry[w.int])
                if rank ? m.rankChange != 0 : m.change != 0 { out.append(m) }
            }
            return out.sorted { l, r in
                let a = rank ? abs(Double(l.rankChange)) : abs(l.change), b = rank ? abs(Double(r.rankChange)) : abs(r.change)
                return a != b ? a > b : (l.new.name, l.new.id) < (r.new.name, r.new.id)
            }
        }
        c.degreeMoves = moves(d0, d1, by: false)
        c.betweennessMoves = moves(b0, b1, by: true)
        return c
    }

    /// Competition ranks, highest value first: 1 + the number of values greater (beyond a relative
    /// 1e-12, so that sums taken in another order tie).
    static func ranks(_ values: [Double]) -> [Int] {
        let sorted = values.sorted(by: >)
        return values.map { v in
            let bar = v + 1e-12 * max(1, abs(v))
            var lo = 0, hi = sorted.count
            while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] > bar { lo = mid + 1 } else { hi = mid } }
            return lo + 1
        }
    }

    /// Every partnered pair of `dataset` the filter keeps, ordered by the dataset positions of its ends.
    public static func pairs(of dataset: Dataset, filter: GraphFilter) -> [Pair] {
        struct Acc { var a: String; var b: String; var relations: [String: RelationKind] = [:]; var realised = false; var projects = Set<String>() }
        var acc: [String: Acc] = [:]
        func pos(_ id: String) -> Int { dataset.organizationPosition(id: id) ?? .max }
        for p in dataset.partnerships where p.source != p.target && filter.accepts(p) {
            guard let s = dataset.organization(id: p.source), let t = dataset.organization(id: p.target) else { continue }
            if !filter.includeGeneric && (s.generic || t.generic) { continue }
            let (a, b) = (pos(s.id), s.id) <= (pos(t.id), t.id) ? (s.id, t.id) : (t.id, s.id)
            let k = a + "\u{0}" + b
            var e = acc[k] ?? Acc(a: a, b: b)
            for r in p.relations where filter.relations == nil || filter.relations!.contains(r.id) { e.relations[r.id] = r }
            if p.status == .realised { e.realised = true }
            if let pr = p.project { e.projects.insert(pr) }
            acc[k] = e
        }
        func member(_ id: String) -> Member {
            let o = dataset.organization(id: id)!
            return Member(id: id, name: o.name, kind: o.kind.id)
        }
        return acc.values.sorted { (pos($0.a), $0.a, pos($0.b), $0.b) < (pos($1.a), $1.a, pos($1.b), $1.b) }.map {
            Pair(source: member($0.a), target: member($0.b), relations: $0.relations.values.sorted(),
                 status: $0.realised ? .realised : .planned, projects: $0.projects.sorted())
        }
    }
}
