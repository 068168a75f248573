import Foundation
import RenkeiCore

/// Loads a dataset folder: `dataset.yaml`, `organizations.csv`, `projects.csv`, `partnerships.csv`.
enum FolderDatasetLoader {
    /// The three tables of a dataset (a folder's CSV files or a workbook's sheets); nil where the
    /// file or sheet could not be read, `present` false where it is missing.
    struct Tables {
        var organizations: CSVTable?
        var projects: CSVTable?
        var projectsPresent: Bool
        var partnerships: CSVTable?
    }

    /// How the tables are read beyond the folder rules.
    struct Rules {
        /// A source, target or lead that is no id may be a name (or display name) of exactly one
        /// organisation, a project a title of exactly one project (workbooks, whose 連携 sheet a
        /// person fills in by name).
        var resolveNames = false
        /// Relation and kind words the vocabulary does not know become the dataset's own, with a
        /// warning (workbooks unless `--strict`), instead of errors.
        var adoptUnknownWords = false
    }

    static func load(folder: String, vocabulary base: Vocabulary = .standard) throws -> LoadedDataset {
        let read = readFiles(folder: folder, vocabulary: base, partnerships: true)
        var loaded = try build(read.tables, metadata: read.metadata, vocabulary: read.vocabulary, rules: Rules(),
                               problems: read.problems)
        loaded.encodings = read.encodings
        return loaded
    }

    /// A folder's files as read before the dataset is built: `dataset.yaml` (metadata and
    /// vocabulary), the tables (partnerships.csv only when `partnerships`), and the problems met.
    struct FolderFiles {
        var metadata: DatasetMetadata
        var vocabulary: Vocabulary
        var tables: Tables
        var problems: [InputProblem]
        var encodings: [(file: String, encoding: TextEncoding)]
    }

    static func readFiles(folder: String, vocabulary base: Vocabulary, partnerships: Bool) -> FolderFiles {
        var problems: [InputProblem] = []
        var encodings: [(file: String, encoding: TextEncoding)] = []
        let fm = FileManager.default
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        // dataset.yaml
        var metadata = DatasetMetadata(name: URL(fileURLWithPath: folder).lastPathComponent)
        var vocabulary = base
        if fm.fileExists(atPath: path("dataset.yaml")) {
            readMetadata(path: path("dataset.yaml"), metadata: &metadata, vocabulary: &vocabulary, problems: &problems)
        }
        func read(_ name: String, required: Bool) -> CSVTable? {
            guard fm.fileExists(atPath: path(name)) else {
                if required { problems.append(InputProblem(file: name, message: "missing file: a dataset folder needs \(name)")) }
                return nil
            }
            let table = CSVTable.read(path: path(name), displayName: name, problems: &problems)
            if let table { encodings.append((table.file, table.encoding)) }
            return table
        }
        let tables = Tables(organizations: read("organizations.csv", required: true),
                            projects: read("projects.csv", required: false),
                            projectsPresent: fm.fileExists(atPath: path("projects.csv")),
                            partnerships: partnerships ? read("partnerships.csv", required: true) : nil)
        return FolderFiles(metadata: metadata, vocabulary: vocabulary, tables: tables, problems: problems, encodings: encodings)
    }

