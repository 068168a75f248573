import Foundation
import RenkeiCore

/// A loaded dataset with what the loader noticed on the way.
public struct LoadedDataset: Sendable {
    /// The dataset itself.
    public var dataset: Dataset
    /// Spellings merged into one organisation, and why (`renkei validate --merges`).
    public var merges: [EntityMerge]
    /// Things worth a look that are not errors (organisations that look like duplicates).
    public var warnings: [InputProblem]
    /// Organisations whose names match but which were kept apart (前株 and 後株), also among the
    /// warnings (kind `possible_duplicate`); `validate --merges` lists them beside the merges.
    public var possibleDuplicates: [PossibleDuplicate]
    /// The encoding each file was read in, by file name.
    public var encodings: [(file: String, encoding: TextEncoding)]
    /// Per-node metrics an interchange file carried (GraphML, GEXF or node-link JSON written with
    /// metrics), so that converting between formats keeps them.
    public var metrics: NodeMetrics?

    /// A loaded dataset with its merges, warnings and file encodings.
    public init(dataset: Dataset, merges: [EntityMerge] = [], warnings: [InputProblem] = [],
                encodings: [(file: String, encoding: TextEncoding)] = [], metrics: NodeMetrics? = nil,
                possibleDuplicates: [PossibleDuplicate] = []) {
        self.dataset = dataset
        self.possibleDuplicates = possibleDuplicates
        self.merges = merges
        self.warnings = warnings
        self.encodings = encodings
        self.metrics = metrics
    }
}

/// How a dataset is read beyond its path: the user's vocabulary and how strict to be about words
/// the vocabulary does not know.
public struct LoadOptions: Sendable, Equatable {
    /// Unknown relation words are errors instead of dataset-local relations with a warning.
    public var strict: Bool
    /// A vocabulary file (`kinds:`, `relations:` as in `dataset.yaml`, plus `synonyms:`).
    public var vocabularyPath: String?
    /// The sheet of a workbook to read (nil: the first).
    public var sheet: String?

    public init(strict: Bool = false, vocabularyPath: String? = nil, sheet: String? = nil) {
        self.strict = strict
        self.vocabularyPath = vocabularyPath
        self.sheet = sheet
    }
}

/// Loads a dataset folder or a single edge-list file.
public enum DatasetLoader {
    /// Loads `path`: a dataset folder (`dataset.yaml`, `organizations.csv`, `projects.csv`,
    /// `partnerships.csv`) or a single edge-list CSV file.
    /// - Throws: `InputError` listing every problem found.
    public static func load(path: String) throws -> Dataset {
        try loadWithReport(path: path).dataset
    }

