import Foundation
import RenkeiCore
import Yams

/// Loads a dataset folder: `dataset.yaml`, `organizations.csv`, `projects.csv`, `partnerships.csv`.
enum FolderDatasetLoader {
    static func load(folder: String, vocabulary base: Vocabulary = .standard) throws -> LoadedDataset {
        var problems: [InputProblem] = []
        var warnings: [InputProblem] = []
        var encodings: [(file: String, encoding: TextEncoding)] = []
        let fm = FileManager.default
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        // dataset.yaml
        var metadata = DatasetMetadata(name: URL(fileURLWithPath: folder).lastPathComponent)
        var vocabulary = base
        if fm.fileExists(atPath: path("dataset.yaml")) {
            readMetadata(path: path("dataset.yaml"), metadata: &metadata, vocabulary: &vocabulary, problems: &problems)
        }

        // organizations.csv
        var organizations: [Organization] = []
        var orgLine: [String: Int] = [:]
        var organizationsRead = false
        if !fm.fileExists(atPath: path("organizations.csv")) {
            problems.append(InputProblem(file: "organizations.csv", message: "missing file: a dataset folder needs organizations.csv"))
        } else if let table = CSVTable.read(path: path("organizations.csv"), displayName: "organizations.csv", problems: &problems) {
            encodings.append((table.file, table.encoding))
            organizations = readOrganizations(table, vocabulary: vocabulary, lines: &orgLine, problems: &problems)
            organizationsRead = table.column(["id"]) != nil
        }
        let orgIDs = organizations.map(\.id)

        // projects.csv (optional)
        var projects: [Project] = []
        var projectLine: [String: Int]? = [:]
        if fm.fileExists(atPath: path("projects.csv")) {
            if let table = CSVTable.read(path: path("projects.csv"), displayName: "projects.csv", problems: &problems) {
                encodings.append((table.file, table.encoding))
                projects = readProjects(table, organizations: organizationsRead ? orgLine : nil, orgIDs: orgIDs,
                                        seen: &projectLine, problems: &problems)
            } else {
                projectLine = nil
            }
        }

        // partnerships.csv
        var partnerships: [Partnership] = []
        if !fm.fileExists(atPath: path("partnerships.csv")) {
            problems.append(InputProblem(file: "partnerships.csv", message: "missing file: a dataset folder needs partnerships.csv"))
        } else if let table = CSVTable.read(path: path("partnerships.csv"), displayName: "partnerships.csv", problems: &problems) {
            encodings.append((table.file, table.encoding))
            partnerships = readPartnerships(table, organizations: organizationsRead ? orgLine : nil, orgIDs: orgIDs,
                                            projects: projects, projectLines: projectLine,
                                            metadata: metadata, vocabulary: vocabulary, problems: &problems,
                                            warnings: &warnings)
        }

        if !problems.isEmpty { throw InputError(sorting: problems) }

        // Merges: aliases listed in the file; warnings: organisations whose names normalise alike.
        var merges: [EntityMerge] = []
        var byKey: [String: [Organization]] = [:]
        var keyOrder: [String] = []
        var possibleDuplicates: [PossibleDuplicate] = []
        for o in organizations {
            let own = NameNormalizer.normalize(o.fullName)
            for alias in o.aliases {
                let n = NameNormalizer.normalize(alias)
                var reasons = ["alias listed in organizations.csv"]
                if n.key == own.key { reasons += n.steps.map(\.description) }
                merges.append(EntityMerge(organization: o.id, name: o.fullName, spelling: alias, reasons: reasons,
                                          locations: orgLine[o.id].map { [SourceReference(document: "organizations.csv", line: $0)] } ?? []))
            }
            guard !o.generic else { continue }
            let key = own.key + "\u{1}" + (own.prefectureInferred ? "" : own.prefecture ?? "")
            if byKey[key] == nil { keyOrder.append(key) }
            byKey[key, default: []].append(o)
        }
        for key in keyOrder {
            let group = byKey[key]!
            guard group.count > 1 else { continue }
            let first = group[0]
            let firstName = NameNormalizer.normalize(first.fullName)
            for o in group.dropFirst() {
                let n = NameNormalizer.normalize(o.fullName)
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
                                                            location: orgLine[o.id].map { SourceReference(document: "organizations.csv", line: $0) }))
                warnings.append(InputProblem(file: "organizations.csv", line: orgLine[o.id], field: "name", message: message,
                                             kind: InputProblem.possibleDuplicate, organizations: [first.id, o.id]))
            }
        }

        let dataset = Dataset(metadata: metadata, vocabulary: vocabulary, organizations: organizations,
                              projects: projects, partnerships: partnerships)
        return LoadedDataset(dataset: dataset, merges: merges, warnings: warnings, encodings: encodings,
                             possibleDuplicates: possibleDuplicates)
    }

    // MARK: dataset.yaml

    static func readMetadata(path: String, metadata: inout DatasetMetadata, vocabulary: inout Vocabulary,
                             problems: inout [InputProblem]) {
        let file = "dataset.yaml"
        guard let text = TextFile.read(path: path, file: file, problems: &problems)?.text else { return }
        guard text.utf8.count <= maxMetadataBytes else {
            problems.append(InputProblem(file: file, message: "the file is \(text.utf8.count) bytes; dataset.yaml holds a name, a description and the vocabulary and may be at most \(maxMetadataBytes / 1_048_576) MiB"))
            return
        }
        let loaded: Any?
        do {
            // Compose first (linear: an alias shares its anchor's node), refuse anchors, then build
            // the values: a nested alias "billion laughs" would otherwise expand exponentially.
            // The parser stays alive while the tree is searched (nodes hold their anchors weakly).
            let parser = try Yams.Parser(yaml: text)
            let root = try parser.singleRoot()
            if let root, let line = firstAnchor(in: root) {
                problems.append(InputProblem(file: file, line: line,
                                             message: "YAML anchors and aliases (&name, *name) are not accepted in dataset.yaml; write each value out"))
                return
            }
            if let root, let line = tooDeep(root) {
                problems.append(InputProblem(file: file, line: line,
                                             message: "nested more than \(maxMetadataDepth) levels deep"))
                return
            }
            loaded = withExtendedLifetime(parser) { root?.any }
        } catch {
            var line: Int?
            var detail = "\(error)"
            if let y = error as? YamlError {
                switch y {
                case let .parser(context, problem, mark, _), let .scanner(context, problem, mark, _):
                    line = mark.line
                    detail = (context.map { "\($0.text) (line \($0.mark.line)): " } ?? "") + problem
                default: break
                }
            }
            problems.append(InputProblem(file: file, line: line, message: "not valid YAML: \(detail)"))
            return
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

    /// The largest `dataset.yaml` read (1 MiB).
    static let maxMetadataBytes = 1 << 20
    /// The deepest nesting of lists and mappings accepted in `dataset.yaml`.
    static let maxMetadataDepth = 64

    /// The position of the first node carrying an anchor (`&a`), in document order, or nil.
    /// An alias can only follow its anchor, so the search meets an anchor before any shared
    /// subtree: it visits O(size of the text) nodes.
    static func firstAnchor(in root: Yams.Node) -> Int? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.anchor != nil { return node.mark?.line ?? 1 }
            switch node {
            case .scalar, .alias: break
            case .sequence(let seq): stack.append(contentsOf: seq.reversed())
            case .mapping(let map):
                for (k, v) in map.reversed() { stack.append(v); stack.append(k) }
            }
        }
        return nil
    }

    /// The first node nested deeper than ``maxMetadataDepth``, or nil.
    static func tooDeep(_ root: Yams.Node) -> Int? {
        var stack = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            if depth > maxMetadataDepth { return node.mark?.line ?? 1 }
            switch node {
            case .scalar, .alias: break
            case .sequence(let seq): for n in seq { stack.append((n, depth + 1)) }
            case .mapping(let map): for (k, v) in map { stack.append((k, depth + 1)); stack.append((v, depth + 1)) }
            }
        }
        return nil
    }

    // MARK: organizations.csv

    static func requireColumns(_ table: CSVTable, _ names: [String], problems: inout [InputProblem]) -> [String: Int]? {
        var found: [String: Int] = [:]
        var ok = true
        for n in names {
            if let c = table.column([n]) { found[n] = c } else {
                problems.append(InputProblem(file: table.file, line: 1, field: n, message: "missing required column '\(n)'"))
                ok = false
            }
        }
        return ok ? found : nil
    }

    static func readOrganizations(_ table: CSVTable, vocabulary: Vocabulary, lines: inout [String: Int],
                                  problems: inout [InputProblem]) -> [Organization] {
        let file = table.file
        guard let req = requireColumns(table, ["id", "name"], problems: &problems) else { return [] }
        let cKind = table.column(["kind"]), cCategory = table.column(["category"])
        let cLegal = table.column(["legal_form"]), cPref = table.column(["prefecture"])
        let cMuni = table.column(["municipality"]), cAliases = table.column(["aliases"])
        let cGeneric = table.column(["generic"])
        var out: [Organization] = []
        for r in table.records {
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
            let normalized = NameNormalizer.normalize(rawName)
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
            } else if let k = vocabulary.kind(named: kindText) {
                kind = k
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
            out.append(Organization(id: id, name: name, kind: kind, category: category,
                                    legalForm: legalForm.isEmpty ? nil : legalForm, prefecture: prefecture,
                                    municipality: municipality, aliases: aliases, generic: generic))
        }
        return out
    }

    // MARK: projects.csv

    /// `organizations` is nil when organizations.csv could not be read (references are then not checked).
    static func readProjects(_ table: CSVTable, organizations: [String: Int]?, orgIDs: [String],
                             seen: inout [String: Int]?, problems: inout [InputProblem]) -> [Project] {
        let file = table.file
        guard let req = requireColumns(table, ["id", "title", "lead"], problems: &problems) else {
            seen = nil
            return []
        }
        let cPref = table.column(["prefecture"]), cMuni = table.column(["municipality"])
        let cYear = table.column(["year"]), cSource = table.column(["source"])
        var out: [Project] = []
        for r in table.records {
            func f(_ c: Int?) -> String { c.map { r.fields[$0].trimmingWhitespace() } ?? "" }
            let id = f(req["id"]), title = f(req["title"]), lead = f(req["lead"])
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
                problems.append(InputProblem(file: file, line: r.line, field: "lead",
                                             message: "unknown organisation '\(lead)'" + Suggestion.didYouMean(lead, among: orgIDs)))
                bad = true
            }
            var year: Int?
            let yearText = f(cYear).precomposedStringWithCompatibilityMapping
            if !yearText.isEmpty {
                let digits = yearText.replacingOccurrences(of: "年度", with: "").replacingOccurrences(of: "年", with: "")
                if let y = Int(digits), (1900...2200).contains(y) { year = y } else {
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
    static func readPartnerships(_ table: CSVTable, organizations: [String: Int]?, orgIDs: [String],
                                 projects: [Project], projectLines: [String: Int]?, metadata: DatasetMetadata,
                                 vocabulary: Vocabulary,
                                 problems: inout [InputProblem], warnings: inout [InputProblem]) -> [Partnership] {
        let file = table.file
        guard let req = requireColumns(table, ["project", "source", "target", "relations"], problems: &problems) else { return [] }
        let cStatus = table.column(["status"]), cWeight = table.column(["weight"])
        let cDirection = table.column(["direction"]), cEvidence = table.column(["evidence"])
        let cNote = table.column(["note"])
        var projectByID: [String: Project] = [:]
        for p in projects { projectByID[p.id] = p }
        let projectIDs = projects.map(\.id)
        var out: [Partnership] = []
        for r in table.records {
            func f(_ c: Int?) -> String { c.map { r.fields[$0].trimmingWhitespace() } ?? "" }
            let projectID = f(req["project"]), source = f(req["source"]), target = f(req["target"])
            let before = problems.count
            for (field, value) in [("project", projectID), ("source", source), ("target", target)] {
                NameText.check(value, file: file, line: r.line, field: field, problems: &problems)
            }
            if !projectID.isEmpty, let projectLines, projectLines[projectID] == nil {
                problems.append(InputProblem(file: file, line: r.line, field: "project",
                                             message: "unknown project '\(projectID)'" + Suggestion.didYouMean(projectID, among: projectIDs)))
            }
            for (field, value) in [("source", source), ("target", target)] {
                if value.isEmpty {
                    problems.append(InputProblem(file: file, line: r.line, field: field, message: "empty \(field)"))
                } else if let organizations, organizations[value] == nil {
                    problems.append(InputProblem(file: file, line: r.line, field: field,
                                                 message: "unknown organisation '\(value)'" + Suggestion.didYouMean(value, among: orgIDs)))
                }
            }
            if !source.isEmpty, source == target {
                problems.append(InputProblem(file: file, line: r.line, field: "target",
                                             message: "self-loop: '\(source)' partners with itself"))
            }
            let relations = FieldParsing.relations(f(req["relations"]), vocabulary: vocabulary, file: file, line: r.line,
                                                   field: "relations", problems: &problems)
            if FieldParsing.list(f(req["relations"])).isEmpty {
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
            let defaultDocument = projectByID[projectID]?.source?.document ?? metadata.source
            let evidence = FieldParsing.list(f(cEvidence), separators: [";", "；"]).compactMap {
                SourceReference(parsing: $0, defaultDocument: defaultDocument)
            }
            let note = f(cNote)
            guard problems.count == before else { continue }
            out.append(Partnership(project: projectID.isEmpty ? nil : projectID, source: source, target: target,
                                   relations: relations, status: status, weight: weight, direction: direction,
                                   evidence: evidence, note: note.isEmpty ? nil : note))
        }
        return out
    }
}
