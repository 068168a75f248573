import RenkeiCore

/// Loads a dataset folder or a single edge-list CSV.
public enum DatasetLoader {
    /// Loads `path`: a dataset folder (`dataset.yaml`, `organizations.csv`, `projects.csv`,
    /// `partnerships.csv`) or a single edge-list CSV file.
    /// - Throws: `InputError` listing every problem found.
    public static func load(path: String) throws -> Dataset {
        throw InputError([InputProblem(file: path, message: "dataset loading is not implemented yet")])
    }
}