    /// Loads `path` like ``load(path:)`` and also returns the merges and warnings.
    ///
    /// - A directory is a dataset folder; one holding `nodes.csv` and `edges.csv` (no
    ///   `organizations.csv`) is what `export --format csv` writes, read back as such.
    /// - A file ending in `.csv` is an edge-list CSV (`source,target[,relations][,weight]` or
    ///   `団体名,連携先[,連携内容][,重み]`); organisations are created from the names.
    /// - A `.graphml`, `.gexf`, `.json` (node-link or Cytoscape.js) or `.cyjs` file is read back as
    ///   the interchange format it holds (the files `renkei export` and NetworkX write).
    /// - An `.xlsx` workbook with 団体 and 連携 sheets is a dataset (as a folder); any other
    ///   workbook is one sheet read like an edge-list CSV.
    /// - Any other file is a plain edge list: `u v [w]` per line, `#` or `%` starts a comment line
    ///   (the syntax `EdgeListGraphReader` reads too).
    /// - Parameter kind: how to read `path`; nil classifies it with ``kind(of:)``.
    /// - Throws: `InputError` listing every problem found.
    public static func loadWithReport(path: String, as kind: PathKind? = nil, options: LoadOptions = LoadOptions()) throws -> LoadedDataset {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError([InputProblem(file: path, message: "no such file or folder")])
        }
        var vocabulary = Vocabulary.standard
        if let v = options.vocabularyPath { vocabulary = try VocabularyFile.read(path: v) }
        switch kind ?? self.kind(of: path) {
        case .folder: return try FolderDatasetLoader.load(folder: path, vocabulary: vocabulary)
        case .edgeListCSV:
            // The byte-level reader when the file is one it takes (the same dataset); the general
            // reader for the rest, and for every file with a problem to report.
            if let compact = CompactEdgeList.read(path: path, vocabulary: vocabulary) { return compact.loadedDataset() }
            return try checkedNames(EdgeListLoader.loadCSV(path: path, vocabulary: vocabulary, strict: options.strict), file: path)
        case .plainEdgeList: return try checkedNames(EdgeListLoader.loadPlain(path: path), file: path)
        case .workbook:
            if options.sheet == nil, let compact = CompactEdgeList.read(workbook: path, vocabulary: vocabulary) {
                return compact.loadedDataset()
            }
            return try checkedNames(EdgeListLoader.loadWorkbook(path: path, vocabulary: vocabulary, strict: options.strict,
                                                                sheet: options.sheet), file: path)
        case .interchange(.csv):
            let (dataset, metrics) = try CSVGraphImport.dataset(folder: path)
            return LoadedDataset(dataset: dataset, metrics: metrics)
        case .interchange(let format):
            // The file's bytes are released as its table is read, before the dataset is made.
            let table = try NetworkImport.table(path: path, format: format)
            var (dataset, metrics) = try table.dataset(file: path)
            if dataset.metadata.name.isEmpty { dataset.metadata.name = baseName(path) }
            return LoadedDataset(dataset: dataset, metrics: metrics)
        }
    }

    /// The ``NameText`` rule applied to every name of a loaded edge list, for names the edge-list
    /// reader did not check on their own line (the message then names the file and field only).
    static func checkedNames(_ loaded: LoadedDataset, file: String) throws -> LoadedDataset {
        var problems: [InputProblem] = []
        let name = (file as NSString).lastPathComponent
        for o in loaded.dataset.organizations where NameText.problem(in: o.id) != nil || NameText.problem(in: o.name) != nil {
            NameText.check(o.name == o.id ? o.id : o.id + " / " + o.name, file: name, line: nil, field: "name", problems: &problems)
        }
        guard problems.isEmpty else { throw InputError(sorting: problems) }
        return loaded
    }

    /// The kinds of `PATH` every command accepts.
    public enum PathKind: Sendable, Equatable {
        /// A dataset folder.
        case folder
        /// A file ending in `.csv`: an edge-list CSV with a header.
        case edgeListCSV
        /// A `.graphml`, `.gexf`, node-link or Cytoscape `.json`/`.cyjs` file, or (`.csv`) a folder
        /// of `nodes.csv` and `edges.csv`.
        case interchange(ExportFormat)
        /// Any other file: `u v [w]` lines.
        case plainEdgeList
        /// A spreadsheet workbook (`.xlsx`; `.xls`, `.ods` and `.numbers` are recognised to say
        /// what to do instead): a dataset workbook (団体, 事業, 連携 sheets) or one sheet read like
        /// an edge-list CSV.
        case workbook
    }

    /// What `path` is read as (a path that does not exist is classified by its name): the one
    /// place that decides it, for every command.
    public static func kind(of path: String) -> PathKind {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return NetworkImport.isNetworkTableFolder(path) ? .interchange(.csv) : .folder
        }
        if let format = NetworkImport.format(ofPath: path) { return .interchange(format) }
        let lower = path.lowercased()
        if [".xlsx", ".xlsm", ".xls", ".ods", ".numbers"].contains(where: { lower.hasSuffix($0) }) { return .workbook }
        return path.lowercased().hasSuffix(".csv") ? .edgeListCSV : .plainEdgeList
    }

    /// The last path component without its extension.
    static func baseName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        return name.isEmpty ? path : name
    }
}

/// Field parsing shared by the loaders.
enum FieldParsing {
    /// An evidence cell's references, `;` or `；` between them, each as ``SourceReference/init(parsing:defaultDocument:)``
    /// reads it (a bare line number names `defaultDocument`); unreadable items are left out.
    static func evidence(_ text: String, defaultDocument: String?) -> [SourceReference] {
        // Mostly one reference: without a separator scalar the list is the cell itself.
        guard text.unicodeScalars.contains(where: { $0 == ";" || $0 == "；" }) else {
            return SourceReference(parsing: text, defaultDocument: defaultDocument).map { [$0] } ?? []
        }
        return list(text, separators: [";", "；"]).compactMap { SourceReference(parsing: $0, defaultDocument: defaultDocument) }
    }

