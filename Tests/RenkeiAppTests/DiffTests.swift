import Foundation
import RenkeiApp
import RenkeiCore
import RenkeiIO
import Testing

/// `renkei diff` on two hand-built surveys whose differences are known, on one dataset across two
/// years, and on the seed dataset against an altered copy (expected values from a set comparison
/// of the loaded data, by name).
@Suite struct DiffTests {
    /// Writes a folder dataset; `partnerships` rows are `project,source,target,relations[,status]`.
    static func folder(_ name: String, organizations: String, projects: String, partnerships: String) throws -> DatasetInput {
        let dir = try AppFixture.temporaryFolder()
        try "name: \(name)\n".write(toFile: dir + "/dataset.yaml", atomically: true, encoding: .utf8)
        try ("id,name,kind,prefecture,municipality,aliases\n" + organizations).write(toFile: dir + "/organizations.csv", atomically: true, encoding: .utf8)
        try ("id,title,lead,year\n" + projects).write(toFile: dir + "/projects.csv", atomically: true, encoding: .utf8)
        try ("project,source,target,relations,status\n" + partnerships).write(toFile: dir + "/partnerships.csv", atomically: true, encoding: .utf8)
        return DatasetInput(path: dir)
    }

    /// 2023: 北区社協 leads 見守り事業 with みどり会, ひかり会, 北区役所 and きえる会; さくら食堂 and
    /// つばさ塾 run 学習支援 — two components (5 and 2 organisations).
    static func old() throws -> DatasetInput {
        try folder("北区調査2023", organizations: """
            kita,北区社協,社協,東京都,北区,
            npo-a,みどり会,NPO,,,
            npo-b,ひかり会,NPO,,,
            town,北区役所,行政,東京都,北区,
            c1,さくら食堂,NPO,,,
            c2,つばさ塾,NPO,,,
            gone,きえる会,NPO,,,

            """, projects: "p1,見守り事業,kita,2023\np2,学習支援,c1,2023\n", partnerships: """
            p1,kita,npo-a,後援,realised
            p1,kita,npo-b,会場提供,realised
            p1,kita,town,後援,realised
            p1,kita,gone,広報・チラシ配布,realised
            p2,c1,c2,共催・協働,realised

            """)
    }

    /// 2024: every id changed; 北区社協 is spelled 北区社会福祉協議会, ひかり会 is ヒカリ会 with the old
    /// spelling as an alias; きえる会 is gone, あたらし会 is new; みどり会 adds 会場提供; さくら食堂's new
    /// project 居場所づくり links it to the 社協 (one component of 7) and to あたらし会.
    static func new() throws -> DatasetInput {
        try folder("北区調査2024", organizations: """
            S01,北区社会福祉協議会,社協,東京都,北区,
            N01,みどり会,NPO,,,
            N02,ヒカリ会,NPO,,,ひかり会
            N03,北区役所,行政,東京都,北区,
            N04,さくら食堂,NPO,,,
            N05,つばさ塾,NPO,,,
            N06,あたらし会,NPO,,,

            """, projects: "q1,見守り事業,S01,2024\nq3,居場所づくり,N04,2024\n", partnerships: """
            q1,S01,N01,後援;会場提供,realised
            q1,S01,N02,会場提供,realised
            q1,S01,N03,後援,realised
            q3,N04,N05,共催・協働,realised
            q3,N04,S01,情報共有・ケース会議,realised
            q3,N04,N06,広報・チラシ配布,realised

            """)
    }

    func names(_ pairs: [NetworkComparison.Pair]) -> [String] { pairs.map { "\($0.source.name)–\($0.target.name)" } }

