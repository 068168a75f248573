import Foundation
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// What `renkei report` writes: one self-contained HTML page, or Markdown with the SVGs beside it.
public enum ReportPageFormat: String, CaseIterable, Sendable {
    case html
    case md
}

/// One page that answers the questions staff ask of their data (`renkei report`).
///
/// Every figure on the page comes from the other requests (stats, partners, centrality, brokerage,
/// communities, projection, render), so the page says what the commands print.
public struct ReportRequest: Sendable {
    public var input: DatasetInput
    /// The date the page says it was made on (the caller passes today's date; tests a fixed one).
    public var date: String
    public var format: ReportPageFormat
    /// Community detection runs for the stability figures (NMI/ARI).
    public var runs: Int
    /// Seed of community detection and of the layouts.
    public var seed: UInt64
    /// How many organisations each ranking table of the centrality and brokerage section shows.
    public var top: Int
    /// Called after each step.
    public var progress: AnalysisProgress?
    public var fonts: JapaneseFonts

    public init(input: DatasetInput, date: String, format: ReportPageFormat = .html, runs: Int = 10, seed: UInt64 = 1,
                top: Int = 10, progress: AnalysisProgress? = nil, fonts: JapaneseFonts = .system) {
        self.input = input
        self.date = date
        self.format = format
        self.runs = runs
        self.seed = seed
        self.top = top
        self.progress = progress
        self.fonts = fonts
    }

    /// Computes every section and lays out the page.
    /// - Throws: `InputError`, `RenderError`, ``RequestError`` (runs below 1, top below 1).
    public func run() throws -> ReportPage {
        guard top >= 1 else { throw RequestError("the number of organisations per ranking must be at least 1") }
        let facts = try ReportFacts.gather(self)
        switch format {
        case .html:
            return ReportPage(files: [OutputItem(name: "index.html", text: ReportHTML.page(facts))],
                              warnings: facts.renderWarnings, facts: facts)
        case .md:
            var files = [OutputItem(name: "index.md", text: ReportMarkdown.page(facts)),
                         OutputItem(name: "heatmap.svg", text: ReportSVG.heatmap(facts, standalone: true))]
            files += facts.diagrams.map { OutputItem(name: $0.file, text: $0.svg) }
            return ReportPage(files: files, warnings: facts.renderWarnings, facts: facts)
        }
    }
}

/// The report's files (`index.html`, or `index.md` with its SVGs), written together.
public struct ReportPage: Sendable {
    public var files: [OutputItem]
    /// What Graphviz and the font check warned about.
    public var warnings: [String]
    /// The figures the page shows.
    public var facts: ReportFacts
}

/// The results the page is built from, each the answer of one request.
public struct ReportFacts: Sendable {
    public struct Diagram: Sendable {
        /// `network.svg`, `sectors.svg`, `project-P01.svg`.
        public var file: String
        public var svg: String
    }

    public var path: String
    public var date: String
    public var loaded: LoadedDataset
    public var stats: DatasetStatistics
    public var partnersByKind: PartnersReport
    public var partnersByCategory: PartnersReport
    public var partnersByOrganization: PartnersReport
    public var degree: CentralityReport
    public var betweenness: CentralityReport
    public var pagerank: CentralityReport
    public var brokerage: BrokerageReport
    public var communities: CommunitiesReport
    public var incidence: ProjectionReport
    public var diagrams: [Diagram]
    public var renderWarnings: [String]
    public var top: Int

    public var dataset: Dataset { loaded.dataset }

    static func gather(_ r: ReportRequest) throws -> ReportFacts {
        let steps = 11
        var step = 0
        func tick() { step += 1; r.progress?(step, steps) }
        let input = r.input
        let loaded = try ValidateRequest(input: input).run().loaded; tick()
        let stats = try StatsRequest(input: input).run(); tick()
        let byKind = try PartnersRequest(input: input, grouping: .kind).run()
        let byCategory = try PartnersRequest(input: input, grouping: .category).run()
        let byOrganization = try PartnersRequest(input: input, grouping: .organization).run(); tick()
        let degree = try CentralityRequest(input: input, measure: .degree).run(); tick()
        let betweenness = try CentralityRequest(input: input, measure: .betweenness).run(); tick()
        let pagerank = try CentralityRequest(input: input, measure: .pagerank).run(); tick()
        let brokerage = try BrokerageRequest(input: input).run(); tick()
        let communities = try CommunitiesRequest(input: input, seed: r.seed, runs: r.runs).run(); tick()
        let incidence = try ProjectionRequest(input: input, view: .incidence).run(); tick()
        let set = try RenderRequest(input: input, target: .all, format: .svg, seed: r.seed, fonts: r.fonts).run(); tick()
        let diagrams = set.files.filter { $0.name.hasSuffix(".svg") }
            .map { Diagram(file: $0.name, svg: String(decoding: $0.bytes, as: UTF8.self)) }
        tick()
        return ReportFacts(path: input.path, date: r.date, loaded: loaded, stats: stats, partnersByKind: byKind,
                           partnersByCategory: byCategory, partnersByOrganization: byOrganization, degree: degree,
                           betweenness: betweenness, pagerank: pagerank, brokerage: brokerage, communities: communities,
                           incidence: incidence, diagrams: diagrams, renderWarnings: set.warnings, top: r.top)
    }

    /// The SVG of `file`, or nil.
    func diagram(_ file: String) -> String? { diagrams.first { $0.file == file }?.svg }

    /// Rank (1-based) of each organisation id in a centrality report.
    static func ranks(_ report: CentralityReport) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, v) in report.ranking.enumerated() { out[report.graph.graph.labels[v]] = i + 1 }
        return out
    }

    /// The Japanese word for a status.
    static func statusLabel(_ s: PartnershipStatus) -> String { s == .realised ? "実施" : "予定" }

    /// Region of an organisation or project: prefecture and municipality.
    static func region(_ prefecture: String?, _ municipality: String?) -> String {
        [prefecture, municipality].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Kinds present in the dataset, in vocabulary order.
    var kindsPresent: [OrganizationKind] {
        let used = Set(dataset.organizations.map(\.kind.id))
        return dataset.vocabulary.kinds.sorted().filter { used.contains($0.id) }
    }

    /// Relations used by some partnership, in vocabulary order.
    var relationsPresent: [RelationKind] {
        let used = Set(dataset.partnerships.flatMap { $0.relations.map(\.id) })
        return dataset.vocabulary.relations.sorted().filter { used.contains($0.id) }
    }

    /// Every spelling of an organisation the dataset knows, folded the way the page's search folds
    /// a query: NFKC, lower case, no white space, 社協 read as 社会福祉協議会; plus the normaliser's
    /// key of each spelling (legal form and place prefix removed).
    static func searchKeys(_ o: Organization) -> [String] {
        var keys: [String] = []
        for spelling in [o.name, o.fullName] + o.aliases {
            let n = NameNormalizer.normalize(spelling)
            for k in [fold(spelling), fold(n.name), fold(n.fullName), n.key] where !k.isEmpty && !keys.contains(k) {
                keys.append(k)
            }
        }
        return keys
    }

    /// The page's query folding (the JavaScript does the same).
    public static func fold(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased()
            .filter { !$0.isWhitespace }
            .replacingOccurrences(of: "社協", with: "社会福祉協議会")
    }
}
