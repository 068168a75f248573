import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// A small dataset with the awkward cases: Japanese, markup characters, a `;` inside a list item,
/// parallel partnerships, a directed partnership, a custom kind and relation, line breaks and
/// tabs in values, and a CP932-only character (髙).
func sampleDataset() -> Dataset {
    var vocabulary = Vocabulary.standard
    let shop = vocabulary.addKind(id: "商店会", english: "shopkeepers")
    let custom = vocabulary.addRelation(id: "mycustom", japanese: "独自の連携", english: nil)
    func k(_ id: String) -> OrganizationKind { vocabulary.kind(named: id)! }
    func r(_ id: String) -> RelationKind { vocabulary.relation(named: id)! }
    let orgs = [
        Organization(id: "watari-shakyo", name: "亘理町社会福祉協議会", kind: k("社協"), legalForm: "社会福祉法人",
                     prefecture: "宮城県", municipality: "亘理町", aliases: ["亘理社協", "わたり;社協"]),
        Organization(id: "watari-town", name: "亘理町", kind: k("行政"), category: "役場", prefecture: "宮城県"),
        Organization(id: "npo-a", name: "WATALIS", kind: k("NPO"), legalForm: "一般社団法人"),
        Organization(id: "school", name: "地域の\"小学校\" & <分校>", kind: k("学校"), generic: true),
        Organization(id: "takahashi", name: "髙橋商店\t本店", kind: shop),  // a tab is kept; a line break is refused at import
    ]
    let projects = [Project(id: "p1", title: "居場所づくり", lead: "watari-shakyo")]
    let partnerships = [
        Partnership(project: "p1", source: "watari-shakyo", target: "watari-town", relations: [r("endorsement"), r("venue")],
                    weight: 2, evidence: [SourceReference(document: "報告書.pdf", line: 12)]),
        Partnership(project: "p1", source: "watari-shakyo", target: "watari-town", relations: [r("publicity")],
                    status: .planned),
        Partnership(project: nil, source: "watari-shakyo", target: "npo-a", relations: [r("co-organising"), custom],
                    direction: .directed, note: "タブ\tと改行\r\nあり"),
        Partnership(project: nil, source: "npo-a", target: "school", relations: [r("lecturers")], weight: 0.5),
        Partnership(project: nil, source: "takahashi", target: "school", relations: [r("venue")]),
    ]
    return Dataset(metadata: DatasetMetadata(name: "亘理町の連携", description: "試験 & <test>"),
                   vocabulary: vocabulary, organizations: orgs, projects: projects, partnerships: partnerships)
}

func sampleMetrics() -> NodeMetrics {
    NodeMetrics(columns: NodeMetrics.standardColumns, values: [
        "watari-shakyo": ["degree": 2, "betweenness": 0.5, "pagerank": 0.3125, "clustering": 0, "community": 0, "core_number": 1],
        "watari-town": ["degree": 1, "betweenness": 0, "pagerank": 0.1, "clustering": 0, "community": 0, "core_number": 1],
        "npo-a": ["degree": 2, "betweenness": 0.6666666666666666, "pagerank": 0.25, "community": 1, "core_number": 1],
    ])
}

func text(_ files: [ExportedFile]) -> String { String(decoding: files[0].bytes, as: UTF8.self) }

func fixture(_ name: String) throws -> [UInt8] {
    try Fixture.bytes("interchange/" + name)
}

func expectedFixture() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(try fixture("expected.json")))
    return try #require(object as? [String: Any])
}

@Suite struct RoundTripTests {
    /// export → import → export gives the same bytes, with and without metrics.
    @Test(arguments: [ExportFormat.graphml, .gexf, .json])
    func byteStable(format: ExportFormat) throws {
        for metrics in [nil, sampleMetrics()] {
            let first = try NetworkExport.render(sampleDataset(), format: format, metrics: metrics)[0].bytes
            let (dataset, readMetrics) = try NetworkImport.read(bytes: first, format: format, file: "x.\(format)")
            let second = try NetworkExport.render(dataset, format: format, metrics: readMetrics)[0].bytes
            #expect(first == second, "\(format) round trip changed the bytes")
            #expect(dataset.organizations.count == 5)
            #expect(dataset.partnerships.count == 5)
        }
    }

    @Test(arguments: [ExportFormat.graphml, .gexf, .json])
    func valuesSurvive(format: ExportFormat) throws {
        let bytes = try NetworkExport.render(sampleDataset(), format: format, metrics: sampleMetrics())[0].bytes
        let (d, m) = try NetworkImport.read(bytes: bytes, format: format, file: "x")
        let shakyo = try #require(d.organization(id: "watari-shakyo"))
        #expect(shakyo.name == "亘理町社会福祉協議会")
        #expect(shakyo.kind.id == "社協")
        #expect(shakyo.legalForm == "社会福祉法人")
        #expect(shakyo.aliases == ["亘理社協", "わたり;社協"])
        #expect(d.leadIDs == ["watari-shakyo"])
        let school = try #require(d.organization(id: "school"))
        #expect(school.name == "地域の\"小学校\" & <分校>")
        #expect(school.generic)
        #expect(d.organization(id: "takahashi")?.name == "髙橋商店\t本店")
        #expect(d.organization(id: "takahashi")?.kind.id == "商店会")
        let p = d.partnerships
        #expect(p[0].relations.map(\.id) == ["endorsement", "venue"])
        #expect(p[0].relations.map(\.japanese) == ["後援", "会場提供"])
        #expect(p[0].weight == 2)
        #expect(p[0].evidence == [SourceReference(document: "報告書.pdf", line: 12)])
        #expect(p[1].status == .planned)
        #expect(p[2].direction == .directed)
        #expect(p[2].relations.map(\.japanese) == ["共催・協働", "独自の連携"])
        #expect(p[2].note == "タブ\tと改行\nあり" || p[2].note == "タブ\tと改行\r\nあり")
        #expect(p[3].weight == 0.5)
        #expect(m?.values["npo-a"]?["betweenness"] == 0.6666666666666666)
        #expect(m?.values["watari-shakyo"]?["core_number"] == 1)
        #expect(m?.values["takahashi"] == nil)
    }

