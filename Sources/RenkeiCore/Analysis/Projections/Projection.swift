/// How a one-mode projection weighs the tie between two vertices that share groups.
public enum ProjectionWeighting: String, Sendable, CaseIterable {
    /// Number of shared groups (NetworkX `weighted_projected_graph`).
    case count
    /// Σ 1/(k − 1) over the shared groups of size *k*: Newman 2001, "Scientific collaboration
    /// networks. II. Shortest paths, weighted networks, and centrality", Phys. Rev. E 64, 016132,
    /// doi:10.1103/PhysRevE.64.016132 (NetworkX `collaboration_weighted_projected_graph`).
    case newman
    /// Shared groups over the union of both vertices' groups, |A ∩ B| / |A ∪ B| (Jaccard 1901;
    /// NetworkX `overlap_weighted_projected_graph(jaccard=True)`).
    case jaccard
}

/// One edge of a projection, `source < target`.
public struct ProjectedEdge: Hashable, Sendable {
    /// The lower-numbered end.
    public var source: NodeIndex
    /// The higher-numbered end.
    public var target: NodeIndex
    /// The tie weight under the projection's ``ProjectionWeighting``.
    public var weight: Double
    /// Number of groups the two share.
    public var shared: Int

    /// An edge of a projection.
    public init(source: NodeIndex, target: NodeIndex, weight: Double, shared: Int) {
        self.source = source
        self.target = target
        self.weight = weight
        self.shared = shared
    }
}

/// A one-mode projection of a bipartite graph: vertices of one side linked when they share a
/// vertex of the other side (a partner organisation and the projects it takes part in).
public struct BipartiteProjection: Sendable {
    /// The projected vertices' labels.
    public let labels: [String]
    /// The edges, sorted by (source, target), each at least the minimum weight.
    public let edges: [ProjectedEdge]

    /// The projection as an analysis graph (same labels, same weights).
    public var graph: AnalysisGraph {
        AnalysisGraph(labels: labels, edges: edges.map { ($0.source.rawValue, $0.target.rawValue, $0.weight) })
    }

