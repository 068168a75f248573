import Foundation
import RenkeiCore

/// A workbook whose sheets are a dataset folder's tables: 団体 (or `organizations`), 事業
/// (`projects`, optional) and 連携 (`partnerships`), with the folder's columns (`id`, `name`,
/// `kind` …) or the Japanese headers `export --format xlsx` writes (ID, 名称, 種別 …). A header
/// row need not be the first (title rows above it are skipped). Unlike a folder, 連携 and 事業 may
/// name organisations by name (連携元, 主催団体) where they give no id, when the name is that of
/// exactly one 団体 row, and a relation or kind word the vocabulary does not know becomes one of
/// the dataset's own with a warning (an error with `--strict`). Problems name the sheet and the
/// cell: `book.xlsx:連携!C7`.
enum WorkbookDatasetLoader {
    /// The accepted names of each table's sheet.
    static let sheetNames: [(table: String, names: [String])] = [
        ("organizations", ["団体", "organizations"]), ("projects", ["事業", "projects"]),
        ("partnerships", ["連携", "partnerships"]),
    ]

    /// The columns one of which makes a row the header of each table.
    static let headerColumns: [String: [String]] = [
        "organizations": ["id", "name"], "projects": ["id", "title"], "partnerships": ["source", "target"],
    ]

    static func sheet(_ book: XLSXWorkbook, _ table: String) -> XLSXWorkbook.Sheet? {
        let names = Set(sheetNames.first { $0.table == table }!.names.map(CSVTable.normalizeHeader))
        return book.sheets.first { names.contains(CSVTable.normalizeHeader($0.name)) }
    }

    /// True when the workbook has an organisations and a partnerships sheet.
    static func isDataset(_ book: XLSXWorkbook) -> Bool {
        sheet(book, "organizations") != nil && sheet(book, "partnerships") != nil
    }

    static func load(_ book: XLSXWorkbook, file: String, name: String, vocabulary: Vocabulary, strict: Bool) throws -> LoadedDataset {
        var problems: [InputProblem] = []
        // Each sheet as a table (its file "book.xlsx:連携", its records' lines the sheet rows).
        var tables: [String: (table: CSVTable, sheet: String, headerRow: Int)] = [:]
        for (kind, _) in sheetNames {
            guard let s = sheet(book, kind) else { continue }
            let width = (s.rows.flatMap { $0.cells.keys }.max() ?? -1) + 1
            let tableFile = "\(file):\(s.name)"
            func table(header: [String], records: [CSVRecord]) -> CSVTable {
                CSVTable(file: tableFile, header: header, records: records, encoding: .utf8)
            }
            guard let h = s.rows.firstIndex(where: { row in
                let t = table(header: row.fields(count: width).map { $0.trimmingWhitespace() }, records: [])
                return headerColumns[kind]!.allSatisfy { FolderDatasetLoader.column(t, kind, $0) != nil }
            }) else {
                let wanted = headerColumns[kind]!.map { f in ([f] + (FolderDatasetLoader.headerAliases[kind]?[f] ?? [])).joined(separator: "/") }
                problems.append(InputProblem(file: tableFile, message: "no header row naming the columns \(wanted.joined(separator: " and "))"))
                continue
            }
            let header = s.rows[h].fields(count: width).map { $0.trimmingWhitespace() }
            var seen: [String: Int] = [:]
            for (i, c) in header.enumerated() where !c.isEmpty {
                if let j = seen.updateValue(i, forKey: CSVTable.normalizeHeader(c)) {
                    problems.append(InputProblem(file: "\(tableFile)!\(XLSXWorkbook.columnName(i))\(s.rows[h].number)", field: c,
                                                 message: "duplicate column: column \(XLSXWorkbook.columnName(j)) '\(header[j])' and column \(XLSXWorkbook.columnName(i)) '\(c)' have the same name; remove or rename one"))
                }
            }
            let records = s.rows[(h + 1)...].map { CSVRecord(line: $0.number, fields: $0.fields(count: width)) }
                .filter { !$0.fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
            tables[kind] = (table(header: header, records: records), s.name, s.rows[h].number)
        }
        guard problems.isEmpty else { throw InputError(sorting: problems) }

        /// A problem of a sheet, named by its cell (`book.xlsx:連携!C7`) and its header as written.
        func cell(_ p: InputProblem) -> InputProblem {
            guard let (kind, t) = tables.first(where: { $0.value.table.file == p.file }) else { return p }
            var column: Int?
            if let f = p.field { column = FolderDatasetLoader.column(t.table, kind, f) ?? t.table.header.firstIndex(of: f) }
            var message = p.message
            for (a, b) in [(" lines ", " rows "), (" line ", " row "), ("(lines ", "(rows "), ("(line ", "(row ")] {
                message = message.replacingOccurrences(of: a, with: b)
            }
            guard let line = p.line else {
                return InputProblem(file: p.file, field: column.map { t.table.header[$0] } ?? p.field, message: message)
            }
            // Header problems (a missing column) are reported on line 1: the header's row.
            let row = line == 1 && !t.table.records.contains(where: { $0.line == 1 }) ? t.headerRow : line
            guard let column else { return InputProblem(file: p.file, field: p.field, message: message + " (header row \(row))") }
            return InputProblem(file: "\(p.file)!\(XLSXWorkbook.columnName(column))\(row)", field: t.table.header[column], message: message)
        }
        let loaded: LoadedDataset
        do {
            let sheets = FolderDatasetLoader.Tables(organizations: tables["organizations"]?.table, projects: tables["projects"]?.table,
                                                    projectsPresent: false, partnerships: tables["partnerships"]?.table)
            // The name and description `export --format xlsx` keeps in the document properties.
            let metadata = DatasetMetadata(name: book.title ?? name, description: book.description, source: file)
            loaded = try FolderDatasetLoader.build(sheets, metadata: metadata, vocabulary: vocabulary,
                                                   rules: .init(resolveNames: true, adoptUnknownWords: !strict), problems: [])
        } catch let e as InputError {
            throw InputError(e.problems.map(cell))
        }
        var result = loaded
        result.warnings = loaded.warnings.map(cell)
        result.metrics = metrics(tables["organizations"]?.table, dataset: loaded.dataset)
        return result
    }

    /// The metric columns of 団体 (`export --format xlsx --with-metrics`: 次数, 媒介中心性 …), read
    /// back so that converting the workbook keeps them; nil when it has none.
    static func metrics(_ table: CSVTable?, dataset: Dataset) -> NodeMetrics? {
        guard let table, let idColumn = FolderDatasetLoader.column(table, "organizations", "id") else { return nil }
        var columns: [AttributeSpec] = []
        var values: [String: [String: Double]] = [:]
        for spec in NodeMetrics.standardColumns {
            guard let c = table.column([spec.name, spec.japanese]) else { continue }
            columns.append(spec)
            for r in table.records {
                if let v = FieldParsing.decimal(r.fields[c].trimmingWhitespace()) {
                    values[r.fields[idColumn].trimmingWhitespace(), default: [:]][spec.name] = v
                }
            }
        }
        return columns.isEmpty ? nil : NodeMetrics(columns: columns, values: values)
    }
}
