import Foundation
import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// Which diagram a render request draws.
public enum DiagramTarget: Sendable, Equatable {
    /// One project's diagram, by project id.
    case project(String)
    /// All projects together as one network.
    case network
    /// The sector summary (kinds as nodes).
    case sectors
    /// The whole set: every project, the network and the sector summary.
    case all
}

/// How much of a network diagram is drawn.
public enum NetworkDetail: String, Sendable, CaseIterable {
    /// Every organisation up to ``RenderRequest/overviewThreshold``, the overview above it.
    case auto
    /// Groups of organisations (``DiagramWriter/overviewDOT(grouping:)``).
    case overview
    /// Every organisation, however many (sfdp with overlap removal above a few hundred).
    case full
}

/// Draw partnership diagrams (連携図) as DOT, SVG, PNG or PDF (`renkei render`).
public struct RenderRequest: Sendable {
    /// Above this many organisations in partnerships a network is drawn as an overview unless
    /// the full drawing is asked for. Measured: the seed dataset's 336 organisations still read
    /// as a full drawing (every name at 9 pt on a ~3,000 px PNG); at `generate --scale city`
    /// (1,000) the full drawing is a hairball whose labels overlap.
    public static let overviewThreshold = 400
    /// From this many partnerships on, drawing is announced as slow before it starts.
    public static let largeInputPartnerships = 10_000
    public var input: DatasetInput
    public var target: DiagramTarget
    /// The format asked for; nil: from ``outputPath``'s extension, else SVG (for ``DiagramTarget/all``:
    /// each diagram's default set).
    public var format: RenderFormat?
    /// Where a single diagram will be written, only to infer the format from its extension.
    public var outputPath: String?
    /// Graphviz layout engine instead of each diagram's own choice.
    public var engine: String?
    /// Font family (default ``DiagramOptions/defaultFont``).
    public var font: String?
    public var colorBy: DiagramColoring
    public var clusterBy: DiagramClustering
    /// What scales organisation nodes (nil: each diagram's default).
    public var sizeBy: NodeSizeMeasure?
    /// Seed of the layout's random start and of the community partition.
    public var seed: UInt64
    /// Called after each rendered diagram of a set.
    public var progress: AnalysisProgress?
    /// The Japanese fonts checked before rendering.
    public var fonts: JapaneseFonts
    /// The place, year and kind filters (``GraphSelection/view(of:)``); the others do not apply to diagrams.
    public var selection = GraphSelection()
    /// Network diagram: full drawing, overview or chosen by size.
    public var detail: NetworkDetail
    /// Network overview: what organisations are grouped by.
    public var groupBy: OverviewGrouping
    /// Network diagram: draw only this organisation (id or name), its partners and the
    /// partnerships among them.
    public var focus: String?
    /// Where each note goes as soon as it is decided, before the drawing starts (the tool prints
    /// it on standard error, so a long run says why it is long at once). The notes are also in
    /// the result's ``DiagramSet/notes``.
    public var onNote: (@Sendable (String) -> Void)?

    public init(input: DatasetInput, target: DiagramTarget, format: RenderFormat? = nil, outputPath: String? = nil,
                engine: String? = nil, font: String? = nil, colorBy: DiagramColoring = .kind,
                clusterBy: DiagramClustering = .none, sizeBy: NodeSizeMeasure? = nil, seed: UInt64 = 1,
                progress: AnalysisProgress? = nil, fonts: JapaneseFonts = .system, detail: NetworkDetail = .auto,
                groupBy: OverviewGrouping = .community, focus: String? = nil) {
        self.input = input
        self.target = target
        self.format = format
        self.outputPath = outputPath
        self.engine = engine
        self.font = font
        self.colorBy = colorBy
        self.clusterBy = clusterBy
        self.sizeBy = sizeBy
        self.seed = seed
        self.progress = progress
        self.fonts = fonts
        self.detail = detail
        self.groupBy = groupBy
        self.focus = focus
    }

    /// The format of a single diagram: the one asked for, else the output file's extension, else SVG.
    public var singleFormat: RenderFormat {
        format ?? outputPath.flatMap(RenderFormat.init(fileName:)) ?? .svg
    }

