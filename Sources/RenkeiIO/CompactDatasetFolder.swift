import Foundation
import RenkeiCore

/// A dataset folder read the fast way, for the commands that need its graph and counts but not
/// its partnerships one by one: `dataset.yaml`, `organizations.csv` and `projects.csv` are read as
/// ``FolderDatasetLoader`` reads them, while `partnerships.csv` is split in place and each distinct
/// cell (an organisation id, a project, a relations cell, a weight…) is read once, so a million
/// rows need no `String` and no `Partnership` per row.
///
/// The counts, graph, warnings and validation text are exactly those of the dataset
/// ``FolderDatasetLoader`` loads from the same folder. The fast reader takes only what it can read
/// without a problem: a partnerships file in UTF-8 (with or without a byte-order mark) or Shift_JIS
/// (CP932) whose every row the general reader accepts (its evidence and note cells are only
/// checked for being blank, and kept as bytes for the exports when asked: `keepDetails`).
/// For anything else ``read(folder:vocabulary:)`` returns nil and the caller loads the folder with
/// the general reader, which names every problem with its file, line and field.
public struct CompactDatasetFolder: Sendable {
    /// The dataset without its partnerships, with the folder's merges, warnings, possible
    /// duplicates and encodings (those of the three CSV files).
    public var loaded: LoadedDataset
    /// Per partnership (one per data row, in file order): source and target organisation
    /// positions, the partnership's `weight` column, and its shape (an index into ``shapes``).
    public var sources: [Int32]
    public var targets: [Int32]
    public var weights: [Double]
    var shapeOfRow: [Int32]
    /// The distinct partnerships of the rows with their ends and weight left out (empty ends,
    /// weight 1): project, relations, status and direction.
    var shapes: [Partnership]
    /// True when some row has an evidence or note cell, which the fast reader keeps only when
    /// asked to (`keepDetails`).
    public var hasDetails = false
    /// The rows' evidence and note cells, when kept and some row has one.
    var details: RowDetails?

    /// Number of partnerships.
    public var partnershipCount: Int { sources.count }

    /// Reads the dataset folder at `folder`, or returns nil when it needs ``FolderDatasetLoader``
    /// (see the type's description); never reports a problem itself.
    /// - Parameter keepDetails: also keep each row's evidence and note cells, for the exports
    ///   (``NetworkTable/init(folder:)``); no count or graph needs them.
    public static func read(folder: String, vocabulary: Vocabulary = .standard, keepDetails: Bool = false) -> CompactDatasetFolder? {
        // partnerships.csv is read in place; its pages are given back once the encoding is known
        // and then as the rows are passed, so they are not resident beside the organisations.
        guard let file = MappedFile(path: (folder as NSString).appendingPathComponent("partnerships.csv")) else { return nil }
        return file.withBytes { mapped in
            CompactEdgeList.withUTF8(mapped) { bytes, offset, encoding in
                file.release(0..<file.count)
                let inPlace = bytes.baseAddress == mapped.baseAddress
                return read(partnerships: bytes, from: offset, encoding: encoding, folder: folder, vocabulary: vocabulary,
                            keepDetails: keepDetails, passed: { if inPlace { file.release(below: $0) } })
            }
        }
    }

    /// The folder's dataset without its partnerships, read by the general reader, and the
    /// encodings of its files; nil when it has a problem to report.
    private static func datasetWithoutPartnerships(folder: String, vocabulary: Vocabulary)
        -> (loaded: LoadedDataset, encodings: [(file: String, encoding: TextEncoding)])? {
        let files = FolderDatasetLoader.readFiles(folder: folder, vocabulary: vocabulary, partnerships: false)
        guard files.problems.isEmpty,
              let loaded = try? FolderDatasetLoader.build(files.tables, metadata: files.metadata, vocabulary: files.vocabulary,
                                                          rules: FolderDatasetLoader.Rules(), problems: [])
        else { return nil }
        return (loaded, files.encodings)
    }

    /// The columns the fast reader reads, by the folder's rules (``FolderDatasetLoader/column(_:_:_:)``).
    struct Columns {
        var project: Int, source: Int, target: Int, relations: Int
        var status: Int?, weight: Int?, direction: Int?, evidence: Int?, note: Int?

