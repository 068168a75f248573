import RenkeiCore
import RenkeiIO

/// Load a dataset and report every problem at once (`renkei validate`).
public struct ValidateRequest: Sendable {
    public var input: DatasetInput
    /// List which names were merged into one organisation, and why.
    public var merges: Bool

    public init(input: DatasetInput, merges: Bool = false) {
        self.input = input
        self.merges = merges
    }

    /// - Throws: `InputError` listing every problem (the dataset is invalid).
    public func run() throws -> ValidationReport {
        ValidationReport(loaded: try input.load(reportingWarnings: false), showMerges: merges)
    }

    /// What `renkei validate` prints (``ValidationReport/text``), without building the dataset
    /// when the input is an edge-list CSV that ``CompactEdgeList`` reads or a folder that
    /// ``CompactDatasetFolder`` reads.
    /// - Throws: `InputError` listing every problem (the dataset is invalid).
    public func runText() throws -> String {
        if let compact = try input.compactEdgeList() { return compact.validationReport(merges: merges) }
        if let folder = try input.compactFolder(reportingWarnings: false) { return folder.validationReport(merges: merges) }
        return try run().text
    }

    /// The outcome as JSON (`validate --format json`): `valid`, the counts, `errors` and
    /// `warnings` (each `file`, `line`, `field`, `message`; a warning with a `kind`, such as
    /// `possible_duplicate`, also has `kind` and the `organizations` it names). Errors do not
    /// throw here; `valid` is false.
    public func runJSON() -> (json: String, valid: Bool) {
        func problems(_ list: [InputProblem]) -> JSONValue {
            .array(list.map { p in
                var fields: [(String, JSONValue)] = [("file", .string(p.file)), ("line", p.line.map { .int($0) } ?? .null),
                                                     ("field", p.field.map { .string($0) } ?? .null), ("message", .string(p.message))]
                if let kind = p.kind {
                    fields.append(("kind", .string(kind)))
                    fields.append(("organizations", .array(p.organizations.map { .string($0) })))
                }
                return .object(fields)
            })
        }
        do {
            let s: (name: String, organizations: Int, partnerships: Int, projects: Int, warnings: [InputProblem])
            if let compact = try input.compactEdgeList() {
                s = (compact.name, compact.organizations.count, compact.partnershipCount, 0, [])
            } else if let folder = try input.compactFolder(reportingWarnings: false) {
                let d = folder.loaded.dataset
                s = (d.metadata.name, d.organizations.count, folder.partnershipCount, d.projects.count, folder.loaded.warnings)
            } else {
                let loaded = try input.load(reportingWarnings: false)
                let d = loaded.dataset
                s = (d.metadata.name, d.organizations.count, d.partnerships.count, d.projects.count, loaded.warnings)
            }
            let value = JSONValue.object([
                ("valid", .bool(true)), ("name", .string(s.name)),
                ("organizations", .int(s.organizations)), ("partnerships", .int(s.partnerships)),
                ("projects", .int(s.projects)), ("errors", .array([])), ("warnings", problems(s.warnings)),
            ])
            return (value.serialized() + "\n", true)
        } catch let e as InputError {
            return (JSONValue.object([("valid", .bool(false)), ("errors", problems(e.problems)), ("warnings", .array([]))]).serialized() + "\n", false)
        } catch {
            let p = InputProblem(file: input.path, message: "\(error)")
            return (JSONValue.object([("valid", .bool(false)), ("errors", problems([p])), ("warnings", .array([]))]).serialized() + "\n", false)
        }
    }
}

/// A dataset that loaded, with its warnings and (optionally) its merges.
public struct ValidationReport: Sendable {
    public var loaded: LoadedDataset
    public var showMerges: Bool

    /// `OK: name: N organisations, …` followed by warnings and merges.
    public var text: String { loaded.validationReport(merges: showMerges) }
}

/// Counts by kind, relation, status, projects and components (`renkei stats`).
public struct StatsRequest: Sendable {
    public var input: DatasetInput

    public init(input: DatasetInput) { self.input = input }

    public func run() throws -> DatasetStatistics {
        if let compact = try input.compactEdgeList() { return compact.statistics }
        if let folder = try input.compactFolder() { return folder.statistics }
        return DatasetStatistics(try input.load().dataset)
    }
}
