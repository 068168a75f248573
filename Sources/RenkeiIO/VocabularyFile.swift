import Foundation
import RenkeiCore

/// A vocabulary file (`--vocabulary FILE.yaml`): `kinds:` and `relations:` in the format of
/// `dataset.yaml`, plus `synonyms:`, a mapping from a wording to a relation (its id or Japanese
/// label), e.g. `見守り訪問: 相談・支援へのつなぎ`.
public enum VocabularyFile {
    /// The standard vocabulary with the file's kinds, relations and synonyms added.
    /// - Throws: `InputError` naming the file and field of every problem.
    public static func read(path: String) throws -> Vocabulary {
        let file = (path as NSString).lastPathComponent
        var problems: [InputProblem] = []
        var vocabulary = Vocabulary.standard
        guard let text = TextFile.read(path: path, file: file, problems: &problems)?.text else { throw InputError(problems) }
        let loaded: Any?
        switch YAMLText.load(text, file: file, what: "kinds, relations and synonyms") {
        case .success(let value): loaded = value
        case .failure(let problem): throw InputError([problem])
        }
        guard let root = loaded as? [String: Any] else {
            throw InputError([InputProblem(file: file, message: "expected a mapping (kinds: …, relations: …, synonyms: …)")])
        }
        apply(root, file: file, to: &vocabulary, problems: &problems)
        if !problems.isEmpty { throw InputError(problems) }
        return vocabulary
    }

    /// Adds the `kinds:`, `relations:` and `synonyms:` of a parsed YAML mapping to `vocabulary`.
    static func apply(_ root: [String: Any], file: String, to vocabulary: inout Vocabulary, problems: inout [InputProblem]) {
        if let kinds = root["kinds"] {
            if let list = kinds as? [Any] {
                for (i, item) in list.enumerated() {
                    let texts = (item as? String).map { [$0] } ?? ((item as? [String: Any])?.values.compactMap { $0 as? String } ?? [])
                    guard texts.allSatisfy({ NameText.check($0, file: file, line: nil, field: "kinds", problems: &problems) }) else { continue }
                    if let s = item as? String, !s.trimmingWhitespace().isEmpty {
                        vocabulary.addKind(id: s.trimmingWhitespace(), english: nil)
                    } else if let m = item as? [String: Any],
                              let id = ((m["id"] ?? m["label"] ?? m["japanese"]) as? String)?.trimmingWhitespace(), !id.isEmpty {
                        vocabulary.addKind(id: id, english: (m["english"] as? String)?.trimmingWhitespace())
                    } else {
                        problems.append(InputProblem(file: file, field: "kinds", message: "kind #\(i + 1) needs an id (its Japanese label)"))
                    }
                }
            } else {
                problems.append(InputProblem(file: file, field: "kinds", message: "expected a list of kinds"))
            }
        }
        if let relations = root["relations"] {
            if let list = relations as? [Any] {
                for (i, item) in list.enumerated() {
                    let texts = (item as? [String: Any])?.values.compactMap { $0 as? String } ?? []
                    guard texts.allSatisfy({ NameText.check($0, file: file, line: nil, field: "relations", problems: &problems) }) else { continue }
                    guard let m = item as? [String: Any],
                          let id = (m["id"] as? String)?.trimmingWhitespace(), !id.isEmpty,
                          let label = ((m["label"] ?? m["japanese"]) as? String)?.trimmingWhitespace(), !label.isEmpty
                    else {
                        problems.append(InputProblem(file: file, field: "relations",
                                                     message: "relation #\(i + 1) needs an id and a Japanese label (id: …, label: …)"))
                        continue
                    }
                    vocabulary.addRelation(id: id, japanese: label, english: (m["english"] as? String)?.trimmingWhitespace())
                }
            } else {
                problems.append(InputProblem(file: file, field: "relations", message: "expected a list of relations"))
            }
        }
        if let synonyms = root["synonyms"] {
            guard let map = synonyms as? [String: Any] else {
                problems.append(InputProblem(file: file, field: "synonyms", message: "expected a mapping of wordings to relations (見守り訪問: 相談・支援へのつなぎ)"))
                return
            }
            for wording in map.keys.sorted() {
                let target = "\(map[wording]!)".trimmingWhitespace()
                guard let r = vocabulary.relation(named: target) else {
                    problems.append(InputProblem(file: file, field: "synonyms",
                                                 message: "'\(wording)' maps to unknown relation '\(target)'" + Suggestion.didYouMean(vocabulary.suggestRelation(for: target))))
                    continue
                }
                vocabulary.addSynonym(wording, relationID: r.id)
            }
        }
    }
}
