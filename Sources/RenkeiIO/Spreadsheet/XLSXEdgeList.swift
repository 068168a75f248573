import Foundation
import RenkeiCore
import ZIPFoundation

extension CompactEdgeList {
    /// Reads the first sheet of an `.xlsx` workbook the fast way, or returns nil when the
    /// workbook needs the general reader (``DatasetLoader`` with `EdgeListLoader.loadWorkbook`).
    ///
    /// The sheet is inflated in chunks and scanned row by row as it comes, without a document
    /// tree or a `String` per cell: a million-row sheet (about 180 MB of XML) is never whole in
    /// memory. Each distinct text is turned into a name once, as in ``read(path:vocabulary:)``,
    /// and the result is what the general reader makes of the same workbook. The fast reader
    /// takes a workbook that is not a dataset workbook (団体 and 連携 sheets), whose first sheet
    /// starts with a header of source, target and (optionally) weight only, whose name cells are
    /// shared, inline or formula strings and whose weights are numbers or text, and in which no
    /// row has a problem to report. Anything else — a cell with a date, boolean or error value,
    /// a CDATA section, an unknown entity, a name that is a number — goes to the general reader.
    /// The inflating keeps the workbook reader's defence against ZIP bombs (at most
    /// ``XLSXWorkbook/maximumRatio`` times the compressed size) and stops at the first chunk past it.
    public static func read(workbook path: String, vocabulary: Vocabulary = .standard) -> CompactEdgeList? {
        let file = (path as NSString).lastPathComponent
        guard file.lowercased().hasSuffix(".xlsx") || file.lowercased().hasSuffix(".xlsm"),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return read(workbook: [UInt8](data), file: file, name: DatasetLoader.baseName(path), vocabulary: vocabulary)
    }

    /// ``read(workbook:vocabulary:)`` of a workbook's bytes, named `file` in evidence, the
    /// dataset called `name`.
    public static func read(workbook bytes: [UInt8], file: String, name: String, vocabulary: Vocabulary = .standard) -> CompactEdgeList? {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]),
              case .success(let archive) = XLSXWorkbook.zipDirectory(bytes),
              archive["EncryptedPackage"] == nil, archive["content.xml"] == nil else { return nil }
        func small(_ part: String) -> XMLTree? {
            guard let entry = archive[part], entry.uncompressedSize <= 16 << 20 else { return nil }
            var out: [UInt8] = []
            guard XLSXWorkbook.inflate(entry, in: bytes, limit: 16 << 20, consumer: { out += $0; return true }) == .done else { return nil }
            return try? XMLTree(bytes: out, file: part)
        }
        guard let workbook = small("xl/workbook.xml") else { return nil }
        let sheets = workbook.root.child("sheets")?.children("sheet") ?? []
        // A dataset workbook (団体 and 連携 sheets) is read as a dataset.
        let names = Set(sheets.map { CSVTable.normalizeHeader($0["name"] ?? "") })
        func has(_ table: String) -> Bool {
            WorkbookDatasetLoader.sheetNames.first { $0.table == table }!.names.contains { names.contains(CSVTable.normalizeHeader($0)) }
        }
        guard let first = sheets.first, !(has("organizations") && has("partnerships")) else { return nil }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let rid = first.attributes.first(where: { $0.name.hasSuffix(":id") })?.value {
            guard let rels = small("xl/_rels/workbook.xml.rels") else { return nil }
            if let r = rels.root.children("Relationship").first(where: { $0["Id"] == rid }), var target = r["Target"] {
                if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                sheetPath = target
            }
        }
        var shared: [[UInt8]] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            var scanner = XLSXRowScanner(element: "si")
            var failed = false
            let ok = XLSXWorkbook.inflate(entry, in: bytes, limit: XLSXWorkbook.maximumRatio * max(entry.compressedSize, 1 << 16)) { chunk in
                scanner.feed(chunk) { item in
                    guard let text = XLSXRowScanner.text(of: item) else { failed = true; return false }
                    shared.append(text)
                    return true
                }
            }
            guard ok == .done, !failed, scanner.finished else { return nil }
        }
        // The cell styles that show a date (a styles part that cannot be read: the general reader).
        var dates: Set<Int> = []
        if archive["xl/styles.xml"] != nil {
            guard let styles = small("xl/styles.xml") else { return nil }
            dates = XLSXWorkbook.dateStyles(styles.root)
        }
        guard let entry = archive[sheetPath] else { return nil }

        var builder: XLSXSheetBuilder?
        var declined = false
        var scanner = XLSXRowScanner(element: "row")
        var lastRow = 0
        let ok = XLSXWorkbook.inflate(entry, in: bytes, limit: XLSXWorkbook.maximumRatio * max(entry.compressedSize, 1 << 16)) { chunk in
            scanner.feed(chunk) { row in
                guard let cells = XLSXRowScanner.cells(of: row, shared: shared, dateStyles: dates, lastRow: &lastRow) else {
                    declined = true
                    return false
                }
                if cells.values.isEmpty { return true }
                if builder == nil {
                    guard let b = XLSXSheetBuilder(header: cells, file: file) else { declined = true; return false }
                    builder = b
                    return true
                }
                guard builder!.add(cells) else { declined = true; return false }
                return true
            }
        }
        guard ok == .done, !declined, scanner.finished, let builder else { return nil }
        return resolve(builder.sheet, file: file, name: name, vocabulary: vocabulary)
    }
}

