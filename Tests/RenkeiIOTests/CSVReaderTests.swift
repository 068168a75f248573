import Testing
@testable import RenkeiIO

@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithCommasNewlinesAndQuotes() throws {
        let text = "a,b,c\r\n\"x, y\",\"line1\r\nline2\",\"say \"\"hi\"\"\"\r\nplain,,\"\"\r\n"
        let records = try CSVReader.parse(text)
        #expect(records.count == 3)
        #expect(records[0] == CSVRecord(line: 1, fields: ["a", "b", "c"]))
        #expect(records[1].fields == ["x, y", "line1\nline2", "say \"hi\""])
        #expect(records[1].line == 2)
        #expect(records[2] == CSVRecord(line: 4, fields: ["plain", "", ""]))
    }

    @Test func lfAndLoneCRAndBlankLines() throws {
        let records = try CSVReader.parse("a,b\n\n1,2\r3,4\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 3, 4])
    }

    @Test func noTrailingNewline() throws {
        #expect(try CSVReader.parse("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try CSVReader.parse("").isEmpty)
    }

    @Test func japaneseText() throws {
        let r = try CSVReader.parse("団体名,連携先\n北区社協,\"サロン「いこい」, 北区\"\n")
        #expect(r[1].fields == ["北区社協", "サロン「いこい」, 北区"])
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheFieldStarted() {
        #expect(throws: CSVSyntaxError.self) { try CSVReader.parse("a,b\n1,2\n\"open,3\n4,5\n") }
        do {
            _ = try CSVReader.parse("a,b\n1,2\n\"open,3\n4,5\n")
            Issue.record("expected an error")
        } catch let e as CSVSyntaxError {
            #expect(e.line == 3)
            #expect(e.description.contains("line 3"))
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func raggedRowsAreReportedWithCounts() {
        var problems: [InputProblem] = []
        let table = CSVTable.parse(bytes: Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n".utf8), file: "t.csv", problems: &problems)
        #expect(table?.records.count == 1)
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems[0].message.contains("expected 3 fields") && problems[0].message.contains("found 2"))
        #expect(problems[1].message.contains("found 4"))
    }

    @Test func headerLookupIgnoresCaseWidthAndSpaces() {
        var problems: [InputProblem] = []
        let t = CSVTable.parse(bytes: Array("ＩＤ, Legal_Form ,連携先\n1,2,3\n".utf8), file: "t.csv", problems: &problems)!
        #expect(t.column(["id"]) == 0)
        #expect(t.column(["legal_form"]) == 1)
        #expect(t.column(["target", "連携先"]) == 2)
    }
}