    /// Draws the diagrams in memory.
    /// - Throws: `InputError`, `DiagramError` (unknown project), `RenderError` (unknown engine,
    ///   no Japanese font, Graphviz rejecting a graph), ``RequestError``.
    public func run() throws -> DiagramSet {
        if sizeBy != nil && target == .sectors {
            throw RequestError("node sizes apply to project and network diagrams, not to the sector summary")
        }
        let renderer = GraphvizRenderer.shared
        if let engine, !renderer.engines.contains(engine) {
            throw RenderError.unknownEngine(engine, available: renderer.engines)
        }
        var dataset = try selection.view(of: input.load().dataset)
        var notes: [String] = []
        if let focus {
            dataset = try Self.surroundings(of: focus, in: dataset)
        }
        let rendering = target == .all ? format != .dot : singleFormat != .dot
        var warnings: [String] = []
        let organizations = Self.organizationsInPartnerships(dataset)
        let overview = (target == .network || target == .all)
            && (detail == .overview || (detail == .auto && organizations > Self.overviewThreshold))
        func note(_ text: String) {
            notes.append(text)
            onNote?(text)
        }
        if overview && detail == .auto {
            note("the network has \(organizations) organisations (more than \(Self.overviewThreshold)); drawing an overview by \(groupBy.rawValue) instead of every organisation")
        } else if detail == .full && organizations > Self.overviewThreshold && target != .sectors {
            note("drawing all \(organizations) organisations with sfdp; this can take minutes")
        }
        // Every project's diagram of a large dataset is what takes long (an overview of 100,000
        // organisations and 95,545 partnerships takes about 8 s, so it gets no such note).
        if target == .all, dataset.partnerships.count >= Self.largeInputPartnerships {
            note("\(dataset.partnerships.count) partnerships in \(dataset.projects.count + 2) diagrams: drawing can take a minute or more")
        }
        // A single diagram reports its stages (options, DOT, Graphviz); --all reports per diagram.
        let stages = target == .all ? nil : (rendering ? 3 : 2)
        let options = try diagramOptions(for: dataset, rendering: rendering, warnings: &warnings,
                                         communitiesNeeded: overview && groupBy == .community)
        if let stages { progress?(1, stages) }
        let writer = DiagramWriter(dataset: dataset, options: options)
        let networkDOT = { overview ? writer.overviewDOT(grouping: groupBy) : writer.networkDOT() }
        var diagrams: [(name: String, dot: String, formats: [RenderFormat])] = []
        switch target {
        case .project(let id): diagrams = [(DiagramFileNames.project(id), try writer.projectDOT(id: id), [singleFormat])]
        case .network: diagrams = [("network", networkDOT(), [singleFormat])]
        case .sectors: diagrams = [("sectors", writer.sectorsDOT(), [singleFormat])]
        case .all:
            // DOT and SVG for every diagram and PNG for the network; with a format, DOT plus it.
            func formats(_ defaults: [RenderFormat]) -> [RenderFormat] { format.map { $0 == .dot ? [.dot] : [.dot, $0] } ?? defaults }
            for (id, dot) in writer.allProjectDOTs() { diagrams.append((DiagramFileNames.project(id), dot, formats([.dot, .svg]))) }
            diagrams.append(("network", networkDOT(), formats([.dot, .svg, .png])))
            diagrams.append(("sectors", writer.sectorsDOT(), formats([.dot, .svg])))
        }
        if stages == 3 { progress?(2, 3) }  // the DOT is written; Graphviz lays it out next
        var files: [OutputItem] = []
        for (i, d) in diagrams.enumerated() {
            for f in d.formats {
                let bytes: [UInt8]
                if f == .dot {
                    bytes = Array(d.dot.utf8)
                } else {
                    let result = try renderer.render(dot: d.dot, format: f, engine: engine, fonts: fonts)
                    warnings += result.warnings.map { "Graphviz: \($0)" }
                    bytes = result.data
                }
                files.append(OutputItem(name: "\(d.name).\(f.rawValue)", bytes: bytes))
            }
            if let stages { progress?(stages, stages) } else { progress?(i + 1, diagrams.count) }
        }
        return DiagramSet(files: files, diagramCount: diagrams.count, warnings: warnings, notes: notes)
    }

    /// Organisations taking part in a partnership (what the network diagram draws).
    static func organizationsInPartnerships(_ dataset: Dataset) -> Int {
        var ids = Set<String>()
        for p in dataset.partnerships { ids.insert(p.source); ids.insert(p.target) }
        return ids.count
    }

