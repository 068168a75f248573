import Foundation
import RenkeiCore

/// A ``Dataset`` as the files of a dataset folder (`dataset.yaml`, `organizations.csv`,
/// `projects.csv`, `partnerships.csv`) in the format `DatasetLoader` reads. It returns the files;
/// `OutputWriter.write(_:into:requireEmpty:)` writes them, all or nothing.
public enum DatasetFolderWriter {
    /// The four files of `dataset`'s folder.
    /// - Complexity: O(size of the dataset).
    public static func files(_ dataset: Dataset) -> [OutputItem] {
        [OutputItem(name: "dataset.yaml", text: yaml(dataset.metadata) + vocabularyYAML(dataset.vocabulary)),
         OutputItem(name: "organizations.csv", text: organizationsCSV(dataset)),
         OutputItem(name: "projects.csv", text: projectsCSV(dataset)),
         OutputItem(name: "partnerships.csv", text: partnershipsCSV(dataset))]
    }

    /// `dataset.yaml` text (double-quoted YAML scalars).
    public static func yaml(_ m: DatasetMetadata) -> String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "\""
        }
        var s = "name: \(quoted(m.name))\n"
        if let d = m.description { s += "description: \(quoted(d))\n" }
        if let d = m.source { s += "source: \(quoted(d))\n" }
        if let d = m.licence { s += "licence: \(quoted(d))\n" }
        return s
    }

    /// The kinds and relations a dataset adds to the built-in vocabulary, as `kinds:` and
    /// `relations:` of `dataset.yaml` (empty when it adds none).
    public static func vocabularyYAML(_ v: Vocabulary) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var s = ""
        let kinds = v.kinds.filter { k in !OrganizationKind.builtIn.contains { $0.id == k.id } }
        if !kinds.isEmpty {
            s += "kinds:\n" + kinds.map { "  - id: \(quoted($0.id))\n    english: \(quoted($0.english))\n" }.joined()
        }
        let relations = v.relations.filter { r in !RelationKind.builtIn.contains { $0.id == r.id } }
        if !relations.isEmpty {
            s += "relations:\n" + relations.map { "  - id: \(quoted($0.id))\n    label: \(quoted($0.japanese))\n    english: \(quoted($0.english))\n" }.joined()
        }
        return s
    }

    /// `organizations.csv` text: `id,name,kind,category,legal_form,prefecture,municipality,aliases,generic`.
    public static func organizationsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["id", "name", "kind", "category", "legal_form", "prefecture", "municipality", "aliases", "generic"])
        for o in d.organizations {
            s += CSVWriter.line([o.id, o.name, o.kind.id, o.category ?? "", o.legalForm ?? "", o.prefecture ?? "",
                                 o.municipality ?? "", o.aliases.joined(separator: ";")].map(CSVWriter.guarded)
                                + [o.generic ? "true" : "false"])
        }
        return s
    }

    /// `projects.csv` text: `id,title,lead,prefecture,municipality,year,source`.
    public static func projectsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["id", "title", "lead", "prefecture", "municipality", "year", "source"])
        for p in d.projects {
            s += CSVWriter.line([p.id, p.title, p.lead, p.prefecture ?? "", p.municipality ?? ""].map(CSVWriter.guarded)
                                + [p.year.map(String.init) ?? "", CSVWriter.guarded(p.source?.description ?? "")])
        }
        return s
    }

    /// `partnerships.csv` text: `project,source,target,relations,status,weight,direction,evidence,note`
    /// (relations by their Japanese labels, `;`-separated).
    public static func partnershipsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["project", "source", "target", "relations", "status", "weight", "direction", "evidence", "note"])
        for p in d.partnerships {
            let g = CSVWriter.guarded
            s += CSVWriter.line([g(p.project ?? ""), g(p.source), g(p.target), g(p.relations.map(\.japanese).joined(separator: ";")),
                                 p.status.rawValue, number(p.weight), p.direction.rawValue,
                                 g(p.evidence.map(\.description).joined(separator: ";")), g(p.note ?? "")])
        }
        return s
    }

    /// The partnership graph as a plain `u v w` edge list (0-based vertex indices in organisation
    /// order, each pair once with `u < v`, weight = number of partnerships).
    /// - Complexity: O(*n* + *m*).
    public static func edgeList(_ graph: AnalysisGraph) -> String {
        var s = ""
        s.reserveCapacity(graph.edgeCount * 16)
        for (u, v, weight) in graph.edges {
            s += "\(u.int) \(v.int) " + number(weight) + "\n"
        }
        return s
    }

    /// A weight as written in the files: whole numbers without a decimal point.
    static func number(_ w: Double) -> String {
        w == w.rounded() && abs(w) < 1e15 ? String(Int64(w)) : "\(w)"
    }
}
