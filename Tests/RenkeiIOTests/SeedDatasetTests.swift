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
        let report = Self.folder.appendingPathComponent("../../../shared/seeds/000_1143c6004f43cb1f.txt").standardizedFileURL
        let lines = (try? String(contentsOf: report, encoding: .utf8))?.components(separatedBy: "\n")
        for p in dataset.partnerships {
            #expect(!p.evidence.isEmpty, "\(p.project ?? "") \(p.target) has no evidence")
            for e in p.evidence {
                #expect(e.document == "000_1143c6004f43cb1f.txt")
                let line = try #require(e.line)
                if let lines {
                    #expect(line >= 1 && line <= lines.count)
                    #expect(!lines[line - 1].trimmingCharacters(in: .whitespaces).isEmpty)
                }
            }
            #expect(!p.relations.isEmpty)
            #expect(p.source != p.target)
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