    @Test func graphMLAndJSONKeepCarriageReturnsAndMetadata() throws {
        for format in [ExportFormat.graphml, .json] {
            let bytes = try NetworkExport.render(sampleDataset(), format: format)[0].bytes
            let (d, _) = try NetworkImport.read(bytes: bytes, format: format, file: "x")
            #expect(d.partnerships[2].note == "タブ\tと改行\r\nあり")
            #expect(d.metadata.description == "試験 & <test>")
            #expect(d.metadata.name == "亘理町の連携")
        }
    }
}

@Suite struct WriterShapeTests {
    @Test func graphMLDeclaresTypedKeys() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .graphml, metrics: sampleMetrics()))
        #expect(s.contains(#"<key id="n_generic" for="node" attr.name="generic" attr.type="boolean"/>"#))
        #expect(s.contains(#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#))
        #expect(s.contains(#"<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>"#))
        #expect(s.contains(#"<key id="n_pagerank" for="node" attr.name="pagerank" attr.type="double"/>"#))
        #expect(s.contains(#"<data key="n_aliases">亘理社協;わたり\;社協</data>"#))
        #expect(s.contains(#"<data key="n_name">地域の"小学校" &amp; &lt;分校&gt;</data>"#))
        #expect(s.contains(#"<edge id="e1" source="watari-shakyo" target="watari-town">"#))
        #expect(s.contains("<data key=\"e_note\">タブ\tと改行&#13;\nあり</data>"))
    }

    @Test func gexfStylesNodesByKind() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .gexf))
        #expect(s.contains(#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz""#))
        #expect(s.contains(#"version="1.3">"#))
        // 社協 is Tol's light orange #EE8866 = (238, 136, 102); 行政 light blue #77AADD = (119, 170, 221).
        #expect(s.contains(#"<node id="watari-shakyo" label="社会福祉法人亘理町社会福祉協議会">"#))
        #expect(s.contains(#"<viz:color r="238" g="136" b="102" a="1.0"/>"#))
        #expect(s.contains(#"<viz:color r="119" g="170" b="221" a="1.0"/>"#))
        // Degree sizing: watari-shakyo has the most distinct partners (2) → the largest size.
        #expect(s.contains(#"<viz:size value="50.000"/>"#))
        // takahashi has 1 partner of max 2: 10 + 40·√½.
        #expect(s.contains(#"<viz:size value="38.284"/>"#))
        #expect(s.contains("<attvalue for=\"note\" value=\"タブ&#9;と改行&#13;&#10;あり\"/>"))
        #expect(s.contains(#"<edge id="e3" source="npo-a" target="school" weight="0.5">"#))
    }

    @Test func nodeLinkShape() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .json))
        let doc = try JSONValue.parse(s, file: "x")
        #expect(doc["directed"] == .bool(false))
        #expect(doc["multigraph"] == .bool(true))
        #expect(doc["graph"]?["name"] == .string("亘理町の連携"))
        let link = try #require(doc["links"]?.arrayValue?.first)
        #expect(link["source"] == .string("watari-shakyo"))
        #expect(link["key"] == .string("e0"))
        #expect(link["relations"] == .array([.string("endorsement"), .string("venue")]))
        let node = try #require(doc["nodes"]?.arrayValue?.first)
        #expect(node["id"] == .string("watari-shakyo"))
        #expect(node["color"] == .string("#EE8866"))
        #expect(node["category"] == nil)
    }

    /// The streamed JSON writers' pieces joined are the document serialised as one value: read
    /// back and serialised again (2-space indent, trailing newline), the bytes are the same, for a
    /// network with metrics or positions, one without partnerships and an empty one.
    @Test(arguments: [ExportFormat.json, .cytoscape])
    func streamedJSONIsTheDocumentSerialisedWhole(format: ExportFormat) throws {
        var noPartnerships = sampleDataset()
        noPartnerships.partnerships = []
        let empty = Dataset(metadata: DatasetMetadata(name: "空"), vocabulary: .standard, organizations: [], projects: [], partnerships: [])
        let positions = NodePositions(["watari-shakyo": NodePositions.Point(x: 1.5, y: -2), "school": NodePositions.Point(x: 0, y: 1e-3)])
        let cases: [(Dataset, NodeMetrics?, NodePositions?)] = [
            (sampleDataset(), nil, nil), (sampleDataset(), sampleMetrics(), nil), (sampleDataset(), nil, positions),
            (noPartnerships, nil, nil), (empty, nil, nil),
        ]
        for (k, (dataset, metrics, positions)) in cases.enumerated() {
            let s = text(try NetworkExport.render(dataset, format: format, metrics: metrics, positions: positions))
            #expect(try JSONValue.parse(s, file: "x").serialized(indent: 2) + "\n" == s, "case \(k)")
        }
        let s = text(try NetworkExport.render(empty, format: format))
        #expect(s == (format == .json
            ? "{\n  \"directed\": false,\n  \"multigraph\": true,\n  \"graph\": {\n    \"name\": \"空\"\n  },\n  \"nodes\": [],\n  \"links\": []\n}\n"
            : "{\n  \"data\": {\n    \"name\": \"空\"\n  },\n  \"directed\": false,\n  \"multigraph\": true,\n  \"elements\": {\n    \"nodes\": [],\n    \"edges\": []\n  }\n}\n"))
    }

    @Test func jsonStringEscapes() {
        func written(_ s: String) -> String { var out = ""; JSONValue.writeString(s, to: &out); return out }
        #expect(written("亘理町") == "\"亘理町\"")
        #expect(written("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(written("\n\r\t\u{08}\u{0C}\u{01}\u{1F}") == #""\n\r\t\b\f\u0001\u001f""#)
        // U+2028 and U+2029 (E2 80 A8/A9) are escaped; U+2027 and U+202A beside them are not.
        #expect(written("x\u{2028}y\u{2029}z\u{2027}\u{202A}") == "\"x\\u2028y\\u2029z\u{2027}\u{202A}\"")
        #expect(written("") == "\"\"")
    }

    @Test func cytoscapeShape() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .cytoscape))
        let doc = try JSONValue.parse(s, file: "x")
        let nodes = try #require(doc["elements"]?["nodes"]?.arrayValue)
        let edges = try #require(doc["elements"]?["edges"]?.arrayValue)
        #expect(nodes.count == 5 && edges.count == 5)
        #expect(nodes[1]["data"]?["id"] == .string("watari-town"))
        #expect(edges[2]["data"]?["id"] == .string("e2"))
        #expect(edges[2]["data"]?["target"] == .string("npo-a"))
        #expect(edges[2]["data"]?["direction"] == .string("directed"))
        // The fields NetworkX's cytoscape_graph reads: node `value`, edge `key`, the graph flags.
        #expect(nodes[1]["data"]?["value"] == .string("watari-town"))
        #expect(edges[2]["data"]?["key"] == .string("e2"))
        #expect(doc["directed"] == .bool(false) && doc["multigraph"] == .bool(true))
    }

    @Test func pajekExactText() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .pajek))
        #expect(s == """
        *Vertices 5\r
        1 "社会福祉法人亘理町社会福祉協議会"\r
        2 "亘理町"\r
        3 "一般社団法人WATALIS"\r
        4 "地域の\\"小学校\\" & <分校>"\r
        5 "髙橋商店\t本店"\r
        *Edges\r
        1 2 2.0\r
        1 2 1.0\r
        3 4 0.5\r
        5 4 1.0\r
        *Arcs\r
        1 3 1.0\r

        """)
    }

    @Test func pajekLabelsStayDistinct() throws {
        var d = sampleDataset()
        var orgs = d.organizations
        orgs[1].name = "WATALIS"
        orgs[1].legalForm = "一般社団法人"
        d = Dataset(metadata: d.metadata, vocabulary: d.vocabulary, organizations: orgs, projects: d.projects,
                    partnerships: d.partnerships)
        let s = text(try NetworkExport.render(d, format: .pajek))
        #expect(s.contains("2 \"一般社団法人WATALIS [watari-town]\"\r\n3 \"一般社団法人WATALIS [npo-a]\"\r\n"))
    }

    @Test func plainDOT() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .dot))
        #expect(s.hasPrefix("graph \"亘理町の連携\" {\n"))
        #expect(s.contains(##""school" [label="地域の\"小学校\" & <分校>", fillcolor="#EEDD88", fontcolor="#000000""##))
        #expect(s.contains(#""watari-shakyo" -- "npo-a" [id="e2""#))
        #expect(s.contains("dir=forward"))
        #expect(s.hasSuffix("}\n"))
    }

    @Test func csvIsRFC4180WithCRLF() throws {
        let files = try NetworkExport.render(sampleDataset(), format: .csv)
        #expect(files.map(\.name) == ["nodes.csv", "edges.csv"])
        let nodes = String(decoding: files[0].bytes, as: UTF8.self)
        let lines = nodes.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,name,label,kind,category,legal_form,prefecture,municipality,generic,lead,lead_projects,lead_project_titles,lead_project_prefectures,lead_project_municipalities,lead_project_years,aliases")
        #expect(lines[1] == "watari-shakyo,亘理町社会福祉協議会,社会福祉法人亘理町社会福祉協議会,社協,,社会福祉法人,宮城県,亘理町,false,true,p1,居場所づくり,,,,亘理社協;わたり\\;社協")
        #expect(lines[4] == #"school,"地域の""小学校"" & <分校>","地域の""小学校"" & <分校>",学校,,,,,true,false,,,,,,"#)
        let edges = String(decoding: files[1].bytes, as: UTF8.self)
        #expect(edges.hasPrefix("id,source,target,source_label,target_label,relations,relation_labels,status,weight,project,evidence,direction,note\r\n"))
        #expect(edges.contains("e2,watari-shakyo,npo-a,社会福祉法人亘理町社会福祉協議会,一般社団法人WATALIS,co-organising;mycustom,共催・協働;独自の連携,realised,1.0,,,directed,\"タブ\tと改行\r\nあり\"\r\n"))
    }

    @Test func csvJapaneseHeadersAndBOM() throws {
        let files = try NetworkExport.render(sampleDataset(), format: .csv, encoding: .utf8BOM, japaneseHeaders: true)
        #expect(Array(files[0].bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let nodes = String(decoding: files[0].bytes.dropFirst(3), as: UTF8.self)
        #expect(nodes.hasPrefix("ID,名称,表示名,種別,分類,法人格,都道府県,市区町村,一般名の連携先,事業実施団体,実施事業,実施事業名,実施事業の都道府県,実施事業の市区町村,実施事業の年度,別名\r\n"))
        let edges = String(decoding: files[1].bytes.dropFirst(3), as: UTF8.self)
        #expect(edges.hasPrefix("ID,連携元,連携先,連携元名称,連携先名称,連携内容コード,連携内容,実施状況,重み,事業,出典,方向,備考\r\n"))
    }

    @Test func metricsAppendTypedColumns() throws {
        let files = try NetworkExport.render(sampleDataset(), format: .csv, metrics: sampleMetrics())
        let lines = String(decoding: files[0].bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",aliases,degree,betweenness,pagerank,clustering,community,core_number"))
        #expect(lines[3].hasSuffix(",2,0.6666666666666666,0.25,,1,1"))
        #expect(lines[5].hasSuffix(",,,,,,"))
    }
}

@Suite struct ShiftJISTests {
    /// Bytes from Python's cp932 codec (Fixtures/interchange/make_fixtures.py).
    @Test func encodesAsPythonCP932() throws {
        let fixtures = try expectedFixture()
        let expected = try #require(fixtures["cp932"] as? [String: [Int]])
        #expect(expected.count == 6)
        for (text, bytes) in expected where text != "髙橋" {
            #expect(try TextCodec.encode(text, as: .shiftJIS) == bytes.map(UInt8.init), "\(text)")
        }
        // 髙 has two CP932 codes: Python writes the NEC-selected EEE0, iconv (like Windows) the
        // IBM extension FBFC; Python's decoder reads both as 髙.
        #expect(try TextCodec.encode("髙橋", as: .shiftJIS) == [0xFB, 0xFC, 0x8B, 0xB4])
        let decoded = try #require(fixtures["cp932_decoded"] as? [String: String])
        #expect(decoded["fbfc"] == "髙" && decoded["eee0"] == "髙")
        for (hex, text) in decoded {
            let bytes = stride(from: 0, to: hex.count, by: 2).map {
                UInt8(hex[hex.index(hex.startIndex, offsetBy: $0)...].prefix(2), radix: 16)!
            }
            #expect(try TextCodec.decode(bytes, as: .shiftJIS) == text, "\(hex)")
        }
    }

    @Test func shiftJISCSVDecodesToTheJapaneseText() throws {
        let files = try NetworkExport.render(sampleDataset(), format: .csv, encoding: .shiftJIS, japaneseHeaders: true)
        let utf8 = try NetworkExport.render(sampleDataset(), format: .csv, japaneseHeaders: true)
        for (sjis, plain) in zip(files, utf8) {
            #expect(sjis.bytes != plain.bytes)
            #expect(try TextCodec.decode(sjis.bytes, as: .shiftJIS) == String(decoding: plain.bytes, as: UTF8.self))
        }
        // 亘理町社会福祉協議会 as Python's cp932 writes it appears in nodes.csv.
        let expected = try #require(try expectedFixture()["cp932"] as? [String: [Int]])
        let needle = try #require(expected["亘理町社会福祉協議会"]).map(UInt8.init)
        #expect(files[0].bytes.firstRange(of: needle) != nil)
        let header = try #require(expected["連携元"]).map(UInt8.init)
        #expect(files[1].bytes.firstRange(of: header) != nil)
    }

    @Test func unencodableCharacterNamesTheLine() throws {
        var d = sampleDataset()
        d.partnerships[3].note = "😀"
        let error = #expect(throws: InputError.self) {
            _ = try NetworkExport.render(d, format: .csv, encoding: .shiftJIS)
        }
        let p = error?.problems.first
        #expect(p?.file == "edges.csv")
        #expect(p?.line == 6)
        #expect(p?.message.contains("U+1F600") == true && p?.message.contains("Shift_JIS") == true)
    }
}

@Suite struct ReadsOtherToolsFilesTests {
    /// Files NetworkX wrote (make_fixtures.py) read to the values NetworkX reads from them.
    @Test(arguments: [("graphml", ExportFormat.graphml), ("gexf", .gexf), ("json", .json)])
    func readsNetworkXOutput(name: String, format: ExportFormat) throws {
        let bytes = try fixture("networkx." + name)
        let want = try #require(try expectedFixture()[name] as? [String: Any])
        let (d, m) = try NetworkImport.read(bytes: bytes, format: format, file: "networkx." + name)
        #expect(d.organizations.count == want["nodes"] as? Int)
        #expect(d.partnerships.count == want["edges"] as? Int)
        let nodeData = try #require(want["node_data"] as? [String: [String: Any]])
        for (id, attrs) in nodeData {
            let o = try #require(d.organization(id: id))
            #expect(o.name == attrs["name"] as? String)
            #expect(o.kind.id == attrs["kind"] as? String)
            #expect(o.legalForm == attrs["legal_form"] as? String)
            #expect(o.category == attrs["category"] as? String)
            #expect(o.generic == (attrs["generic"] as? Bool ?? false))
            #expect(d.leadIDs.contains(id) == (attrs["lead"] as? Bool ?? false))
            if let aliases = attrs["aliases"] as? String { #expect(ListCodec.join(o.aliases) == aliases) }
            #expect(m?.values[id]?["degree"] == (attrs["degree"] as? NSNumber)?.doubleValue)
            #expect(m?.values[id]?["pagerank"] == (attrs["pagerank"] as? NSNumber)?.doubleValue)
        }
        let edgeData = try #require(want["edge_data"] as? [[Any]])
        var got = d.partnerships.map { p in
            "\(p.source)|\(p.target)|\(ListCodec.join(p.relations.map(\.id)))|\(ListCodec.join(p.relations.map(\.japanese)))|\(p.status.rawValue)|\(p.weight)|\(p.project ?? "")|\(p.direction.rawValue)|\(p.note ?? "")"
        }
        var expected = edgeData.map { e -> String in
            let a = e[2] as! [String: Any]
            return "\(e[0])|\(e[1])|\(a["relations"] as! String)|\(a["relation_labels"] as! String)|\(a["status"] as! String)|\((a["weight"] as! NSNumber).doubleValue)|\(a["project"] as? String ?? "")|\(a["direction"] as? String ?? "mutual")|\(a["note"] as? String ?? "")"
        }
        got.sort(); expected.sort()
        #expect(got == expected)
    }
}

@Suite struct HostileXMLTests {
    func problem(_ xml: String) -> InputProblem? {
        do {
            _ = try XMLTree(string: xml, file: "hostile.graphml")
            return nil
        } catch let e as InputError {
            return e.problems.first
        } catch {
            return nil
        }
    }

    @Test func externalEntityIsRejectedAtTheDoctype() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE graphml [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
        ]>
        <graphml><graph><node id="&xxe;"/></graph></graphml>
        """
        let p = problem(xml)
        #expect(p?.file == "hostile.graphml")
        #expect(p?.line == 2)
        #expect(p?.message.contains("DOCTYPE") == true)
    }

    @Test func publicExternalDTDIsRejected() {
        let p = problem("<!DOCTYPE graphml PUBLIC \"-//x//y\" \"http://example.invalid/x.dtd\"><graphml/>")
        #expect(p?.line == 1 && p?.message.contains("DOCTYPE") == true)
    }

    @Test func billionLaughsIsRejectedBeforeAnyExpansion() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            xml += " <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let p = problem(xml)
        #expect(p?.line == 2 && p?.message.contains("DOCTYPE") == true)
        // Without the DOCTYPE the reference is simply undefined.
        let q = problem("<lolz>\n&lol9;</lolz>")
        #expect(q?.line == 2 && q?.message.contains("undefined entity &lol9;") == true)
    }

    @Test func entityDeclarationOutsideDoctypeIsRejected() {
        #expect(problem("<a>\n<!ENTITY x \"y\"></a>")?.message.contains("ENTITY") == true)
    }

    @Test func unclosedElementNamesItsLine() {
        let p = problem("<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>")
        #expect(p?.line == 4)
        #expect(p?.message.contains("</graph> does not match <node> opened on line 3") == true)
        let q = problem("<graphml>\n<graph>\n")
        #expect(q?.message.contains("<graph> opened on line 2 is never closed") == true)
    }

    @Test func otherMalformedInput() {
        #expect(problem("")?.message.contains("no XML element") == true)
        #expect(problem("<a b=c/>")?.message.contains("not quoted") == true)
        #expect(problem("<a b=\"1\" b=\"2\"/>")?.message.contains("twice") == true)
        #expect(problem("<a/><b/>")?.message.contains("second root") == true)
        #expect(problem("<a>&#0;</a>")?.message.contains("character reference") == true)
        #expect(problem("<a>x & y</a>")?.message.contains("entity") == true)
        #expect(problem("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>")?.message.contains("only UTF-8") == true)
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(problem(deep)?.message.contains("deeper than 256") == true)
        #expect(throws: InputError.self) { try XMLTree(bytes: [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], file: "x") }
        // The bad byte 0xFF is on line 3 (after a BOM and two line feeds).
        let badUTF8 = #expect(throws: InputError.self) {
            try XMLTree(bytes: [0xEF, 0xBB, 0xBF] + Array("<a>\n<b/>\n".utf8) + [0xFF] + Array("</a>".utf8), file: "x")
        }
        #expect(badUTF8?.problems.first?.line == 3 && badUTF8?.problems.first?.message == "the file is not valid UTF-8")
    }

    @Test func wellFormedDetailsAreRead() throws {
        let xml = "\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\n<!-- c -->\n<r a='1 &amp; &#x3042;&#10;x\ty'>t<![CDATA[<&>]]>\r\nu<?pi x?><c/></r>"
        let t = try XMLTree(string: xml, file: "x")
        #expect(t.root["a"] == "1 & あ\nx y")
        #expect(t.root.text == "t<&>\nu")
        #expect(t.root.children.count == 1 && t.root.line == 3)
    }

    @Test func hostileGraphMLFailsThroughTheImporter() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY e SYSTEM \"/etc/passwd\">]>\n<graphml/>"
        let error = #expect(throws: InputError.self) {
            _ = try NetworkImport.read(bytes: Array(xml.utf8), format: .graphml, file: "evil.graphml")
        }
        #expect(error?.description.contains("evil.graphml:2:") == true)
    }
}

