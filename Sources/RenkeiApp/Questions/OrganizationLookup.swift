import RenkeiCore

/// Finds the organisation a user names on the command line: by id, by name or by any alias the
/// dataset knows, compared exactly first and then by the normalised matching key
/// (``NameNormalizer/normalize(_:)``: NFKC, white space, legal form, 社協 spelled out, place
/// prefix), so 「ＮＰＯ法人 わんず」 finds わんず.
public enum OrganizationLookup {
    /// The vertex of `graph` that `text` names.
    /// - Throws: ``RequestError``: unknown (with a did-you-mean hint among names and ids) or
    ///   ambiguous (listing every candidate with its id).
    public static func vertex(named text: String, in graph: OrganizationGraph) throws -> NodeIndex {
        let id = try organizationID(named: text, in: graph)
        guard let v = graph.graph.node(labelled: id) else {
            throw RequestError("organisation '\(text)' (\(id)) takes part in no partnership the filters keep")
        }
        return v
    }

    /// The id of the organisation `text` names in `graph`'s dataset (or among its vertex labels
    /// for a plain edge list).
    public static func organizationID(named text: String, in graph: OrganizationGraph) throws -> String {
        let needle = text.trimmingWhitespace()
        let candidates: [(id: String, name: String, spellings: [String])]
        if let dataset = graph.dataset {
            candidates = dataset.organizations.map { ($0.id, $0.name, [$0.name, $0.fullName] + $0.aliases) }
        } else {
            candidates = zip(graph.graph.labels, graph.names).map { ($0, $1, [$1]) }
        }
        if candidates.contains(where: { $0.id == needle }) { return needle }
        var found = candidates.filter { $0.spellings.contains(needle) }
        if found.isEmpty {
            let key = NameNormalizer.normalize(needle).key
            found = candidates.filter { c in c.spellings.contains { NameNormalizer.normalize($0).key == key } }
        }
        if found.count == 1 { return found[0].id }
        if found.isEmpty {
            throw RequestError.unknown("organisation", text, among: candidates.map(\.name) + candidates.map(\.id))
        }
        let list = found.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw RequestError("organisation '\(text)' is ambiguous: \(found.count) organisations match — \(list); name one by its id")
    }
}
