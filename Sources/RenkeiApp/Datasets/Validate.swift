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
        ValidationReport(loaded: try input.load(), showMerges: merges)
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
        DatasetStatistics(try input.load().dataset)
    }
}
