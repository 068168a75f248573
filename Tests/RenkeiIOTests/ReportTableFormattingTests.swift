import Testing
@testable import RenkeiIO

/// How text tables show numbers, Japanese headers and long cells; CSV and JSON stay as they were.
@Suite struct ReportTableFormattingTests {
    @Test func sharesArePercentagesInTablesOnly() {
        #expect(ReportValue.percent(5.0 / 7.0) == "71.4%")
        #expect(ReportValue.percent(1) == "100.0%")
        var t = ReportTable(columns: ["kind", "share"])
        t.append([.text("社協"), .percent(5.0 / 7.0)])
        #expect(t.rendered(as: .table).contains("71.4%"))
        #expect(t.rendered(as: .csv) == "kind,share\n社協,0.7142857142857143\n")
        #expect(t.rendered(as: .json).contains("\"share\": 0.7142857142857143"))
    }

    @Test func fourSignificantFigures() {
        #expect(ReportValue.significant(0.0048801, digits: 4) == "0.004880")
        #expect(ReportValue.significant(0.4376352, digits: 4) == "0.4376")
        #expect(ReportValue.significant(123.456, digits: 4) == "123.5")
        #expect(ReportValue.significant(9.99996, digits: 4) == "10.00")
        #expect(ReportValue.significant(-0.30409, digits: 4) == "-0.3041")
        #expect(ReportValue.significant(0, digits: 4) == "0")
        #expect(ReportValue.significant(12345, digits: 4) == "12345")
        #expect(ReportValue.fixed(2.6, digits: 0) == "3")
    }

    @Test func japaneseHeadersInTheTextTableEnglishInCSVAndJSON() {
        var t = ReportTable(columns: ["id", "name", "kind", "projects", "share", "partnerships", "relations"])
        t.append([.text("o1"), .text("北区社会福祉協議会"), .text("社協"), .integer(3), .percent(0.5), .integer(4), .text("後援 1")])
        let header = t.rendered(as: .table).split(separator: "\n")[0]
        #expect(header == "ID  名称                種別  事業数   割合  連携数  連携の内容")
        #expect(t.rendered(as: .csv).hasPrefix("id,name,kind,projects,share,partnerships,relations\n"))
        #expect(t.rendered(as: .json).contains("\"relations\": \"後援 1\""))
    }

    @Test func longCellsAreCutToTheWidth() {
        var t = ReportTable(columns: ["name", "relations"])
        let long = "広報・チラシ配布 10; 参加者紹介・コーディネート 6; 講師派遣 2; 会場提供 4"
        t.append([.text("北区社会福祉協議会"), .text(long)])
        let lines = t.textTable(maxWidth: 50).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth($0) <= 50 })
        // name is 18 columns wide, two spaces, then 30 columns of relations ending in the ellipsis.
        #expect(lines[2].hasPrefix("北区社会福祉協議会  広報・チラシ配布 10; 参加者"))
        #expect(lines[2].hasSuffix("…"))
        #expect(displayWidth(lines[2]) == 50)
        // Without a width (not a terminal) and in CSV the cell is whole.
        #expect(t.textTable().contains(long))
        #expect(t.csv().contains(long))
    }

    @Test func plurals() {
        #expect(ReportValue.counted(1, "partnership") == "1 partnership")
        #expect(ReportValue.counted(0, "partnership") == "0 partnerships")
        #expect(ReportValue.counted(2, "organisation") == "2 organisations")
    }
}
