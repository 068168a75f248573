import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiIO

extension PartnershipWeighting: ExpressibleByArgument {}
extension EdgeDistance: ExpressibleByArgument {}
extension ClusteringWeighting: ExpressibleByArgument {}

/// The graph every analysis command reads: PATH plus the dataset filters.
///
/// A dataset folder or a `.csv` file goes through `DatasetLoader.load(path:)` and
/// `AnalysisGraph.partnershipGraph(of:filter:)`; any other file (or any file with `--edge-list`)
/// is read as a plain edge list by `EdgeListGraphReader`.
struct GraphInputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, a dataset edge-list CSV, or a plain edge list (`u v [w]` lines).")
    var path: String

    @Flag(name: .customLong("edge-list"), help: "Read PATH as a plain edge list (`u v [w]` or `source,target[,weight]`) even when it is a .csv file.")
    var edgeList = false

    @Flag(name: .customLong("realised-only"), help: "Drop planned partnerships.")
    var realisedOnly = false

    @Flag(name: .customLong("no-generic"), help: "Leave out generic partners (「地域の保育園」).")
    var noGeneric = false

    @Option(name: .customLong("relations"), help: "Keep only partnerships with one of these relations (comma-separated ids or Japanese labels, e.g. venue,後援).")
    var relations: String?

    @Option(name: .customLong("project"), help: "Keep only these projects (repeat the option or separate ids by commas).")
    var projects: [String] = []

    @Option(name: .customLong("edge-weight"), help: "Edge weight for datasets: relations (number of relation kinds), weight (the weight column) or count (1 per partnership).")
    var edgeWeight: PartnershipWeighting = .relations

    /// True when PATH is read by the fast edge-list reader.
    var isPlainEdgeList: Bool {
        edgeList || DatasetLoader.kind(of: path) == .plainEdgeList
    }

    func load() throws -> LoadedGraph {
        if isPlainEdgeList {
            if realisedOnly || noGeneric || relations != nil || !projects.isEmpty {
                throw ValidationError("--realised-only, --no-generic, --relations and --project need a dataset, not a plain edge list")
            }
            let graph = try EdgeListGraphReader.read(path: path)
            return LoadedGraph(graph: graph, names: graph.labels,
                               kinds: [String](repeating: "その他", count: graph.nodeCount), dataset: nil)
        }
        let dataset = try DatasetLoader.load(path: path)
        let filter = try filter(for: dataset)
        let graph = AnalysisGraph.partnershipGraph(of: dataset, filter: filter)
        var names: [String] = [], kinds: [String] = []
        names.reserveCapacity(graph.nodeCount); kinds.reserveCapacity(graph.nodeCount)
        for id in graph.labels {
            let o = dataset.organization(id: id)
            names.append(o?.name ?? id)
            kinds.append(o?.kind.id ?? "その他")
        }
        return LoadedGraph(graph: graph, names: names, kinds: kinds, dataset: dataset)
    }

    /// The dataset filter the options describe (relations and projects checked against `dataset`).
    func filter(for dataset: Dataset) throws -> GraphFilter {
        var filter = GraphFilter(realisedOnly: realisedOnly, includeGeneric: !noGeneric, weighting: edgeWeight)
        if let relations {
            var ids = Set<String>()
            for name in relations.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let r = dataset.vocabulary.relation(named: name) else {
                    let hint = dataset.vocabulary.suggestRelation(for: name).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ValidationError("unknown relation '\(name)'\(hint)")
                }
                ids.insert(r.id)
            }
            filter.relations = ids
        }
        let projectIDs = projects.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if !projectIDs.isEmpty {
            for id in projectIDs where dataset.project(id: id) == nil {
                throw ValidationError("unknown project '\(id)' in \(path)")
            }
            filter.projects = Set(projectIDs)
        }
        return filter
    }
}

/// An analysis graph with the organisation name and kind of each vertex.
struct LoadedGraph {
    var graph: AnalysisGraph
    var names: [String]
    var kinds: [String]
    var dataset: Dataset?

    /// A per-organisation report: columns `id`, `name`, `kind`, then `columns`; one row per vertex
    /// in `order` (all vertices in index order when nil), cut to `top` rows.
    func organizationTable(columns: [String], values: (Int) -> [ReportValue], order: [Int]? = nil,
                           top: Int? = nil, title: String? = nil) -> ReportTable {
        var table = ReportTable(columns: ["id", "name", "kind"] + columns, title: title)
        var rows = order ?? Array(0..<graph.nodeCount)
        if let top, top >= 0, rows.count > top { rows = Array(rows.prefix(top)) }
        for v in rows {
            table.append([.text(graph.labels[v]), .text(names[v]), .text(kinds[v])] + values(v))
        }
        return table
    }

    /// Vertices by `key` descending, ties by index (deterministic).
    func ranking(_ key: [Double]) -> [Int] {
        (0..<key.count).sorted { a, b in
            let x = key[a].isNaN ? -Double.infinity : key[a], y = key[b].isNaN ? -Double.infinity : key[b]
            return x != y ? x > y : a < b
        }
    }
}

/// A progress line on stderr for long computations, only when stderr is a terminal.
func terminalProgress(_ label: String) -> AnalysisProgress? {
    guard isatty(STDERR_FILENO) != 0 else { return nil }
    return { done, total in
        let percent = total > 0 ? done * 100 / total : 100
        var line = "\r\(label): \(percent)% (\(done)/\(total))"
        if done >= total { line += "\r" + String(repeating: " ", count: line.count) + "\r" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Writes a report to stdout.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
