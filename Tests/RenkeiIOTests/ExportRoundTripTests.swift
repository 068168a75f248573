import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// Every format `renkei export` writes, read back as PATH, gives back the seed dataset: its
/// organisations and kinds, projects, partnerships (ends, relations, status, project). The
/// reference is the dataset folder as loaded; its counts are the ones the dataset's README states
/// (336 organisations, 321 partnerships, 35 projects, 258 realised and 63 planned).
@Suite struct ExportRoundTripTests {
    /// What must come back, as sorted lists of text so that a difference shows in the failure.
    struct Summary: Equatable {
        var organizations: [String]  // id, name, kind, generic
        var projects: [String]  // id, title, lead's name, prefecture, municipality, year
        var partnerships: [String]  // source name, target name, relations, status, project
        var realised: Int
        var planned: Int

        init(_ d: Dataset) {
            func name(_ id: String) -> String { d.organization(id: id)?.name ?? "?" + id }
            organizations = d.organizations.map { "\($0.id)\t\($0.name)\t\($0.kind.id)\t\($0.generic)" }.sorted()
            projects = d.projects.map {
                "\($0.id)\t\($0.title)\t\(name($0.lead))\t\($0.prefecture ?? "")\t\($0.municipality ?? "")\t\($0.year.map(String.init) ?? "")"
            }.sorted()
            partnerships = d.partnerships.map {
                "\(name($0.source))\t\(name($0.target))\t\($0.relations.map(\.japanese).joined(separator: ";"))\t\($0.status.rawValue)\t\($0.project ?? "")"
            }.sorted()
            realised = d.partnerships.filter { $0.status == .realised }.count
            planned = d.partnerships.filter { $0.status == .planned }.count
        }
    }

    static let reference = Result { try DatasetLoader.load(path: Fixture.seedDataset) }

    @Test func theReferenceHasTheREADMECounts() throws {
        let d = try Self.reference.get()
        let s = Summary(d)
        #expect((s.organizations.count, s.partnerships.count, s.projects.count) == (336, 321, 35))
        #expect((s.realised, s.planned) == (258, 63))
    }

    /// (format, file name inside the temporary folder: a file, or a folder for the CSV pair,
    /// encoding, Japanese headers, the kind the path is read as)
    static let cases: [(ExportFormat, String, ExportEncoding, Bool, DatasetLoader.PathKind)] = [
        (.graphml, "seed.graphml", .utf8, false, .interchange(.graphml)),
        (.gexf, "seed.gexf", .utf8, false, .interchange(.gexf)),
        (.json, "seed.json", .utf8, false, .interchange(.json)),
        (.cytoscape, "seed.cyjs", .utf8, false, .interchange(.cytoscape)),
        (.cytoscape, "seed-cytoscape.json", .utf8, false, .interchange(.json)),  // told apart by content
        (.csv, "csv", .utf8, false, .interchange(.csv)),
        (.csv, "csv-ja-bom", .utf8BOM, true, .interchange(.csv)),
        (.xlsx, "seed.xlsx", .utf8, false, .workbook),
    ]

    @Test(arguments: 0..<cases.count)
    func anExportReadBackIsTheDataset(_ index: Int) throws {
        let (format, name, encoding, japanese, kind) = Self.cases[index]
        let reference = try Self.reference.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        let files = try NetworkExport.render(reference, format: format, encoding: encoding, japaneseHeaders: japanese)
        if format == .csv {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for f in files { try Data(f.bytes).write(to: URL(fileURLWithPath: path).appendingPathComponent(f.name!)) }
        } else {
            try Data(files[0].bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(DatasetLoader.kind(of: path) == kind)
        let loaded = try DatasetLoader.loadWithReport(path: path)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.prefix(3))")
        // The dataset's name travels in every format but the CSV pair (the folder's name then).
        #expect(loaded.dataset.metadata.name == (format == .csv ? name : "孤独・孤立対策 モデル事業 連携データ"))
        let got = Summary(loaded.dataset), want = Summary(reference)
        #expect(got.organizations.count == 336)
        #expect(got.partnerships.count == 321)
        #expect(got.projects.count == 35)
        #expect((got.realised, got.planned) == (258, 63))
        #expect(got.organizations == want.organizations)
        #expect(got.projects == want.projects)
        #expect(got.partnerships == want.partnerships)
        // Relations keep their ids (not only their labels), so filters by relation still work.
        #expect(loaded.dataset.partnerships.map { $0.relations.map(\.id) }.sorted { "\($0)" < "\($1)" }
                == reference.partnerships.map { $0.relations.map(\.id) }.sorted { "\($0)" < "\($1)" })
    }
}