extension XLSXWorkbook {
    /// How inflating a part ended.
    enum InflateOutcome: Equatable {
        case done
        /// Larger than the limit.
        case tooLarge
        /// The consumer asked to stop.
        case stopped
        /// The compressed data ends before the stream does.
        case cutShort
        case crcMismatch
        /// A compression method other than stored (0) and deflate (8).
        case method(Int)
        case failed(String)
    }

    /// Inflates (or copies, when stored) one part of the archive in chunks of at most 64 KiB,
    /// handing each to `consumer`, which returns false to stop. The part may hold at most `limit`
    /// bytes: the real size counts, not the declared one, and inflating stops at the first chunk
    /// past it (a ZIP bomb fails in milliseconds).
    static func inflate(_ entry: ZipEntry, in bytes: [UInt8], limit: Int, consumer: ([UInt8]) -> Bool) -> InflateOutcome {
        let data = bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)]
        switch entry.method {
        case 0:
            guard data.count <= limit else { return .tooLarge }
            var at = data.startIndex
            while at < data.endIndex {
                let end = min(data.endIndex, at + (1 << 16))
                guard consumer(Array(data[at..<end])) else { return .stopped }
                at = end
            }
            return .done
        case 8:
            struct TooLarge: Error {}
            struct Stopped: Error {}
            struct CutShort: Error {}
            var total = 0
            var crc: UInt32 = 0
            do {
                // The checksum is ours (``ZipChecksum``): ZIPFoundation's, on Linux, runs a byte at a time.
                _ = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: 1 << 16, skipCRC32: true, provider: { position, size in
                    // Past the end of the compressed data the stream was cut short. Each chunk
                    // is `size` bytes, zero-padded: the inflate loop tells zlib a whole buffer
                    // is available, so a short chunk would let it read beyond it.
                    guard position >= 0, Int(position) < data.count else { throw CutShort() }
                    let from = data.startIndex + Int(position)
                    var chunk = Data(data[from..<min(data.endIndex, from + size)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: { chunk in
                    total += chunk.count
                    guard total <= limit else { throw TooLarge() }
                    let bytes = [UInt8](chunk)
                    crc = bytes.withUnsafeBytes { ZipChecksum.update(crc, $0) }
                    guard consumer(bytes) else { throw Stopped() }
                })
                return crc == entry.crc32 ? .done : .crcMismatch
            } catch is TooLarge {
                return .tooLarge
            } catch is Stopped {
                return .stopped
            } catch is CutShort {
                return .cutShort
            } catch {
                return .failed("\(error)")
            }
        default:
            return .method(entry.method)
        }
    }
}

/// Splits a stream of XML bytes into the complete `<element …>…</element>` (or `<element …/>`)
/// items it holds, chunk by chunk: the bytes after the last complete item wait for the next chunk.
struct XLSXRowScanner {
    let open: [UInt8], close: [UInt8]
    var pending: [UInt8] = []
    /// True once every item met has been complete (nothing but the document's tail is left).
    var finished: Bool { find(open, in: pending, from: 0) == nil }

    init(element: String) {
        open = Array("<\(element)".utf8)
        close = Array("</\(element)>".utf8)
    }

    /// Adds a chunk and hands each complete item to `body` (false stops: the result is false).
    mutating func feed(_ chunk: [UInt8], _ body: (ArraySlice<UInt8>) -> Bool) -> Bool {
        pending += chunk
        var at = 0
        var result = true
        while let start = find(open, in: pending, from: at) {
            // `<row` must be the whole name (not `<rowBreaks`).
            let after = start + open.count
            guard after < pending.count else { break }
            let next = pending[after]
            if !(next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0A || next == 0x0D) {
                at = after
                continue
            }
            guard let tagEnd = find([0x3E], in: pending, from: after) else { break }
            let end: Int
            if pending[tagEnd - 1] == 0x2F {
                end = tagEnd + 1
            } else {
                guard let c = find(close, in: pending, from: tagEnd) else { break }
                end = c + close.count
            }
            if !body(pending[start..<end]) { result = false; at = end; break }
            at = end
        }
        if at > 0 { pending.removeFirst(at) }
        return result
    }