    @Test func organisationsAreMatchedByNameAndAliasNotByID() throws {
        let c = try DiffRequest(old: Self.old(), new: Self.new()).run().comparison
        #expect(c.matching.count == 6)
        #expect(c.matching.newByOld == ["kita": "S01", "npo-a": "N01", "npo-b": "N02", "town": "N03", "c1": "N04", "c2": "N05"])
        #expect(c.matching.basis["kita"] == .name)     // 北区社協 = 北区社会福祉協議会 after normalisation
        #expect(c.matching.basis["npo-b"] == .alias)   // ひかり会 is an alias of ヒカリ会
        #expect(c.organizationsAdded.map(\.name) == ["あたらし会"])
        #expect(c.organizationsRemoved.map(\.name) == ["きえる会"])
        #expect(c.rematched.count == 6)
    }

    @Test func partnershipsRelationsAndProjects() throws {
        let r = try DiffRequest(old: Self.old(), new: Self.new()).run(), c = r.comparison
        #expect(r.text.contains("新しい連携（2）") && r.text.contains("なくなった連携（1）") && r.text.contains("連携元"))
        #expect(names(c.partnershipsAdded) == ["北区社会福祉協議会–さくら食堂", "さくら食堂–あたらし会"])
        #expect(c.partnershipsAdded[0].relations.map(\.japanese) == ["情報共有・ケース会議"])
        #expect(c.partnershipsAdded[0].projects == ["q3"])
        #expect(names(c.partnershipsRemoved) == ["北区社協–きえる会"])
        #expect(c.relationsChanged.count == 1)
        let change = try #require(c.relationsChanged.first)
        #expect("\(change.new.source.name)–\(change.new.target.name)" == "北区社会福祉協議会–みどり会")
        #expect(change.relationsAdded.map(\.japanese) == ["会場提供"])
        #expect(change.relationsRemoved.isEmpty)
        // さくら食堂–つばさ塾 moved from 学習支援 to 居場所づくり with the same relation: unchanged.
        #expect(c.projectsAdded.map(\.title) == ["居場所づくり"])
        #expect(c.projectsRemoved.map(\.title) == ["学習支援"])   // 見守り事業 is matched by title
    }

    @Test func componentsMergeAndMoves() throws {
        let c = try DiffRequest(old: Self.old(), new: Self.new()).run().comparison
        #expect(c.componentsSplit.isEmpty)
        #expect(c.componentsMerged.count == 1)
        let m = try #require(c.componentsMerged.first)
        #expect(m.component.largest.name == "北区社会福祉協議会" && m.component.size == 7)
        #expect(m.parts.map { "\($0.largest.name) \($0.size)" } == ["北区社協 5", "さくら食堂 2"])
        // Degree: only さくら食堂 changes (1 → 3); the 社協 keeps 4 partners (きえる会 out, さくら食堂 in).
        #expect(c.degreeMoves.map { "\($0.new.name) \(Int($0.oldValue))→\(Int($0.newValue))" } == ["さくら食堂 1→3"])
        // Betweenness by hand (normalised by (7−1)(7−2)/2 = 15 pairs): before, the 社協 6/15, all others 0
        // (ranks 1 and 2); after, the 社協 12/15, さくら食堂 9/15, the others 0 (ranks 1, 2, 3).
        let b = c.betweennessMoves
        #expect(b.map(\.new.name) == ["つばさ塾", "みどり会", "ヒカリ会", "北区役所"])
        #expect(b.allSatisfy { $0.oldRank == 2 && $0.newRank == 3 && $0.rankChange == -1 })
        // The other way round, the same component splits.
        let back = try DiffRequest(old: Self.new(), new: Self.old()).run().comparison
        #expect(back.componentsMerged.isEmpty)
        #expect(back.componentsSplit.map { "\($0.component.largest.name) \($0.component.size)" } == ["北区社会福祉協議会 7"])
        #expect(back.componentsSplit.first?.parts.map { "\($0.largest.name) \($0.size)" } == ["北区社協 5", "さくら食堂 2"])
        let all = try DiffRequest(old: Self.old(), new: Self.new(), top: 0).run()
        guard case .array(let moves)? = all.json["betweenness_moves"] else { Issue.record("no moves"); return }
        #expect(moves.isEmpty)
    }