/// The readers added for the round trip, on small hand-written files.
@Suite struct ReadBackFormatTests {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aCSVPairReportsEveryProblemWithFileLineAndField() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("id,name,kind\r\na,A,NPO\r\nb,B,学校\r\n".utf8).write(to: dir.appendingPathComponent("nodes.csv"))
        try Data("id,source,target,weight\r\ne0,a,b,1\r\ne1,a,zz,x\r\n".utf8).write(to: dir.appendingPathComponent("edges.csv"))
        #expect(DatasetLoader.kind(of: dir.path) == .interchange(.csv))
        let error = try #require(throws: InputError.self) { try DatasetLoader.load(path: dir.path) }
        #expect(Set(error.problems.map(\.description)) == [
            "edges.csv:3: field 'weight': 'x' is not a valid double",
            "edges.csv:3: field 'target': edge e1 names node zz, which is not in the file",
        ])
        // With organizations.csv beside them the folder is a dataset folder.
        try Data("id,name\n".utf8).write(to: dir.appendingPathComponent("organizations.csv"))
        #expect(DatasetLoader.kind(of: dir.path) == .folder)
    }

    @Test func cytoscapeElementsAsOneArray() throws {
        // Cytoscape.js also takes `elements` as one array; items say their group, or are edges
        // when they have a source and a target. Hand-made: 3 nodes, 2 edges, one planned.
        let json = """
        {"elements": [
          {"group": "nodes", "data": {"id": "a", "name": "松本市社会福祉協議会", "kind": "社協"}},
          {"data": {"id": "b", "name": "松本市"}},
          {"data": {"id": "c"}},
          {"group": "edges", "data": {"id": "x", "source": "a", "target": "b", "relations": ["venue"]}},
          {"data": {"id": "y", "source": "a", "target": "c", "status": "planned"}}
        ]}
        """
        let table = try CytoscapeJSONFormat.read(bytes: Array(json.utf8), file: "g.cyjs")
        let d = try table.dataset(file: "g.cyjs").dataset
        #expect(d.organizations.map(\.id) == ["a", "b", "c"])
        #expect(d.organizations.map(\.kind.id) == ["社協", "その他", "その他"])
        #expect(d.partnerships.map { "\($0.source)-\($0.target)" } == ["a-b", "a-c"])
        #expect(d.partnerships.map(\.status) == [.realised, .planned])
        #expect(d.partnerships[0].relations.map(\.japanese) == ["会場提供"])
        let bad = try #require(throws: InputError.self) {
            try CytoscapeJSONFormat.read(bytes: Array("{\"elements\": [\n{\"group\": \"nodes\"}]}".utf8), file: "g.cyjs")
        }
        #expect(bad.problems.map(\.description) == ["g.cyjs:2: field 'elements': element 1 has no \"data\" object"])
    }
}

/// A workbook whose sheets are 団体, 事業 and 連携 (Fixtures/sheets/make_dates.py, by openpyxl):
/// read as a dataset folder, dates in 年度 read as (fiscal) years.
@Suite struct WorkbookDatasetTests {
    static func path(_ name: String) -> String { Fixture.path("sheets/" + name) }