    /// `dataset` cut to one organisation (by id, else by exact name), its partners and the
    /// partnerships among them.
    /// - Throws: ``RequestError`` for an organisation the dataset does not hold.
    static func surroundings(of focus: String, in dataset: Dataset) throws -> Dataset {
        guard let center = dataset.organization(id: focus) ?? dataset.organizations.first(where: { $0.name == focus }) else {
            throw RequestError.unknown("organisation", focus, among: dataset.organizations.map(\.id))
        }
        var near: Set<String> = [center.id]
        for p in dataset.partnerships where p.source == center.id || p.target == center.id {
            near.insert(p.source)
            near.insert(p.target)
        }
        return Dataset(metadata: dataset.metadata, vocabulary: dataset.vocabulary, organizations: dataset.organizations,
                       projects: dataset.projects.filter { near.contains($0.lead) },
                       partnerships: dataset.partnerships.filter { near.contains($0.source) && near.contains($0.target) })
    }

    /// The diagram settings, with the community partition, node sizes and the font check.
    func diagramOptions(for dataset: Dataset, rendering: Bool, warnings: inout [String],
                        communitiesNeeded: Bool = false) throws -> DiagramOptions {
        // The DOT always names the requested (or default) family, so that DOT files are the same on
        // every machine; when it is missing, fontconfig substitutes another Japanese font at render time.
        let family = font ?? DiagramOptions.defaultFont
        if rendering {
            try fonts.require()
            if !fonts.has(family), let substitute = fonts.resolve(family) {
                warnings.append("font '\(family)' is not an installed Japanese font; fontconfig will substitute one such as '\(substitute)'")
            }
        }
        var options = DiagramOptions(font: family, colorBy: colorBy, clusterBy: clusterBy, seed: seed, engine: engine)
        let needsCommunities = colorBy == .community || clusterBy == .community || communitiesNeeded
        if needsCommunities || sizeBy != nil {
            // Communities and the node-size measure share one partnership graph.
            let graph = AnalysisGraph.partnershipGraph(of: dataset)
            if needsCommunities { options.communities = StandardPartition.communities(of: graph, seed: seed) }
            if let sizeBy { try sizeBy.apply(to: &options, graph: graph) }
        }
        return options
    }
}

/// Rendered diagrams: file names (inside the output folder) and their bytes.
public struct DiagramSet: Sendable {
    /// One file per diagram and format, in drawing order.
    public var files: [OutputItem]
    /// How many diagrams were drawn.
    public var diagramCount: Int
    /// What Graphviz and the font check warned about.
    public var warnings: [String]
    /// What the request decided on its own (an overview instead of the full network).
    public var notes: [String] = []
}

/// File names of diagrams.
public enum DiagramFileNames {
    /// `project-<id>` with the id made safe for a file name.
    public static func project(_ id: String) -> String { "project-" + fileSafe(id) }

    /// An id as part of a file name: letters, digits, `-`, `_` and `.` kept, anything else (and
    /// `%`) percent-encoded as UTF-8, so that distinct ids give distinct names; a leading `.` is
    /// encoded too, so no name is hidden.
    public static func fileSafe(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            let c = Character(scalar)
            if (c.isLetter || c.isNumber || "-_.".contains(c)) && scalar != "%" {
                out.unicodeScalars.append(scalar)
            } else {
                for b in String(scalar).utf8 { out += String(format: "%%%02X", b) }
            }
        }
        if out.hasPrefix(".") { out = "%2E" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }
}

/// The community partition every diagram and export uses, so that `render --color-by community`,
/// `export --with-metrics` and one run of `communities` with the same seed agree: Leiden, γ = 1,
/// one run iterated until no organisation moves (the `communities` default), on the dataset's
/// whole partnership graph, communities numbered by size.
enum StandardPartition {
    /// Community number per vertex of `graph`.
    static func membership(of graph: AnalysisGraph, seed: UInt64) -> [Int32] {
        Leiden.run(graph, seed: seed, maxIterations: Leiden.untilStable).membership
    }

    /// Community number per organisation id.
    static func communities(of graph: AnalysisGraph, seed: UInt64) -> [String: Int] {
        let membership = membership(of: graph, seed: seed)
        return Dictionary(uniqueKeysWithValues: graph.labels.enumerated().map { ($1, Int(membership[$0])) })
    }
}
