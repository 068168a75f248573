import Foundation
import RenkeiCore

/// Writes a ``Dataset`` as a dataset folder (`dataset.yaml`, `organizations.csv`, `projects.csv`,
/// `partnerships.csv`) in the format `DatasetLoader` reads, all at once: the files go to a
/// temporary sibling folder that is renamed into place, so a failure leaves no half-written dataset.
public enum DatasetFolderWriter {
    /// Writes `dataset` to the folder `path`, which must not exist yet (or be an empty folder).
    /// - Throws: `InputError` naming `path` when it exists and is not empty, or when writing fails.
    /// - Complexity: O(size of the dataset).
    public static func write(_ dataset: Dataset, to path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? fm.contentsOfDirectory(atPath: target.path))?.isEmpty ?? false)
            guard empty else {
                throw InputError([InputProblem(file: path, message: "already exists; choose a new folder for the generated dataset")])
            }
            try? fm.removeItem(at: target)
        }
        let parent = target.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try? fm.removeItem(at: temporary)
            try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
            try Data(yaml(dataset.metadata).utf8).write(to: temporary.appendingPathComponent("dataset.yaml"))
            try Data(organizationsCSV(dataset).utf8).write(to: temporary.appendingPathComponent("organizations.csv"))
            try Data(projectsCSV(dataset).utf8).write(to: temporary.appendingPathComponent("projects.csv"))
            try Data(partnershipsCSV(dataset).utf8).write(to: temporary.appendingPathComponent("partnerships.csv"))
            try fm.moveItem(at: temporary, to: target)
        } catch let error as InputError {
            try? fm.removeItem(at: temporary)
            throw error
        } catch {
            try? fm.removeItem(at: temporary)
            throw InputError([InputProblem(file: path, message: "cannot write: \(error.localizedDescription)")])
        }
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

    /// `organizations.csv` text: `id,name,kind,category,legal_form,prefecture,municipality,aliases,generic`.
    public static func organizationsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["id", "name", "kind", "category", "legal_form", "prefecture", "municipality", "aliases", "generic"])
        for o in d.organizations {
            s += CSVWriter.line([o.id, o.name, o.kind.id, o.category ?? "", o.legalForm ?? "", o.prefecture ?? "",
                                 o.municipality ?? "", o.aliases.joined(separator: ";"), o.generic ? "true" : "false"])
        }
        return s
    }

    /// `projects.csv` text: `id,title,lead,prefecture,municipality,year,source`.
    public static func projectsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["id", "title", "lead", "prefecture", "municipality", "year", "source"])
        for p in d.projects {
            s += CSVWriter.line([p.id, p.title, p.lead, p.prefecture ?? "", p.municipality ?? "",
                                 p.year.map(String.init) ?? "", p.source?.description ?? ""])
        }
        return s
    }

    /// `partnerships.csv` text: `project,source,target,relations,status,weight,direction,evidence,note`
    /// (relations by their Japanese labels, `;`-separated).
    public static func partnershipsCSV(_ d: Dataset) -> String {
        var s = CSVWriter.line(["project", "source", "target", "relations", "status", "weight", "direction", "evidence", "note"])
        for p in d.partnerships {
            s += CSVWriter.line([p.project ?? "", p.source, p.target, p.relations.map(\.japanese).joined(separator: ";"),
                                 p.status.rawValue, number(p.weight), p.direction.rawValue,
                                 p.evidence.map(\.description).joined(separator: ";"), p.note ?? ""])
        }
        return s
    }

    /// The partnership graph as a plain `u v w` edge list (0-based vertex indices in organisation
    /// order, each pair once with `u < v`, weight = number of partnerships), written with
    /// `OutputFile.write` (atomically, or straight to a device such as `/dev/stdout`).
    public static func writeEdgeList(_ graph: AnalysisGraph, to path: String) throws {
        var s = ""
        s.reserveCapacity(graph.edgeCount * 16)
        for (u, v, weight) in graph.edges {
            s += "\(u.int) \(v.int) " + number(weight) + "\n"
        }
        do {
            try OutputFile.write(s, to: path)
        } catch let error as OutputFileError {
            throw InputError([InputProblem(file: path, message: "cannot write: \(error.reason)")])
        }
    }

    /// A weight as written in the files: whole numbers without a decimal point.
    static func number(_ w: Double) -> String {
        w == w.rounded() && abs(w) < 1e15 ? String(Int64(w)) : "\(w)"
    }
}
