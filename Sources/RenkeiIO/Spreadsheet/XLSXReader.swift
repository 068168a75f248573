import Foundation
import RenkeiCore
import ZIPFoundation

/// A workbook read from `.xlsx` bytes: its sheets in workbook order, each a list of rows of cell
/// text (shared and inline strings, numbers as written by Excel, booleans as TRUE/FALSE, cells
/// with a date or time number format as ISO dates: `2023-06-01`, see ``dateStyles(_:)``).
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
    /// The document title and description (`docProps/core.xml`), when the workbook has them.
    public var title: String?
    public var description: String?

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
        // The ZIP directory is read here, and only the inflating is left to zlib (through
        // ZIPFoundation's Data.decompress): its in-memory Archive leaks when there is no
        // end-of-central-directory record, traps when an offset points past the end, and spins
        // for ever on a deflate stream cut short (all three found by the xlsx fuzz target).
        let archive: [String: ZipEntry]
        switch Self.zipDirectory(bytes) {
        case .success(let d): archive = d
        case .failure(let damage): throw fail("not a readable .xlsx workbook (the ZIP archive is damaged: \(damage.reason))")
        }
        var total = 0
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            let bomb = "\(path) inflates beyond the limits (\(XLSXWorkbook.maximumEntrySize >> 20) MB a part, \(XLSXWorkbook.maximumRatio)× its compressed size): not read, it looks like a ZIP bomb"
            // The declared sizes first (no inflating at all), then the real ones while inflating.
            if entry.uncompressedSize > XLSXWorkbook.maximumEntrySize
                || (entry.uncompressedSize > 1 << 16 && entry.uncompressedSize > entry.compressedSize * XLSXWorkbook.maximumRatio) {
                throw fail(bomb)
            }
            let limit = min(XLSXWorkbook.maximumEntrySize, max(1 << 16, entry.compressedSize * XLSXWorkbook.maximumRatio))
            var out: [UInt8] = []
            let outcome = XLSXWorkbook.inflate(entry, in: bytes, limit: limit) { chunk in
                out += chunk
                total += chunk.count
                return total <= XLSXWorkbook.maximumTotalSize
            }
            switch outcome {
            case .done: break
            case .tooLarge, .stopped: throw fail(bomb)
            case .cutShort: throw fail("\(path) cannot be unpacked: its compressed data is cut short (the file is damaged)")
            case .crcMismatch: throw fail("\(path) cannot be unpacked: its CRC-32 does not match (the file is damaged)")
            case .method(let m): throw fail("\(path) cannot be unpacked: compression method \(m) is not read (only stored and deflate)")
            case .failed(let reason): throw fail("\(path) cannot be unpacked: \(reason)")
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
        let dates = try xml("xl/styles.xml").map { XLSXWorkbook.dateStyles($0.root) } ?? []
        let date1904 = ["1", "true"].contains(workbook.root.child("workbookPr")?["date1904"]?.lowercased() ?? "")
        var sheets: [Sheet] = []
        for (i, s) in (workbook.root.child("sheets")?.children("sheet") ?? []).enumerated() {
            let name = s["name"] ?? "Sheet\(i + 1)"
            let rid = s.attributes.first { $0.name.hasSuffix(":id") }?.value ?? ""
            let path = targets[rid] ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let tree = try xml(path) else { throw fail("sheet '\(name)' (\(path)) is missing from the workbook") }
            sheets.append(Sheet(name: name, rows: try XLSXWorkbook.rows(tree.root, shared: shared, dateStyles: dates,
                                                                      date1904: date1904, file: file, sheet: name)))
        }
        self.sheets = sheets
        if let core = try xml("docProps/core.xml") {
            func text(_ name: String) -> String? {
                core.root.child(name).map { $0.text.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            title = text("title")
            description = text("description")
        }
    }

    /// The text of a string item: its `t`, or its runs' `t`, without phonetic guides (`rPh`).
    /// One part of the ZIP archive: where its data is and how it is stored.
    struct ZipEntry {
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var crc32: UInt32
        /// Offset of the first byte of the (compressed) data.
        var dataStart: Int
    }

    /// Why a ZIP directory cannot be read.
    struct ZipDamage: Error { var reason: String }

    /// The ZIP archive's parts by path, read from its central directory, or what is damaged:
    /// the end-of-central-directory record (the last `PK\u{5}\u{6}` at least 22 bytes before the
    /// end, with its whole comment present), the central directory inside the file, and for each
    /// entry its central record, its local header and its data inside the file. ZIP64 is
    /// refused: a workbook within the size limits never needs it. Every offset is checked, so
    /// nothing reads past the end.
    /// - Complexity: O(*n*) in the number of bytes.
    static func zipDirectory(_ bytes: [UInt8]) -> Result<[String: ZipEntry], ZipDamage> {
        let n = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func signature(_ at: Int, _ b2: UInt8, _ b3: UInt8) -> Bool {
            at >= 0 && at + 4 <= n && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == b2 && bytes[at + 3] == b3
        }
        func damaged(_ reason: String) -> Result<[String: ZipEntry], ZipDamage> { .failure(ZipDamage(reason: reason)) }
        guard n >= 22 else { return damaged("too short") }
        var eocd = n - 22
        while eocd >= 0, !signature(eocd, 0x05, 0x06) { eocd -= 1 }
        guard eocd >= 0 else { return damaged("no end-of-central-directory record") }
        guard eocd + 22 + u16(eocd + 20) <= n else { return damaged("the archive comment is cut off") }
        let entries = u16(eocd + 10), cdSize = u32(eocd + 12), cdStart = u32(eocd + 16)
        if entries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdStart == 0xFFFF_FFFF || signature(eocd - 20, 0x06, 0x07) {
            return damaged("ZIP64 archives are not read")
        }
        let cdEnd = cdStart + cdSize
        guard cdEnd <= eocd else { return damaged("the central directory lies outside the file") }
        var directory: [String: ZipEntry] = [:]
        var at = cdStart
        for _ in 0..<entries {
            guard at + 46 <= cdEnd, signature(at, 0x01, 0x02) else { return damaged("a central directory entry is cut off") }
            let method = u16(at + 10), crc = UInt32(u32(at + 16)), compressed = u32(at + 20), uncompressed = u32(at + 24)
            let name = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32), local = u32(at + 42)
            guard at + 46 + name + extra + comment <= cdEnd else { return damaged("a central directory entry is cut off") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                return damaged("ZIP64 archives are not read")
            }
            guard local + 30 <= n, signature(local, 0x03, 0x04) else { return damaged("an entry's local header lies outside the file") }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= n else { return damaged("an entry's data lies outside the file") }
            if method == 0 && compressed != uncompressed { return damaged("a stored entry's sizes disagree") }
            let path = String(decoding: bytes[(at + 46)..<(at + 46 + name)], as: UTF8.self)
            if directory[path] == nil {
                directory[path] = ZipEntry(method: method, compressedSize: compressed, uncompressedSize: uncompressed,
                                           crc32: crc, dataStart: dataStart)
            }
            at += 46 + name + extra + comment
        }
        return .success(directory)
    }

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

    static func rows(_ worksheet: XMLTree.Element, shared: [String], dateStyles: Set<Int> = [], date1904: Bool = false,
                     file: String, sheet: String) throws -> [Row] {
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
                case "str", "e", "d": value = v
                default:
                    if let style = c["s"].flatMap(Int.init), dateStyles.contains(style), let serial = Double(v),
                       let text = date(serial: serial, date1904: date1904) {
                        value = text
                    } else {
                        value = number(v)
                    }
                }
                if !value.isEmpty { cells[col] = value }
            }
            if !cells.isEmpty { out.append(Row(number: rowNumber, cells: cells)) }
        }
        return out
    }

    /// The cell styles (indices into `cellXfs`) whose number format shows a date or time: the
    /// built-in formats 14–22 (m/d/yyyy … h:mm), 27–36 and 50–58 (the East Asian dates, 令和 eras
    /// among them) and 45–47 (mm:ss), and custom `numFmt`s whose code holds a date or time part
    /// (y, m, d, h, s, or the era letters g, e) outside quoted text, `\`-escapes and `[…]`.
    static func dateStyles(_ styles: XMLTree.Element) -> Set<Int> {
        var dateFormats = Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))
        for f in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = f["numFmtId"].flatMap(Int.init), let code = f["formatCode"], isDateFormat(code) { dateFormats.insert(id) }
        }
        var out = Set<Int>()
        for (i, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            if let id = xf["numFmtId"].flatMap(Int.init), dateFormats.contains(id) { out.insert(i) }
        }
        return out
    }

    /// True when a number format code shows a date or a time (`yyyy-mm-dd`, `[$-411]ggge"年"m"月"d"日"`,
    /// `h:mm`), false for numbers, text and `General` (`0.00E+00`, `#,##0"円"`, `@`).
    static func isDateFormat(_ code: String) -> Bool {
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        var quoted = false, bracket = false, escaped = false
        var letters = ""
        for ch in section {
            if escaped { escaped = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            if bracket { if ch == "]" { bracket = false }; continue }
            switch ch {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true  // `_x` pads by x's width, `*x` repeats x
            default: letters.append(ch)
            }
        }
        let lower = letters.lowercased().replacingOccurrences(of: "general", with: "")
        return lower.contains { "ymdhsge".contains($0) } && !lower.contains("e+") && !lower.contains("e-")
    }

    /// An Excel date serial as ISO text: `2023-06-01`, `2023-06-01 09:30:00`, or `09:30:00` for a
    /// time alone; nil for a serial no date has. The 1900 system counts days from 1899-12-30
    /// (from 1899-12-31 before its phantom 1900-02-29, serial 60), the 1904 system from 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // 9999-12-31
        var days = serial.rounded(.down)
        var seconds = Int(((serial - days) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if !date1904 && days == 0 { return seconds == 0 ? nil : time }
        if !date1904 && days == 60 { return "1900-02-29" + (seconds == 0 ? "" : " " + time) }  // Excel's phantom day
        // Days since 1970-01-01.
        let epoch = date1904 ? Int(days) - 24_107 : Int(days) - (days < 60 ? 25_568 : 25_569)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(epoch) * 86_400))
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        let text = String(format: "%04d-%02d-%02d", y, m, d)
        return seconds == 0 ? text : text + " " + time
    }

    /// A numeric cell as a person reads it: `2.0` → `2`, `1.5` stays.
    static func number(_ v: String) -> String {
        if let d = Double(v), d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return v
    }
}