@Suite struct SmallPiecesTests {
    @Test func listCodecRoundTrips() {
        for items in [[], ["a"], ["a;b", "c\\d", ""], ["後援", "会場提供"]] as [[String]] where !(items.count == 1 && items[0].isEmpty) {
            #expect(ListCodec.split(ListCodec.join(items)) == items)
        }
        #expect(ListCodec.join(["a;b", "c"]) == "a\\;b;c")
        // The one-item and empty shortcuts escape as the general case does.
        #expect(ListCodec.join(["a;b"]) == "a\\;b" && ListCodec.join(["c\\d"]) == "c\\\\d")
        #expect(ListCodec.join(["後援"]) == "後援" && ListCodec.join([]) == "")
    }

    @Test func jsonParser() throws {
        let v = try JSONValue.parse(#"{"a": [1, 2.5, -3e2, true, null], "b": "\u3042\ud83d\ude00\n", "c": {}}"#, file: "x")
        #expect(v["a"] == .array([.int(1), .double(2.5), .double(-300), .bool(true), .null]))
        #expect(v["b"] == .string("あ😀\n"))
        #expect(v["c"] == .object([]))
        #expect(throws: InputError.self) { try JSONValue.parse("{\"a\": 1,}", file: "x") }
        #expect(throws: InputError.self) { try JSONValue.parse("[1] 2", file: "x") }
        do {
            _ = try JSONValue.parse("{\n\"a\":\n tru}", file: "bad.json")
            Issue.record("no error")
        } catch let e as InputError {
            #expect(e.problems.first?.line == 3)
        }
    }

    @Test func paletteMatchesTheDiagramFills() {
        let hex = OrganizationKind.builtIn.map { KindPalette.color(for: $0).hex }
        #expect(hex == ["#EE8866", "#77AADD", "#EEDD88", "#44BB99", "#99DDFF", "#FFAABB", "#BBCC33", "#AAAA00",
                        "#DDDDDD", "#BBBBBB"])
        // Visible on white (WCAG contrast ratio, computed by hand from the sRGB channels:
        // #EEDD88 1.37, #DDDDDD 1.36, #BBBBBB 1.92 are the lowest).
        #expect(OrganizationKind.builtIn.allSatisfy { KindPalette.contrastAgainstWhite(KindPalette.color(for: $0)) >= 1.3 })
        #expect(KindPalette.addedKindColors.allSatisfy { KindPalette.contrastAgainstWhite($0) >= 1.3 })
        #expect(abs(KindPalette.contrastAgainstWhite(RGBColor(hex: "#BBBBBB")!) - 1.92) < 0.01)
        #expect(OrganizationKind.builtIn.allSatisfy { KindPalette.color(for: $0).textColor.hex == "#000000" })
        let added = OrganizationKind(id: "商店会", english: "shops", order: 10)
        #expect(KindPalette.addedKindColors.contains(KindPalette.color(for: added)))
        #expect(KindPalette.color(for: added).hex == DiagramPalette.style(of: added).fill)
        #expect(RGBColor(hex: "#332288")!.textColor.hex == "#FFFFFF")
    }

    @Test func xmlEscape() {
        #expect(XMLEscape.escape("a<b>&\"c\"\n\u{01}", attribute: true) == "a&lt;b&gt;&amp;&quot;c&quot;&#10;\u{FFFD}")
        #expect(XMLEscape.escape("\"x\"\n\r", attribute: false) == "\"x\"\n&#13;")
    }

    @Test func devicesAreNotReplaced() {
        // Only the check: the write path for devices is exercised by the CLI (`--out /dev/stdout`).
        #expect(OutputWriter.isSpecialFile("/dev/null"))
        #expect(!OutputWriter.isSpecialFile(FileManager.default.temporaryDirectory.path))
        #expect(!OutputWriter.isSpecialFile("/nonexistent/renkei/file"))
    }

    @Test func exportWritesCSVIntoAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-export-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try NetworkExport.render(sampleDataset(), format: .csv)
        let items = files.map { OutputItem(name: $0.name ?? "", bytes: $0.bytes) }
        try OutputWriter.write(items, into: dir.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["edges.csv", "nodes.csv"])
        #expect(throws: OutputError.self) {
            try OutputWriter.write(items, into: dir.appendingPathComponent("nodes.csv").path)
        }
    }
}

