import Testing
@testable import RenkeiIO

@Suite struct ReportTableTests {
    @Test func jsonKeepsKeyOrderAndEscapes() {
        let v = JSONValue.object([("id", .string("a\"b\n")), ("value", .double(0.5)), ("n", .int(3))])
        #expect(v.serialized(indent: 0) == #"{"id":"a\"b\n","value":0.5,"n":3}"#)
        #expect(JSONValue.string("社協\u{01}").serialized() == "\"社協\\u0001\"")
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVWriter.line(["a", "b,c", "d\"e", "改行\nあり"]) == "a,\"b,c\",\"d\"\"e\",\"改行\nあり\"\n")
    }

    @Test func textTableAlignsWideCharacters() {
        var t = ReportTable(columns: ["name", "value"])
        t.append([.text("社協"), .integer(12)])
        t.append([.text("NPO"), .integer(3)])
        let lines = t.textTable().split(separator: "\n").map(String.init)
        #expect(lines[0] == "name  value")
        #expect(lines[2] == "社協     12")
        #expect(lines[3] == "NPO       3")
        #expect(displayWidth("社協ab") == 6)
    }

    @Test func fixedFormatting() {
        #expect(formatFixed(0.5222222, digits: 3) == "0.522")
        #expect(formatFixed(-0.0000001, digits: 3) == "0.000")
        #expect(formatFixed(2, digits: 2) == "2.00")
    }
}
