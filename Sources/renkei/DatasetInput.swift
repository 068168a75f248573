import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiIO

extension GraphInputOptions {
    /// The dataset and its filter, for commands that count projects (partners, projection).
    ///
    /// An edge list has no projects: it is read as each source organisation (団体名) listing its
    /// partners, so every source leads one implied project (`Dataset.withImpliedProjects()`), and a
    /// note says so on standard error.
    func loadDataset() throws -> (Dataset, GraphFilter) {
        let loaded = try DatasetLoader.load(path: path)
        let dataset = loaded.withImpliedProjects()
        if loaded.projects.isEmpty && !dataset.projects.isEmpty {
            printToStandardError("note: \(path) has no projects; each source organisation is read as the lead of one project (\(dataset.projects.count) projects)")
        }
        return (dataset, try filter(for: dataset))
    }
}
