import Foundation
import RenkeiCore

/// Loads single-file edge lists: an edge-list CSV with names (one sheet that may carry projects),
/// or a plain `u v [w]` list.
enum EdgeListLoader {
    /// Header spellings accepted for each edge-list column (compared after NFKC, lower-cased,
    /// white space, `_` and `-` removed).
    static let sourceHeaders = ["source", "from", "団体名", "団体", "組織名", "組織", "連携元", "連携元団体",
                                "実施団体", "実施団体名", "主体", "名前", "name"]
    static let targetHeaders = ["target", "to", "連携先", "連携先団体", "連携先団体名", "連携団体", "連携団体名",
                                "相手", "相手先", "パートナー", "partner"]
    static let relationHeaders = ["relations", "relation", "連携内容", "連携の内容", "内容", "関係", "連携種別",
                                  "types"]
    static let weightHeaders = ["weight", "重み", "強さ", "回数", "頻度"]
    static let projectHeaders = ["事業名", "project", "事業", "プロジェクト", "プロジェクト名", "project_title", "title"]
    static let projectIDHeaders = ["事業ID", "project_id", "事業番号"]
    static let leadHeaders = ["主催団体", "lead", "主催", "主催団体名", "実施主体"]
    static let statusHeaders = ["状態", "status", "実施状況", "状況"]
    static let kindHeaders = ["種別", "kind", "連携先種別", "type"]
    static let prefectureHeaders = ["都道府県", "prefecture"]
    static let municipalityHeaders = ["市町村", "市区町村", "municipality"]
    static let yearHeaders = ["年度", "year"]
    static let noteHeaders = ["備考", "note", "メモ"]

    /// The columns of a sheet, by position.
    struct Columns {
        var source, target: Int
        var relations, weight, project, projectID, lead, status, kind, prefecture, municipality, year, note: Int?

        init?(_ header: [String], file: String, problems: inout [InputProblem]) {
            func find(_ names: [String]) -> Int? {
                let wanted = Set(names.map(CSVTable.normalizeHeader))
                return header.firstIndex { wanted.contains(CSVTable.normalizeHeader($0)) }
            }
            let s = find(EdgeListLoader.sourceHeaders), t = find(EdgeListLoader.targetHeaders)
            if s == nil {
                problems.append(InputProblem(file: file, line: 1, field: "source",
                                             message: "missing required column 'source' (or 団体名); the header is: \(header.joined(separator: ","))"))
            }
            if t == nil {
                problems.append(InputProblem(file: file, line: 1, field: "target",
                                             message: "missing required column 'target' (or 連携先); the header is: \(header.joined(separator: ","))"))
            }
            guard let s, let t else { return nil }
            source = s; target = t
            relations = find(EdgeListLoader.relationHeaders); weight = find(EdgeListLoader.weightHeaders)
            project = find(EdgeListLoader.projectHeaders); projectID = find(EdgeListLoader.projectIDHeaders)
            lead = find(EdgeListLoader.leadHeaders); status = find(EdgeListLoader.statusHeaders)
            kind = find(EdgeListLoader.kindHeaders); prefecture = find(EdgeListLoader.prefectureHeaders)
            municipality = find(EdgeListLoader.municipalityHeaders); year = find(EdgeListLoader.yearHeaders)
            note = find(EdgeListLoader.noteHeaders)
        }
    }

    /// One data row of a sheet: its line (or sheet row) and its cells, and how to name a cell in a
    /// problem (`12` for a CSV line, `連携!C7` for a workbook cell).
    struct SheetRow {
        var line: Int
        var fields: [String]
    }

    static func loadCSV(path: String, vocabulary: Vocabulary = .standard, strict: Bool = false) throws -> LoadedDataset {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let table = CSVTable.read(path: path, displayName: file, problems: &problems) else {
            throw InputError(sorting: problems)
        }
        var loaded = try loadSheet(header: table.header, rows: table.records.map { SheetRow(line: $0.line, fields: $0.fields) },
                                   file: file, name: DatasetLoader.baseName(path), vocabulary: vocabulary, strict: strict,
                                   problems: problems)
        loaded.encodings = [(file, table.encoding)]
        return loaded
    }

