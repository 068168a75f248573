import Foundation
import RenkeiCore
import ZIPFoundation

/// A workbook read from `.xlsx` bytes: its sheets in workbook order, each a list of rows of cell
/// text (shared and inline strings, numbers as written by Excel, booleans as TRUE/FALSE).
///
/// Hardened like the XML readers: the archive is opened in memory; an entry larger than
/// ``maximumEntrySize``, a workbook larger than ``maximumTotalSize`` uncompressed, or an entry that
/// inflates more than ``maximumRatio`` times its compressed size fails as soon as the limit is
/// passed while inflating (a declared size cannot be trusted), so a zip bomb fails in milliseconds.
/// The XML parts go through ``XMLTree`` (no DOCTYPE, no entities).
public struct XLSXWorkbook: Sendable {
    /// One row: its 1-based row number and its cells by 0-based column.
    public struct Row: Sendable {
        public var number: Int
        public var cells: [Int: String]

        /// The cells from column 0 to `count - 1`, empty where a cell is missing.
        public func fields(count: Int) -> [String] { (0..<count).map { cells[$0] ?? "" } }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [Row]
    }

    public var sheets: [Sheet]

    public static let maximumEntrySize = 64 << 20
    public static let maximumTotalSize = 256 << 20
    public static let maximumRatio = 200

    /// Reads a workbook. `file` names it in problems.
    /// - Throws: `InputError` with a one-line message for what is not a readable workbook.
    public init(bytes: [UInt8], file: String) throws {
        func fail(_ message: String) -> InputError { InputError([InputProblem(file: file, message: message)]) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw fail(file.lowercased().hasSuffix(".xls")
                ? "an Excel 97-2003 workbook (.xls) cannot be read; open it in Excel or LibreOffice and save it as .xlsx (Excel workbook) or CSV"
                : "the workbook is password-protected (encrypted); remove the password in Excel (File → Info → Protect Workbook) or save a copy without it, then try again")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw fail("not an .xlsx workbook (no ZIP signature); save it from Excel or LibreOffice as .xlsx or CSV")
        }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw fail("not a readable .xlsx workbook (the ZIP archive is damaged)")
        }
        var total = 0
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            let bomb = "\(path) inflates beyond the limits (\(XLSXWorkbook.maximumEntrySize >> 20) MB a part, \(XLSXWorkbook.maximumRatio)× its compressed size): not read, it looks like a ZIP bomb"
            // The declared sizes first (no inflating at all), then the real ones while inflating.
            if entry.uncompressedSize > UInt64(XLSXWorkbook.maximumEntrySize)
                || (entry.uncompressedSize > 1 << 16 && entry.uncompressedSize > entry.compressedSize * UInt64(XLSXWorkbook.maximumRatio)) {
                throw fail(bomb)
            }
            var out: [UInt8] = []
            let limit = min(XLSXWorkbook.maximumEntrySize,
                            max(1 << 16, Int(clamping: entry.compressedSize) * XLSXWorkbook.maximumRatio))
            struct TooLarge: Error {}
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    out += chunk
                    total += chunk.count
                    if out.count > limit || total > XLSXWorkbook.maximumTotalSize { throw TooLarge() }
                }
            } catch is TooLarge {
                throw fail(bomb)
            } catch {
                throw fail("\(path) cannot be unpacked: \(error)")
            }
            return out
        }
        func xml(_ path: String) throws -> XMLTree? {
            guard let b = try part(path) else { return nil }
            return try XMLTree(bytes: b, file: "\(file):\(path)")
        }
        if archive["EncryptedPackage"] != nil { throw fail("the workbook is password-protected (encrypted); remove the password and save again") }
        if archive["content.xml"] != nil || archive["mimetype"] != nil {
            throw fail("an OpenDocument spreadsheet (.ods) cannot be read; save it as .xlsx (Excel workbook) or CSV")
        }
        if archive["Index/Document.iwa"] != nil {
            throw fail("a Numbers document cannot be read; in Numbers choose File → Export To → Excel (.xlsx) or CSV")
        }
        guard let workbook = try xml("xl/workbook.xml") else {
            throw fail("not an .xlsx workbook (xl/workbook.xml is missing); save it from Excel or LibreOffice as .xlsx or CSV")
        }
        // Sheet names → part paths through the workbook's relationships.
        var targets: [String: String] = [:]
        if let rels = try xml("xl/_rels/workbook.xml.rels") {
            for r in rels.root.children("Relationship") {
                guard let id = r["Id"], var target = r["Target"] else { continue }
                if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                targets[id] = target
            }
        }
        var shared: [String] = []
        if let sst = try xml("xl/sharedStrings.xml") {
            shared = sst.root.children("si").map(XLSXWorkbook.text(of:))
        }
        var sheets: [Sheet] = []
        for (i, s) in (workbook.root.child("sheets")?.children("sheet") ?? []).enumerated() {
            let name = s["name"] ?? "Sheet\(i + 1)"
            let rid = s.attributes.first { $0.name.hasSuffix(":id") }?.value ?? ""
            let path = targets[rid] ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let tree = try xml(path) else { throw fail("sheet '\(name)' (\(path)) is missing from the workbook") }
            sheets.append(Sheet(name: name, rows: try XLSXWorkbook.rows(tree.root, shared: shared, file: file, sheet: name)))
        }
        self.sheets = sheets
    }

    /// The text of a string item: its `t`, or its runs' `t`, without phonetic guides (`rPh`).
    static func text(of e: XMLTree.Element) -> String {
        if e.localName == "rPh" || e.localName == "phoneticPr" { return "" }
        if e.localName == "t" { return e.text }
        return e.children.map(text(of:)).joined()
    }

    /// `A` → 0, `AB` → 27; nil for a reference without letters.
    static func column(ofReference ref: String) -> Int? {
        var n = 0
        var any = false
        for u in ref.unicodeScalars {
            guard (65...90).contains(u.value) else { break }
            n = n * 26 + Int(u.value - 64)
            any = true
        }
        return any ? n - 1 : nil
    }

    /// `0` → `A`, `27` → `AB`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func rows(_ worksheet: XMLTree.Element, shared: [String], file: String, sheet: String) throws -> [Row] {
        var out: [Row] = []
        var lastRow = 0
        for r in worksheet.child("sheetData")?.children("row") ?? [] {
            let rowNumber = r["r"].flatMap(Int.init) ?? lastRow + 1
            lastRow = rowNumber
            var cells: [Int: String] = [:]
            var nextColumn = 0
            for c in r.children("c") {
                let col = c["r"].flatMap(column(ofReference:)) ?? nextColumn
                nextColumn = col + 1
                let v = c.child("v")?.text ?? ""
                let value: String
                switch c["t"] ?? "n" {
                case "s":
                    guard let i = Int(v), shared.indices.contains(i) else {
                        throw InputError([InputProblem(file: "\(file):\(sheet)!\(columnName(col))\(rowNumber)", message: "shared string \(v) does not exist")])
                    }
                    value = shared[i]
                case "inlineStr": value = c.child("is").map(text(of:)) ?? ""
                case "b": value = v == "1" ? "TRUE" : "FALSE"
                case "str", "e": value = v
                default: value = number(v)
                }
                if !value.isEmpty { cells[col] = value }
            }
            if !cells.isEmpty { out.append(Row(number: rowNumber, cells: cells)) }
        }
        return out
    }

    /// A numeric cell as a person reads it: `2.0` → `2`, `1.5` stays.
    static func number(_ v: String) -> String {
        if let d = Double(v), d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return v
    }
}