        /// Nil when the header needs the general reader (a duplicate or missing column). The
        /// evidence and note cells are only checked for being blank: the general reader finds no
        /// problem in them, and no count or graph depends on them.
        init?(_ header: [String]) {
            guard !CSVTable.hasDuplicateColumn(header) else { return nil }
            let table = CSVTable(file: "partnerships.csv", header: header, records: [], encoding: .utf8)
            func col(_ f: String) -> Int? { FolderDatasetLoader.column(table, "partnerships", f) }
            guard let p = col("project"), let s = col("source"), let t = col("target"), let r = col("relations") else { return nil }
            (project, source, target, relations) = (p, s, t, r)
            (status, weight, direction) = (col("status"), col("weight"), col("direction"))
            (evidence, note) = (col("evidence"), col("note"))
        }
    }

    private static func read(partnerships bytes: UnsafeBufferPointer<UInt8>, from offset: Int, encoding: TextEncoding,
                             folder: String, vocabulary base: Vocabulary, keepDetails: Bool,
                             passed: (Int) -> Void) -> CompactDatasetFolder? {
        var reader = CSVByteReader(bytes, from: offset)
        var fields: [CSVByteReader.Field] = []
        guard reader.next(&fields) != nil else { return nil }
        let header = fields.map { f in reader.withSlice(f) { String(decoding: $0, as: UTF8.self) }.trimmingWhitespace() }
        guard let c = Columns(header) else { return nil }

        // The other files, as the general reader reads them; any problem is its to report.
        guard var (loaded, encodings) = datasetWithoutPartnerships(folder: folder, vocabulary: base) else { return nil }
        let dataset = loaded.dataset
        let vocabulary = dataset.vocabulary
        var projectPosition: [String: Int32] = [:]
        for (i, p) in dataset.projects.enumerated() where projectPosition[p.id] == nil { projectPosition[p.id] = Int32(i) }

        // Each distinct cell of a column is read once: an organisation position, a relation set,
        // a status, a weight; -1 (or nil, false) for a cell with a problem, which sends the folder
        // to the general reader.
        // A project cell's position in the dataset's projects (-1: empty; -2: a problem); a
        // direction cell's value (nil: a problem).
        var ends = CellColumn<Int32>(), projects = CellColumn<Int32>()
        var relationCells = CellColumn<(set: Int32, blank: Bool)>()
        var statuses = CellColumn<Bool?>(), weightCells = CellColumn<Double?>()
        var directions = CellColumn<PartnershipDirection?>()
        var relationSets: [[RelationKind]] = []
        var setIndex: [[String]: Int32] = [:]
        var emptyRelationLines: [Int] = []

        let estimate = max(16, bytes.count / 24)
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        sources.reserveCapacity(estimate); targets.reserveCapacity(estimate); weights.reserveCapacity(estimate)
        // The rows' shapes: relation set, status, project and direction, packed into one key; a
        // run of rows with one shape is looked up once.
        var shapeOfRow: [Int32] = [], shapes: [Partnership] = [], shapeIndex: [UInt64: Int32] = [:]
        shapeOfRow.reserveCapacity(estimate)
        var lastShape: (key: UInt64, index: Int32) = (.max, 0)
        var hasDetails = false
        var details = keepDetails ? RowDetails(estimate: estimate) : nil
        var lastSource = RepeatedCell()
        var lastPassed = 0
        while let line = reader.next(&fields) {
            if reader.pos - lastPassed >= 1 << 22 {
                passed(reader.pos - (1 << 16))  // the row before stays readable
                lastPassed = reader.pos
            }
            guard fields.count == header.count else { return nil }  // ragged: a problem
            // Ends: an organisation id (rows list one source's partners in a run).
            func end(_ col: Int) -> Int32 {
                ends.value(fields[col], in: reader) { id in
                    NameText.problem(in: id) == nil ? dataset.organizationPosition(id: id).map(Int32.init) ?? -1 : -1
                }
            }
            let s = lastSource.value(fields[c.source], in: bytes) { end(c.source) }
            let t = end(c.target)
            guard s >= 0, t >= 0, s != t else { return nil }  // unknown, empty or refused; a self-loop

            let project = projects.value(fields[c.project], in: reader) { id in
                id.isEmpty ? -1 : NameText.problem(in: id) == nil ? projectPosition[id] ?? -2 : -2
            }
            guard project >= -1 else { return nil }

            let r = relationCells.value(fields[c.relations], in: reader) { cell in
                var found: [InputProblem] = []
                let relations = FieldParsing.relations(cell, vocabulary: vocabulary, file: "", line: 0, field: "", problems: &found)
                guard found.isEmpty else { return (-1, false) }
                let blank = relations.isEmpty && FieldParsing.list(cell).isEmpty
                let key = relations.map(\.id)
                if let i = setIndex[key] { return (i, blank) }
                setIndex[key] = Int32(relationSets.count)
                relationSets.append(relations)
                return (Int32(relationSets.count - 1), blank)
            }
            guard r.set >= 0 else { return nil }
            if r.blank { emptyRelationLines.append(line) }

            var isRealised = true
            if let col = c.status {
                guard let value = statuses.value(fields[col], in: reader, { FieldParsing.status($0).map { ($0 ?? .realised) == .realised } })
                else { return nil }
                isRealised = value
            }
            var weight = 1.0
            if let col = c.weight {
                guard let value = weightCells.value(fields[col], in: reader, { cell in
                    if case .success(let w) = FieldParsing.weight(cell) { return w ?? 1 } else { return nil }
                }) else { return nil }
                weight = value
            }
            var direction = PartnershipDirection.mutual
            if let col = c.direction {
                guard let value = directions.value(fields[col], in: reader, { FieldParsing.direction($0).map { $0 ?? .mutual } })
                else { return nil }
                direction = value
            }
            /// True when column `col` has a cell that is not blank in this row.
            func filled(_ col: Int?) -> Bool {
                guard let col else { return false }
                return !reader.withSlice(fields[col]) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A } }
            }
            if details != nil || !hasDetails {
                let evidence = filled(c.evidence), note = filled(c.note)
                if evidence || note { hasDetails = true }
                if details != nil {
                    guard details!.append(evidence: evidence ? fields[c.evidence!] : nil, note: note ? fields[c.note!] : nil,
                                          of: reader) else { return nil }
                }
            }
            let key = UInt64(UInt32(bitPattern: r.set)) | UInt64(UInt32(bitPattern: project + 1)) << 32
                | (isRealised ? 0 : 1 << 62) | (direction == .directed ? 1 << 63 : 0)
            if key != lastShape.key {
                if let i = shapeIndex[key] {
                    lastShape = (key, i)
                } else {
                    let i = Int32(shapes.count)
                    shapeIndex[key] = i
                    shapes.append(Partnership(project: project < 0 ? nil : dataset.projects[Int(project)].id, source: "", target: "",
                                              relations: relationSets[Int(r.set)], status: isRealised ? .realised : .planned,
                                              weight: 1, direction: direction, evidence: []))
                    lastShape = (key, i)
                }
            }
            shapeOfRow.append(lastShape.index)
            sources.append(s); targets.append(t); weights.append(weight)
        }
        if reader.unterminatedQuote != nil { return nil }

        // The general reader's warnings: the rows without relations, then the organisations'.
        let file = "partnerships.csv"
        loaded.warnings = emptyRelationLines.map {
            InputProblem(file: file, line: $0, field: "relations", message: "empty relations: what did the partners do together?")
        } + loaded.warnings
        encodings.append((file, encoding))
        loaded.encodings = encodings
        if hasDetails, details != nil {
            // A reference without a document names its project's (as FolderDatasetLoader reads it).
            var projectByID: [String: Project] = [:]
            for p in dataset.projects { projectByID[p.id] = p }
            details!.documents = shapes.map { shape in
                shape.project.flatMap { projectByID[$0]?.source?.document } ?? dataset.metadata.source
            }
        } else {
            details = nil
        }
        return CompactDatasetFolder(loaded: loaded, sources: sources, targets: targets, weights: weights,
                                    shapeOfRow: shapeOfRow, shapes: shapes, hasDetails: hasDetails, details: details)
    }

    /// The partnerships as rows for the streamed exports (``NetworkTable/init(folder:)``); nil
    /// when some row has evidence or a note that was not kept.
    var rowEdges: RowEdges? {
        guard !hasDetails || details != nil else { return nil }
        return RowEdges(organizations: loaded.dataset.organizations, sources: sources, targets: targets, weights: weights,
                        lines: nil, shapeOfRow: shapes.count == 1 ? nil : shapeOfRow, shapes: shapes, details: details)
    }

    /// The partnership graph ``AnalysisGraph/partnershipGraph(of:filter:)`` makes of the folder's
    /// dataset with the default filter and `weighting`: the same labels, edges and weights.
    public func graph(weighting: PartnershipWeighting) -> AnalysisGraph {
        var edges: [(Int32, Int32, Double)] = []
        edges.reserveCapacity(sources.count)
        let shapeWeights = shapes.map { Double(max(1, $0.relations.count)) }
        for i in sources.indices {
            let w: Double
            switch weighting {
            case .relations: w = shapeWeights[Int(shapeOfRow[i])]
            case .weight: w = weights[i]
            case .count: w = 1
            }
            edges.append((sources[i], targets[i], w))
        }
        return AnalysisGraph(labels: loaded.dataset.organizations.map(\.id), edges: edges)
    }

    /// The counts ``DatasetStatistics`` gives for the folder's dataset.
    public var statistics: DatasetStatistics {
        var rowsOfShape = [Int](repeating: 0, count: shapes.count)
        for s in shapeOfRow { rowsOfShape[Int(s)] += 1 }
        var relationCounts: [String: Int] = [:]
        var withoutRelations = 0, realised = 0
        for (shape, rows) in zip(shapes, rowsOfShape) {
            if shape.relations.isEmpty { withoutRelations += rows }
            if shape.status == .realised { realised += rows }
            for r in shape.relations { relationCounts[r.id, default: 0] += rows }
        }
        let d = loaded.dataset
        return DatasetStatistics(name: d.metadata.name, organizations: d.organizations, vocabulary: d.vocabulary,
                                 partnerships: sources.count, realised: realised,
                                 withoutRelations: withoutRelations, projects: d.projects.count,
                                 relationCounts: relationCounts, graph: graph(weighting: .relations))
    }

    /// What `renkei validate` prints for the folder's dataset.
    public func validationReport(merges showMerges: Bool) -> String {
        let d = loaded.dataset
        return LoadedDataset.validationReport(name: d.metadata.name, organizations: d.organizations.count,
                                              partnerships: sources.count, projects: d.projects.count,
                                              encodings: loaded.encodings, warnings: loaded.warnings, merges: loaded.merges,
                                              possibleDuplicates: loaded.possibleDuplicates, showMerges: showMerges)
    }
}