    /// Projects a bipartite graph given as groups of members onto the members.
    /// - Parameters:
    ///   - labels: one label per member vertex.
    ///   - groups: each group's members, as indices into `labels` (duplicates are ignored).
    ///   - weighting: the tie weight.
    ///   - minimumWeight: edges lighter than this are dropped.
    /// - Complexity: O(Σ_g |g|²) time, O(*n* + Σ_g |g|) memory: each member's ties are summed in a
    ///   flat array, not a dictionary.
    public init(labels: [String], groups: [[Int32]], weighting: ProjectionWeighting, minimumWeight: Double = 0) {
        let n = labels.count
        // Deduplicate members within each group.
        var mark = [Int](repeating: -1, count: n)
        var clean: [[Int32]] = []
        clean.reserveCapacity(groups.count)
        for (g, members) in groups.enumerated() {
            var c: [Int32] = []
            for v in members where mark[Int(v)] != g { mark[Int(v)] = g; c.append(v) }
            clean.append(c)
        }
        // Member → groups (CSR).
        var degree = [Int](repeating: 0, count: n + 1)
        for c in clean { for v in c { degree[Int(v) + 1] += 1 } }
        for v in 0..<n { degree[v + 1] += degree[v] }
        var groupsOf = [Int32](repeating: 0, count: degree[n])
        var fill = degree
        for (g, c) in clean.enumerated() {
            for v in c { groupsOf[fill[Int(v)]] = Int32(g); fill[Int(v)] += 1 }
        }
        var accumulated = [Double](repeating: 0, count: n)
        var shared = [Int](repeating: 0, count: n)
        var touched: [Int32] = []
        var edges: [ProjectedEdge] = []
        for u in 0..<n {
            for i in degree[u]..<degree[u + 1] {
                let members = clean[Int(groupsOf[i])]
                let contribution = weighting == .newman ? 1 / Double(members.count - 1) : 1
                for v32 in members where Int(v32) > u {
                    let v = Int(v32)
                    if shared[v] == 0 { touched.append(v32) }
                    shared[v] += 1
                    accumulated[v] += contribution
                }
            }
            touched.sort()
            let du = degree[u + 1] - degree[u]
            for v32 in touched {
                let v = Int(v32)
                let w: Double
                switch weighting {
                case .count: w = Double(shared[v])
                case .newman: w = accumulated[v]
                case .jaccard:
                    let dv = degree[v + 1] - degree[v]
                    w = Double(shared[v]) / Double(du + dv - shared[v])
                }
                if w >= minimumWeight {
                    edges.append(ProjectedEdge(source: NodeIndex(u), target: NodeIndex(v), weight: w, shared: shared[v]))
                }
                shared[v] = 0
                accumulated[v] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        self.labels = labels
        self.edges = edges
    }

    /// The co-partnership projection of a dataset: organisations linked by the projects they
    /// take part in together. A project's participants are the organisations at either end of its
    /// partnerships that pass `filter`; its lead is one of them only when `includeLeads` (then even
    /// when none of its partnerships passes). Vertices are the
    /// organisations the filter keeps (generic ones dropped when `includeGeneric` is false),
    /// labelled by id in dataset order.
    /// - Complexity: O(*P* + Σ_p |p|²) for *P* partnerships.
    public static func coPartnership(of dataset: Dataset, filter: GraphFilter = GraphFilter(),
                                     weighting: ProjectionWeighting = .count, minimumWeight: Double = 0,
                                     includeLeads: Bool = true) -> BipartiteProjection {
        var index = [Int32](repeating: -1, count: dataset.organizations.count)
        var labels: [String] = []
        for (i, o) in dataset.organizations.enumerated() where filter.includeGeneric || !o.generic {
            index[i] = Int32(labels.count)
            labels.append(o.id)
        }
        var groups = [[Int32]](repeating: [], count: dataset.projects.count)
        func member(_ id: String) -> Int32? {
            guard let i = dataset.organizationPosition(id: id), index[i] >= 0 else { return nil }
            return index[i]
        }
        for p in dataset.partnerships where filter.accepts(p) {
            guard let project = p.project, let g = dataset.projectPosition(id: project) else { continue }
            let lead = dataset.projects[g].lead
            if includeLeads || p.source != lead, let s = member(p.source) { groups[g].append(s) }
            if includeLeads || p.target != lead, let t = member(p.target) { groups[g].append(t) }
        }
        if includeLeads {
            for (g, p) in dataset.projects.enumerated() where filter.projects?.contains(p.id) ?? true {
                if let l = member(p.lead) { groups[g].append(l) }
            }
        }
        return BipartiteProjection(labels: labels, groups: groups, weighting: weighting, minimumWeight: minimumWeight)
    }
}

/// The sector graph: organisation kinds as vertices, weighted by the partnerships between kinds.
public struct SectorGraph: Sendable {
    /// The kinds present among the partnerships' organisations, in vocabulary order.
    public let kinds: [OrganizationKind]
    /// `partnerships[i][j]`: number of partnerships between an organisation of kind *i* and one of
    /// kind *j* (symmetric; the diagonal counts partnerships within a kind).
    public let partnerships: [[Int]]

    /// The sector graph as an analysis graph (labels = kind ids; within-kind partnerships, the
    /// diagonal, are left out since the graph has no self-loops).
    public var graph: AnalysisGraph {
        var edges: [(Int32, Int32, Double)] = []
        for i in 0..<kinds.count {
            for j in (i + 1)..<max(i + 1, kinds.count) where partnerships[i][j] > 0 {
                edges.append((Int32(i), Int32(j), Double(partnerships[i][j])))
            }
        }
        return AnalysisGraph(labels: kinds.map(\.id), edges: edges)
    }

    /// Counts the partnerships passing `filter` between kinds (a partnership with a generic
    /// organisation is skipped when `includeGeneric` is false).
    /// - Complexity: O(*P* + *K*²) for *P* partnerships and *K* kinds.
    public init(dataset: Dataset, filter: GraphFilter = GraphFilter()) {
        var kindOf: [String: Int] = [:]
        for (i, k) in dataset.vocabulary.kinds.enumerated() { kindOf[k.id] = i }
        let all = dataset.vocabulary.kinds.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: all), count: all)
        var present = [Bool](repeating: false, count: all)
        for p in dataset.partnerships where filter.accepts(p) {
            guard let s = dataset.organization(id: p.source), let t = dataset.organization(id: p.target),
                  filter.includeGeneric || (!s.generic && !t.generic),
                  let a = kindOf[s.kind.id], let b = kindOf[t.kind.id] else { continue }
            present[a] = true
            present[b] = true
            counts[a][b] += 1
            if a != b { counts[b][a] += 1 }
        }
        let keep = (0..<all).filter { present[$0] }
        kinds = keep.map { dataset.vocabulary.kinds[$0] }
        partnerships = keep.map { i in keep.map { j in counts[i][j] } }
    }
}

/// The project × kind incidence table: how many organisations of each kind take part in each project.
public struct KindIncidence: Sendable {
    /// Project ids, in dataset order.
    public let projects: [String]
    /// All kinds of the vocabulary, in order.
    public let kinds: [OrganizationKind]
    /// `counts[p][k]`: distinct organisations of kind *k* in project *p*.
    public let counts: [[Int]]

    /// Builds the table from the partnerships passing `filter`; the lead counts when `includeLeads`.
    /// - Complexity: O(*P* + projects × kinds).
    public init(dataset: Dataset, filter: GraphFilter = GraphFilter(), includeLeads: Bool = false) {
        var kindOf: [String: Int] = [:]
        for (i, k) in dataset.vocabulary.kinds.enumerated() { kindOf[k.id] = i }
        let chosen = dataset.projects.filter { filter.projects?.contains($0.id) ?? true }
        var row: [String: Int] = [:]
        for (i, p) in chosen.enumerated() where row[p.id] == nil { row[p.id] = i }
        var members = [Set<String>](repeating: [], count: chosen.count)
        for p in dataset.partnerships where filter.accepts(p) {
            guard let project = p.project, let r = row[project] else { continue }
            members[r].insert(p.source)
            members[r].insert(p.target)
        }
        for (i, p) in chosen.enumerated() {
            if includeLeads { members[i].insert(p.lead) } else { members[i].remove(p.lead) }
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: dataset.vocabulary.kinds.count), count: chosen.count)
        for i in 0..<chosen.count {
            for id in members[i] {
                guard let o = dataset.organization(id: id), filter.includeGeneric || !o.generic,
                      let k = kindOf[o.kind.id] else { continue }
                counts[i][k] += 1
            }
        }
        projects = chosen.map(\.id)
        kinds = dataset.vocabulary.kinds
        self.counts = counts
    }
}