    /// The dataset of three tables, every problem reported at once.
    static func build(_ tables: Tables, metadata: DatasetMetadata, vocabulary base: Vocabulary, rules: Rules,
                      problems initial: [InputProblem]) throws -> LoadedDataset {
        var problems = initial
        var warnings: [InputProblem] = []
        var vocabulary = base
        // organizations
        var organizations: [Organization] = []
        var orgLine: [String: Int] = [:]
        var organizationsRead = false
        // Each organisation's display name normalised once, on all cores (keys, merges, duplicates):
        // a display name that is the name cell as written was normalised with it already.
        var fullNames: [NormalizedName] = []
        if let table = tables.organizations {
            var renormalize: [Int] = []
            organizations = readOrganizations(table, vocabulary: &vocabulary, rules: rules, lines: &orgLine,
                                              normalizedNames: &fullNames, renormalize: &renormalize,
                                              problems: &problems, warnings: &warnings)
            organizationsRead = column(table, "organizations", "id") != nil
            for (i, n) in zip(renormalize, NameNormalizer.normalizeAll(renormalize.map { organizations[$0].fullName })) { fullNames[i] = n }
        }
        let orgIDs = organizations.map(\.id)
        var names: [String: [String]]?
        if rules.resolveNames {
            var index: [String: [String]] = [:]
            // Each organisation under its name and display name as written (NFKC) and under the
            // normaliser's key (so NPO法人… finds 特定非営利活動法人…); a key is listed once per organisation.
            for (i, o) in organizations.enumerated() {
                var keys = Set([o.name, o.fullName].map(EdgeListLoader.projectKey))
                keys.insert("\u{1}" + fullNames[i].key)
                for n in keys { index[n, default: []].append(o.id) }
            }
            names = index
        }
        // projects (optional)
        var projects: [Project] = []
        var projectLine: [String: Int]? = [:]
        if let table = tables.projects {
            projects = readProjects(table, organizations: organizationsRead ? orgLine : nil, orgIDs: orgIDs, names: names,
                                    seen: &projectLine, problems: &problems)
        } else if tables.projectsPresent {
            projectLine = nil
        }
        // partnerships
        var partnerships: [Partnership] = []
        if let table = tables.partnerships {
            partnerships = readPartnerships(table, organizations: organizationsRead ? orgLine : nil, orgIDs: orgIDs,
                                            names: names, projects: projects, projectLines: projectLine,
                                            metadata: metadata, vocabulary: &vocabulary, rules: rules, problems: &problems,
                                            warnings: &warnings)
        }

        if !problems.isEmpty { throw InputError(sorting: problems) }

        // Merges: aliases listed in the file; warnings: organisations whose names normalise alike.
        let orgFile = tables.organizations?.file ?? "organizations.csv"
        var merges: [EntityMerge] = []
        // Organisations by key: the first one's position, and the groups of more than one (by
        // their first position, the order in which their keys first occur).
        var firstOfKey: [String: Int] = [:]
        firstOfKey.reserveCapacity(organizations.count)
        var groups: [Int: [Int]] = [:]
        var possibleDuplicates: [PossibleDuplicate] = []
        for (i, o) in organizations.enumerated() {
            let own = fullNames[i]
            for alias in o.aliases {
                let n = NameNormalizer.normalize(alias)
                var reasons = ["alias listed in \(orgFile)"]
                if n.key == own.key { reasons += n.steps.map(\.description) }
                merges.append(EntityMerge(organization: o.id, name: o.fullName, spelling: alias, reasons: reasons,
                                          locations: orgLine[o.id].map { [SourceReference(document: orgFile, line: $0)] } ?? []))
            }
            guard !o.generic else { continue }
            let key = own.key + "\u{1}" + (own.prefectureInferred ? "" : own.prefecture ?? "")
            if let first = firstOfKey[key] { groups[first, default: [first]].append(i) } else { firstOfKey[key] = i }
        }
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            let first = organizations[group[0]]
            let firstName = fullNames[group[0]]
            for member in group.dropFirst() {
                let o = organizations[member], n = fullNames[member]
                func form(_ x: NormalizedName) -> (form: String, position: LegalFormPosition)? {
                    guard let f = x.legalForm, let p = x.legalFormPosition else { return nil }
                    return (f, p)
                }
                let sameForm = firstName.legalForm == n.legalForm && firstName.legalFormPosition == n.legalFormPosition
                let message: String, reason: String
                if sameForm {
                    reason = "the names match after normalisation; merge them or mark one generic"
                    message = "'\(o.id)' (\(o.fullName)) looks like the same organisation as '\(first.id)' (\(first.fullName)), line \(orgLine[first.id] ?? 0); merge them or mark one generic"
                } else {
                    reason = PossibleDuplicate.reason(base: n.name, form(firstName), form(n))
                    message = "'\(o.id)' (\(o.fullName)) and '\(first.id)' (\(first.fullName)), line \(orgLine[first.id] ?? 0), may be the same organisation but are kept apart: \(reason)"
                }
                possibleDuplicates.append(PossibleDuplicate(organizations: [first.id, o.id], names: [first.name, o.name], reason: reason,
                                                            location: orgLine[o.id].map { SourceReference(document: orgFile, line: $0) }))
                warnings.append(InputProblem(file: orgFile, line: orgLine[o.id], field: "name", message: message,
                                             kind: InputProblem.possibleDuplicate, organizations: [first.id, o.id]))
            }
        }