    /// Splits a `;`-separated list (also `；` and `、`), trimming and dropping empty items.
    static func list(_ text: String, separators: Set<Character> = [";", "；", "、"]) -> [String] {
        if text.isEmpty { return [] }
        return text.split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Why a field could not be read (a complete message).
    struct FieldError: Error { var message: String }

    /// A positive, finite weight; nil for an empty field.
    static func weight(_ text: String) -> Result<Double?, FieldError> {
        var t = text.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if !t.utf8.allSatisfy({ $0 < 0x80 }) { t = t.precomposedStringWithCompatibilityMapping }  // full-width digits
        guard let w = decimal(t), w.isFinite else { return .failure(FieldError(message: "weight '\(text)' is not a number (weights must be positive numbers)")) }
        guard w > 0 else { return .failure(FieldError(message: "weight \(text) is not positive (weights must be positive numbers)")) }
        return .success(w)
    }

    /// `Double(s)` for decimal notation only (`[+-]digits[.digits][e[+-]digits]`): Swift's
    /// `Double("0x10")` is 16 and `Double("nan")` is NaN, which no weight column means.
    static func decimal(_ s: String) -> Double? {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        var mantissa = digits()
        if i < b.count, b[i] == 0x2E { i += 1; mantissa += digits() }
        guard mantissa > 0 else { return nil }
        if i < b.count, b[i] == 0x45 || b[i] == 0x65 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return i == b.count ? Double(s) : nil
    }

    /// Reads an optional field with `parse` (one of `bool`, `status`, `direction`): `fallback` when
    /// the field is empty; `fallback` and `problem` appended to `problems` when the text is none of
    /// the accepted spellings.
    static func choice<T>(_ text: String, _ parse: (String) -> T??, default fallback: T,
                          problem: @autoclosure () -> InputProblem, problems: inout [InputProblem]) -> T {
        switch parse(text) {
        case .some(.some(let value)): return value
        case .some(.none): return fallback
        case .none:
            problems.append(problem())
            return fallback
        }
    }

    static func bool(_ text: String) -> Bool?? {
        switch text.trimmingWhitespace().lowercased() {
        case "": return .some(nil)
        case "true", "yes", "y", "1", "はい", "○", "◯", "t": return true
        case "false", "no", "n", "0", "いいえ", "×", "f": return false
        default: return nil
        }
    }

    static func status(_ text: String) -> PartnershipStatus?? {
        switch text.trimmingWhitespace().lowercased() {
        case "": return .some(nil)
        case "realised", "realized", "done", "実施", "実施済", "実施済み", "実績", "済": return .realised
        case "planned", "plan", "予定", "計画", "今後": return .planned
        default: return nil
        }
    }

    static func direction(_ text: String) -> PartnershipDirection?? {
        switch text.trimmingWhitespace().lowercased() {
        case "": return .some(nil)
        case "mutual", "undirected", "双方向", "相互": return .mutual
        case "directed", "one-way", "一方向", "片方向": return .directed
        default: return nil
        }
    }

    /// Resolves a relation cell (items split by `Vocabulary.splitList`), reporting unknown ones.
    static func relations(_ text: String, vocabulary: Vocabulary, file: String, line: Int, field: String,
                          problems: inout [InputProblem]) -> [RelationKind] {
        guard NameText.check(text, file: file, line: line, field: field, problems: &problems) else { return [] }
        var out: [RelationKind] = []
        for item in Vocabulary.splitList(text) {
            if let r = vocabulary.relation(named: item) ?? vocabulary.relation(named: item.nfkcComposed) {
                if !out.contains(r) { out.append(r) }
            } else {
                problems.append(InputProblem(file: file, line: line, field: field,
                                             message: "unknown relation '\(item)'" + Suggestion.didYouMean(vocabulary.suggestRelation(for: item))))
            }
        }
        return out
    }
}
