import ArgumentParser
import RenkeiApp
import RenkeiCore

/// Which diagram `renkei render` draws: exactly one of four choices.
struct DiagramChoice: ParsableArguments {
    @Option(help: "Draw the diagram of the project with this id.")
    var project: String?

    @Flag(help: "Draw all projects together as one network.")
    var network = false

    @Flag(help: "Draw the sector summary (kinds as nodes).")
    var sectors = false

    @Flag(help: "Write every diagram into the --out folder: DOT and SVG (PNG too for the network); with --format, DOT and that format.")
    var all = false

    func validate() throws {
        guard [project != nil, network, sectors, all].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --project ID, --network, --sectors or --all")
        }
    }

    var target: DiagramTarget {
        if let project { return .project(project) }
        return network ? .network : sectors ? .sectors : .all
    }
}

/// How diagrams look: engine, font, colours, clusters, node sizes and the layout seed.
struct DiagramStyleOptions: ParsableArguments {
    @Option(help: "Graphviz layout engine (dot, neato, twopi, circo, fdp, sfdp …); default: chosen per diagram.")
    var engine: String?

    @Option(help: "Font family (default: Noto Sans CJK JP, from Debian's fonts-noto-cjk).")
    var font: String?

    @Option(name: .customLong("color-by"), help: "Fill nodes by kind or community.")
    var colorBy: DiagramColoring = .kind

    @Option(name: .customLong("cluster-by"), help: "Group nodes into boxes by kind, community or none.")
    var clusterBy: DiagramClustering = .none

    @Option(name: .customLong("size-by"),
            help: "Scale organisation nodes by none, degree, betweenness, pagerank or harmonic centrality (default: degree in the network, equal sizes in project diagrams; the sector summary is unaffected).")
    var sizeBy: NodeSizeMeasure?

    @Option(help: "Seed for the layout's random start and the community partition.")
    var seed: UInt64 = 1

    @Option(help: "Network: auto (an overview above \(RenderRequest.overviewThreshold) organisations), overview, or full (every organisation, sfdp).")
    var detail: NetworkDetail = .auto

    @Option(name: .customLong("group-by"), help: "Network overview: group organisations by community, municipality or kind.")
    var groupBy: OverviewGrouping = .community

    @Option(help: "Network: draw only this organisation (id or name), its partners and the partnerships among them.")
    var focus: String?
}

extension NetworkDetail: ExpressibleByArgument {}
extension OverviewGrouping: ExpressibleByArgument {}
