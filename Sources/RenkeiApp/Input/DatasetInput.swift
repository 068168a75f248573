import Foundation
import RenkeiCore
import RenkeiIO

/// The `PATH` every command reads, and how it is read.
///
/// What a path is read as is decided in one place, ``DatasetLoader/kind(of:)``: a dataset folder,
/// an edge-list CSV, a workbook (a dataset workbook with 団体/事業/連携 sheets, or one sheet), an
/// interchange file or folder (GraphML, GEXF, node-link or Cytoscape JSON, `nodes.csv` + `edges.csv`)
/// or a plain `u v [w]` list.
public struct DatasetInput: Sendable, Equatable {
    /// The file or folder.
    public var path: String
    /// Read `path` as a plain edge list even when its name says otherwise.
    public var forcePlainEdgeList: Bool
    /// The user's vocabulary file and strictness about unknown relation words.
    public var options: LoadOptions

    /// An input read by its kind, or as a plain edge list when `forcePlainEdgeList`.
    public init(path: String, forcePlainEdgeList: Bool = false, options: LoadOptions = LoadOptions()) {
        self.path = path
        self.forcePlainEdgeList = forcePlainEdgeList
        self.options = options
    }

    /// Where the warnings of every load go (the tool prints them on standard error); set once at
    /// start-up. Requests that report warnings themselves (`validate`) load without it.
    public static func reportWarnings(to handler: @escaping @Sendable ([InputProblem]) -> Void) {
        warningHandler.withLock { $0 = handler }
    }

    static let warningHandler = LockedValue<(@Sendable ([InputProblem]) -> Void)?>(nil)

    /// How `path` will be read.
    public var kind: DatasetLoader.PathKind {
        forcePlainEdgeList ? .plainEdgeList : DatasetLoader.kind(of: path)
    }

    /// True when `path` goes through the fast plain edge-list reader.
    public var isPlainEdgeList: Bool { kind == .plainEdgeList }

    /// The input read by ``CompactEdgeList`` when it is an edge-list CSV that reader takes (nil
    /// otherwise: read it with ``load(reportingWarnings:)``, which also reports its problems).
    /// - Throws: `InputError` for an unreadable vocabulary file.
    public func compactEdgeList() throws -> CompactEdgeList? {
        guard kind == .edgeListCSV || (kind == .workbook && options.sheet == nil) else { return nil }
        let vocabulary = try self.vocabulary()
        return kind == .workbook ? CompactEdgeList.read(workbook: path, vocabulary: vocabulary)
                                 : CompactEdgeList.read(path: path, vocabulary: vocabulary)
    }

    /// The dataset folder read by ``CompactDatasetFolder`` when `path` is a folder that reader
    /// takes (nil otherwise: read it with ``load(reportingWarnings:)``, which also reports its
    /// problems). Its warnings are reported as ``load(reportingWarnings:)`` reports them.
    /// - Throws: `InputError` for an unreadable vocabulary file.
    /// With `keepDetails`, the partnerships' evidence and notes are kept too (for the exports).
    public func compactFolder(reportingWarnings: Bool = true, keepDetails: Bool = false) throws -> CompactDatasetFolder? {
        guard kind == .folder else { return nil }
        guard let folder = CompactDatasetFolder.read(folder: path, vocabulary: try vocabulary(), keepDetails: keepDetails)
        else { return nil }
        if reportingWarnings { report(folder.loaded.warnings) }
        return folder
    }

    /// The standard vocabulary, or the user's vocabulary file read over it.
    private func vocabulary() throws -> Vocabulary {
        guard let v = options.vocabularyPath else { return .standard }
        return try VocabularyFile.read(path: v)
    }

    /// Hands the input's warnings to the warning handler, as ``load(reportingWarnings:)`` does.
    func report(_ warnings: [InputProblem]) {
        if !warnings.isEmpty, let handler = DatasetInput.warningHandler.withLock({ $0 }) { handler(warnings) }
    }

    /// Loads the whole dataset with its merges, warnings and encodings.
    /// - Throws: `InputError` listing every problem found.
    public func load(reportingWarnings: Bool = true) throws -> LoadedDataset {
        let loaded = try DatasetLoader.loadWithReport(path: path, as: kind, options: options)
        if reportingWarnings { report(loaded.warnings) }
        return loaded
    }
}

/// A value behind a lock, for the little process-wide state the application layer keeps.
final class LockedValue<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func withLock<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