/// The published GEXF 1.3 XSD is not available complete (gephi/gexf's 1.3 folder lacks viz.xsd and
/// its generated gexf.xsd does not define graph-content), so this checks what the GEXF 1.3 primer and
/// gexf.rng require and Gephi reads: see Fixtures/interchange/README.md.
@Suite struct GEXFStructureTests {
    @Test func elementsAndAttributesGephiRequires() throws {
        let s = text(try NetworkExport.render(sampleDataset(), format: .gexf, metrics: sampleMetrics()))
        let root = try XMLTree(string: s, file: "x.gexf").root
        #expect(root.name == "gexf")
        #expect(root["xmlns"] == "http://gexf.net/1.3")
        #expect(root["xmlns:viz"] == "http://gexf.net/1.3/viz")
        #expect(root["version"] == "1.3")
        // gexf-content: optional meta, then exactly one graph.
        #expect(root.children.map(\.name) == ["meta", "graph"])
        let meta = try #require(root.child("meta"))
        #expect(meta.children.allSatisfy { ["creator", "keywords", "description"].contains($0.name) })
        let graph = try #require(root.child("graph"))
        #expect(["directed", "undirected", "mutual"].contains(graph["defaultedgetype"] ?? ""))
        #expect(["static", "dynamic"].contains(graph["mode"] ?? "static"))
        // graph-content: attributes*, nodes, edges — in that order.
        #expect(graph.children.map(\.name) == ["attributes", "attributes", "nodes", "edges"])
        let types: Set<String> = ["integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"]
        var declared: [String: Set<String>] = [:]
        for block in graph.children("attributes") {
            let cls = try #require(block["class"])
            #expect(cls == "node" || cls == "edge")
            for a in block.children {
                #expect(a.name == "attribute")
                #expect(a["id"] != nil && a["title"] != nil)
                #expect(types.contains(a["type"] ?? ""), "type \(a["type"] ?? "nil")")
                declared[cls, default: []].insert(a["id"]!)
            }
        }
        #expect(declared["node"]?.isSuperset(of: ["name", "kind", "category", "legal_form", "prefecture", "municipality",
                                                  "generic", "lead", "aliases", "degree", "pagerank", "core_number"]) == true)
        #expect(declared["edge"]?.isSuperset(of: ["relations", "status", "project", "evidence", "direction", "note"]) == true)
        let nodes = try #require(graph.child("nodes"))
        #expect(Int(nodes["count"] ?? "") == nodes.children.count)
        var ids = Set<String>()
        for n in nodes.children {
            #expect(n.name == "node")
            let id = try #require(n["id"])
            #expect(ids.insert(id).inserted)
            #expect(n["label"] != nil)
            #expect(Set(n.children.map(\.name)) == ["attvalues", "viz:color", "viz:size"])
            for av in n.child("attvalues")!.children {
                #expect(av.name == "attvalue" && declared["node"]!.contains(av["for"] ?? "") && av["value"] != nil)
            }
            let c = try #require(n.child("color"))
            for ch in ["r", "g", "b"] { #expect(UInt8(c[ch] ?? "") != nil) }
            #expect(Double(c["a"] ?? "").map { (0...1).contains($0) } == true)
            let size = try #require(Double(n.child("size")?["value"] ?? ""))
            #expect(GEXFFormat.sizeRange.contains(size))
        }
        let edges = try #require(graph.child("edges"))
        #expect(Int(edges["count"] ?? "") == edges.children.count)
        var edgeIDs = Set<String>()
        for e in edges.children {
            #expect(e.name == "edge")
            #expect(edgeIDs.insert(e["id"] ?? "").inserted)
            #expect(ids.contains(e["source"] ?? "") && ids.contains(e["target"] ?? ""))
            #expect(Double(e["weight"] ?? "") != nil)
            #expect(e["type"] == nil)  // NetworkX rejects directed edges in an undirected graph
            for av in e.child("attvalues")!.children { #expect(declared["edge"]!.contains(av["for"] ?? "")) }
        }
        // PageRank drives viz:size when metrics are attached: watari-shakyo has the highest (0.3125).
        let shakyo = try #require(nodes.children.first(where: { $0["id"] == "watari-shakyo" }))
        #expect(shakyo.child("size")?["value"] == "50.000")
    }
}