    /// A workbook with 団体 and 連携 sheets (and `sheet` not given) is a dataset workbook
    /// (``WorkbookDatasetLoader``). Otherwise
    /// one sheet of a workbook, read like an edge-list CSV: the first sheet or `sheet`; the header
    /// is the first row that names a source and a target column (title rows above it are skipped).
    /// Problems name the sheet and the cell (`book.xlsx:連携!C7`).
    static func loadWorkbook(path: String, vocabulary: Vocabulary, strict: Bool, sheet wanted: String?) throws -> LoadedDataset {
        let file = (path as NSString).lastPathComponent
        let lower = file.lowercased()
        if lower.hasSuffix(".numbers") {
            throw InputError([InputProblem(file: file, message: "a Numbers document cannot be read; in Numbers choose File → Export To → Excel (.xlsx) or CSV")])
        }
        if lower.hasSuffix(".ods") {
            throw InputError([InputProblem(file: file, message: "an OpenDocument spreadsheet (.ods) cannot be read; save it as .xlsx (Excel workbook) or CSV")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([InputProblem(file: file, message: "cannot read the file")])
        }
        let book = try XLSXWorkbook(bytes: [UInt8](data), file: file)
        if wanted == nil, WorkbookDatasetLoader.isDataset(book) {
            return try WorkbookDatasetLoader.load(book, file: file, name: DatasetLoader.baseName(path), vocabulary: vocabulary, strict: strict)
        }
        let names = book.sheets.map(\.name)
        let chosen: XLSXWorkbook.Sheet
        if let wanted {
            guard let s = book.sheets.first(where: { $0.name == wanted || projectKey($0.name) == projectKey(wanted) }) else {
                throw InputError([InputProblem(file: file, message: "no sheet '\(wanted)'; the sheets are: \(names.joined(separator: ", "))" + Suggestion.didYouMean(wanted, among: names))])
            }
            chosen = s
        } else {
            guard let s = book.sheets.first else { throw InputError([InputProblem(file: file, message: "the workbook has no sheets")]) }
            chosen = s
        }
        let width = (chosen.rows.flatMap { $0.cells.keys }.max() ?? -1) + 1
        var ignored: [InputProblem] = []
        guard let headerIndex = chosen.rows.firstIndex(where: { Columns($0.fields(count: width), file: file, problems: &ignored) != nil }) else {
            throw InputError([InputProblem(file: "\(file):\(chosen.name)", message: "no header row naming a source (団体名) and a target (連携先) column")])
        }
        let header = chosen.rows[headerIndex].fields(count: width).map { $0.trimmingWhitespace() }
        let rows = chosen.rows[(headerIndex + 1)...].map { SheetRow(line: $0.number, fields: $0.fields(count: width)) }
        func cell(_ p: InputProblem) -> InputProblem {
            guard let line = p.line else { return InputProblem(file: "\(file):\(chosen.name)", field: p.field, message: p.message) }
            let col = p.field.flatMap { header.firstIndex(of: $0) }
            let ref = "\(chosen.name)!\(col.map(XLSXWorkbook.columnName) ?? "")\(line)"
            let message = p.message.replacingOccurrences(of: " (lines ", with: " (rows ").replacingOccurrences(of: " (line ", with: " (row ")
            return InputProblem(file: "\(file):\(ref)", field: p.field, message: message)
        }
        do {
            var loaded = try loadSheet(header: header, rows: rows, file: file, name: DatasetLoader.baseName(path),
                                       vocabulary: vocabulary, strict: strict, problems: [])
            loaded.warnings = loaded.warnings.map(cell)
            return loaded
        } catch let e as InputError {
            throw InputError(e.problems.map(cell))
        }
    }

    /// A project's id as the sheet names it: NFKC (kana composed), trimmed, runs of white space
    /// one space.
    static func projectKey(_ text: String) -> String {
        text.nfkcComposed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Reads one sheet (a CSV file or a workbook's sheet) of partnerships into a dataset.
    static func loadSheet(header: [String], rows sheetRows: [SheetRow], file: String, name: String,
                          vocabulary base: Vocabulary, strict: Bool, problems initial: [InputProblem]) throws -> LoadedDataset {
        var problems = initial
        var warnings: [InputProblem] = []
        guard let c = Columns(header, file: file, problems: &problems) else { throw InputError(sorting: problems) }
        var vocabulary = base
        func field(_ col: Int?, _ r: SheetRow) -> String { col.map { r.fields[$0].trimmingWhitespace() } ?? "" }

        struct ProjectInfo { var id: String; var title: String; var line: Int; var lead: String?; var leadLine: Int?
                             var prefecture: String?; var municipality: String?; var year: Int?; var sources: [String: Int] = [:]; var sourceOrder: [String] = [] }
        var projects: [ProjectInfo] = []
        var projectIndex: [String: Int] = [:]
        var newWords: [(word: String, lines: [Int])] = []
        var newWordIndex: [String: Int] = [:]

        struct Row { var line: Int; var relations: [RelationKind]; var weight: Double; var source: String; var target: String
                     var project: Int?; var status: PartnershipStatus; var kind: OrganizationKind?; var note: String? }
        var rows: [Row] = []
        var mentions: [NameMention] = []
        var previousProject: Int?
        let hasProjects = c.project != nil || c.projectID != nil
        for r in sheetRows {
            if r.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }  // a blank row
            let source = field(c.source, r), target = field(c.target, r)
            let before = problems.count
            if source.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: header[c.source], message: "empty name"))
            }
            if target.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: header[c.target], message: "empty name"))
            }
            // A line break inside a cell (Alt+Enter in Excel) is white space, which names collapse
            // into one space; every other control character is refused.
            for (name, col) in [(source, c.source), (target, c.target)] {
                NameText.check(name.split(whereSeparator: \.isNewline).joined(separator: " "), file: file, line: r.line,
                               field: header[col], problems: &problems)
            }
            // The project: its id column, else its name; an empty cell continues the row above
            // (a name written once for a block of rows, as merged cells are).
            var projectNumber: Int?
            if hasProjects {
                let idText = projectKey(field(c.projectID, r)), title = projectKey(field(c.project, r))
                let key = idText.isEmpty ? title : idText
                if key.isEmpty {
                    if let p = previousProject { projectNumber = p } else {
                        problems.append(InputProblem(file: file, line: r.line, field: header[c.project ?? c.projectID!],
                                                     message: "empty project (and no project on a row above to continue)"))
                    }
                } else if let p = projectIndex[key] {
                    projectNumber = p
                } else {
                    projectIndex[key] = projects.count
                    projectNumber = projects.count
                    projects.append(ProjectInfo(id: key, title: title.isEmpty ? key : title, line: r.line))
                }
                previousProject = projectNumber
                if let p = projectNumber {
                    func fill<T: Equatable>(_ keyPath: WritableKeyPath<ProjectInfo, T?>, _ value: T?, _ col: Int?) {
                        guard let value, let col else { return }
                        if let old = projects[p][keyPath: keyPath] {
                            if old != value {
                                warnings.append(InputProblem(file: file, line: r.line, field: header[col],
                                                             message: "project '\(projects[p].id)' already has '\(old)' (line \(projects[p].line)); '\(value)' is ignored"))
                            }
                        } else { projects[p][keyPath: keyPath] = value }
                    }
                    let lead = field(c.lead, r)
                    if !lead.isEmpty, projects[p].lead == nil { projects[p].leadLine = r.line }
                    fill(\.lead, lead.isEmpty ? nil : lead, c.lead)
                    let pref = field(c.prefecture, r), muni = field(c.municipality, r)
                    fill(\.prefecture, pref.isEmpty ? nil : pref, c.prefecture)
                    fill(\.municipality, muni.isEmpty ? nil : muni, c.municipality)
                    let yearText = field(c.year, r)
                    if !yearText.isEmpty {
                        if let y = year(yearText, fiscal: header[c.year!].contains("年度")) { fill(\.year, y, c.year) } else {
                            problems.append(InputProblem(file: file, line: r.line, field: header[c.year!], message: "'\(yearText)' is not a year"))
                        }
                    }
                }
            }
            // Relations: known words, synonyms, else a dataset-local relation (an error when strict).
            var relations: [RelationKind] = []
            if let col = c.relations {
                let text = field(col, r)
                NameText.check(text, file: file, line: r.line, field: header[col], problems: &problems)
                if text.isEmpty {
                    warnings.append(InputProblem(file: file, line: r.line, field: header[col], message: "empty relations: what did the partners do together?"))
                }
                for item in vocabulary.splitRelations(text) {
                    var relation = vocabulary.relation(named: item) ?? vocabulary.relation(named: item.nfkcComposed)
                    if let known = relation, let i = newWordIndex[known.id] {
                        if newWords[i].lines.last != r.line { newWords[i].lines.append(r.line) }
                    } else if relation == nil {
                        let word = projectKey(item)
                        if strict {
                            problems.append(InputProblem(file: file, line: r.line, field: header[col],
                                                         message: "unknown relation '\(item)'" + Suggestion.didYouMean(vocabulary.suggestRelation(for: item))))
                            continue
                        }
                        if let i = newWordIndex[word] { newWords[i].lines.append(r.line) } else {
                            newWordIndex[word] = newWords.count
                            newWords.append((word, [r.line]))
                        }
                        relation = vocabulary.addRelation(id: word, japanese: word, english: nil)
                    }
                    if let relation, !relations.contains(relation) { relations.append(relation) }
                }
            }
            var weight = 1.0
            if let col = c.weight {
                switch FieldParsing.weight(r.fields[col]) {
                case .success(let w): weight = w ?? 1
                case .failure(let e): problems.append(InputProblem(file: file, line: r.line, field: header[col], message: e.message))
                }
            }
            var status = PartnershipStatus.realised
            if let col = c.status {
                status = FieldParsing.choice(field(col, r), FieldParsing.status, default: .realised,
                                             problem: InputProblem(file: file, line: r.line, field: header[col],
                                                                   message: "status '\(field(col, r))' is neither realised (実施済み, 実施) nor planned (予定, 計画)"),
                                             problems: &problems)
            }
            var kind: OrganizationKind?
            if let col = c.kind, !field(col, r).isEmpty {
                let text = field(col, r)
                kind = vocabulary.kind(named: text) ?? vocabulary.kind(named: text.nfkcComposed)
                if kind == nil {
                    problems.append(InputProblem(file: file, line: r.line, field: header[col],
                                                 message: "unknown kind '\(text)'" + Suggestion.didYouMean(vocabulary.suggestKind(for: text))))
                }
            }
            guard problems.count == before else { continue }
            let note = field(c.note, r)
            rows.append(Row(line: r.line, relations: relations, weight: weight, source: source, target: target,
                            project: projectNumber, status: status, kind: kind, note: note.isEmpty ? nil : note))
            if let p = projectNumber {
                if projects[p].sources[source] == nil { projects[p].sourceOrder.append(source) }
                projects[p].sources[source, default: 0] += 1
            }
        }
        // Mentions: every row's source and target, then each project's lead, in the project's context.
        for row in rows {
            let location = SourceReference(document: file, line: row.line)
            let p = row.project.map { projects[$0] }
            mentions.append(NameMention(text: row.source, project: p?.id, prefecture: p?.prefecture, municipality: p?.municipality, location: location))
            mentions.append(NameMention(text: row.target, project: p?.id, prefecture: p?.prefecture, municipality: p?.municipality, location: location))
        }
        for i in projects.indices {
            if projects[i].lead == nil {
                // The organisation that appears most often as 団体名 on its rows (the first of equals).
                let counts = projects[i].sources
                guard let most = counts.values.max(),
                      let top = projects[i].sourceOrder.first(where: { counts[$0] == most }) else { continue }
                projects[i].lead = top
                warnings.append(InputProblem(file: file, line: projects[i].line, field: c.lead.map { header[$0] } ?? header[c.source],
                                             message: "project '\(projects[i].id)' has no lead; '\(top)', its \(header[c.source]) on \(projects[i].sources[top]!) row\(projects[i].sources[top]! == 1 ? "" : "s"), was taken as the lead"))
            }
            let location = SourceReference(document: file, line: projects[i].leadLine ?? projects[i].line)
            if let lead = projects[i].lead {
                mentions.append(NameMention(text: lead, project: projects[i].id, prefecture: projects[i].prefecture,
                                            municipality: projects[i].municipality, location: location))
            }
        }
        for (word, lines) in newWords {
            let where_ = lines.count == 1 ? "line \(lines[0])" : "lines " + lines.map(String.init).joined(separator: ", ")
            let hint = Suggestion.didYouMean(base.suggestRelation(for: word))
            warnings.append(InputProblem(file: file, line: lines[0], field: c.relations.map { header[$0] },
                                         message: "new relation '\(word)' (\(where_)) is not in the vocabulary; it is kept as a relation of this dataset\(hint)"))
        }

        var resolved = EntityResolver.resolve(mentions)
        var partnerships: [Partnership] = []
        var kindOverride: [String: OrganizationKind] = [:]
        for (i, row) in rows.enumerated() {
            let s = resolved.organizations[resolved.assignments[2 * i]]
            let t = resolved.organizations[resolved.assignments[2 * i + 1]]
            if s.id == t.id {
                let detail = row.source == row.target ? "'\(row.source)'" : "'\(row.source)' and '\(row.target)' are the same organisation (\(s.id)), so this row"
                problems.append(InputProblem(file: file, line: row.line, field: header[c.target],
                                             message: "self-loop: \(detail) partners with itself"))
                continue
            }
            if let k = row.kind, kindOverride[t.id] == nil { kindOverride[t.id] = k }
            partnerships.append(Partnership(project: row.project.map { projects[$0].id }, source: s.id, target: t.id,
                                            relations: row.relations, status: row.status, weight: row.weight,
                                            evidence: [SourceReference(document: file, line: row.line)], note: row.note))
        }
        if !problems.isEmpty { throw InputError(sorting: problems) }
        for i in resolved.organizations.indices {
            if let k = kindOverride[resolved.organizations[i].id] { resolved.organizations[i].kind = k }
        }
        var out: [Project] = []
        var leadMention = 2 * rows.count
        for p in projects {
            guard p.lead != nil else { continue }
            let lead = resolved.organizations[resolved.assignments[leadMention]]
            leadMention += 1
            out.append(Project(id: p.id, title: p.title, lead: lead.id, prefecture: p.prefecture ?? lead.prefecture,
                               municipality: p.municipality ?? lead.municipality, year: p.year,
                               source: SourceReference(document: file, line: p.line)))
        }
        let dataset = Dataset(metadata: DatasetMetadata(name: name, source: file),
                              vocabulary: vocabulary, organizations: resolved.organizations, projects: out,
                              partnerships: partnerships)
        for d in resolved.possibleDuplicates {
            // The column where the second organisation is first met on its line.
            var field = header[c.source]
            if let row = rows.indices.first(where: { rows[$0].line == d.location?.line }),
               resolved.organizations[resolved.assignments[2 * row]].id != d.organizations[1] {
                field = header[c.target]
            }
            warnings.append(InputProblem(file: file, line: d.location?.line, field: field,
                                         message: "'\(d.names[0])' and '\(d.names[1])' may be the same organisation but are kept apart: \(d.reason)",
                                         kind: InputProblem.possibleDuplicate, organizations: d.organizations))
        }
        return LoadedDataset(dataset: dataset, merges: resolved.merges, warnings: InputError(sorting: warnings).problems,
                             possibleDuplicates: resolved.possibleDuplicates)
    }

    /// A year as sheets write it: 2024, ２０２４年度, 令和6年度, R6, 平成30年度, or a date (2023-06-01,
    /// 2023/6/1, 2023年6月1日, an Excel date serial). With `fiscal` (a 年度 column) a date from
    /// January to March belongs to the fiscal year that began the April before (2024-02-10 → 2023).
    static func year(_ text: String, fiscal: Bool = false) -> Int? {
        var t = text.nfkcComposed.replacingOccurrences(of: " ", with: "")
        for suffix in ["年度", "年"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
        for (era, base) in [("令和", 2018), ("R", 2018), ("r", 2018), ("平成", 1988), ("H", 1988), ("h", 1988)] where t.hasPrefix(era) {
            let rest = t.dropFirst(era.count)
            if rest == "元" { return base + 1 }
            if let n = Int(rest), n >= 1, n <= 99 { return base + n }
            return nil
        }
        if let y = Int(t), (1900...2200).contains(y) { return y }
        func dated(_ year: Int, _ month: Int) -> Int { fiscal && (1...3).contains(month) ? year - 1 : year }
        // A date where a year is expected: an Excel date serial (days since 1899-12-30) or 2023/4/1.
        if let serial = Double(t), (1...100_000).contains(serial) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = Date(timeIntervalSince1970: (serial.rounded(.down) - 25569) * 86400)
            return dated(calendar.component(.year, from: date), calendar.component(.month, from: date))
        }
        // yyyy-mm-dd[ time], yyyy/m/d, yyyy.m.d, yyyy年m月d日: the year, and the month for 年度.
        let b = Array(t.unicodeScalars)
        if b.count >= 6, let y = Int(String(String.UnicodeScalarView(b[0..<4]))), (1900...2200).contains(y), "/-.年".unicodeScalars.contains(b[4]) {
            var month = 0, i = 5
            while i < b.count, let d = Int(String(b[i])), (0...9).contains(d), i < 7 { month = month * 10 + d; i += 1 }
            guard (1...12).contains(month), i < b.count, "/-.月".unicodeScalars.contains(b[i]) else { return nil }
            return dated(y, month)
        }
        if let d = Double(t), d == d.rounded(), (1900...2200).contains(Int(d)) { return Int(d) }
        return nil
    }

    /// A plain edge list: `u v [w]` per line, in the syntax ``EdgeListTokenizer`` reads (the same
    /// as `EdgeListGraphReader`: `#`/`%` comment lines, `source,target[,weight]` lines when the first
    /// data line holds a comma), in any encoding ``TextCodec`` detects. Labels are kept as written
    /// and every organisation gets kind その他; unlike the graph reader, self-loops and weights
    /// that are not positive are errors.
    static func loadPlain(path: String) throws -> LoadedDataset {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let (text, encoding) = TextFile.read(path: path, file: file, problems: &problems) else {
            throw InputError(problems)
        }
        var organizations: [Organization] = []
        var known = Set<String>()
        var partnerships: [Partnership] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var lines = EdgeListTokenizer(text: buffer, file: file, csv: nil)
            var fields: [EdgeListTokenizer.Field] = []
            while let lineNumber = lines.next(&fields) {
                let tokens = fields.map(lines.string)
                guard tokens.count == 2 || tokens.count == 3 else {
                    problems.append(InputProblem(file: file, line: lineNumber,
                                                 message: "expected 'source target [weight]', found \(tokens.count) fields"))
                    continue
                }
                if let empty = tokens.prefix(2).firstIndex(of: "") {
                    problems.append(InputProblem(file: file, line: lineNumber, field: ["source", "target"][empty], message: "empty name"))
                    continue
                }
                guard NameText.check(tokens[0], file: file, line: lineNumber, field: "source", problems: &problems),
                      NameText.check(tokens[1], file: file, line: lineNumber, field: "target", problems: &problems) else { continue }
                var weight = 1.0
                if tokens.count == 3 {
                    switch FieldParsing.weight(tokens[2]) {
                    case .success(let w): weight = w ?? 1
                    case .failure(let e):
                        problems.append(InputProblem(file: file, line: lineNumber, field: "weight", message: e.message))
                        continue
                    }
                }
                if tokens[0] == tokens[1] {
                    problems.append(InputProblem(file: file, line: lineNumber, field: "target",
                                                 message: "self-loop: '\(tokens[0])' partners with itself"))
                    continue
                }
                for label in tokens.prefix(2) where !known.contains(label) {
                    known.insert(label)
                    organizations.append(Organization(id: label, name: label, kind: .other))
                }
                partnerships.append(Partnership(project: nil, source: tokens[0], target: tokens[1], relations: [],
                                                weight: weight, evidence: [SourceReference(document: file, line: lineNumber)]))
            }
            problems += lines.problems
        }
        if !problems.isEmpty { throw InputError(sorting: problems) }
        let dataset = Dataset(metadata: DatasetMetadata(name: DatasetLoader.baseName(path), source: file),
                              organizations: organizations, projects: [], partnerships: partnerships)
        return LoadedDataset(dataset: dataset, encodings: [(file, encoding)])
    }
}