/// The distinct cells of one column, each with a value made once from its text (the cell as the
/// general reader reads it: formula guard removed, trimmed).
struct CellColumn<Value> {
    private var cells = CellTable()
    private var values: [Value] = []

    /// The value of field `f` of `reader`'s record; `make` is called for a cell met for the first time.
    mutating func value(_ f: CSVByteReader.Field, in reader: CSVByteReader, _ make: (String) -> Value) -> Value {
        let k = Int(reader.withSlice(f) { cells.intern($0) })
        if k == values.count {
            let text = cells.arena.withUnsafeBufferPointer { a in
                String(decoding: UnsafeBufferPointer(rebasing: a[cells.start[k]..<cells.start[k + 1]]), as: UTF8.self)
            }
            values.append(make(CSVWriter.unguarded(text).trimmingWhitespace()))
        }
        return values[k]
    }
}

/// The previous row's cell of a column and what was made of it: sheets list one source's partners
/// on consecutive rows, so the same bytes are compared before any lookup. A quoted cell (unquoted
/// into the reader's scratch space) is not kept.
struct RepeatedCell {
    private var start = 0, end = 0
    private var kept: Int32 = 0
    private var valid = false

    /// `make()` for field `f` of `bytes`, or the value made for the previous row's equal cell.
    mutating func value(_ f: CSVByteReader.Field, in bytes: UnsafeBufferPointer<UInt8>, _ make: () -> Int32) -> Int32 {
        if valid, !f.unquoted, f.end - f.start == end - start,
           memcmp(bytes.baseAddress! + f.start, bytes.baseAddress! + start, f.end - f.start) == 0 {
            return kept
        }
        let made = make()
        if f.unquoted { valid = false } else { (start, end, kept, valid) = (f.start, f.end, made, true) }
        return made
    }
}
