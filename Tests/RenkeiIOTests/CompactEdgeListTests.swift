import Foundation
import Testing
import RenkeiCore
@testable import RenkeiIO

/// The fast edge-list reader (`CompactEdgeList`) against the general one (`EdgeListLoader`) on
/// small hostile CSVs: where the fast reader takes a file, everything must be identical; where it
/// declines, the general reader's problems (file, line, field) are what the user sees.
@Suite struct CompactEdgeListTests {
    /// Writes `text` (or `bytes`) as `name` in a fresh directory and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// `u-v:w` for every edge, in the graph's order.
    func edgeList(_ g: AnalysisGraph) -> [String] { g.edges.map { "\($0.u.int)-\($0.v.int):\($0.weight)" } }

    /// Asserts that the fast reader takes `path` and gives exactly the general reader's dataset,
    /// merges, warnings, encodings, graphs, statistics and validation text.
    @discardableResult
    func expectSame(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CompactEdgeList {
        let general = try DatasetLoader.checkedNames(EdgeListLoader.loadCSV(path: path), file: path)
        let compact = try #require(CompactEdgeList.read(path: path), "the fast reader declined \(path)", sourceLocation: sourceLocation)
        let fast = compact.loadedDataset()
        #expect(fast.dataset.organizations == general.dataset.organizations, sourceLocation: sourceLocation)
        #expect(fast.dataset.partnerships == general.dataset.partnerships, sourceLocation: sourceLocation)
        #expect(fast.dataset.projects == general.dataset.projects, sourceLocation: sourceLocation)
        #expect(fast.dataset.metadata == general.dataset.metadata, sourceLocation: sourceLocation)
        #expect(fast.dataset.vocabulary.relations.map(\.id) == general.dataset.vocabulary.relations.map(\.id), sourceLocation: sourceLocation)
        #expect(fast.merges == general.merges, sourceLocation: sourceLocation)
        #expect(fast.warnings == general.warnings, sourceLocation: sourceLocation)
        #expect(fast.encodings.map(\.file) == general.encodings.map(\.file), sourceLocation: sourceLocation)
        #expect(fast.encodings.map(\.encoding) == general.encodings.map(\.encoding), sourceLocation: sourceLocation)
        for weighting in PartnershipWeighting.allCases {
            let a = compact.graph(weighting: weighting)
            let b = AnalysisGraph.partnershipGraph(of: general.dataset, filter: GraphFilter(weighting: weighting))
            #expect(a.labels == b.labels, sourceLocation: sourceLocation)
            #expect(edgeList(a) == edgeList(b), sourceLocation: sourceLocation)
        }
        #expect(compact.hasWeights == general.dataset.partnerships.contains { $0.weight != 1 }, sourceLocation: sourceLocation)
        #expect(compact.statistics == DatasetStatistics(general.dataset), sourceLocation: sourceLocation)
        for merges in [false, true] {
            #expect(compact.validationReport(merges: merges) == general.validationReport(merges: merges), sourceLocation: sourceLocation)
        }
        // Every export but xlsx made from the rows (the streamed formats as they are written)
        // equals the general dataset's: each file's name and bytes.
        for format in ExportFormat.allCases where format != .xlsx {
            let streamed = try #require(try NetworkExport.streamed(compact, format: format), sourceLocation: sourceLocation)
            let general = try NetworkExport.render(general.dataset, format: format)
            #expect(streamed.map(\.name) == general.map(\.name), "\(format)", sourceLocation: sourceLocation)
            #expect(streamed.map(\.bytes) == general.map(\.bytes), "\(format)", sourceLocation: sourceLocation)
        }
        #expect(try NetworkExport.streamed(compact, format: .xlsx) == nil, sourceLocation: sourceLocation)
        // DatasetLoader (which now tries the fast reader first) gives the same dataset too.
        let loaded = try DatasetLoader.loadWithReport(path: path)
        #expect(loaded.dataset.organizations == general.dataset.organizations, sourceLocation: sourceLocation)
        #expect(loaded.dataset.partnerships == general.dataset.partnerships, sourceLocation: sourceLocation)
        return compact
    }

    /// Asserts that the fast reader declines `path` and that loading it reports exactly `expected`
    /// (`line field: message-start`).
    func expectDeclinedWithProblems(_ path: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CompactEdgeList.read(path: path) == nil, "the fast reader took \(path)", sourceLocation: sourceLocation)
        expectProblems(expected, describe: { "\($0.line.map(String.init) ?? "-") \($0.field ?? "-"): \($0.message)" },
                       what: path, sourceLocation: sourceLocation) { _ = try DatasetLoader.loadWithReport(path: path) }
    }

