import RenkeiCore
import RenkeiIO

/// The `PATH` every command reads, and how it is read.
///
/// What a path is read as is decided in one place, ``DatasetLoader/kind(of:)``: a dataset folder,
/// an edge-list CSV, an interchange file (GraphML, GEXF, node-link JSON) or a plain `u v [w]` list.
public struct DatasetInput: Sendable, Equatable {
    /// The file or folder.
    public var path: String
    /// Read `path` as a plain edge list even when its name says otherwise.
    public var forcePlainEdgeList: Bool

    /// An input read by its kind, or as a plain edge list when `forcePlainEdgeList`.
    public init(path: String, forcePlainEdgeList: Bool = false) {
        self.path = path
        self.forcePlainEdgeList = forcePlainEdgeList
    }

    /// How `path` will be read.
    public var kind: DatasetLoader.PathKind {
        forcePlainEdgeList ? .plainEdgeList : DatasetLoader.kind(of: path)
    }

    /// True when `path` goes through the fast plain edge-list reader.
    public var isPlainEdgeList: Bool { kind == .plainEdgeList }

    /// Loads the whole dataset with its merges, warnings and encodings.
    /// - Throws: `InputError` listing every problem found.
    public func load() throws -> LoadedDataset {
        try DatasetLoader.loadWithReport(path: path, as: kind)
    }
}
