import Foundation
import ZIPFoundation

/// One cell value of a sheet ``XLSXWriter`` writes: text (always a string cell, never a formula)
/// or a number.
public enum XLSXCell: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    case number(Double)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
}

/// One sheet: its name (at most 31 characters, no `[]:*?/\`), its header and its rows.
public struct XLSXSheet: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[XLSXCell]]

    public init(name: String, columns: [String], rows: [[XLSXCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// Writes `.xlsx` workbooks: each sheet with a bold, frozen header row, an autofilter over its
/// columns and column widths that fit their text (a Japanese character counts two). Text is
/// written as inline strings (`t="inlineStr"`), so a cell starting with `=` is text, never a
/// formula. The bytes are deterministic (fixed timestamps, entries in a fixed order).
public enum XLSXWriter {
    /// The workbook's bytes. `title` and `description` go into the document properties
    /// (`docProps/core.xml`, shown by Excel under File → Info), where ``XLSXWorkbook`` reads them back.
    public static func workbook(_ sheets: [XLSXSheet], title: String? = nil, description: String? = nil) -> [UInt8] {
        var parts: [(String, String)] = []
        let properties = title != nil || description != nil
        parts.append(("[Content_Types].xml", contentTypes(sheets.count, properties: properties)))
        var rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        if properties {
            rootRels += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        }
        parts.append(("_rels/.rels", rootRels + "</Relationships>"))
        if properties {
            var core = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            if let title { core += "<dc:title>\(escape(title))</dc:title>" }
            if let description { core += "<dc:description>\(escape(description))</dc:description>" }
            parts.append(("docProps/core.xml", core + "</cp:coreProperties>"))
        }
        var book = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        var rels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        var names: [String] = []
        for (i, s) in sheets.enumerated() {
            names.append(s.name)
            book += #"<sheet name="\#(escape(s.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        book += "</sheets><definedNames>"
        for (i, s) in sheets.enumerated() where !s.columns.isEmpty {
            let ref = "$A$1:$\(XLSXWorkbook.columnName(s.columns.count - 1))$\(s.rows.count + 1)"
            book += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">'\#(escape(s.name.replacingOccurrences(of: "'", with: "''")))'!\#(ref)</definedName>"#
        }
        book += "</definedNames></workbook>"
        rels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        parts.append(("xl/workbook.xml", book))
        parts.append(("xl/_rels/workbook.xml.rels", rels))
        parts.append(("xl/styles.xml", styles))
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }

        let archive = try! Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01, for identical bytes
        for (path, text) in parts {
            let data = Data(text.utf8)
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                  compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// The display width of a text in Excel's character units (East Asian wide characters two).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || v >= 0x20000
            return n + (wide ? 2 : 1)
        }
    }

    static func worksheet(_ s: XLSXSheet) -> String {
        var widths = s.columns.map { width($0) + 4 }  // room for the filter button
        for row in s.rows {
            for (i, c) in row.enumerated() where i < widths.count {
                switch c {
                case .text(let t): widths[i] = max(widths[i], width(t) + 2)
                case .number(let d): widths[i] = max(widths[i], number(d).count + 2)
                case .empty: break
                }
            }
        }
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        if !widths.isEmpty {
            x += "<cols>"
            for (i, w) in widths.enumerated() { x += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(min(w, 80))" customWidth="1"/>"# }
            x += "</cols>"
        }
        x += "<sheetData>"
        func row(_ cells: [XLSXCell], _ r: Int, style: Int) {
            x += #"<row r="\#(r)">"#
            for (i, c) in cells.enumerated() {
                let ref = "\(XLSXWorkbook.columnName(i))\(r)"
                let st = style > 0 ? #" s="\#(style)""# : ""
                switch c {
                case .text(let t) where t.isEmpty: break
                case .text(let t): x += #"<c r="\#(ref)"\#(st) t="inlineStr"><is><t xml:space="preserve">\#(escape(t))</t></is></c>"#
                case .number(let d) where d.isFinite: x += #"<c r="\#(ref)"\#(st)><v>\#(number(d))</v></c>"#
                case .number, .empty: break
                }
            }
            x += "</row>"
        }
        row(s.columns.map { .text($0) }, 1, style: 1)
        for (i, r) in s.rows.enumerated() { row(r, i + 2, style: 0) }
        x += "</sheetData>"
        if !s.columns.isEmpty {
            x += #"<autoFilter ref="A1:\#(XLSXWorkbook.columnName(s.columns.count - 1))\#(s.rows.count + 1)"/>"#
        }
        return x + "</worksheet>"
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
    }

    /// XML text: `&`, `<`, `>`, `"` escaped; characters XML 1.0 cannot hold dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let v = u.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000 {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static func contentTypes(_ n: Int, properties: Bool = false) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if properties {
            s += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        }
        for i in 1...max(n, 1) where i <= n {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Noto Sans CJK JP"/></font><font><b/><sz val="11"/><name val="Noto Sans CJK JP"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
