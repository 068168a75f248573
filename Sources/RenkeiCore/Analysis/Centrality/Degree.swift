extension AnalysisGraph {
    /// Degree centrality: the number of neighbours, divided by *n* − 1 when `normalized` (as
    /// NetworkX `degree_centrality`). Freeman, L. C. (1978). Centrality in social networks:
    /// conceptual clarification. *Social Networks* 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7.
    /// - Complexity: O(*n*).
    public func degreeCentrality(normalized: Bool = true) -> [Double] {
        let n = nodeCount
        let scale = normalized && n > 1 ? 1 / Double(n - 1) : 1
        return (0..<n).map { Double(offsets[$0 + 1] - offsets[$0]) * scale }
    }

    /// Strength: the sum of each vertex's edge weights. Barrat, A., Barthélemy, M.,
    /// Pastor-Satorras, R. & Vespignani, A. (2004). The architecture of complex weighted networks.
    /// *PNAS* 101(11), 3747–3752. doi:10.1073/pnas.0400087101.
    /// - Complexity: O(*n* + *m*).
    public func strengths() -> [Double] {
        (0..<nodeCount).map { strength(of: NodeIndex($0)) }
    }
}