    // MARK: Files the fast reader takes

    @Test func aliasesDuplicatesAndLegalFormsMergeAsTheGeneralReaderMerges() throws {
        let path = try file("aliases.csv", """
            source,target,weight
            北区社協,わんず,2
            東京都北区社会福祉協議会,亘理町教育委員会,1
            NPO法人わんず,亘理町教育委員会,3
            わんず,北区社協,1
            特定非営利活動法人わんず,地域の保育園,1
            北区社会福祉協議会,地域の保育園,4

            """)
        let compact = try expectSame(path)
        // By hand: 北区社協 / 東京都北区社会福祉協議会 / 北区社会福祉協議会 are one 社協, the three わんず one NPO.
        #expect(compact.organizations.map(\.id) == ["北区社会福祉協議会", "わんず", "亘理町教育委員会", "地域の保育園"])
        #expect(compact.organizations[0].kind.id == "社協")
        #expect(compact.sources == [0, 0, 1, 1, 1, 0] && compact.targets == [1, 2, 2, 0, 3, 3])
        #expect(compact.weights == [2, 1, 3, 1, 1, 4])
        #expect(compact.lines == [2, 3, 4, 5, 6, 7])
        let kita = compact.merges.filter { $0.organization == "北区社会福祉協議会" }
        #expect(kita.map(\.spelling) == ["北区社協", "東京都北区社会福祉協議会", "北区社会福祉協議会"])
        #expect(kita[0].locations.map(\.description) == ["aliases.csv:2", "aliases.csv:5"])
    }

    @Test func namesAsWrittenAndLegalFormsKeptApart() throws {
        // Spaces inside names stay (one space per run); the fast reader gives the same names.
        let spaced = try expectSame(try file("spaced.csv", "source,target\n北区  社会福祉協議会,AT&T & co\n\"say \"\"hi\"\"\",株式会社 テスト\n"))
        #expect(spaced.organizations.map(\.name) == ["北区 社会福祉協議会", "AT&T & co", "say \"hi\"", "株式会社 テスト"])
        // 前株 and 後株 are kept apart with a warning, which the general reader gives: the fast one declines.
        let path = try file("maekabu.csv", "source,target\n株式会社テスト,北区社協\nテスト株式会社,北区社協\n")
        #expect(CompactEdgeList.read(path: path) == nil)
        let loaded = try DatasetLoader.loadWithReport(path: path)
        #expect(loaded.dataset.organizations.count == 3)
        #expect(loaded.warnings.map(\.kind) == [InputProblem.possibleDuplicate])
    }

    @Test func fullAndHalfWidthSpellingsAreOneOrganisation() throws {
        let path = try file("width.csv", """
            source,target,weight
            ＡＢＣ会,ｻﾛﾝいこい,1
            ABC会,亘理町役場,２
            サロンいこい,亘理町役場, 3 
            ＡＢＣ会,サロンいこい,2.50

            """)
        let compact = try expectSame(path)
        #expect(compact.organizations.count == 3)
        #expect(compact.organizations.map(\.id).prefix(2) == ["ABC会", "サロンいこい"])
        #expect(compact.weights == [1, 2, 3, 2.5])
    }

