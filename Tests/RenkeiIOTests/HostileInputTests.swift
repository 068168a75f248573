import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiIO

/// The reproductions of issue 12: every one gives a clear error naming file, line and field, or
/// the exact result — never a crash, a hang or an unbounded allocation.
@Suite struct HostileInputTests {
    /// A fresh temporary folder.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func problems(_ body: () throws -> Any) -> [InputProblem] {
        do { _ = try body(); return [] } catch let e as InputError { return e.problems } catch { return [] }
    }

    /// A dataset folder whose files are the seed dataset's, with `dataset.yaml` replaced.
    func seedCopy(yaml: String) throws -> String {
        let dir = try folder().appendingPathComponent("ds")
        try FileManager.default.copyItem(atPath: Fixture.seedDataset, toPath: dir.path)
        try yaml.write(to: dir.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    // MARK: Finding 1: NUL after a known label

    @Test func suggestionForLabelEndingInNULDoesNotCrash() {
        // The cause: Foundation's String.contains aborts on a needle ending in NUL.
        #expect(Vocabulary.standard.suggestRelation(for: "後援\u{0}") == "後援")
        #expect(characters(of: "後援", contain: "後援\u{0}") == false)
        #expect(characters(of: "後援\u{0}", contain: "後援"))
        #expect(Vocabulary.standard.suggestKind(for: "社協\u{0}") == "社協")
    }

    @Test func nulAfterRelationInEdgeListCSVIsAnErrorWithLine() throws {
        let dir = try folder()
        for (name, bytes) in [("utf8.csv", Array("source,target,relations\nA,B,後援\u{0}\n".utf8)),
                              // Shift_JIS: 後援 = 8C E3 89 87.
                              ("sjis.csv", Array("source,target,relations\nA,B,".utf8) + [0x8C, 0xE3, 0x89, 0x87, 0x00, 0x0A])] {
            let path = try write(bytes, name, in: dir)
            let ps = problems { try DatasetLoader.loadWithReport(path: path) }
            #expect(ps.count == 1, "\(name)")
            #expect(ps.first?.file == name && ps.first?.line == 2 && ps.first?.field == "relations")
            #expect(ps.first?.message.contains("U+0000") == true)
        }
    }

    @Test func nameTextRule() {
        #expect(NameText.problem(in: "北区 社会福祉協議会") == nil)
        #expect(NameText.problem(in: "タブ\tあり") == nil)
        for bad in ["A\u{0}", "A\u{1}B", "A\nB", "A\rB", "A\u{7F}", "A\u{202E}B", "\u{202A}x", "x\u{2066}", "x\u{2069}"] {
            #expect(NameText.problem(in: bad) != nil, "\(bad.unicodeScalars.map { $0.value })")
        }
        #expect(NameText.problem(in: "A\u{202E}B")?.contains("U+202E") == true)
    }

    @Test func bidiOverrideInFolderNameNamesFileLineAndField() throws {
        let dir = try folder()
        _ = try write(Array("id,name\na,北区\u{202E}社協\nb,普通の団体\n".utf8), "organizations.csv", in: dir)
        _ = try write(Array("project,source,target,relations\n,a,b,後援\n".utf8), "partnerships.csv", in: dir)
        let ps = problems { try DatasetLoader.loadWithReport(path: dir.path) }
        #expect(ps.map { "\($0.file):\($0.line ?? 0):\($0.field ?? "")" } == ["organizations.csv:2:name"])
    }

    @Test func controlCharacterInImportedGraphMLName() throws {
        let graphml = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <graph edgedefault="undirected">
        <node id="a"><data key="name">A&#x202E;B</data></node>
        <node id="b"/>
        <edge source="a" target="b"/>
        </graph></graphml>
        """
        let ps = problems { try NetworkImport.read(bytes: Array(graphml.utf8), format: .graphml, file: "x.graphml") }
        #expect(ps.map { "\($0.file):\($0.line ?? 0):\($0.field ?? "")" } == ["x.graphml:4:name"])
    }

    // MARK: Finding 2: bounded memory and time

    @Test func billionLaughsInDatasetYAMLIsRefused() throws {
        var yaml = "name: laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (x, y) in zip("bcdefghi", "abcdefgh") { yaml += "\(x): &\(x) [" + Array(repeating: "*\(y)", count: 9).joined(separator: ",") + "]\n" }
        let path = try seedCopy(yaml: yaml)
        let ps = problems { try DatasetLoader.loadWithReport(path: path) }
        #expect(ps.count == 1)
        #expect(ps.first?.file == "dataset.yaml" && ps.first?.line == 2)
        #expect(ps.first?.message.contains("anchors and aliases") == true)
    }

    /// `? -` makes a list a mapping key, which Yams cannot turn into a dictionary key: it stopped
    /// the process (found by the yaml fuzz target with the input `? -`). It is now a problem.
    @Test(arguments: ["? -", "name: x\nkinds:\n  ? [a, b]\n  : c\n", "name: x\n? {a: 1}\n: y\n"])
    func complexKeyInDatasetYAMLIsRefused(yaml: String) throws {
        let path = try seedCopy(yaml: yaml)
        let ps = problems { try DatasetLoader.loadWithReport(path: path) }
        #expect(ps.count == 1)
        #expect(ps.first?.file == "dataset.yaml")
        #expect(ps.first?.line == (yaml == "? -" ? 1 : yaml.hasPrefix("name: x\nkinds") ? 3 : 1))
        #expect(ps.first?.message.contains("a mapping key is a list or a mapping") == true)
    }

    /// The vocabulary file, report profiles and glyph maps go through the same YAML reader as
    /// `dataset.yaml`: `? -` used to stop the process in `--vocabulary`, and nested aliases
    /// expanded there without bound.
    @Test(arguments: [
        ("? -", 1, "a mapping key is a list or a mapping"),
        ("synonyms:\n  ? [見守り, 訪問]\n  : 後援\n", 2, "a mapping key is a list or a mapping"),
        ("kinds: &k [a, b]\nrelations: *k\n", 1, "anchors and aliases"),
        ("kinds:\n  - x\nrelations: " + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "\n", 3, "nested more than 64"),
        ("kinds: [a\n", 2, "not valid YAML"),
    ])
    func everyYAMLFileIsReadSafely(yaml: String, line: Int, message: String) throws {
        let dir = try folder()
        for name in ["vocab.yaml", "profile.yaml", "glyphs.yaml"] {
            let path = try write(Array(yaml.utf8), name, in: dir)
            let ps: [InputProblem]
            switch name {
            case "vocab.yaml": ps = problems { try VocabularyFile.read(path: path) }
            case "profile.yaml": ps = problems { try ReportProfileFile.read(path: path) }
            default: ps = problems { try GlyphMapFile.read(path: path) }
            }
            #expect(ps.count == 1, "\(name)")
            #expect(ps.first?.file == name && ps.first?.line == line, "\(name): \(ps)")
            #expect(ps.first?.message.contains(message) == true, "\(name): \(ps)")
        }
    }

    @Test func billionLaughsInVocabularyIsRefusedWithItsLine() throws {
        var yaml = "kinds: [x]\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (x, y) in zip("bcdefghi", "abcdefgh") { yaml += "\(x): &\(x) [" + Array(repeating: "*\(y)", count: 9).joined(separator: ",") + "]\n" }
        let path = try write(Array(yaml.utf8), "v.yaml", in: try folder())
        let ps = problems { try VocabularyFile.read(path: path) }
        #expect(ps.map { "\($0.file):\($0.line ?? 0)" } == ["v.yaml:2"])
    }

    @Test func oversizedAndDeepDatasetYAMLAreRefused() throws {
        let big = "name: big\ndescription: " + String(repeating: "あ", count: 400_000) + "\n"
        var ps = problems { try DatasetLoader.loadWithReport(path: try seedCopy(yaml: big)) }
        #expect(ps.count == 1 && ps.first?.message.contains("at most 1 MiB") == true)
        let deep = "name: deep\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        ps = problems { try DatasetLoader.loadWithReport(path: try seedCopy(yaml: deep)) }
        #expect(ps.count == 1 && ps.first?.message.contains("nested more than 64") == true)
    }

    @Test func manyKindsLoadAndKeepTheirOrder() throws {
        var v = Vocabulary.standard
        for i in 0..<50_000 { v.addKind(id: "k\(i)", english: nil) }
        #expect(v.kinds.count == OrganizationKind.builtIn.count + 50_000)
        #expect(v.kind(named: "k49999")?.order == OrganizationKind.builtIn.count + 49_999)
        #expect(v.addKind(id: "k7", english: "again").english == "k7")
        #expect(v.kind(named: "SCHOOL")?.id == "学校")
    }

    @Test func xmlAttributeCountIsBounded() throws {
        let attrs = (0..<(XMLTree.maximumAttributes + 1)).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let doc = "<graphml><graph><node id=\"n\" \(attrs)/></graph></graphml>"
        let ps = problems { try GraphMLFormat.read(bytes: Array(doc.utf8), file: "a.graphml") }
        #expect(ps.count == 1 && ps.first?.message.contains("more than 10000 attributes") == true)
    }

    // MARK: Finding 3: formula injection

    @Test func formulaGuardIsExactlyReversible() {
        for (text, written) in [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+SUM(1+1)", "'+SUM(1+1)"),
                                ("@HYPERLINK(x)", "'@HYPERLINK(x)"), ("-x", "'-x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                ("'=x", "''=x"), ("'plain", "'plain"), ("plain", "plain"), ("", ""), ("a=b", "a=b")] {
            #expect(CSVWriter.guarded(text) == written)
            #expect(CSVWriter.unguarded(CSVWriter.guarded(text)) == text)
        }
    }

    @Test func reportCSVGuardsTextNotNumbers() {
        var t = ReportTable(columns: ["name", "value"])
        t.append([.text("=1+1"), .number(-1.5)])
        t.append([.text("-2"), .integer(-3)])
        #expect(t.csv() == "name,value\n'=1+1,-1.5\n'-2,-3\n")
        #expect(t.rendered(as: .csv, rawCells: true) == "name,value\n=1+1,-1.5\n-2,-3\n")
    }

    @Test func csvExportGuardsAndFolderReaderUndoesIt() throws {
        let v = Vocabulary.standard
        let names = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "@HYPERLINK(x)", "'=quoted", "-1 団体"]
        let orgs = names.enumerated().map { Organization(id: "o\($0)", name: $1, kind: v.kind(named: "NPO")!) }
        let d = Dataset(metadata: DatasetMetadata(name: "f"), vocabulary: v, organizations: orgs, projects: [],
                        partnerships: [Partnership(project: nil, source: "o0", target: "o1", relations: [v.relation(named: "後援")!], weight: 2)])
        let files = try NetworkExport.render(d, format: .csv)
        let nodes = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(nodes.contains("\r\no0,'=cmd|' /C calc'!A0,"))
        #expect(nodes.contains("\r\no3,''=quoted,"))
        let raw = String(decoding: try NetworkExport.render(d, format: .csv, rawCells: true)[0].bytes, as: UTF8.self)
        #expect(raw.contains("\r\no0,=cmd|' /C calc'!A0,"))
        // Our own reader removes the apostrophe again: organizations.csv as the folder writer writes it.
        var problems: [InputProblem] = []
        let table = try #require(CSVTable.parse(bytes: Array(DatasetFolderWriter.organizationsCSV(d).utf8),
                                                file: "organizations.csv", problems: &problems))
        #expect(problems.isEmpty)
        #expect(table.records.map { $0.fields[1] } == names)
    }

    // MARK: Finding 4: output on failure

    @Test func aSetFailingLateRestoresWhatItReplaced() throws {
        let dir = try folder()
        try Data("old b".utf8).write(to: dir.appendingPathComponent("b.txt"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("c.txt"), withIntermediateDirectories: false)
        let items = ["a.txt", "b.txt", "c.txt"].map { OutputItem(name: $0, bytes: Array("new \($0)".utf8)) }
        #expect(throws: OutputError.self) { try OutputWriter.write(items, into: dir.path) }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["b.txt", "c.txt"])
        #expect(try String(contentsOf: dir.appendingPathComponent("b.txt"), encoding: .utf8) == "old b")
    }

    // MARK: Finding 5: values that cannot travel

    @Test func nonFiniteWeightsAreRefusedAtImportWithLine() throws {
        for w in ["NaN", "1e309", "-INF", "0", "-1"] {
            let graphml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="w" for="edge" attr.name="weight" attr.type="double"/>
            <graph edgedefault="undirected">
            <node id="a"/><node id="b"/>
            <edge source="a" target="b"><data key="w">\(w)</data></edge>
            </graph></graphml>
            """
            let ps = problems { try NetworkImport.read(bytes: Array(graphml.utf8), format: .graphml, file: "w.graphml") }
            #expect(ps.map { "\($0.file):\($0.line ?? 0):\($0.field ?? "")" } == ["w.graphml:5:weight"], "\(w)")
        }
    }

    @Test func plainEdgeListAppliesValidatesRules() {
        for (text, field, needle) in [("a b -1\n", "weight", "not positive"), ("a b 0\n", "weight", "not positive"),
                                      ("a b 0x10\n", "weight", "not a number"), ("a b nan\n", "weight", "not a number"),
                                      ("a b 1e309\n", "weight", "not a number"), ("a b 1\nc c 2\n", "target", "self-loop")] {
            let ps = problems { try EdgeListGraphReader.parse(string: text, file: "e.txt") }
            #expect(ps.count == 1 && ps.first?.field == field && ps.first?.message.contains(needle) == true, "\(text)")
        }
        #expect(FieldParsing.decimal("1.5e3") == 1500 && FieldParsing.decimal(".5") == 0.5)
        #expect(FieldParsing.decimal("0x10") == nil && FieldParsing.decimal("inf") == nil && FieldParsing.decimal("1e") == nil)
        if case .failure = FieldParsing.weight("0x10") {} else { Issue.record("0x10 accepted as a weight") }
    }

    @Test func duplicateCSVHeadersNameBothColumns() {
        var problems: [InputProblem] = []
        let table = CSVTable.parse(bytes: Array("source,target,Source\nA,B,C\n".utf8), file: "d.csv", problems: &problems)
        #expect(table == nil)
        #expect(problems.count == 1 && problems[0].line == 1)
        #expect(problems[0].message.contains("column 1 'source'") && problems[0].message.contains("column 3 'Source'"))
    }

    @Test func duplicateJSONKeysNameBothLines() {
        let ps = problems { try JSONValue.parse("{\n\"id\": \"a\",\n\"name\": \"x\",\n\"id\": \"b\"\n}", file: "k.json") }
        #expect(ps.count == 1 && ps.first?.line == 4)
        #expect(ps.first?.message.contains("\"id\"") == true && ps.first?.message.contains("line 2") == true)
    }

    @Test func utf16WithoutBOMIsNamed() {
        var le: [UInt8] = [], be: [UInt8] = []
        for u in "source,target\nA,B\n".utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            #expect(throws: TextEncodingError.self) { try TextCodec.decode(bytes) }
            do { _ = try TextCodec.decode(bytes) } catch let e as TextEncodingError {
                #expect(e.message.contains(name) && e.message.contains("without a byte-order mark"))
            } catch { Issue.record("\(error)") }
        }
        #expect(TextCodec.utf16WithoutBOM(Array("普通の UTF-8 テキスト, ascii".utf8)) == nil)
    }

    // MARK: Finding 6: Pajek

    @Test func pajekEscapesQuotesAndBackslashes() throws {
        let v = Vocabulary.standard
        let d = Dataset(metadata: DatasetMetadata(name: "p"), vocabulary: v,
                        organizations: [Organization(id: "a", name: "say \"hi\"", kind: .other),
                                        Organization(id: "b", name: "末尾\\", kind: .other)],
                        projects: [], partnerships: [])
        let s = String(decoding: try NetworkExport.render(d, format: .pajek)[0].bytes, as: UTF8.self)
        #expect(s == "*Vertices 2\r\n1 \"say \\\"hi\\\"\"\r\n2 \"末尾\\\\\"\r\n*Edges\r\n")
    }
}