@Suite struct ForeignFileTests {
    @Test func gephiStyleGEXFWithDefaultsAndDirectedGraph() throws {
        let gexf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
          <meta><creator>Gephi</creator><description>ネット</description></meta>
          <graph defaultedgetype="directed">
            <attributes class="node">
              <attribute id="0" title="kind" type="string"><default>NPO</default></attribute>
              <attribute id="1" title="indegree" type="float"/>
            </attributes>
            <nodes>
              <node id="a" label="甲"><attvalues><attvalue for="1" value="2"/></attvalues>
                <viz:position x="1" y="2" z="0"/></node>
              <node id="b" label="乙"><attvalues><attvalue for="0" value="行政"/></attvalues></node>
            </nodes>
            <edges><edge id="x" source="a" target="b" weight="3"/><edge source="b" target="a" type="undirected"/></edges>
          </graph>
        </gexf>
        """
        let (d, m) = try NetworkImport.read(bytes: Array(gexf.utf8), format: .gexf, file: "g.gexf")
        #expect(d.metadata.name == "ネット")
        #expect(d.organizations.map(\.name) == ["甲", "乙"])
        #expect(d.organizations.map(\.kind.id) == ["NPO", "行政"])
        #expect(d.partnerships.map(\.direction) == [.directed, .mutual])
        #expect(d.partnerships[0].weight == 3)
        // Gephi's viz:position becomes the x, y columns (y negated to y down, as `export --layout` writes).
        #expect(m?.columns.map(\.name) == ["indegree", "x", "y"])
        #expect(m?.values["a"]?["indegree"] == 2)
        #expect(m?.values["a"]?["x"] == 1 && m?.values["a"]?["y"] == -2)
        #expect(m?.values["b"]?["x"] == nil)
    }

    @Test func yEdStyleGraphMLWithGraphicsKeys() throws {
        let graphml = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
          <key for="node" id="d6" yfiles.type="nodegraphics"/>
          <key attr.name="kind" attr.type="string" for="node" id="d7"/>
          <key attr.name="weight" attr.type="double" for="edge" id="d8"><default>1.5</default></key>
          <graph edgedefault="directed" id="G">
            <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>社協</y:NodeLabel></y:ShapeNode></data>
              <data key="d7">社協</data></node>
            <node id="n1"/>
            <edge id="e0" source="n0" target="n1" directed="false"/>
            <edge id="e1" source="n1" target="n0"><data key="d8">4</data></edge>
          </graph>
        </graphml>
        """
        let (d, m) = try NetworkImport.read(bytes: Array(graphml.utf8), format: .graphml, file: "y.graphml")
        #expect(d.organizations.map(\.id) == ["n0", "n1"])
        #expect(d.organizations.map(\.name) == ["n0", "n1"])
        #expect(d.organizations.map(\.kind.id) == ["社協", "その他"])
        #expect(d.partnerships.map(\.direction) == [.mutual, .directed])
        #expect(d.partnerships.map(\.weight) == [1.5, 4])
        #expect(m == nil)
    }