    @Test func aDatasetWorkbookWithDates() throws {
        let loaded = try DatasetLoader.loadWithReport(path: Self.path("dataset_dates.xlsx"))
        let d = loaded.dataset
        #expect(d.organizations.map(\.id) == ["o1", "o2", "o3", "o4"])
        #expect(d.organizations.map(\.kind.id) == ["社協", "行政", "NPO", "学校"])
        // 2023-06-01 (yyyy-mm-dd), 2024-02-10 (format 14: fiscal year 2023), 2019-05-01 (era format), 2022.
        #expect(d.projects.map(\.id) == ["P1", "P2", "P3", "P4"])
        #expect(d.projects.map(\.year) == [2023, 2023, 2019, 2022])
        #expect(d.projects.map(\.lead) == ["o1", "o3", "o1", "o4"])  // P1's lead given by name
        // Ends by name or id, the project by its title (見守り事業 → P1).
        #expect(d.partnerships.map { "\($0.project ?? "")\($0.source)-\($0.target)" } == ["P1o1-o2", "P1o1-o3", "P2o3-o2", "P3o1-o4", "P4o4-o1"])
        #expect(d.partnerships[0].note == "2023-07-15 09:30:00")  // a date-time cell as text
        #expect(d.partnerships.map(\.status) == [.realised, .planned, .realised, .realised, .realised])
        #expect(d.partnerships[2].relations.map(\.japanese) == ["会場提供", "見守り"])
        #expect(loaded.warnings.map(\.description) == ["dataset_dates.xlsx:連携!D4: field '連携内容': new relation '見守り' (row 4) is not in the vocabulary; it is kept as a relation of this dataset"])
        let strict = try #require(throws: InputError.self) {
            try DatasetLoader.loadWithReport(path: Self.path("dataset_dates.xlsx"), options: LoadOptions(strict: true))
        }
        #expect(strict.problems.map(\.file) == ["dataset_dates.xlsx:連携!D4"])
        #expect(strict.problems.first?.message.hasPrefix("unknown relation '見守り'") == true)
    }

    @Test func the1904DateSystem() throws {
        // 2024-04-01 is serial 43921 in the 1904 system (45383 in the 1900 one).
        let d = try DatasetLoader.load(path: Self.path("dates1904.xlsx"))
        #expect(d.projects.map(\.year) == [2024])
    }

    @Test func dateFormatsAndSerials() {
        for code in ["yyyy-mm-dd", "m/d/yy", #"[$-ja-JP]ggge"年"m"月"d"日""#, "h:mm:ss", "[h]:mm", "yyyy\"年\"m\"月\"", "mmm-yy"] {
            #expect(XLSXWorkbook.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0\"円\"", "0.00E+00", "@", "\"day\"0", "[Red]0.0", "_(* #,##0_)"] {
            #expect(!XLSXWorkbook.isDateFormat(code), "\(code)")
        }
        // By hand: serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01, 45078 is 2023-06-01.
        #expect(XLSXWorkbook.date(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXWorkbook.date(serial: 59, date1904: false) == "1900-02-28")
        #expect(XLSXWorkbook.date(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXWorkbook.date(serial: 45078, date1904: false) == "2023-06-01")
        #expect(XLSXWorkbook.date(serial: 45078.5, date1904: false) == "2023-06-01 12:00:00")
        #expect(XLSXWorkbook.date(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXWorkbook.date(serial: 0.25, date1904: false) == "06:00:00")
        #expect(EdgeListLoader.year("2024-02-10", fiscal: true) == 2023)
        #expect(EdgeListLoader.year("2024-02-10", fiscal: false) == 2024)
        #expect(EdgeListLoader.year("2024年4月1日", fiscal: true) == 2024)
    }

    /// A workbook built in the test: 団体 and 連携 sheets with a bad reference on 連携 row 7.
    static func workbook(_ links: [[XLSXCell]], organizations: [[XLSXCell]]? = nil) -> [UInt8] {
        XLSXWriter.workbook([
            XLSXSheet(name: "団体", columns: ["ID", "名称"],
                      rows: organizations ?? [["o1", "松本市社会福祉協議会"], ["o2", "松本市"], ["o3", "地域の保育園"], ["o4", "地域の保育園"]]),
            XLSXSheet(name: "連携", columns: ["事業", "連携元", "連携先", "連携内容"], rows: links),
        ])
    }

    @Test func errorsNameTheSheetAndTheCell() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-wbds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good: [XLSXCell] = ["", "o1", "o2", "後援"]
        let rows: [[XLSXCell]] = [good, good, good, good, good, ["", "o1", "松本市役所", "後援"], ["", "松本市", "地域の保育園", "後援"]]
        let path = dir.appendingPathComponent("book.xlsx").path
        try Data(Self.workbook(rows)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: InputError.self) { try DatasetLoader.load(path: path) }
        #expect(error.problems.map(\.description) == [
            "book.xlsx:連携!C7: field '連携先': unknown organisation '松本市役所'",
            "book.xlsx:連携!C8: field '連携先': '地域の保育園' is the name of 2 organisations (o3, o4); write the id instead",
        ])
        // Names that resolve: the same rows without the bad ones load, with ids.
        try Data(Self.workbook([good, ["", "松本市", "o1", "後援"]])).write(to: URL(fileURLWithPath: path))
        #expect(try DatasetLoader.load(path: path).partnerships.map { "\($0.source)-\($0.target)" } == ["o1-o2", "o2-o1"])
        // A missing required column names the header row.
        let noTarget = XLSXWriter.workbook([XLSXSheet(name: "団体", columns: ["ID", "名称"], rows: [["o1", "a"]]),
                                            XLSXSheet(name: "連携", columns: ["事業", "連携元", "連携先", "備考"], rows: [["", "o1", "o1", ""]])])
        try Data(noTarget).write(to: URL(fileURLWithPath: path))
        let missing = try #require(throws: InputError.self) { try DatasetLoader.load(path: path) }
        #expect(missing.problems.map(\.description) == ["book.xlsx:連携: field 'relations': missing required column 'relations' (or 連携内容) (header row 1)"])
    }

    @Test func nothingIsWrittenWhenTheWorkbookIsBad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-wbcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.xlsx").path
        try Data(Self.workbook([["", "o1", "o9", "後援"]])).write(to: URL(fileURLWithPath: path))
        let out = dir.appendingPathComponent("out.graphml").path
        let r = try runRenkei(["export", path, "--format", "graphml", "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("book.xlsx:連携!C2: field '連携先': unknown organisation 'o9'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
