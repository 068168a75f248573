import RenkeiCore
import RenkeiIO

/// The partner kinds and categories that the projects most like this one work with and it does
/// not (`renkei gaps`). Likeness is the cosine similarity of partner-kind count vectors.
public struct GapsRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var project: String
    /// How many of the most similar projects are compared (those with similarity above 0).
    public var similar: Int

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), project: String, similar: Int = 5) {
        self.input = input
        self.selection = selection
        self.project = project
        self.similar = similar
    }

    /// - Throws: `InputError`, ``RequestError`` (unknown project, with a did-you-mean hint).
    public func run() throws -> GapsReport {
        let loaded = try ProjectDataset.load(input, selection: selection)
        let dataset = loaded.dataset
        guard dataset.project(id: project) != nil else {
            throw RequestError.unknown("project", project, among: dataset.projects.map(\.id), in: input.path)
        }
        let profiles = PartnerProfile.profiles(of: dataset, filter: loaded.filter)
        guard let mine = profiles.first(where: { $0.project == project }) else {
            throw RequestError("project '\(project)' is left out by the filters")
        }
        var scored: [(profile: PartnerProfile, similarity: Double, position: Int)] = []
        for (i, p) in profiles.enumerated() where p.project != project {
            let c = PartnerProfile.cosine(mine.kindCounts, p.kindCounts)
            if c > 0 { scored.append((p, c, i)) }
        }
        scored.sort { a, b in a.similarity != b.similarity ? a.similarity > b.similarity : a.position < b.position }
        let ranked: [(PartnerProfile, Double)] = scored.prefix(max(0, similar)).map { ($0.profile, $0.similarity) }
        let similarProjects = ranked.map { GapsReport.Similar(project: $0.0.project, title: dataset.project(id: $0.0.project)?.title ?? "", similarity: $0.1) }
        var gaps: [GapsReport.Gap] = []
        let kindOrder = dataset.vocabulary.kinds.map(\.id)
        var kinds = Set<String>(), categories = Set<String>()
        for (p, _) in ranked { kinds.formUnion(p.kindCounts.keys); categories.formUnion(p.categories) }
        for k in kinds.subtracting(mine.kindCounts.keys).sorted(by: { (kindOrder.firstIndex(of: $0) ?? .max, $0) < (kindOrder.firstIndex(of: $1) ?? .max, $1) }) {
            gaps.append(GapsReport.Gap(type: "kind", value: k, projects: similarProjects.filter { s in ranked.first { $0.0.project == s.project }!.0.kindCounts[k] != nil }))
        }
        for c in categories.subtracting(mine.categories).sorted() {
            gaps.append(GapsReport.Gap(type: "category", value: c, projects: similarProjects.filter { s in ranked.first { $0.0.project == s.project }!.0.categories.contains(c) }))
        }
        // Kinds first, then categories; within each, the gap most similar projects share first.
        let keyed = gaps.enumerated().map { (i, g) in (g.type == "kind" ? 0 : 1, -g.projects.count, i) }
        gaps = zip(keyed, gaps).sorted { $0.0 < $1.0 }.map(\.1)
        return GapsReport(project: project, similar: similarProjects, gaps: gaps)
    }
}

/// What the most similar projects have that this one lacks.
public struct GapsReport: Sendable, Equatable {
    public struct Similar: Sendable, Equatable {
        public var project: String
        public var title: String
        /// Cosine similarity of partner-kind counts, 0…1.
        public var similarity: Double
    }
    public struct Gap: Sendable, Equatable {
        /// `kind` or `category`.
        public var type: String
        public var value: String
        /// The similar projects that have it, most similar first.
        public var projects: [Similar]
    }

    public var project: String
    public var similar: [Similar]
    public var gaps: [Gap]

    /// `type, value, count, similar_projects` (each `id (similarity)`), kinds first, then categories.
    public var table: ReportTable { table(japanese: false) }

    /// The text table names the type in Japanese (種別, 分類); CSV keeps `kind` and `category`.
    func table(japanese: Bool) -> ReportTable {
        var t = ReportTable(columns: ["type", "value", "count", "similar_projects"],
                            title: "\(project) に足りない連携先（類似事業: " + similar.map { "\($0.project) \(ReportValue.fixed($0.similarity, digits: 3))" }.joined(separator: ", ") + "）")
        for g in gaps {
            let type = japanese ? (g.type == "kind" ? "種別" : g.type == "category" ? "分類" : g.type) : g.type
            t.append([.text(type), .text(g.value), .integer(g.projects.count),
                      .text(g.projects.map { "\($0.project) (\(ReportValue.fixed($0.similarity, digits: 3)))" }.joined(separator: "; "))])
        }
        t.headers = ["type": "観点", "count": "類似事業の数", "similar_projects": "それを持つ類似事業"]
        return t
    }

    /// `project`, `measure`, `similar` [{`project`, `title`, `similarity`}] and `gaps`
    /// [{`type`, `value`, `projects` [{`project`, `title`, `similarity`}]}].
    public var json: JSONValue {
        func s(_ x: Similar) -> JSONValue { .object([("project", .string(x.project)), ("title", .string(x.title)), ("similarity", .double(x.similarity))]) }
        return .object([("project", .string(project)), ("measure", .string("cosine similarity of partner-kind counts")),
                        ("similar", .array(similar.map(s))),
                        ("gaps", .array(gaps.map { .object([("type", .string($0.type)), ("value", .string($0.value)), ("projects", .array($0.projects.map(s)))]) }))])
    }

    public func rendered(as format: ReportFormat) -> String {
        format == .json ? json.serialized() + "\n" : table(japanese: format == .table).rendered(as: format)
    }
}