    func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? { Self.find(pattern, in: bytes[...], from: from) }

    /// One row's cells: column → value (a string's UTF-8 bytes, or a number as written), and
    /// the row number; nil for what the fast reader leaves to the general one.
    struct Cells {
        /// A string's bytes with its index among the shared strings (−1: not a shared string), or
        /// a number as written.
        enum Value { case text([UInt8], shared: Int32); case number([UInt8]) }
        var row: Int
        var values: [Int: Value]
    }

    /// The value of an attribute in a start tag.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        attribute(key: Array(" \(name)=".utf8), in: tag)
    }

    /// The bytes the scanner looks for, made once (they were made per row and per cell).
    enum Pattern {
        static let r = Array(" r=".utf8), t = Array(" t=".utf8), s = Array(" s=".utf8)
        static let cellOpen = Array("<c".utf8), cellClose = Array("</c>".utf8)
        static let valueOpen = Array("<v>".utf8), valueClose = Array("</v>".utf8)
        static let shared = Array("s".utf8), inline = Array("inlineStr".utf8), str = Array("str".utf8), n = Array("n".utf8)
    }

    /// A cell's `t`: a shared string, an inline string, a formula's string, a number, or another
    /// type the fast reader leaves to the general one.
    enum CellKind { case shared, inline, str, number, other }

    /// The value of the attribute whose ` name=` is `key` in a start tag.
    static func attribute(key: [UInt8], in tag: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var i = tag.startIndex
        while i + key.count < tag.endIndex {
            if tag[i] == 0x20 || tag[i] == 0x09 || tag[i] == 0x0A, tag[(i + 1)..<(i + key.count)].elementsEqual(key.dropFirst()) {
                let q = tag[i + key.count]
                guard q == 0x22 || q == 0x27 else { return nil }
                let from = i + key.count + 1
                guard let to = tag[from...].firstIndex(of: q) else { return nil }
                return tag[from..<to]
            }
            i += 1
        }
        return nil
    }

    static func integer(_ b: ArraySlice<UInt8>) -> Int? {
        guard !b.isEmpty, b.count < 10 else { return nil }
        var n = 0
        for c in b { guard c >= 0x30 && c <= 0x39 else { return nil }; n = n * 10 + Int(c - 0x30) }
        return n
    }

    /// Character data with the five predefined entities and character references resolved;
    /// nil for anything the general reader would treat otherwise (markup, CR, control bytes,
    /// invalid UTF-8, an unknown entity).
    static func characters(_ b: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == 0x3C || c == 0x0D || (c < 0x20 && c != 0x09 && c != 0x0A) { return nil }
            if c == 0x26 {
                guard let semi = b[i...].prefix(12).firstIndex(of: 0x3B) else { return nil }
                let name = String(decoding: b[(i + 1)..<semi], as: UTF8.self)
                switch name {
                case "lt": out.append(0x3C)
                case "gt": out.append(0x3E)
                case "amp": out.append(0x26)
                case "quot": out.append(0x22)
                case "apos": out.append(0x27)
                default:
                    guard name.hasPrefix("#") else { return nil }
                    let digits = name.dropFirst()
                    let v = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    guard let v, let s = Unicode.Scalar(v), v == 0x09 || v == 0x0A || v >= 0x20, v != 0x0D else { return nil }
                    out += Array(String(Character(s)).utf8)
                }
                i = semi + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return TextCodec.utf8ValidPrefix(out).0 == out.count ? out : nil
    }

    /// The text of a string item (`<si>` or `<is>`): its `<t>`s outside phonetic runs (`<rPh>`)
    /// concatenated; nil when it holds something else the fast reader does not read.
    static func text(of item: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = item.startIndex
        var phonetic = false
        while let lt = item[i...].firstIndex(of: 0x3C) {
            guard let gt = item[lt...].firstIndex(of: 0x3E) else { return nil }
            let tag = item[(lt + 1)..<gt]
            guard let first = tag.first else { return nil }
            if first == 0x21 || first == 0x3F { return nil }  // comment, CDATA, processing instruction
            let closing = first == 0x2F
            let nameBytes = (closing ? tag.dropFirst() : tag).prefix { $0 != 0x20 && $0 != 0x2F && $0 != 0x09 && $0 != 0x0A }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if name == "rPh" { phonetic = !closing && tag.last != 0x2F }
            if name == "t" && !closing && tag.last != 0x2F {
                guard let end = find(Array("</t>".utf8), in: item, from: gt + 1) else { return nil }
                if !phonetic {
                    guard let chars = characters(item[(gt + 1)..<end]) else { return nil }
                    out += chars
                }
                i = end + 4
                continue
            }
            i = gt + 1
        }
        return out
    }

    /// The index of the first `pattern` in `bytes` at or after `from` (memchr for its first byte).
    static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard from >= bytes.startIndex, from < bytes.endIndex else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            let base = b.baseAddress!
            var at = from - bytes.startIndex
            while at + pattern.count <= b.count {
                guard let hit = memchr(base + at, Int32(pattern[0]), b.count - at) else { return nil }
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard i + pattern.count <= b.count else { return nil }
                if memcmp(base + i, pattern, pattern.count) == 0 { return bytes.startIndex + i }
                at = i + 1
            }
            return nil
        }
    }

    /// The cells of one `<row>`; nil for a cell the fast reader leaves to the general one.
    static func cells(of row: ArraySlice<UInt8>, shared: [[UInt8]], dateStyles: Set<Int>, lastRow: inout Int) -> Cells? {
        guard let rowTagEnd = row.firstIndex(of: 0x3E) else { return nil }
        let rowTag = row[row.startIndex..<rowTagEnd]
        let number: Int
        if let r = attribute(key: Pattern.r, in: rowTag) { guard let n = integer(r) else { return nil }; number = n } else { number = lastRow + 1 }
        lastRow = number
        var out = Cells(row: number, values: [:])
        var nextColumn = 0
        var i = rowTagEnd + 1
        let cellOpen = Pattern.cellOpen, cellClose = Pattern.cellClose
        while let start = find(cellOpen, in: row, from: i) {
            guard start + 2 < row.endIndex else { return nil }
            switch row[start + 2] {
            case 0x20, 0x3E, 0x2F, 0x09, 0x0A: break
            default: return nil
            }
            guard let tagEnd = row[start...].firstIndex(of: 0x3E) else { return nil }
            let tag = row[start..<tagEnd]
            var col = nextColumn
            if let ref = attribute(key: Pattern.r, in: tag) {
                var n = 0, any = false
                for u in ref { guard u >= 0x41 && u <= 0x5A else { break }; n = n * 26 + Int(u - 0x40); any = true }
                if any { col = n - 1 }
            }
            nextColumn = col + 1
            guard col < 16_384 else { return nil }
            if row[tagEnd - 1] == 0x2F { i = tagEnd + 1; continue }  // an empty cell
            guard let end = find(cellClose, in: row, from: tagEnd) else { return nil }
            let body = row[(tagEnd + 1)..<end]
            i = end + cellClose.count
            func v() -> ArraySlice<UInt8>? {
                guard let a = find(Pattern.valueOpen, in: body, from: body.startIndex),
                      let b = find(Pattern.valueClose, in: body, from: a + 3) else { return nil }
                return body[(a + 3)..<b]
            }
            // The cell's type, compared as bytes (`n` when absent).
            var kind = CellKind.number
            if let t = attribute(key: Pattern.t, in: tag) {
                kind = t.elementsEqual(Pattern.shared) ? .shared : t.elementsEqual(Pattern.inline) ? .inline
                    : t.elementsEqual(Pattern.str) ? .str : t.elementsEqual(Pattern.n) ? .number : .other
            }
            switch kind {
            case .shared:
                guard let raw = v(), let k = integer(raw), k < shared.count else { return nil }
                if !shared[k].isEmpty { out.values[col] = .text(shared[k], shared: Int32(k)) }
            case .inline:
                guard let text = text(of: body) else { return nil }
                if !text.isEmpty { out.values[col] = .text(text, shared: -1) }
            case .str:
                guard let raw = v() else { continue }
                guard let text = characters(raw) else { return nil }
                if !text.isEmpty { out.values[col] = .text(text, shared: -1) }
            case .number:
                guard let raw = v() else { continue }
                if let s = attribute(key: Pattern.s, in: tag) {
                    guard let style = integer(s) else { return nil }
                    if dateStyles.contains(style) { return nil }
                }
                guard !raw.isEmpty, raw.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x45 || $0 == 0x65 })
                else { return nil }
                out.values[col] = .number(Array(raw))
            case .other:
                return nil  // booleans, errors, dates as text
            }
        }
        return out
    }
}

