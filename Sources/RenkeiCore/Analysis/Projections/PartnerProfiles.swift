/// Each project's partner profile: how many distinct partner organisations of each kind it works
/// with (its lead not counted), and the categories among them.
public struct PartnerProfile: Sendable, Equatable {
    /// The project id.
    public var project: String
    /// Partner kind id → number of distinct partner organisations of that kind.
    public var kindCounts: [String: Int]
    /// Partner categories (institution types) present.
    public var categories: Set<String>

    /// The profiles of every project of `dataset` that `filter` keeps, in project order.
    /// - Complexity: O(*m*) for *m* partnerships.
    public static func profiles(of dataset: Dataset, filter: GraphFilter = GraphFilter()) -> [PartnerProfile] {
        var partners: [String: Set<String>] = [:]
        for p in dataset.partnerships where filter.accepts(p) {
            guard let pr = p.project, let project = dataset.project(id: pr) else { continue }
            for id in [p.source, p.target] where id != project.lead { partners[pr, default: []].insert(id) }
        }
        return dataset.projects.filter { filter.projects?.contains($0.id) ?? true }.map { project in
            var counts: [String: Int] = [:], categories = Set<String>()
            for id in partners[project.id] ?? [] {
                guard let o = dataset.organization(id: id), filter.includeGeneric || !o.generic else { continue }
                counts[o.kind.id, default: 0] += 1
                if let c = o.category, !c.isEmpty { categories.insert(c) }
            }
            return PartnerProfile(project: project.id, kindCounts: counts, categories: categories)
        }
    }

    /// Cosine similarity of two kind-count vectors: Σ aₖbₖ / (‖a‖ ‖b‖); 0 when either is empty.
    public static func cosine(_ a: [String: Int], _ b: [String: Int]) -> Double {
        var dot = 0.0
        for (k, x) in a { dot += Double(x) * Double(b[k] ?? 0) }
        let na = a.values.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
        let nb = b.values.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
        return na > 0 && nb > 0 ? dot / (na * nb) : 0
    }
}
