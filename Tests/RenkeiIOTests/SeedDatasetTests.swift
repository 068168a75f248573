import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The bundled seed dataset: it loads cleanly and holds exactly the counts its README states, so the
/// README and the data cannot drift apart.
@Suite struct SeedDatasetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data/kodoku-koritsu-model-jigyo").standardizedFileURL

    /// `| label | n | …` rows of the README's tables, keyed by label, values as integers.
    static func readmeRows() throws -> [String: [Int]] {
        let text = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: [Int]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let numbers = cells.dropFirst().compactMap { Int($0) }
            if numbers.count == cells.count - 1 { rows[cells[0]] = numbers }
        }
        return rows
    }

    /// The report the dataset was read from, at `../shared/seeds/` beside the repository. A missing
    /// report is a failure, not a skip: the evidence checks below would otherwise prove nothing.
    static let report = folder.appendingPathComponent("../../../shared/seeds/000_1143c6004f43cb1f.txt")
        .standardizedFileURL

    /// The report's lines (line n is element n − 1).
    static func reportLines() throws -> [String] {
        try String(contentsOf: report, encoding: .utf8).components(separatedBy: "\n")
    }

    /// Garbled code points of the PDF extraction and the kanji they always stand for (the README's
    /// "the same wrong code point always stands for the same kanji"): enough for the evidence check.
    static let garbled: [(String, String)] = [
        ("\u{0AC5}", "校"), ("\u{09FE}", "学"), ("\u{0A6B}", "企"), ("\u{0B71}", "園"), ("\u{0A87}", "教"),
        ("\u{09E9}", "員"), ("\u{09A1}\u{09BC}", "民"), ("\u{0AF9}", "商"), ("\u{0D8C}", "街"), ("\u{0AB3}", "岡"),
        ("\u{0A06}", "川"), ("\u{127B}", "亘"), ("\u{09F5}", "小"), ("\u{0CA2}", "短"), ("\u{0C18}", "司"),
        ("\u{0A9B}", "書"), ("\u{0BD0}", "厚"), ("\u{0C07}", "薬"), ("\u{0E58}", "店"), ("\u{0C6B}", "材"),
        ("\u{0AA0}", "口"), ("\u{2ED1}", "長"), ("\u{0BB4}", "八王"), ("\u{0BB7}", "振"), ("\u{0BEA}", "興"),
        ("\u{0BC8}", "館"), ("\u{0AE3}", "福"), ("\u{0D9A}", "祉"), ("\u{09EE}", "議"), ("\u{0B03}", "財"),
        ("\u{0A28}", "北"), ("\u{0B56}", "課"), ("\u{0BEE}", "働"),
    ].map { ($0.0.precomposedStringWithCompatibilityMapping, $0.1) }

    /// NFKC, then the garbled code points replaced, as UTF-8 bytes (compared byte-wise: the garbled
    /// marks combine with their neighbours into grapheme clusters that `String.contains` would not split).
    static func readable(_ text: String) -> [UInt8] {
        var scalars = Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
        for (from, to) in garbled {
            let f = Array(from.unicodeScalars), t = Array(to.unicodeScalars)
            var i = 0
            while i + f.count <= scalars.count {
                if Array(scalars[i..<(i + f.count)]) == f {
                    scalars.replaceSubrange(i..<(i + f.count), with: t)
                    i += t.count
                } else { i += 1 }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Array(String(view).utf8)
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= haystack.count else { return false }
        return (0...(haystack.count - n.count)).contains { haystack[$0..<($0 + n.count)].elementsEqual(n) }
    }

    /// Two characters of a name in order, adjacent or one apart (the extraction drops characters:
    /// 自治体 is written 自体), after NFKC and without spaces.
    static func pairs(_ name: String) -> [String] {
        let s = Array(name.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isWhitespace })
        var out: [String] = []
        for i in s.indices {
            for j in [i + 1, i + 2] where j < s.count {
                var v = String.UnicodeScalarView(); v.append(s[i]); v.append(s[j])
                out.append(String(v))
            }
        }
        return out
    }

    /// Words that name a partner of a kind when the text does not name it («੫業» = 企業 for a generic 企業).
    static let kindWords: [String: [String]] = [
        "社協": ["社協", "社会", "協議会"],
        "行政": ["行政", "市", "町", "区", "県", "役所", "役場", "課", "庁", "自治体"],
        "学校": ["学校", "校", "園", "大学", "教員", "先生"],
        "NPO": ["NPO", "団体", "法人", "支援"],
        "企業": ["企業", "会社", "店", "業者", "事業者"],
        "医療・保健": ["医療", "保健", "病院", "クリニック", "センター"],
        "地域団体": ["地域", "団体", "住民", "会"],
        "協同組合": ["組合", "生協", "商店"],
        "専門職": ["士", "師", "専門"],
        "その他": ["機関", "団体", "関係"],
    ]

    @Test func loadsWithoutProblems() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        #expect(dataset.projects.count == 35)
        // Every project has its lead among the organisations, and every lead is named.
        for project in dataset.projects {
            let lead = try #require(dataset.organization(id: project.lead))
            #expect(!lead.generic)
            #expect(project.source?.line != nil)
        }
    }

    @Test func countsMatchTheReadme() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        let rows = try Self.readmeRows()
        let stats = DatasetStatistics(dataset)
        #expect(rows["projects"] == [stats.projects])
        #expect(rows["organisations"] == [stats.organizations])
        #expect(rows["named organisations"] == [stats.namedOrganizations])
        #expect(rows["generic organisations"] == [stats.genericOrganizations])
        #expect(rows["partnerships"] == [stats.partnerships])
        #expect(rows["realised partnerships"] == [stats.realised])
        #expect(rows["planned partnerships"] == [stats.planned])
        for kind in dataset.vocabulary.kinds {
            let all = dataset.organizations.filter { $0.kind == kind }
            let named = all.filter { !$0.generic }.count
            #expect(rows[kind.id] == [all.count, named, all.count - named], "kind \(kind.id)")
        }
        for relation in dataset.vocabulary.relations {
            let n = dataset.partnerships.filter { $0.relations.contains(relation) }.count
            #expect(rows[relation.japanese] == [n], "relation \(relation.japanese)")
        }
    }

    @Test func everyPartnershipCitesTheReport() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        let lines = try Self.reportLines()
        for p in dataset.partnerships {
            #expect(!p.evidence.isEmpty, "\(p.project ?? "") \(p.target) has no evidence")
            for e in p.evidence {
                #expect(e.document == "000_1143c6004f43cb1f.txt")
                let line = try #require(e.line)
                try #require(line >= 1 && line <= lines.count, "\(p.project ?? "") \(p.target): line \(line)")
                #expect(!lines[line - 1].trimmingCharacters(in: .whitespaces).isEmpty)
            }
            #expect(!p.relations.isEmpty)
            #expect(p.source != p.target)
        }
    }

    /// A partner is one organisation per project: no two generic organisations of a project share a
    /// name, and a partner has at most one partnership per status.
    @Test func oneOrganisationPerPartnerPerProject() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        for project in dataset.projects {
            var byName: [String: String] = [:]
            var byStatus: Set<String> = []
            for p in dataset.partnerships(ofProject: project.id) {
                #expect(byStatus.insert("\(p.target) \(p.status)").inserted,
                        "\(project.id): two \(p.status) partnerships with \(p.target)")
                let org = try #require(dataset.organization(id: p.target))
                guard org.generic else { continue }
                let name = org.name.precomposedStringWithCompatibilityMapping
                if let other = byName[name], other != org.id {
                    Issue.record("\(project.id): \(other) and \(org.id) are both generic «\(org.name)»")
                }
                byName[name] = org.id
            }
        }
    }

    /// Every partnership's evidence mentions the partner: at least one of its lines (read together, as
    /// the extraction breaks words across lines) holds two characters of the partner's name, category
    /// or an alias, or a word of its kind. A loose check that catches a line number pointing elsewhere.
    @Test func evidenceMentionsThePartner() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        let lines = try Self.reportLines()
        for p in dataset.partnerships {
            let org = try #require(dataset.organization(id: p.target))
            let numbers = p.evidence.compactMap(\.line).filter { $0 >= 1 && $0 <= lines.count }
            let text = Self.readable(numbers.map { lines[$0 - 1].trimmingCharacters(in: .whitespaces) }.joined())
            let words = ([org.name, org.category ?? ""] + org.aliases).flatMap(Self.pairs)
                + (Self.kindWords[org.kind.id] ?? [])
            #expect(words.contains { Self.contains(text, $0) },
                    "\(p.project ?? "") \(org.id) «\(org.name)»: lines \(numbers) do not mention it")
        }
    }

    @Test func recurringInstitutionsAreOneOrganisation() throws {
        let dataset = try DatasetLoader.load(path: Self.folder.path)
        // SGSG leads P21 and is a partner of P34.
        let sgsg = try #require(dataset.organizations.first { $0.name == "SGSG" })
        #expect(dataset.project(id: "P21")?.lead == sgsg.id)
        #expect(dataset.partnerships(ofProject: "P34").contains { $0.target == sgsg.id })
        #expect(dataset.organizations.filter { $0.name == "SGSG" }.count == 1)
    }
}