/// Rows of a workbook sheet collected like ``CompactEdgeList``'s CSV rows.
struct XLSXSheetBuilder {
    var sheet: ParsedSheet
    let source: Int, target: Int, weight: Int?
    var weightCache: [[UInt8]: Double] = [:]
    /// The cell number of each shared string met (−1: not yet): a sheet names each organisation
    /// through one shared string, so its bytes are hashed once, not on every row.
    var sharedCells: [Int32] = []
    /// The previous row's source and target cell and its number: sheets list one source's
    /// partners on consecutive rows, so the same bytes are compared before any lookup.
    var previous: [([UInt8], Int32)?] = [nil, nil]

    /// Nil unless `header` names a source, a target and at most a weight (no other recognised
    /// column, no column twice, no number as a header).
    init?(header cells: XLSXRowScanner.Cells, file: String) {
        let width = (cells.values.keys.max() ?? -1) + 1
        var header: [String] = []
        for col in 0..<width {
            switch cells.values[col] {
            case .text(let b, _)?: header.append(String(decoding: b, as: UTF8.self).trimmingWhitespace())
            case nil: header.append("")
            case .number?: return nil
            }
        }
        var seen = Set<String>()
        for h in header where !h.isEmpty { guard seen.insert(CSVTable.normalizeHeader(h)).inserted else { return nil } }
        var ignored: [InputProblem] = []
        guard let c = EdgeListLoader.Columns(header, file: file, problems: &ignored) else { return nil }
        let others: [Int?] = [c.relations, c.project, c.projectID, c.lead, c.status, c.kind, c.prefecture,
                              c.municipality, c.year, c.note]
        guard others.allSatisfy({ $0 == nil }) else { return nil }
        (source, target, weight) = (c.source, c.target, c.weight)
        var table = CellTable()
        table.unguard = false
        sheet = ParsedSheet(cells: table, sourceCells: [], targetCells: [], weights: [], lines: [], encoding: nil)
    }