        let dataset = Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                              projects: projects, partnerships: partnerships)
        return LoadedDataset(dataset: dataset, merges: merges, warnings: warnings, possibleDuplicates: possibleDuplicates)
    }

    /// Other spellings of each column, by table: the Japanese headers of `export --format xlsx`
    /// (and of a workbook a person fills in) beside the folder's field names. Where a table has
    /// both an id column and a name column (連携元ID, 連携元), the id is preferred.
    static let headerAliases: [String: [String: [String]]] = [
        "organizations": ["id": ["ID", "団体ID"], "name": ["名称", "団体名"], "kind": ["種別"], "category": ["分類"],
                          "legal_form": ["法人格"], "prefecture": ["都道府県"], "municipality": ["市区町村", "市町村"],
                          "aliases": ["別名"], "generic": ["一般名", "一般名の連携先"]],
        "projects": ["id": ["ID", "事業ID"], "title": ["事業名"], "lead": ["主催団体ID", "主催団体"],
                     "prefecture": ["都道府県"], "municipality": ["市区町村", "市町村"], "year": ["年度"], "source": ["出典"]],
        "partnerships": ["project": ["事業ID", "事業"], "source": ["連携元ID", "連携元"], "target": ["連携先ID", "連携先"],
                         "relations": ["連携内容"], "status": ["状態", "実施状況"], "weight": ["重み"], "direction": ["方向"],
                         "evidence": ["根拠", "出典"], "note": ["備考"]],
    ]

    /// The column of `field` in a table of kind `kind` (`organizations`, `projects`, `partnerships`).
    static func column(_ table: CSVTable, _ kind: String, _ field: String) -> Int? {
        table.column(preferring: [field] + (headerAliases[kind]?[field] ?? []))
    }

    // MARK: dataset.yaml

    static func readMetadata(path: String, metadata: inout DatasetMetadata, vocabulary: inout Vocabulary,
                             problems: inout [InputProblem]) {
        let file = "dataset.yaml"
        guard let text = TextFile.read(path: path, file: file, problems: &problems)?.text else { return }
        let loaded: Any?
        switch YAMLText.load(text, file: file, what: "a name, a description and the vocabulary") {
        case .success(let value): loaded = value
        case .failure(let problem): problems.append(problem); return
        }
        guard let root = loaded as? [String: Any] else {
            if loaded != nil { problems.append(InputProblem(file: file, message: "expected a mapping (name: …, description: …)")) }
            return
        }
        func string(_ key: String) -> String? {
            guard let v = root[key] else { return nil }
            if let s = v as? String { return s.trimmingWhitespace() }
            return "\(v)"
        }
        if let name = string("name"), !name.isEmpty { metadata.name = name } else if root["name"] != nil {
            problems.append(InputProblem(file: file, field: "name", message: "empty name"))
        }
        metadata.description = string("description")
        metadata.source = string("source")
        metadata.licence = string("licence") ?? string("license")

        VocabularyFile.apply(root, file: file, to: &vocabulary, problems: &problems)
    }

    // MARK: organizations.csv

    static func requireColumns(_ table: CSVTable, _ kind: String, _ names: [String], problems: inout [InputProblem]) -> [String: Int]? {
        var found: [String: Int] = [:]
        var ok = true
        for n in names {
            if let c = column(table, kind, n) { found[n] = c } else {
                let also = headerAliases[kind]?[n].map { " (or " + $0.joined(separator: ", ") + ")" } ?? ""
                problems.append(InputProblem(file: table.file, line: 1, field: n, message: "missing required column '\(n)'\(also)"))
                ok = false
            }
        }
        return ok ? found : nil
    }

    /// `normalizedNames[k]`: the normalised name cell of organisation k, which is the normalised
    /// display name unless k is listed in `renormalize` (its display name is not the cell as written).
    static func readOrganizations(_ table: CSVTable, vocabulary: inout Vocabulary, rules: Rules, lines: inout [String: Int],
                                  normalizedNames: inout [NormalizedName], renormalize: inout [Int],
                                  problems: inout [InputProblem], warnings: inout [InputProblem]) -> [Organization] {
        let file = table.file
        guard let req = requireColumns(table, "organizations", ["id", "name"], problems: &problems) else { return [] }
        func col(_ f: String) -> Int? { column(table, "organizations", f) }
        let cKind = col("kind"), cCategory = col("category")
        let cLegal = col("legal_form"), cPref = col("prefecture")
        let cMuni = col("municipality"), cAliases = col("aliases")
        let cGeneric = col("generic")
        var out: [Organization] = []
        out.reserveCapacity(table.records.count)
        // Every name normalised once, on all cores, before the rows are read in order; organisation
        // k's is moved to position k (k is never past its row), and the rest dropped at the end.
        normalizedNames = NameNormalizer.normalizeAll(table.records.map { r in req["name"].map { r.fields[$0].trimmingWhitespace() } ?? "" })
        defer { normalizedNames.removeLast(normalizedNames.count - out.count) }
        for (row, r) in table.records.enumerated() {
            func f(_ c: Int?) -> String { c.map { r.fields[$0].trimmingWhitespace() } ?? "" }
            let id = f(req["id"]), rawName = f(req["name"])
            var bad = false
            for (field, c) in [("id", req["id"]), ("name", req["name"]), ("kind", cKind), ("category", cCategory),
                               ("legal_form", cLegal), ("aliases", cAliases)]
                where c != nil && !NameText.check(f(c), file: file, line: r.line, field: field, problems: &problems) {
                bad = true
            }
            if id.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: "id", message: "empty id"))
                bad = true
            } else if let first = lines[id] {
                problems.append(InputProblem(file: file, line: r.line, field: "id",
                                             message: "duplicate id '\(id)' (first defined on line \(first))"))
                bad = true
            }
            if rawName.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: "name", message: "empty name"))
                bad = true
            }
            let normalized = normalizedNames[row]
            var legalForm = f(cLegal)
            // The name as written (NFKC, trimmed, white space runs made one space); a legal form
            // written in it stays in it and is also recorded in legalForm.
            let name = normalized.written
            if legalForm.isEmpty, let form = normalized.legalForm {
                legalForm = form
            } else if let form = LegalForms.form(named: legalForm) {
                legalForm = form.canonical
            }
            var kind: OrganizationKind
            let kindText = f(cKind)
            if kindText.isEmpty {
                kind = vocabulary.kind(named: normalized.kind) ?? .other
            } else if let k = vocabulary.kind(named: kindText) ?? vocabulary.kind(named: kindText.nfkcComposed) {
                kind = k
            } else if rules.adoptUnknownWords {
                kind = vocabulary.addKind(id: kindText, english: nil)
                warnings.append(InputProblem(file: file, line: r.line, field: "kind",
                                             message: "new kind '\(kindText)' is not in the vocabulary; it is kept as a kind of this dataset" + Suggestion.didYouMean(vocabulary.suggestKind(for: kindText))))
            } else {
                problems.append(InputProblem(file: file, line: r.line, field: "kind",
                                             message: "unknown kind '\(kindText)'" + Suggestion.didYouMean(vocabulary.suggestKind(for: kindText))))
                kind = .other
                bad = true
            }
            var category: String? = f(cCategory)
            if category!.isEmpty { category = normalized.kind == kind.id ? normalized.category : nil }
            var generic = normalized.generic
            if let c = cGeneric {
                generic = FieldParsing.choice(r.fields[c], FieldParsing.bool, default: generic,
                                              problem: InputProblem(file: file, line: r.line, field: "generic",
                                                                    message: "'\(r.fields[c])' is not true or false"),
                                              problems: &problems)
            }
            let prefecture = f(cPref).isEmpty ? normalized.prefecture : f(cPref)
            let municipality = f(cMuni).isEmpty ? normalized.municipality : f(cMuni)
            let aliases = FieldParsing.list(f(cAliases))
            if !id.isEmpty, lines[id] == nil { lines[id] = r.line }
            if bad { continue }
            let organization = Organization(id: id, name: name, kind: kind, category: category,
                                            legalForm: legalForm.isEmpty ? nil : legalForm, prefecture: prefecture,
                                            municipality: municipality, aliases: aliases, generic: generic)
            if !organization.fullName.utf8.elementsEqual(rawName.utf8) { renormalize.append(out.count) }
            if out.count != row { normalizedNames[out.count] = normalized }
            out.append(organization)
        }
        return out
    }

    // MARK: projects.csv

    /// `organizations` is nil when organizations.csv could not be read (references are then not checked).
    /// `names`: organisation ids by name (``Rules/resolveNames``), or nil.
    static func readProjects(_ table: CSVTable, organizations: [String: Int]?, orgIDs: [String], names: [String: [String]]?,
                             seen: inout [String: Int]?, problems: inout [InputProblem]) -> [Project] {
        let file = table.file
        guard let req = requireColumns(table, "projects", ["id", "title", "lead"], problems: &problems) else {
            seen = nil
            return []
        }
        func col(_ f: String) -> Int? { column(table, "projects", f) }
        let cPref = col("prefecture"), cMuni = col("municipality")
        let cYear = col("year"), cSource = col("source")
        var out: [Project] = []
        for r in table.records {
            func f(_ c: Int?) -> String { c.map { r.fields[$0].trimmingWhitespace() } ?? "" }
            let id = f(req["id"]), title = f(req["title"])
            var lead = f(req["lead"])
            var bad = false
            for (field, value) in [("id", id), ("title", title), ("lead", lead)]
                where !NameText.check(value, file: file, line: r.line, field: field, problems: &problems) {
                bad = true
            }
            if id.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: "id", message: "empty id")); bad = true
            } else if let first = seen?[id] {
                problems.append(InputProblem(file: file, line: r.line, field: "id",
                                             message: "duplicate id '\(id)' (first defined on line \(first))")); bad = true
            } else { seen?[id] = r.line }
            if title.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: "title", message: "empty title")); bad = true
            }
            if lead.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: "lead", message: "empty lead")); bad = true
            } else if let organizations, organizations[lead] == nil {
                switch resolve(lead, names: names) {
                case .success(let id): lead = id
                case .failure(let e):
                    problems.append(InputProblem(file: file, line: r.line, field: "lead",
                                                 message: e.message ?? "unknown organisation '\(lead)'" + Suggestion.didYouMean(lead, among: orgIDs)))
                    bad = true
                }
            }
            var year: Int?
            let yearText = f(cYear).precomposedStringWithCompatibilityMapping
            if !yearText.isEmpty {
                let digits = yearText.replacingOccurrences(of: "年度", with: "").replacingOccurrences(of: "年", with: "")
                let fiscal = cYear.map { table.header[$0].contains("年度") } ?? false
                if let y = Int(digits) ?? EdgeListLoader.year(yearText, fiscal: fiscal), (1900...2200).contains(y) { year = y } else {
                    problems.append(InputProblem(file: file, line: r.line, field: "year", message: "'\(yearText)' is not a year"))
                    bad = true
                }
            }
            if bad { continue }
            out.append(Project(id: id, title: title, lead: lead,
                               prefecture: f(cPref).isEmpty ? nil : f(cPref),
                               municipality: f(cMuni).isEmpty ? nil : f(cMuni),
                               year: year, source: SourceReference(parsing: f(cSource))))
        }
        return out
    }

    // MARK: partnerships.csv

    /// `organizations` / `projectLines` are nil when their file could not be read (references to
    /// them are then not checked, to avoid a cascade of follow-on problems).
    static func readPartnerships(_ table: CSVTable, organizations: [String: Int]?, orgIDs: [String], names: [String: [String]]?,
                                 projects: [Project], projectLines: [String: Int]?, metadata: DatasetMetadata,
                                 vocabulary: inout Vocabulary, rules: Rules,
                                 problems: inout [InputProblem], warnings: inout [InputProblem]) -> [Partnership] {
        let file = table.file
        guard let req = requireColumns(table, "partnerships", ["project", "source", "target", "relations"], problems: &problems) else { return [] }
        func col(_ f: String) -> Int? { column(table, "partnerships", f) }
        let cStatus = col("status"), cWeight = col("weight")
        let cDirection = col("direction"), cEvidence = col("evidence")
        let cNote = col("note")
        var projectsByTitle: [String: [String]] = [:]
        if rules.resolveNames { for p in projects { projectsByTitle[EdgeListLoader.projectKey(p.title), default: []].append(p.id) } }
        var newWords: [(word: String, lines: [Int])] = []
        var newWordIndex: [String: Int] = [:]
        var projectByID: [String: Project] = [:]
        for p in projects { projectByID[p.id] = p }
        let projectIDs = projects.map(\.id)
        var relationCells: [String: [RelationKind]] = [:]
        // The previous row's project (whether it is known, its evidence document) and relations cell.
        var lastProject: (id: String, known: Bool, document: String?) = ("\u{0}", false, nil)
        var lastRelations: (text: String, relations: [RelationKind]?) = ("", nil)
        var out: [Partnership] = []
        for r in table.records {
            func f(_ c: Int?) -> String { c.map { r.fields[$0].trimmingWhitespace() } ?? "" }
            var projectID = f(req["project"]), source = f(req["source"]), target = f(req["target"])
            let before = problems.count
            NameText.check(projectID, file: file, line: r.line, field: "project", problems: &problems)
            NameText.check(source, file: file, line: r.line, field: "source", problems: &problems)
            NameText.check(target, file: file, line: r.line, field: "target", problems: &problems)
            // Rows come in runs of one project: its lookups are kept from the row before.
            if projectID != lastProject.id {
                lastProject = (projectID, projectLines?[projectID] != nil,
                               projectByID[projectID]?.source?.document ?? metadata.source)
            }
            if !projectID.isEmpty, !lastProject.known, let projectLines, projectLines[projectID] == nil,
               let ids = projectsByTitle[EdgeListLoader.projectKey(projectID)], ids.count == 1 {
                projectID = ids[0]
            }
            if !projectID.isEmpty, !lastProject.known, let projectLines, projectLines[projectID] == nil {
                problems.append(InputProblem(file: file, line: r.line, field: "project",
                                             message: "unknown project '\(projectID)'" + Suggestion.didYouMean(projectID, among: projectIDs)))
            }
            /// An empty or unknown end is a problem; a name that resolves becomes its organisation's id.
            func check(_ value: inout String, _ field: StaticString) {
                if value.isEmpty {
                    problems.append(InputProblem(file: file, line: r.line, field: "\(field)", message: "empty \(field)"))
                } else if let organizations, organizations[value] == nil {
                    switch resolve(value, names: names) {
                    case .success(let id): value = id
                    case .failure(let e):
                        problems.append(InputProblem(file: file, line: r.line, field: "\(field)",
                                                     message: e.message ?? "unknown organisation '\(value)'" + Suggestion.didYouMean(value, among: orgIDs)))
                    }
                }
            }
            check(&source, "source")
            check(&target, "target")
            if !source.isEmpty, source == target {
                problems.append(InputProblem(file: file, line: r.line, field: "target",
                                             message: "self-loop: '\(source)' partners with itself"))
            }
            var relations: [RelationKind]
            if rules.adoptUnknownWords {
                // As on a one-sheet list: an unknown word is a relation of this dataset, listed once.
                relations = []
                let text = f(req["relations"])
                NameText.check(text, file: file, line: r.line, field: "relations", problems: &problems)
                for item in vocabulary.splitRelations(text) {
                    var relation = vocabulary.relation(named: item) ?? vocabulary.relation(named: item.nfkcComposed)
                    if relation == nil || newWordIndex[relation!.id] != nil {
                        let word = relation?.id ?? EdgeListLoader.projectKey(item)
                        if let i = newWordIndex[word] { if newWords[i].lines.last != r.line { newWords[i].lines.append(r.line) } } else {
                            newWordIndex[word] = newWords.count
                            newWords.append((word, [r.line]))
                        }
                        if relation == nil { relation = vocabulary.addRelation(id: word, japanese: word, english: nil) }
                    }
                    if let relation, !relations.contains(relation) { relations.append(relation) }
                }
            } else {
                // Sheets repeat a few relation cells over and over: each distinct cell is parsed
                // once, unless it has a problem, which is reported on every line it is met.
                let text = f(req["relations"])
                if text == lastRelations.text, let known = lastRelations.relations {
                    relations = known
                } else if let known = relationCells[text] {
                    relations = known
                    lastRelations = (text, known)
                } else {
                    var found: [InputProblem] = []
                    relations = FieldParsing.relations(text, vocabulary: vocabulary, file: file, line: r.line,
                                                       field: "relations", problems: &found)
                    if found.isEmpty { relationCells[text] = relations } else { problems += found }
                }
            }
            if relations.isEmpty && FieldParsing.list(f(req["relations"])).isEmpty {
                // A sheet may leave what was done unsaid (an empty 連携内容 cell); say so, as for sheets.
                warnings.append(InputProblem(file: file, line: r.line, field: "relations", message: "empty relations: what did the partners do together?"))
            }
            let status = FieldParsing.choice(f(cStatus), FieldParsing.status, default: .realised,
                                             problem: InputProblem(file: file, line: r.line, field: "status",
                                                                   message: "status '\(f(cStatus))' is not realised or planned"),
                                             problems: &problems)
            var weight = 1.0
            switch FieldParsing.weight(f(cWeight)) {
            case .success(let w): weight = w ?? 1
            case .failure(let e):
                problems.append(InputProblem(file: file, line: r.line, field: "weight", message: e.message))
            }
            let direction = FieldParsing.choice(f(cDirection), FieldParsing.direction, default: .mutual,
                                                problem: InputProblem(file: file, line: r.line, field: "direction",
                                                                      message: "direction '\(f(cDirection))' is not mutual or directed"),
                                                problems: &problems)
            let defaultDocument = projectID == lastProject.id ? lastProject.document
                : projectByID[projectID]?.source?.document ?? metadata.source
            let evidence = FieldParsing.evidence(f(cEvidence), defaultDocument: defaultDocument)
            let note = f(cNote)
            guard problems.count == before else { continue }
            out.append(Partnership(project: projectID.isEmpty ? nil : projectID, source: source, target: target,
                                   relations: relations, status: status, weight: weight, direction: direction,
                                   evidence: evidence, note: note.isEmpty ? nil : note))
        }
        for (word, lines) in newWords {
            let where_ = lines.count == 1 ? "line \(lines[0])" : "lines " + lines.map(String.init).joined(separator: ", ")
            warnings.append(InputProblem(file: file, line: lines[0], field: "relations",
                                         message: "new relation '\(word)' (\(where_)) is not in the vocabulary; it is kept as a relation of this dataset"))
        }
        return out
    }

    /// Why a name did not resolve: a complete message (two organisations share it), or nil for
    /// the usual "unknown organisation".
    struct Unresolved: Error { var message: String? }

    /// The id of the one organisation named `text` (its name or display name, NFKC), when `names`
    /// is given.
    static func resolve(_ text: String, names: [String: [String]]?) -> Result<String, Unresolved> {
        guard let names, let ids = names[EdgeListLoader.projectKey(text)] ?? names["\u{1}" + NameNormalizer.normalize(text).key] else {
            return .failure(Unresolved(message: nil))
        }
        if ids.count == 1 { return .success(ids[0]) }
        return .failure(Unresolved(message: "'\(text)' is the name of \(ids.count) organisations (\(ids.joined(separator: ", "))); write the id instead"))
    }
}
