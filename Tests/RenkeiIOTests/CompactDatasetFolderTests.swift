import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The fast folder reader (`CompactDatasetFolder`) against the general one (`FolderDatasetLoader`):
/// where the fast reader takes a folder, its counts, graphs, warnings and validation text must be
/// the general reader's; where it declines, the general reader's problems (file, line, field) are
/// what the user sees.
@Suite struct CompactDatasetFolderTests {
    static let organizations = """
        id,name,kind
        o1,特定非営利活動法人ひだまり,NPO
        o2,○○市社会福祉協議会,社協
        o3,○○市役所,行政
        o4,○○小学校,学校
        o5,地域の保育園,その他

        """
    static let projects = "id,title,lead\nP1,居場所づくり,o1\nP2,見守り,o2\n"

    /// A dataset folder of the given files (partnerships.csv as `partnerships`).
    func folder(partnerships: [UInt8], organizations: String = organizations, projects: String? = projects,
                yaml: String? = "name: テスト\nsource: 報告書.pdf\n") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compact-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(organizations.utf8).write(to: dir.appendingPathComponent("organizations.csv"))
        if let projects { try Data(projects.utf8).write(to: dir.appendingPathComponent("projects.csv")) }
        if let yaml { try Data(yaml.utf8).write(to: dir.appendingPathComponent("dataset.yaml")) }
        try Data(partnerships).write(to: dir.appendingPathComponent("partnerships.csv"))
        return dir.path
    }

    func folder(_ partnerships: String, organizations: String = organizations, projects: String? = projects) throws -> String {
        try folder(partnerships: Array(partnerships.utf8), organizations: organizations, projects: projects)
    }

    func edgeList(_ g: AnalysisGraph) -> [String] { g.edges.map { "\($0.u.int)-\($0.v.int):\($0.weight)" } }

    /// Asserts that the fast reader takes `path` and gives the general reader's organisations,
    /// projects, warnings, merges, encodings, graphs, statistics and validation text.
    @discardableResult
    func expectSame(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CompactDatasetFolder {
        let general = try FolderDatasetLoader.load(folder: path)
        let compact = try #require(CompactDatasetFolder.read(folder: path), "the fast reader declined \(path)", sourceLocation: sourceLocation)
        let fast = compact.loaded
        #expect(fast.dataset.organizations == general.dataset.organizations, sourceLocation: sourceLocation)
        #expect(fast.dataset.projects == general.dataset.projects, sourceLocation: sourceLocation)
        #expect(fast.dataset.metadata == general.dataset.metadata, sourceLocation: sourceLocation)
        #expect(compact.partnershipCount == general.dataset.partnerships.count, sourceLocation: sourceLocation)
        #expect(fast.merges == general.merges, sourceLocation: sourceLocation)
        #expect(fast.warnings == general.warnings, sourceLocation: sourceLocation)
        #expect(fast.possibleDuplicates == general.possibleDuplicates, sourceLocation: sourceLocation)
        #expect(fast.encodings.map(\.file) == general.encodings.map(\.file), sourceLocation: sourceLocation)
        #expect(fast.encodings.map(\.encoding) == general.encodings.map(\.encoding), sourceLocation: sourceLocation)
        for weighting in PartnershipWeighting.allCases {
            let a = compact.graph(weighting: weighting)
            let b = AnalysisGraph.partnershipGraph(of: general.dataset, filter: GraphFilter(weighting: weighting))
            #expect(a.labels == b.labels, "\(weighting)", sourceLocation: sourceLocation)
            #expect(edgeList(a) == edgeList(b), "\(weighting)", sourceLocation: sourceLocation)
        }
        #expect(compact.statistics == DatasetStatistics(general.dataset), sourceLocation: sourceLocation)
        #expect(compact.statistics.json == DatasetStatistics(general.dataset).json, sourceLocation: sourceLocation)
        for merges in [false, true] {
            #expect(compact.validationReport(merges: merges) == general.validationReport(merges: merges), sourceLocation: sourceLocation)
        }
        // Every export but xlsx made from the rows equals the general dataset's, file by file and
        // byte by byte. Read without keeping evidence and notes, a folder that has some gives none.
        let details = general.dataset.partnerships.contains { !$0.evidence.isEmpty || $0.note != nil }
        #expect(compact.hasDetails == details, sourceLocation: sourceLocation)
        let kept = try #require(CompactDatasetFolder.read(folder: path, keepDetails: true), sourceLocation: sourceLocation)
        #expect(kept.hasDetails == details, sourceLocation: sourceLocation)
        #expect(kept.shapeOfRow == compact.shapeOfRow && kept.sources == compact.sources && kept.weights == compact.weights,
                sourceLocation: sourceLocation)
        let rows = try #require(kept.rowEdges, sourceLocation: sourceLocation)
        #expect((0..<rows.count).map(rows.partnership) == general.dataset.partnerships, sourceLocation: sourceLocation)
        for format in ExportFormat.allCases where format != .xlsx {
            if details { #expect(try NetworkExport.streamed(compact, format: format) == nil, "\(format)", sourceLocation: sourceLocation) }
            let streamed = try #require(try NetworkExport.streamed(kept, format: format), "\(format)", sourceLocation: sourceLocation)
            let whole = try NetworkExport.render(general.dataset, format: format)
            #expect(streamed.map(\.name) == whole.map(\.name), "\(format)", sourceLocation: sourceLocation)
            #expect(streamed.map(\.bytes) == whole.map(\.bytes), "\(format)", sourceLocation: sourceLocation)
        }
        #expect(try NetworkExport.streamed(compact, format: .xlsx) == nil, sourceLocation: sourceLocation)
        return compact
    }

    /// Asserts that the fast reader declines `path` and that loading it reports exactly `expected`
    /// (`file line field: message-start`).
    func expectDeclinedWithProblems(_ path: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CompactDatasetFolder.read(folder: path) == nil, "the fast reader took \(path)", sourceLocation: sourceLocation)
        expectProblems(expected, describe: { "\($0.file) \($0.line.map(String.init) ?? "-") \($0.field ?? "-"): \($0.message)" },
                       what: path, sourceLocation: sourceLocation) { _ = try FolderDatasetLoader.load(folder: path) }
    }

    // MARK: Folders the fast reader takes

    @Test func theSeedDatasetAsTheGeneralReaderReadsIt() throws {
        let compact = try expectSame(Fixture.seedDataset)
        // The report's 35 model projects (data/kodoku-koritsu-model-jigyo/README.md), each with partners.
        #expect(compact.loaded.dataset.projects.count == 35)
        #expect(compact.partnershipCount >= 35)
    }

    @Test func statusesWeightsDirectionsAndRelationCounts() throws {
        let path = try folder("""
            project,source,target,relations,status,weight,direction,evidence,note
            P1,o1,o2,後援;会場提供,realised,2,mutual,報告書.pdf p.3,備考
            P1,o1,o3,チラシ配布、後援,予定,2.5,一方向,,
            P1,o1,o2,会場提供,,,,p.4,
            P2,o2,o4,情報共有,planned,１,directed,,
            ,o3,o4,講師派遣,実施,0.5,,,
            P2,o2,o5,後援,,3,相互,,

            """)
        let compact = try expectSame(path)
        #expect(compact.partnershipCount == 6)
        #expect(compact.shapeOfRow.map { compact.shapes[Int($0)].status == .realised } == [true, false, true, false, true, true])
        #expect(compact.weights == [2, 2.5, 1, 1, 0.5, 3])
        // o1–o2 twice: 2 relations + 1 relation by relations, 2 + 1 by weight, 2 by count.
        let byRelations = compact.graph(weighting: .relations)
        #expect(byRelations.weight(NodeIndex(0), NodeIndex(1)) == 3)
        #expect(compact.graph(weighting: .weight).weight(NodeIndex(0), NodeIndex(1)) == 3)
        #expect(compact.graph(weighting: .count).weight(NodeIndex(0), NodeIndex(1)) == 2)
        #expect(compact.statistics.planned == 2)
    }

    @Test func exportsOfRowsOfSeveralShapes() throws {
        // Projects, relations, statuses and directions in several combinations, some repeated
        // after other rows, blank evidence and note cells, and a project whose id needs escaping
        // in XML and JSON: every streamed export is the general one (expectSame).
        let projects = "id,title,lead\nP1,居場所づくり,o1\n\"P<2>&\",\"見守り \"\"声かけ\"\"\",o2\n"
        let path = try folder("""
            project,source,target,relations,status,weight,direction,evidence,note
            P1,o1,o2,後援;会場提供,realised,2,mutual,,
            P1,o1,o3,チラシ配布、後援,予定,2.5,一方向, ,
            "P<2>&",o2,o4,情報共有,planned,１,directed,,\u{20}
            ,o3,o4,講師派遣,実施,0.5,,,
            P1,o1,o5,後援;会場提供,,,,,
            "P<2>&",o2,o5,情報共有,planned,3,directed,,
            P1,o3,o5,,,,,,

            """, projects: projects)
        let compact = try expectSame(path)
        #expect(!compact.hasDetails)
        #expect(compact.shapes.count == 5)
        #expect(compact.shapeOfRow == [0, 1, 2, 3, 0, 2, 4])
        #expect(compact.shapes.map(\.project) == ["P1", "P1", "P<2>&", nil, "P1"])
        #expect(compact.shapes.map(\.direction) == [.mutual, .directed, .directed, .mutual, .mutual])
        #expect(compact.shapes.map(\.status) == [.realised, .planned, .planned, .realised, .realised])
        // Without evidence and note columns, and with one shape: the rows need no shape list.
        let plain = try expectSame(try folder("project,source,target,relations\nP1,o1,o2,後援\nP1,o2,o3,後援\n"))
        #expect(plain.shapes.count == 1)
        #expect(plain.rowEdges?.shapeOfRow == nil)
        #expect(CompactDatasetFolder.read(folder: path, keepDetails: true)?.details == nil)
    }

    @Test func rowsOfMoreShapesThanTheLimitAreWrittenEdgeByEdge() throws {
        // One project per row, one more than NetworkTable.rowShapeLimit: no templates, and the
        // exports are still those of the whole dataset (expectSame).
        let n = NetworkTable.rowShapeLimit + 1
        let projects = "id,title,lead\n" + (0..<n).map { "P\($0),事業\($0),o1\n" }.joined()
        let rows = (0..<n).map { "P\($0),o\(1 + $0 % 4),o5,後援\n" }.joined()
        let compact = try expectSame(try folder("project,source,target,relations\n" + rows, projects: projects))
        #expect(compact.shapes.count == n)
        let table = try #require(NetworkTable(folder: compact))
        #expect(table.rowEdgePrototypes(evidenceText: \.text) == nil)
        #expect(table.edgeCount == n)
    }

    @Test func evidenceAndNotesAreWrittenFromTheKeptCells() throws {
        // References with and without a document (a bare line number takes its project's source
        // document, else the dataset's), both list separators, a document name with `:`, notes
        // with XML and JSON specials, a quoted line break, a formula guard, and rows with only one
        // of the two: every streamed export is the general one (expectSame), made by templates.
        let projects = "id,title,lead,source\nP1,居場所づくり,o1,事業報告.pdf\nP2,見守り,o2,\n"
        let path = try folder("""
            project,source,target,relations,evidence,note
            P1,o1,o2,後援,報告書.pdf:3;12,名義後援 <チラシ> & "会場"
            P1,o1,o3,後援,,
            P2,o2,o4,情報共有,7；a:b.txt:9,"二行の
            備考"
            ,o3,o4,講師派遣,5,
            P1,o1,o5,後援,,'=SUM(1)
            P2,o2,o5,情報共有, p.4 ,\\ と \u{7F}

            """, projects: projects)
        let compact = try expectSame(path)
        #expect(compact.hasDetails && compact.details == nil)
        #expect(NetworkTable(folder: compact) == nil)
        let kept = try #require(CompactDatasetFolder.read(folder: path, keepDetails: true))
        let rows = try #require(kept.rowEdges)
        // Read by hand from the cells above and the projects' and dataset's sources.
        #expect(rows.partnership(0).evidence == [SourceReference(document: "報告書.pdf", line: 3), SourceReference(document: "事業報告.pdf", line: 12)])
        #expect(rows.partnership(0).note == "名義後援 <チラシ> & \"会場\"")
        #expect(rows.partnership(1).evidence.isEmpty && rows.partnership(1).note == nil)
        #expect(rows.partnership(2).evidence == [SourceReference(document: "報告書.pdf", line: 7), SourceReference(document: "a:b.txt", line: 9)])
        #expect(rows.partnership(2).note == "二行の\n備考")
        #expect(rows.partnership(3).evidence == [SourceReference(document: "報告書.pdf", line: 5)])
        #expect(rows.partnership(4).note == "=SUM(1)")
        #expect(rows.partnership(5).evidence == [SourceReference(document: "p.4", line: nil)])
        let table = try #require(NetworkTable(folder: kept))
        let prototypes = try #require(table.rowEdgePrototypes(evidenceText: \.text))
        #expect(prototypes.allSatisfy { $0.details })
    }

    @Test func emptyRelationsAndPossibleDuplicatesAreWarnedAsTheGeneralReaderWarns() throws {
        let organizations = """
            id,name,kind
            o1,ひだまり,NPO
            o2,株式会社ひだまり,企業
            o3,ひだまり株式会社,企業
            o4,○○市社会福祉協議会,社協

            """
        let path = try folder("""
            project,source,target,relations
            P1,o1,o4,
            P1,o2,o4,後援
            P1,o3,o4,"  "

            """, organizations: organizations, projects: "id,title,lead\nP1,居場所,o1\n")
        let compact = try expectSame(path)
        let warnings = compact.loaded.warnings
        // The rows without relations (partnerships.csv lines 2 and 4), then the two companies that
        // may be ひだまり (organizations.csv lines 3 and 4).
        #expect(warnings.map(\.line) == [2, 4, 3, 4])
        #expect(warnings.prefix(2).allSatisfy { $0.field == "relations" && $0.file == "partnerships.csv" })
        #expect(warnings.suffix(2).allSatisfy { $0.kind == InputProblem.possibleDuplicate && $0.file == "organizations.csv" })
        #expect(compact.statistics.partnershipsWithoutRelations == 2)
    }

    @Test func japaneseHeadersQuotesAndByteOrderMarks() throws {
        let text = """
            事業ID,連携元ID,連携先ID,連携内容,重み,備考\r
            P1,"o1",o2,"後援;会場提供",2,"改行
            のある備考"\r
            P1,o1,o3,後援,1,'=SUM(A1)\r
            P2,o2,o4,"情報共有、講師派遣",3,\r

            """
        try expectSame(folder(partnerships: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        try expectSame(folder(partnerships: Array(text.utf8)))
    }

    @Test func shiftJISFoldersAsTheGeneralReaderReadsThem() throws {
        let text = "project,source,target,relations,weight\nP1,o1,o2,後援;会場提供,2\nP2,o2,o3,情報共有,1\n"
        let bytes = try TextCodec.encode(text, as: .shiftJIS)
        let compact = try expectSame(folder(partnerships: bytes))
        #expect(compact.loaded.encodings.last?.encoding == .shiftJIS)
    }

    @Test func aFolderWithoutProjectsOrRowsAndWithoutAFinalLineBreak() throws {
        let rows = try expectSame(folder("project,source,target,relations\n,o1,o2,後援\n,o2,o3,後援", projects: nil))
        #expect(rows.partnershipCount == 2)
        let header = try expectSame(folder("project,source,target,relations\n"))
        #expect(header.partnershipCount == 0)
        #expect(header.graph(weighting: .relations).nodeCount == 5)
    }

    // MARK: Folders with a problem: the general reader reports it

    @Test func unknownEndsSelfLoopsAndUnknownProjectsAreReportedByLine() throws {
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP1,o1,o9,後援\n"),
                                   ["partnerships.csv 2 target: unknown organisation 'o9'"])
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP1,o1,o2,後援\nP1,o3,o3,後援\n"),
                                   ["partnerships.csv 3 target: self-loop"])
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP9,o1,o2,後援\n"),
                                   ["partnerships.csv 2 project: unknown project 'P9'"])
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP1,o1,o2,後援\n", projects: nil),
                                   ["partnerships.csv 2 project: unknown project 'P1'"])
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP1,,o2,後援\n"),
                                   ["partnerships.csv 2 source: empty source"])
    }

    @Test func badCellsAreReportedByLineAndField() throws {
        let header = "project,source,target,relations,status,weight,direction\n"
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,後援,,x,\n"), ["partnerships.csv 2 weight: weight 'x' is not a number"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,後援,,-1,\n"), ["partnerships.csv 2 weight: weight -1 is not positive"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,後援,maybe,,\n"), ["partnerships.csv 2 status: status 'maybe'"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,後援,,,sideways\n"), ["partnerships.csv 2 direction: direction 'sideways'"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,空を飛ぶ,,,\n"), ["partnerships.csv 2 relations: unknown relation '空を飛ぶ'"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2\n"), ["partnerships.csv 2 -: ragged row"])
        expectDeclinedWithProblems(try folder(header + "P1,o1,o2,\"後援,,,\n"), ["partnerships.csv 2 -: quoted field starting on line 2"])
        expectDeclinedWithProblems(try folder("project,source,target\nP1,o1,o2\n"),
                                   ["partnerships.csv 1 relations: missing required column 'relations'"])
        expectDeclinedWithProblems(try folder("project,source,Source,target,relations\n"), ["partnerships.csv 1 Source: duplicate column"])
        // A problem elsewhere in the folder is the general reader's to report too.
        expectDeclinedWithProblems(try folder("project,source,target,relations\nP1,o1,o2,後援\n", organizations: "id,name\no1,a\no1,b\no2,c\n"),
                                   ["organizations.csv 3 id: duplicate id 'o1'"])
    }

    @Test func utf16AndUndecodableBytesGoToTheGeneralReader() throws {
        let text = "project,source,target,relations\nP1,o1,o2,後援\n"
        let utf16 = try folder(partnerships: try TextCodec.encode(text, as: .utf16LE))
        #expect(CompactDatasetFolder.read(folder: utf16) == nil)
        #expect(try FolderDatasetLoader.load(folder: utf16).dataset.partnerships.count == 1)
        expectDeclinedWithProblems(try folder(partnerships: Array("project,source,target,relations\nP1,o1,o2,".utf8) + [0x80, 0xFF, 0x0A]),
                                   ["partnerships.csv 2 -: "])
    }
}