    @Test func oneDatasetAcrossTwoYears() throws {
        let input = try Self.folder("二年分", organizations: """
            k,北区社協,社協,東京都,北区,
            a,みどり会,NPO,,,
            b,ひかり会,NPO,,,
            c,あおぞら会,NPO,,,
            d,こだま会,NPO,,,

            """, projects: "y1,見守り事業,k,2023\ny2,見守り事業,k,2024\n", partnerships: """
            y1,k,a,後援,realised
            y1,k,b,後援,realised
            y1,k,d,後援,realised
            y2,k,a,後援;会場提供,realised
            y2,k,c,広報・チラシ配布,planned
            y2,k,d,後援,planned

            """)
        let r = try DiffRequest(old: input, fromYear: 2023, toYear: 2024).run()
        let c = r.comparison
        #expect(r.oldLabel == "2023年" && r.newLabel == "2024年")
        #expect(c.organizationsAdded.map(\.name) == ["あおぞら会"])
        #expect(c.organizationsRemoved.map(\.name) == ["ひかり会"])
        #expect(names(c.partnershipsAdded) == ["北区社協–あおぞら会"])
        #expect(c.partnershipsAdded.first?.status == .planned)
        #expect(names(c.partnershipsRemoved) == ["北区社協–ひかり会"])
        // みどり会 adds 会場提供; こだま会 keeps 後援 but is only planned in 2024.
        #expect(c.relationsChanged.map(\.new.target.name) == ["みどり会", "こだま会"])
        #expect(c.relationsChanged.map { $0.relationsAdded.map(\.japanese) } == [["会場提供"], []])
        #expect(c.relationsChanged.map { "\($0.old.status.rawValue)→\($0.new.status.rawValue)" } == ["realised→realised", "realised→planned"])
        #expect(r.text.contains("実施 → 予定"))
        #expect(c.projectsAdded.isEmpty && c.projectsRemoved.isEmpty)
        do {
            _ = try DiffRequest(old: input, fromYear: 2023, toYear: 2025).run()
            Issue.record("no error")
        } catch let e as RequestError {
            #expect(e.message.hasPrefix("no project in year 2025"))
        }
    }

    @Test func nothingInCommonIsAnError() throws {
        let other = try Self.folder("別の町", organizations: "x,まったく別の会,NPO,,,\ny,もうひとつの会,NPO,,,\n",
                                    projects: "z,別事業,x,2024\n", partnerships: "z,x,y,後援,realised\n")
        do {
            _ = try DiffRequest(old: Self.old(), new: other).run()
            Issue.record("no error")
        } catch let e as RequestError {
            #expect(e.message.contains("have no organisation in common"))
        }
    }

    @Test func diagramDrawsNewAndLostPartnershipsWithALegend() throws {
        let r = try DiffRequest(old: Self.old(), new: Self.new()).run()
        let dot = String(decoding: try r.output(.diagram(.dot)).bytes, as: UTF8.self)
        #expect(dot.contains("緑の太線：新しい連携（北区調査2024のみ）"))
        #expect(dot.contains("赤の破線：なくなった連携（北区調査2023のみ）"))
        #expect(dot.contains("橙の太線：内容が変わった連携"))
        #expect(dot.contains("凡例"))
        // Two added edges green, one removed dashed red (きえる会 keeps its old id), one changed orange.
        #expect(dot.components(separatedBy: "color=\"\(DiagramFocus.addedColor)\"").count - 1 == 2)
        #expect(dot.components(separatedBy: "color=\"\(DiagramFocus.removedColor)\"").count - 1 == 1)
        #expect(dot.components(separatedBy: "color=\"\(DiagramFocus.changedColor)\"").count - 1 == 1)
        #expect(dot.contains("きえる会"))
    }