    @Test func byteOrderMarkCRLFQuotesAndExtraColumns() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(("source,target,comment,weight\r\n"
            + "\"サロン1「いこい」,北区\",\"改行入りの\"\"団体\"\"\",\"two\r\nlines\",2\r\n"
            + "\r\n"
            + "  亘理町教育委員会 ,\"サロン1「いこい」,北区\",,1\r\n"
            + ",,,\r\n"
            + "'=危ない団体,'普通の団体,x,\r\n"
            + "\"a\"b団体,c\"d\"団体,\"\",1e1\r\n").utf8)
        let path = try file("bom.csv", bytes)
        let compact = try expectSame(path)
        #expect(compact.encoding == .utf8BOM)
        #expect(compact.organizations.map(\.id) == ["サロン1「いこい」,北区", "改行入りの\"団体\"", "亘理町教育委員会",
                                                      "=危ない団体", "'普通の団体", "ab団体", "c\"d\"団体"])
        // The quoted line break: the third record starts on line 5 (blank line 4 skipped).
        #expect(compact.lines == [2, 5, 7, 8])
        #expect(compact.weights == [2, 1, 1, 10])
    }

    @Test func loneCarriageReturnsAndNoFinalNewline() throws {
        let path = try file("cr.csv", "source,target\r団体A,団体B\r団体B,団体C\r\r団体C,団体A")
        let compact = try expectSame(path)
        #expect(compact.lines == [2, 3, 5])
        #expect(!compact.hasWeights)
    }

    @Test func canonicallyEquivalentSpellingsResolveAsTheGeneralReaderResolvesThem() throws {
        // é precomposed and decomposed: equal Strings in Swift, different bytes.
        let path = try file("nfc.csv", "source,target\nCaf\u{E9}会,団体B\nCafe\u{301}会,団体C\n団体B,団体C\n")
        let compact = try expectSame(path)
        #expect(compact.organizations.count == 3)
    }

    /// Shift_JIS (CP932) as Excel saves it: Japanese headers, CRLF, a quoted cell with a comma,
    /// full-width and half-width spellings of one organisation, NEC special characters (①, ～),
    /// and a second byte that is a backslash (表, 0x95 0x5C) or a bracket.
    @Test func shiftJISSheetsAsTheGeneralReaderReadsThem() throws {
        let text = "団体名,連携先,重み\r\n北区社協,ＮＰＯ法人　わんず,2\r\n東京都北区社会福祉協議会,\"表現の会,第①支部\",1\r\n"
            + "ﾜﾝｽﾞ,ソフト～ボール部,3\r\n北区社協,NPO法人 わんず,1\r\n"
        let bytes = try TextCodec.encode(text, as: .shiftJIS)
        #expect(bytes.contains(0x5C))  // 表 = 0x95 0x5C: the second byte is ASCII's backslash
        let path = try file("sjis.csv", bytes)
        let compact = try expectSame(path)
        #expect(compact.encoding == .shiftJIS)
        #expect(compact.organizations.map(\.name).contains("表現の会,第1支部"))  // NFKC: ① → 1
        #expect(compact.partnershipCount == 4)
        #expect(compact.lines == [2, 3, 4, 5])
    }

    /// A byte Shift_JIS does not have, in a file that is not UTF-8 either: the general reader
    /// names the line.
    @Test func undecodableShiftJISIsReportedByLine() throws {
        var bytes = try TextCodec.encode("source,target\r\n北区社協,わんず\r\n", as: .shiftJIS)
        bytes += [0x41, 0x2C, 0x85, 0x40, 0x0D, 0x0A]  // 0x85 0x40 is unassigned in CP932
        let path = try file("bad.csv", bytes)
        expectDeclinedWithProblems(path, ["3 -: bytes that are neither UTF-8 nor Shift_JIS"])
    }

    @Test func rowEdgesWrittenStraightFromTheRowsUnderAFileNameThatNeedsEscaping() throws {
        // The evidence of every edge names the file: its text is escaped (XML, JSON) and joined (a
        // list) once, and the rows add their line numbers (expectSame compares the streamed formats).
        let path = try file("a&b;\"c\"<d>、e.csv", "団体名,連携先,重み\nひだまり,○○市社会福祉協議会,2\nひだまり,\"A&B <株>\",0.5\n○○市社会福祉協議会,ひだまり,3\n")
        let compact = try expectSame(path)
        let table = NetworkTable(compact: compact)
        let graphmls = try #require(table.rowEdgePrototypes(evidenceText: { XMLEscape.escape($0.text, attribute: false) }))
        #expect(graphmls.count == 1, "a CSV's rows have one shape")
        let graphml = try #require(graphmls.first)
        #expect(graphml.evidencePrefix == "a&amp;b\\;\"c\"&lt;d&gt;、e.csv:")
        #expect(graphml.edge.values[NetworkTable.EdgeSlot.weight] == nil)
        let gexf = try #require(table.rowEdgePrototypes(evidenceText: { XMLEscape.escape($0.text, attribute: true) })?.first)
        #expect(gexf.evidencePrefix == "a&amp;b\\;&quot;c&quot;&lt;d&gt;、e.csv:")
        // JSON: the list's one item, unescaped (the serialiser escapes it), then a template whose
        // holes are the row's number (id and key), ends, weight and line.
        let cytoscape = try #require(table.jsonRowTemplates(level: 3) { e in
            .object([("data", .object([("id", .string(e.id)), ("key", .string(e.id)), ("source", .string(e.source)), ("target", .string(e.target))]
                                      + table.jsonFields(of: e)))])
        }?.first)
        let holes = cytoscape.parts.filter { if case .text = $0 { return false } else { return true } }
        #expect(holes == [.separator, .number, .number, .source, .target, .weight, .line])
        let evidence = try #require(cytoscape.parts.firstIndex(of: .line))
        #expect(cytoscape.parts[evidence - 1] == .text(",\n          \"evidence\": [\n            \"a&b;\\\"c\\\"<d>、e.csv:"))
        // A table of stored edges has no row template.
        let stored = NetworkTable(dataset: compact.loadedDataset().dataset)
        #expect(stored.rowEdgePrototypes(evidenceText: \.text) == nil)
        #expect(stored.jsonRowTemplates(level: 2) { _ in .null } == nil)
    }

    @Test func rowEdgesInSeveralRunsOnTwoThreads() throws {
        // Three runs of edges and more (ParallelText.run each), so that a JSON array's commas and
        // the GraphML/GEXF runs join across pieces made on different threads.
        var text = "source,target,weight\n"
        for i in 0..<(3 * ParallelText.run + 5) { text += "団体\(i % 997),\"組織\\\(i % 89) \"\"引用\"\" <&>\",\(1 + i % 4)\n" }
        let compact = try expectSame(try file("runs.csv", text + "ቻ理町,団体1,1\n"))
        #expect(compact.partnershipCount == 3 * ParallelText.run + 6)
        // The CSV pair in Shift_JIS with Japanese headers, ቻ (U+127B) replaced, as the general
        // dataset's; refused, naming the file and line, when not replaced. ቻ理町 is organisation
        // 1,087 (after 997 団体 and 89 組織: nodes.csv line 1,088) and partnership 12,294 (line 12,295).
        let dataset = compact.loadedDataset().dataset
        let streamed = try #require(try NetworkExport.streamed(compact, format: .csv, encoding: .shiftJIS, japaneseHeaders: true,
                                                               unencodable: .replace))
        let general = try NetworkExport.render(dataset, format: .csv, encoding: .shiftJIS, japaneseHeaders: true, unencodable: .replace)
        #expect(streamed.map(\.bytes) == general.map(\.bytes))
        #expect(streamed.map(\.replaced) == general.map(\.replaced), "\(streamed.map(\.replaced))")
        #expect(streamed.map(\.firstReplacedLine) == [1_088, 3 * ParallelText.run + 7])
        expectProblems(["nodes.csv 1088: character 'ቻ' (U+127B) cannot be written"],
                       describe: { "\($0.file) \($0.line.map(String.init) ?? "-"): \($0.message)" }, what: "csv") {
            _ = try NetworkExport.streamed(compact, format: .csv, encoding: .shiftJIS)
        }
    }

    @Test func headerOnlyAndJapaneseHeaders() throws {
        try expectSame(try file("empty.csv", "source,target,weight\n"))
        let compact = try expectSame(try file("ja.csv", "団体名,連携先,重み\n北区社協,わんず,1\n"))
        #expect(compact.organizations.count == 2)
    }

    @Test func theSeedDatasetAsOneSheet() throws {
        // The seed dataset's partnerships written as a one-sheet CSV of names, as a user would: each
        // organisation by its full name (legal form first), on every other row by an alias or by
        // its name without the legal form, so that spellings merge.
        let seed = try DatasetLoader.load(path: Fixture.seedDataset)
        var text = "団体名,連携先,重み\n"
        for (i, p) in seed.partnerships.enumerated() {
            func name(_ id: String) -> String {
                let o = seed.organization(id: id)!
                let written = i % 2 == 1 ? (o.aliases.first ?? o.name) : o.fullName
                return written.contains(",") || written.contains("\"") ? "\"" + written.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : written
            }
            text += "\(name(p.source)),\(name(p.target)),\(1 + i % 3)\n"
        }
        let path = try file("seed-sheet.csv", text)
        do {
            let compact = try expectSame(path)
            #expect(compact.partnershipCount == seed.partnerships.count)
            #expect(!compact.merges.isEmpty)
        } catch let e as InputError {
            // Generic partners of different projects share names; without a project column some
            // rows become self-loops, which both readers must then report identically.
            #expect(CompactEdgeList.read(path: path) == nil)
            #expect(e.problems.allSatisfy { $0.message.hasPrefix("self-loop") })
        }
    }

    // MARK: Files the fast reader leaves to the general reader

    @Test func badWeightsEmptyNamesAndSelfLoopsAreReportedByLine() throws {
        expectDeclinedWithProblems(try file("bad-weight.csv", "source,target,weight\n団体A,団体B,1\n団体B,団体C,abc\n団体C,団体A,0\n"), [
            "3 weight: weight 'abc' is not a number", "4 weight: weight 0 is not positive",
        ])
        expectDeclinedWithProblems(try file("empty-name.csv", "source,target,weight\n団体A,団体B,1\n,団体C,2\n"), [
            "3 source: empty name",
        ])
        expectDeclinedWithProblems(try file("loop.csv", "source,target\n北区社協,わんず\n北区社協,北区社会福祉協議会\n"), [
            "3 target: self-loop: '北区社協' and '北区社会福祉協議会' are the same organisation",
        ])
        expectDeclinedWithProblems(try file("nul.csv", "source,target\n団体A,団\u{0}体B\n"), [
            "2 target: contains the control character U+0000 (NUL)",
        ])
    }

    @Test func raggedRowsUnterminatedQuotesAndDuplicateColumns() throws {
        expectDeclinedWithProblems(try file("ragged.csv", "source,target,weight\n団体A,団体B,1\n団体B,団体C\n"), [
            "3 -: ragged row: expected 3 fields",
        ])
        expectDeclinedWithProblems(try file("quote.csv", "source,target\n団体A,団体B\n団体B,\"団体C\n団体D,団体E\n"), [
            "3 -: quoted field starting on line 3 is never closed",
        ])
        expectDeclinedWithProblems(try file("dup.csv", "source,target,Source\n団体A,団体B,x\n"), [
            "1 Source: duplicate column",
        ])
    }

    @Test func otherEncodingsAndColumnsGoToTheGeneralReader() throws {
        // UTF-16, and a Shift_JIS sheet with a relations column.
        for fixture in ["encodings/utf16le_bom.csv", "encodings/utf16be_bom.csv"] {
            #expect(CompactEdgeList.read(path: Fixture.path(fixture)) == nil)
        }
        let sjis = Fixture.path("encodings/sjis_japanese_headers.csv")
        #expect(CompactEdgeList.read(path: sjis) == nil)
        #expect(try DatasetLoader.loadWithReport(path: sjis).encodings.first?.encoding == .shiftJIS)
        let relations = try file("relations.csv", "source,target,relations\n団体A,団体B,後援\n")
        #expect(CompactEdgeList.read(path: relations) == nil)
        #expect(try DatasetLoader.loadWithReport(path: relations).dataset.partnerships.first?.relations.map(\.id) == ["endorsement"])
    }

    /// CSVReader as it was written before it read bytes: RFC 4180 over the text's scalars, one
    /// at a time. The reference both byte readers are held to.
    static func scalarReference(_ text: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var fieldStarted = false      // the record has content (so a blank line can be skipped)
        var atFieldStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }
        func endRecord() {
            endField()
            if fieldStarted || fields.count > 1 { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            fieldStarted = false
        }

        while let c = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                switch c {
                case "\"":
                    if let next = scalars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                case "\r":
                    if let next = scalars.next() {
                        if next != "\n" { pending = next }
                    }
                    field.append("\n")
                    line += 1
                case "\n":
                    field.append("\n")
                    line += 1
                default:
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteLine = line
                atFieldStart = false
                fieldStarted = true
            case ",":
                fieldStarted = true
                endField()
            case "\r", "\n":
                if c == "\r", let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
                atFieldStart = false
                fieldStarted = true
            }
        }
        if inQuotes {
            throw CSVSyntaxError(line: quoteLine, message: "quoted field starting on line \(quoteLine) is never closed (unterminated quote)")
        }
        endRecord()
        return records
    }


    /// The outcome of a reader: its records, or the line of its syntax error.
    static func outcome(_ read: () throws -> [CSVRecord]) -> String {
        do { return "\(try read())" } catch let e as CSVSyntaxError { return "error at \(e.line): \(e.message)" } catch { return "\(error)" }
    }

    /// A parsed sheet as text (each row's source and target names, weight and line), or `nil`.
    static func rows(_ text: String, splitMinimum: Int, joined: UnsafeMutablePointer<Int>? = nil) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            guard let sheet = CompactEdgeList.parse(b, file: "s.csv", splitMinimum: splitMinimum) else { return "nil" }
            if sheet.joined { joined?.pointee += 1 }
            return sheet.sourceCells.indices.map { i in
                "\(sheet.cells.names[Int(sheet.sourceCells[i])] ?? "-")|\(sheet.cells.names[Int(sheet.targetCells[i])] ?? "-")|\(sheet.weights[i])|\(sheet.lines[i])"
            }.joined(separator: "\n") + " (\(sheet.cells.count) cells)"
        }
    }

    @Test func rowsReadOnTwoThreadsAreTheRowsReadOnOne() throws {
        // Split at the first line break past the middle of every text (splitMinimum 1): inside a
        // quoted cell, at a blank line, after CR LF or a lone CR, with a problem in either half.
        var texts = [
            "source,target,weight\nあ,い,1\nう,え,2\nお,か,3\nき,く,4\n",
            "source,target\n\"あ\nい\",う\n\"え\n\nお\",か\nき,く\n",
            "source,target\r\nあ,い\r\n\r\n\r\nう,え\r\nお,か\r\n",
            "source,target\nあ,い\nう,え\nお,\nき,く\n",       // an empty target in the second half
            "source,target\nあ,\nう,え\nお,か\nき,く\nけ,こ\n", // … and in the first
            "source,target,weight\nあ,い,1\nう,え,2\nお,か,-3\n",
            "source,target\nあ,い\nう,え\nお,\"か\n",          // unterminated in the second half
            "source,target\nあ,い\rう,え\rお,か\nき,く\n",
        ]
        var rng = SplitMixRandom(seed: 29)
        let names = ["あ", "い", "\"う,え\"", "\"お\nか\"", "き", "\"\"", "団体", "'=x"]
        let weights = ["", "1", "2.5", "３", "x"]
        let breaks = ["\n", "\r\n", "\r", "\n\n"]
        for _ in 0..<3_000 {
            var text = rng.uniform(2) == 0 ? "source,target,weight" : "\u{FEFF}source,target,weight"
            for _ in 0..<(1 + rng.uniform(12)) {
                text += breaks[rng.uniform(rng.uniform(8) == 0 ? breaks.count : 1)]
                text += names[rng.uniform(names.count)] + "," + names[rng.uniform(names.count)] + ","
                text += weights[rng.uniform(rng.uniform(6) == 0 ? weights.count : 3)]
            }
            if rng.uniform(2) == 0 { text += "\n" }
            if rng.uniform(20) == 0 { text += "\"open" }
            texts.append(text)
        }
        var read = 0, joined = 0
        for (k, text) in texts.enumerated() {
            let one = Self.rows(text, splitMinimum: .max)
            let before = joined
            #expect(Self.rows(text, splitMinimum: 1, joined: &joined) == one, "\(text.debugDescription)")
            if one != "nil" { read += 1 }
            if k == 0 || k == 2 { #expect(joined == before + 1, "the second reader's rows of text \(k) are joined") }
        }
        // Texts with a refused cell or weight go to the general reader; most of the rest were read
        // on two threads and joined (the others: a split inside a quoted cell).
        #expect(read > 500)
        #expect(joined > read / 2)
    }

    @Test func byteReadersGiveTheScalarReadersRecords() throws {
        var texts = [
            "a,b\r\nc,d", "a,\"b,c\"\n\n\"x\"\"y\"z,\n", "\"multi\r\nline\",2\rnext,3\r\n", ",\n,,\n\"\"\n", "a\"b,\"c\"  d\n",
            "one\n\n\n two \n", "", "\n\n", "a,\"open\nb", "\r", "x\r", "\"a\"\"\"", "団体,\"北区\r\n社協\"\"\",\r\n",
        ]
        // And 2,000 texts drawn from the characters that matter (seeded).
        var rng = SplitMixRandom(seed: 13)
        let alphabet: [String] = ["a", "団", ",", "\"", "\r", "\n", " ", "\r\n"]
        for _ in 0..<2_000 {
            texts.append((0..<rng.uniform(24)).map { _ in alphabet[rng.uniform(alphabet.count)] }.joined())
        }
        for text in texts {
            let expected = Self.outcome { try Self.scalarReference(text) }
            #expect(Self.outcome { try CSVReader.parse(text) } == expected, "\(text.debugDescription)")
            var got: [CSVRecord] = []
            let bytes = Array(text.utf8)
            let unterminated = bytes.withUnsafeBufferPointer { buffer in
                var reader = CSVByteReader(buffer, from: 0)
                var fields: [CSVByteReader.Field] = []
                while let line = reader.next(&fields) {
                    got.append(CSVRecord(line: line, fields: fields.map { f in reader.withSlice(f) { String(decoding: $0, as: UTF8.self) } }))
                }
                return reader.unterminatedQuote
            }
            if !expected.hasPrefix("error") { #expect("\(got)" == expected && unterminated == nil, "\(text.debugDescription)") }
        }
    }
}

extension CompactEdgeList: Equatable {
    /// Equal when both hold the same rows and organisations (for `== nil` in the tests).
    public static func == (a: CompactEdgeList, b: CompactEdgeList) -> Bool {
        a.organizations == b.organizations && a.sources == b.sources && a.targets == b.targets && a.weights == b.weights
    }
}
