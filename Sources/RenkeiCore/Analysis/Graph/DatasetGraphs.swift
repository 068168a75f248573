/// How a partnership contributes to the weight of its edge in the partnership graph.
public enum PartnershipWeighting: String, Sendable, CaseIterable {
    /// Number of relation kinds on the partnership (後援 + 会場提供 = 2).
    case relations
    /// The partnership's own `weight` column.
    case weight
    /// 1 per partnership.
    case count
}

/// Which partnerships and organisations go into an analysis graph.
public struct GraphFilter: Sendable, Equatable {
    /// Keep only partnerships with at least one of these relation ids (nil: all).
    public var relations: Set<String>?
    /// Drop planned partnerships.
    public var realisedOnly: Bool
    /// Keep generic partners (「地域の保育園」).
    public var includeGeneric: Bool
    /// Keep only these projects (nil: all).
    public var projects: Set<String>?
    /// How partnerships weigh their edge.
    public var weighting: PartnershipWeighting

    public init(relations: Set<String>? = nil, realisedOnly: Bool = false, includeGeneric: Bool = true,
                projects: Set<String>? = nil, weighting: PartnershipWeighting = .relations) {
        self.relations = relations
        self.realisedOnly = realisedOnly
        self.includeGeneric = includeGeneric
        self.projects = projects
        self.weighting = weighting
    }

    /// Whether a partnership passes the relation, status and project filters.
    public func accepts(_ p: Partnership) -> Bool {
        if realisedOnly && p.status != .realised { return false }
        if let projects, !(p.project.map(projects.contains) ?? false) { return false }
        if let relations, !p.relations.contains(where: { relations.contains($0.id) }) { return false }
        return true
    }

    /// The weight a partnership adds to its edge.
    public func weight(of p: Partnership) -> Double {
        switch weighting {
        case .relations: return Double(max(1, relations == nil ? p.relations.count
                                                : p.relations.filter { relations!.contains($0.id) }.count))
        case .weight: return p.weight
        case .count: return 1
        }
    }
}

extension AnalysisGraph {
    /// The partnership graph of a dataset: organisations as vertices (labelled by id, in dataset
    /// order), one undirected edge per partnered pair, weighted by the filter's rule and summed over
    /// the pair's partnerships. Organisations that the filter removes (generic ones when
    /// `includeGeneric` is false) are left out; with a project subset, only organisations taking part
    /// in those projects (as lead or partner) are kept.
    /// - Complexity: O(*n* + *m* log *d*).
    public static func partnershipGraph(of dataset: Dataset, filter: GraphFilter = GraphFilter()) -> AnalysisGraph {
        var keep = [Bool](repeating: true, count: dataset.organizations.count)
        for (i, o) in dataset.organizations.enumerated() where o.generic && !filter.includeGeneric { keep[i] = false }
        if let projects = filter.projects {
            var involved = Set<String>()
            for p in dataset.projects where projects.contains(p.id) { involved.insert(p.lead) }
            for p in dataset.partnerships where p.project.map(projects.contains) ?? false {
                involved.insert(p.source); involved.insert(p.target)
            }
            for (i, o) in dataset.organizations.enumerated() where !involved.contains(o.id) { keep[i] = false }
        }
        var index = [Int32](repeating: -1, count: dataset.organizations.count)
        var labels: [String] = []
        for (i, o) in dataset.organizations.enumerated() where keep[i] {
            index[i] = Int32(labels.count)
            labels.append(o.id)
        }
        var edges: [(Int32, Int32, Double)] = []
        edges.reserveCapacity(dataset.partnerships.count)
        let ends = dataset.partnershipEnds
        for (k, p) in dataset.partnerships.enumerated() where filter.accepts(p) {
            let s: Int, t: Int
            if let ends {
                (s, t) = (Int(ends[k].x), Int(ends[k].y))
            } else {
                guard let source = dataset.organizationPosition(id: p.source),
                      let target = dataset.organizationPosition(id: p.target) else { continue }
                (s, t) = (source, target)
            }
            guard index[s] >= 0, index[t] >= 0 else { continue }
            edges.append((index[s], index[t], filter.weight(of: p)))
        }
        return AnalysisGraph(labels: labels, edges: edges)
    }
}