    /// The seed dataset against a copy without project P05, with o002's id changed, one relation
    /// added to the first partnership and one new partnership: the expected sets are computed here
    /// from the two loaded datasets by organisation name (generic partners, whose names repeat, by id).
    @Test func seedAgainstAlteredCopyEqualsASetComparison() throws {
        let copy = try AppFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let seed = AppFixture.seed.path
        for f in ["dataset.yaml", "organizations.csv", "projects.csv", "partnerships.csv"] {
            var text = try String(contentsOfFile: seed + "/" + f, encoding: .utf8)
            var lines = text.components(separatedBy: "\n")
            switch f {
            case "projects.csv", "partnerships.csv": lines.removeAll { $0.hasPrefix("P05,") }
            default: break
            }
            if f == "partnerships.csv" {
                lines[1] = lines[1].replacingOccurrences(of: "P01,o001,o002,後援,", with: "P01,o001,o002,後援;会場提供,")
                lines.insert("P01,o001,o009,情報共有・ケース会議,realised,1,mutual,,", at: 2)
            }
            text = lines.joined(separator: "\n")
            if f != "dataset.yaml" { text = text.replacingOccurrences(of: "o002,", with: "town-watari,") }
            try text.write(toFile: copy + "/" + f, atomically: true, encoding: .utf8)
        }
        let r = try DiffRequest(old: AppFixture.seed, new: DatasetInput(path: copy)).run()
        let c = r.comparison

        let a = try AppFixture.seed.load().dataset, b = try DatasetInput(path: copy).load().dataset
        func key(_ d: Dataset, _ id: String) -> String { let o = d.organization(id: id)!; return o.generic ? "#" + id : o.name }
        func pairs(_ d: Dataset) -> [String: Set<String>] {
            var out: [String: Set<String>] = [:]
            for p in d.partnerships where p.source != p.target {
                let k = [key(d, p.source), key(d, p.target)].sorted().joined(separator: "|")
                out[k, default: []].formUnion(p.relations.map(\.id))
            }
            return out
        }
        let pa = pairs(a), pb = pairs(b)
        let added = Set(pb.keys).subtracting(pa.keys), removed = Set(pa.keys).subtracting(pb.keys)
        let changed = Set(pa.keys).intersection(pb.keys).filter { pa[$0] != pb[$0] }
        let orgsA = Set(a.organizations.map { key(a, $0.id) }), orgsB = Set(b.organizations.map { key(b, $0.id) })
        func got(_ ps: [NetworkComparison.Pair], _ d: Dataset) -> Set<String> {
            Set(ps.map { [key(d, $0.source.id), key(d, $0.target.id)].sorted().joined(separator: "|") })
        }
        #expect(added.count == 1 && removed.count == 10 && changed.count == 1)   // the alterations made above
        #expect(got(c.partnershipsAdded, b) == added)
        #expect(got(c.partnershipsRemoved, a) == removed)
        #expect(Set(c.relationsChanged.map { [key(b, $0.new.source.id), key(b, $0.new.target.id)].sorted().joined(separator: "|") }) == changed)
        #expect(c.matching.count == orgsA.intersection(orgsB).count)
        #expect(c.organizationsAdded.count == orgsB.subtracting(orgsA).count)
        #expect(c.organizationsRemoved.count == orgsA.subtracting(orgsB).count)
        #expect(c.rematched.map { "\($0.old.id)→\($0.new.id)" } == ["o002→town-watari"])
        #expect(c.projectsRemoved.map(\.id) == Set(a.projects.map(\.id)).subtracting(b.projects.map(\.id)).sorted())
        #expect(c.projectsAdded.isEmpty)
    }

    /// The built tool: `--format json` is one object with the four named arrays, carrying names.
    @Test func commandLineJSONHasTheNamedKeys() throws {
        let old = try Self.old(), new = try Self.new()
        let binary = AppFixture.root.appendingPathComponent(".build/debug/renkei").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["diff", old.path, new.path, "--format", "json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for k in ["organizations_added", "organizations_removed", "partnerships_added", "partnerships_removed"] {
            #expect(object[k] is [[String: Any]], "\(k)")
        }
        #expect((object["organizations_added"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["あたらし会"])
        let removed = try #require((object["partnerships_removed"] as? [[String: Any]])?.first)
        #expect(removed["source"] as? String == "北区社協" && removed["target"] as? String == "きえる会")
        #expect(removed["relations"] as? [String] == ["広報・チラシ配布"])
    }
}
