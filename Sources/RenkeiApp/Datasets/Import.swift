import RenkeiCore
import RenkeiIO

/// Turn one sheet (or any PATH) into the equivalent dataset folder (`renkei import`).
public struct ImportRequest: Sendable {
    public var input: DatasetInput

    public init(input: DatasetInput) { self.input = input }

    /// - Throws: `InputError` listing every problem of the input.
    public func run() throws -> ImportResult {
        let loaded = try input.load(reportingWarnings: false)
        let d = loaded.dataset
        return ImportResult(files: DatasetFolderWriter.files(d), warnings: loaded.warnings.map(\.description),
                            summary: "\(d.organizations.count) organisations, \(d.projects.count) projects, \(d.partnerships.count) partnerships")
    }
}

/// The files of a dataset folder, what the input warned about and a one-line summary.
public struct ImportResult: Sendable {
    /// `dataset.yaml`, `organizations.csv`, `projects.csv`, `partnerships.csv`.
    public var files: [OutputItem]
    public var warnings: [String]
    public var summary: String
}