    /// The streaming GraphML reader takes the first graph's own nodes and edges only, as the
    /// tree reader did: a nested graph inside a node and a second graph are not part of it.
    @Test func graphMLNestedAndSecondGraphsAreNotRead() throws {
        let graphml = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="w" for="edge" attr.name="weight" attr.type="double"/>
          <graph id="G" edgedefault="undirected">
            <node id="a"><graph id="inner"><node id="a:x"/><node id="a:y"/><edge source="a:x" target="a:y"/></graph></node>
            <node id="b"/>
            <edge source="a" target="b"><data key="w">2.5</data></edge>
          </graph>
          <graph id="H"><node id="z"/></graph>
        </graphml>
        """
        let (d, _) = try NetworkImport.read(bytes: Array(graphml.utf8), format: .graphml, file: "nested.graphml")
        #expect(d.organizations.map(\.id) == ["a", "b"])
        #expect(d.partnerships.map { "\($0.source)-\($0.target):\($0.weight)" } == ["a-b:2.5"])
    }

    /// Elements `take` consumes are not kept in the tree; the others are. Each element below the
    /// document element is offered once, when complete, with its depth.
    @Test func xmlTreeHandsOnCompleteElements() throws {
        var taken: [String] = []
        let tree = try XMLTree(bytes: Array("<r><a x=\"1\"><b/></a><c>t</c><a/></r>".utf8), file: "t.xml") { e, depth in
            taken.append("\(e.name)@\(depth)")
            return e.name == "a"
        }
        #expect(taken == ["b@3", "a@2", "c@2", "a@2"])  // the document element is the tree itself
        #expect(tree.root.children.map(\.name) == ["c"])
        #expect(tree.root.children.first?.text == "t")
    }

    @Test func nodeLinkErrorsNameTheLine() {
        let json = "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"generic\": \"maybe\"}\n],\n\"links\": [\n {\"source\": \"a\", \"target\": \"zz\"}]}"
        let e1 = #expect(throws: InputError.self) {
            _ = try NetworkImport.read(bytes: Array(json.utf8), format: .json, file: "n.json")
        }
        #expect(e1?.problems.first?.description == "n.json:3: field 'generic': node b: the value is not a valid boolean")
        let json2 = json.replacingOccurrences(of: "\"maybe\"", with: "true")
        let e2 = #expect(throws: InputError.self) {
            _ = try NetworkImport.read(bytes: Array(json2.utf8), format: .json, file: "n.json")
        }
        #expect(e2?.problems.first?.description == "n.json:6: field 'target': edge e0 names node zz, which is not in the file")
    }

    @Test func invalidUTF8JSONNamesTheLine() {
        let bytes = Array("{\"nodes\": [\n{\"id\": \"".utf8) + [0x82, 0xA0] + Array("\"}]}".utf8)
        let error = #expect(throws: InputError.self) {
            _ = try NetworkImport.read(bytes: bytes, format: .json, file: "sjis.json")
        }
        #expect(error?.problems.first?.description == "sjis.json:2: the file is not valid UTF-8")
    }

    @Test func badValuesNameFileLineAndField() {
        let graphml = "<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">\n<data key=\"w\">heavy</data></edge></graph></graphml>"
        let error = #expect(throws: InputError.self) {
            _ = try NetworkImport.read(bytes: Array(graphml.utf8), format: .graphml, file: "w.graphml")
        }
        #expect(error?.problems.first?.description == "w.graphml:6: field 'weight': 'heavy' is not a valid double")
    }
}
