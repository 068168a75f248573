import ArgumentParser
import RenkeiCore
import RenkeiIO

extension GraphInputOptions {
    /// The dataset and its filter, for commands that need projects and kinds (partners, projection).
    /// A plain edge list has neither, so it is refused with a clear message.
    func loadDataset(command: String) throws -> (Dataset, GraphFilter) {
        if isPlainEdgeList {
            throw ValidationError("renkei \(command) needs a dataset folder or a dataset CSV with projects; \(path) is read as a plain edge list")
        }
        let dataset = try DatasetLoader.load(path: path)
        return (dataset, try filter(for: dataset))
    }
}
