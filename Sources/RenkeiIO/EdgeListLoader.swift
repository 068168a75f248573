import Foundation
import RenkeiCore

/// Loads single-file edge lists: an edge-list CSV with names, or a plain `u v [w]` list.
enum EdgeListLoader {
    /// Header spellings accepted for each edge-list column (compared after NFKC, lower-cased,
    /// white space, `_` and `-` removed).
    static let sourceHeaders = ["source", "from", "団体名", "団体", "組織名", "組織", "連携元", "連携元団体",
                                "実施団体", "実施団体名", "主体", "名前", "name"]
    static let targetHeaders = ["target", "to", "連携先", "連携先団体", "連携先団体名", "連携団体", "連携団体名",
                                "相手", "相手先", "パートナー", "partner"]
    static let relationHeaders = ["relations", "relation", "連携内容", "連携の内容", "内容", "関係", "連携種別",
                                  "種別", "type", "types"]
    static let weightHeaders = ["weight", "重み", "強さ", "回数", "頻度"]

    static func loadCSV(path: String) throws -> LoadedDataset {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        guard let table = CSVTable.read(path: path, displayName: file, problems: &problems) else {
            throw InputError(sorting: problems)
        }
        let cSource = table.column(sourceHeaders), cTarget = table.column(targetHeaders)
        let cRelations = table.column(preferring: relationHeaders), cWeight = table.column(weightHeaders)
        if cSource == nil {
            problems.append(InputProblem(file: file, line: 1, field: "source",
                                         message: "missing required column 'source' (or 団体名); the header is: \(table.header.joined(separator: ","))"))
        }
        if cTarget == nil {
            problems.append(InputProblem(file: file, line: 1, field: "target",
                                         message: "missing required column 'target' (or 連携先); the header is: \(table.header.joined(separator: ","))"))
        }
        guard let cSource, let cTarget else { throw InputError(sorting: problems) }
        let vocabulary = Vocabulary.standard

        struct Row { var line: Int; var relations: [RelationKind]; var weight: Double; var source: String; var target: String }
        var rows: [Row] = []
        var mentions: [NameMention] = []
        for r in table.records {
            let source = r.fields[cSource].trimmingWhitespace(), target = r.fields[cTarget].trimmingWhitespace()
            let before = problems.count
            if source.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: table.header[cSource], message: "empty name"))
            }
            if target.isEmpty {
                problems.append(InputProblem(file: file, line: r.line, field: table.header[cTarget], message: "empty name"))
            }
            var relations: [RelationKind] = []
            if let c = cRelations {
                relations = FieldParsing.relations(r.fields[c], vocabulary: vocabulary, file: file, line: r.line,
                                                   field: table.header[c], problems: &problems)
            }
            var weight = 1.0
            if let c = cWeight {
                switch FieldParsing.weight(r.fields[c]) {
                case .success(let w): weight = w ?? 1
                case .failure(let e):
                    problems.append(InputProblem(file: file, line: r.line, field: table.header[c],
                                                 message: e.message))
                }
            }
            guard problems.count == before else { continue }
            let location = SourceReference(document: file, line: r.line)
            mentions.append(NameMention(text: source, location: location))
            mentions.append(NameMention(text: target, location: location))
            rows.append(Row(line: r.line, relations: relations, weight: weight, source: source, target: target))
        }
        let resolved = EntityResolver.resolve(mentions)
        var partnerships: [Partnership] = []
        for (i, row) in rows.enumerated() {
            let s = resolved.organizations[resolved.assignments[2 * i]]
            let t = resolved.organizations[resolved.assignments[2 * i + 1]]
            if s.id == t.id {
                let detail = row.source == row.target ? "'\(row.source)'" : "'\(row.source)' and '\(row.target)' are the same organisation (\(s.id)), so this row"
                problems.append(InputProblem(file: file, line: row.line, field: table.header[cTarget],
                                             message: "self-loop: \(detail) partners with itself"))
                continue
            }
            partnerships.append(Partnership(project: nil, source: s.id, target: t.id, relations: row.relations,
                                            weight: row.weight, evidence: [SourceReference(document: file, line: row.line)]))
        }
        if !problems.isEmpty { throw InputError(sorting: problems) }
        let dataset = Dataset(metadata: DatasetMetadata(name: DatasetLoader.baseName(path), source: file),
                              vocabulary: vocabulary, organizations: resolved.organizations, projects: [],
                              partnerships: partnerships)
        return LoadedDataset(dataset: dataset, merges: resolved.merges, encodings: [(file, table.encoding)])
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