    /// Adds a data row; false when it has a problem the general reader reports.
    mutating func add(_ cells: XLSXRowScanner.Cells) -> Bool {
        func name(_ col: Int) -> Int32? {
            guard case .text(let b, let k)? = cells.values[col] else { return cells.values[col] == nil ? -1 : nil }
            let id: Int32
            let slot = col == source ? 0 : 1
            if k >= 0, Int(k) < sharedCells.count, sharedCells[Int(k)] >= 0 {
                id = sharedCells[Int(k)]
            } else if let p = previous[slot], p.0 == b {
                id = p.1
            } else {
                id = b.withUnsafeBufferPointer { sheet.cells.intern($0) }
                if k >= 0 {
                    if Int(k) >= sharedCells.count { sharedCells += repeatElement(-1, count: Int(k) + 1 - sharedCells.count) }
                    sharedCells[Int(k)] = id
                }
                previous[slot] = (b, id)
            }
            return sheet.cells.usable[Int(id)] ? id : -1
        }
        guard let s = name(source), let t = name(target), cells.row <= Int(Int32.max) else { return false }
        if s < 0 || t < 0 {
            // A row of white space only is skipped; an empty or refused name is a problem.
            let blank = cells.values.values.allSatisfy {
                if case .text(let b, _) = $0 { return String(decoding: b, as: UTF8.self).trimmingWhitespace().isEmpty }
                return false
            }
            return blank
        }
        var w = 1.0
        if let col = weight, let cell = cells.values[col] {
            let value: Double?
            switch cell {
            case .number(let b):
                value = b.withUnsafeBufferPointer { CompactEdgeList.plainDecimal($0) }.map { $0 > 0 ? $0 : nil }
                    ?? parsed(Array(XLSXWorkbook.number(String(decoding: b, as: UTF8.self)).utf8))
            case .text(let b, _):
                value = b.withUnsafeBufferPointer { CompactEdgeList.plainDecimal($0) }.map { $0 > 0 ? $0 : nil } ?? parsed(b)
            }
            guard let value else { return false }
            w = value
        }
        sheet.sourceCells.append(s); sheet.targetCells.append(t); sheet.weights.append(w); sheet.lines.append(Int32(cells.row))
        return true
    }

    /// A weight written some other way (`1e3`, full-width digits), as the general reader parses it.
    mutating func parsed(_ b: [UInt8]) -> Double? {
        if let w = weightCache[b] { return w }
        guard case .success(let w) = FieldParsing.weight(String(decoding: b, as: UTF8.self)) else { return nil }
        weightCache[b] = w ?? 1
        return w ?? 1
    }
}
