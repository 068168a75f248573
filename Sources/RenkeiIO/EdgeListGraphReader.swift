import Foundation
import RenkeiCore

/// Reads a plain edge list straight into an ``AnalysisGraph``, without building a `Dataset`.
///
/// Two layouts are accepted:
/// - whitespace: `u v [w]` per line (spaces, tabs or U+3000); lines starting with `#` or `%` are
///   comments, and a field starting with `#` comments out the rest of its line;
/// - CSV: `source,target[,weight]` per line, an optional header row `source,target[,weight]`,
///   RFC 4180 quotes allowed.
///
/// The layout is CSV when the file name ends in `.csv` or the first data line holds a comma.
/// Vertices are labelled as written and numbered in order of first appearance (as NetworkX's
/// `read_edgelist`); a missing weight is 1; repeated pairs add up. The value rules are validate's: a weight is a
/// positive, finite decimal number and a self-loop is an error.
///
/// The file is parsed as bytes, with no `String` per line: only one `String` per distinct vertex
/// label is made. A 1,000,000-edge file needs about 16 bytes per edge line beyond the file
/// itself and the graph.
public enum EdgeListGraphReader {
    /// Reads the edge list at `path`.
    /// - Throws: `InputError` naming the file, line and field of every problem (up to 20).
    /// - Complexity: O(*L* + *m* log *d*) for a file of *L* bytes.
    public static func read(path: String) throws -> AnalysisGraph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw InputError([InputProblem(file: path, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return try data.withUnsafeBytes { raw in
            try parse(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
                      file: path, csv: path.lowercased().hasSuffix(".csv") ? true : nil)
        }
    }

    /// Parses edge-list text.
    /// - Parameters:
    ///   - text: the file's bytes (UTF-8).
    ///   - file: the name used in error messages.
    ///   - csv: force CSV (true) or whitespace (false) layout; nil to detect.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>, file: String, csv: Bool? = nil) throws -> AnalysisGraph {
        var parser = EdgeListParser(text: text, file: file, csv: csv)
        return try parser.run()
    }

    /// Parses edge-list text given as a string (tests, small inputs).
    public static func parse(string: String, file: String, csv: Bool? = nil) throws -> AnalysisGraph {
        var bytes = Array(string.utf8)
        return try bytes.withUnsafeMutableBufferPointer { try parse(UnsafeBufferPointer($0), file: file, csv: csv) }
    }
}

/// Byte-level edge-list parser with an open-addressing label table, reading its lines through
/// ``EdgeListTokenizer``.
private struct EdgeListParser {
    typealias Field = EdgeListTokenizer.Field
    let text: UnsafeBufferPointer<UInt8>
    let file: String
    var lines: EdgeListTokenizer

    // Label interning: label i is text[labelStart[i] ..< labelStart[i] + labelLength[i]], or, for
    // labels that needed unquoting, a string in `unquoted`.
    var labelStart: [Int] = []
    var labelLength: [Int32] = []
    var unquoted: [Int: [UInt8]] = [:]
    var table: [Int32]
    var tableMask: Int

    init(text: UnsafeBufferPointer<UInt8>, file: String, csv: Bool?) {
        self.text = text
        self.file = file
        lines = EdgeListTokenizer(text: text, file: file, csv: csv)
        table = [Int32](repeating: -1, count: 1024)
        tableMask = 1023
    }

    mutating func problem(_ line: Int, _ field: String?, _ message: String) { lines.problem(line, field, message) }

    func string(_ f: Field) -> String { lines.string(f) }

    mutating func run() throws -> AnalysisGraph {
        var edges: [(Int32, Int32, Double)] = []
        edges.reserveCapacity(max(16, text.count / 12))
        var fields: [Field] = []
        fields.reserveCapacity(4)
        while let line = lines.next(&fields) {
            if fields.count < 2 || fields.count > 3 {
                problem(line, fields.count < 2 ? "target" : nil,
                        "expected 2 or 3 fields (source, target[, weight]), found \(fields.count)")
                continue
            }
            if fields[0].start == fields[0].end && fields[0].owned == nil { problem(line, "source", "empty label"); continue }
            if fields[1].start == fields[1].end && fields[1].owned == nil { problem(line, "target", "empty label"); continue }
            var w = 1.0
            if fields.count == 3 {
                // The rule of validate and every dataset reader: a positive, finite decimal number
                // (not −1, 0, 0x10, nan or 1e309).
                guard let value = number(fields[2]), value.isFinite else {
                    problem(line, "weight", "weight '\(string(fields[2]))' is not a number (weights must be positive numbers)")
                    continue
                }
                guard value > 0 else {
                    problem(line, "weight", "weight \(string(fields[2])) is not positive (weights must be positive numbers)")
                    continue
                }
                w = value
            }
            let u = intern(fields[0]), v = intern(fields[1])
            if u == v {
                problem(line, "target", "self-loop: '\(string(fields[0]))' partners with itself")
                continue
            }
            edges.append((u, v, w))
        }
        if !lines.problems.isEmpty { throw InputError(lines.problems) }
        var labels: [String] = []
        labels.reserveCapacity(labelStart.count)
        for i in 0..<labelStart.count {
            let bytes: UnsafeBufferPointer<UInt8>
            if let owned = unquoted[i] {
                guard let s = String(bytes: owned, encoding: .utf8) else { throw notUTF8() }
                labels.append(s); continue
            }
            bytes = UnsafeBufferPointer(rebasing: text[labelStart[i] ..< labelStart[i] + Int(labelLength[i])])
            guard let s = String(bytes: bytes, encoding: .utf8) else { throw notUTF8() }
            labels.append(s)
        }
        return AnalysisGraph(labels: labels, edges: edges)
    }

    func notUTF8() -> InputError {
        InputError([InputProblem(file: file, message: "labels are not valid UTF-8 (a Shift_JIS file? convert it with iconv -f SHIFT_JIS -t UTF-8)")])
    }

    /// Parses a decimal number; exact fast path for up to 15 significant digits (Clinger 1990,
    /// doi:10.1145/93548.93557), `Double(String)` otherwise.
    func number(_ f: Field) -> Double? {
        if f.owned != nil { return FieldParsing.decimal(string(f).trimmingCharacters(in: .whitespaces)) }
        var i = f.start
        let end = f.end
        guard i < end else { return nil }
        var negative = false
        if text[i] == 0x2D || text[i] == 0x2B { negative = text[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var seenDot = false, any = false
        while i < end {
            let c = text[i]
            if c >= 0x30 && c <= 0x39 {
                any = true
                if mantissa == 0 && c == 0x30 { if seenDot { fraction += 1 } ; i += 1; continue }
                if digits >= 15 { return FieldParsing.decimal(string(f)) }
                mantissa = mantissa * 10 + UInt64(c - 0x30)
                digits += 1
                if seenDot { fraction += 1 }
            } else if c == 0x2E && !seenDot {
                seenDot = true
            } else {
                return FieldParsing.decimal(string(f))
            }
            i += 1
        }
        guard any else { return nil }
        var value = Double(mantissa)
        if fraction > 0 {
            if fraction > 22 { return FieldParsing.decimal(string(f)) }
            value /= Self.powersOfTen[fraction]
        }
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// FNV-1a hash of a label's bytes.
    func hash(_ f: Field) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        if let owned = f.owned {
            for b in owned { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        } else {
            for i in f.start..<f.end { h = (h ^ UInt64(text[i])) &* 0x100_0000_01b3 }
        }
        return h
    }

    /// The first table slot probed for hash `h`.
    func homeSlot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & tableMask }

    /// Label `id` as a field.
    func field(of id: Int) -> Field {
        if let owned = unquoted[id] { return Field(start: 0, end: 0, owned: owned) }
        return Field(start: labelStart[id], end: labelStart[id] + Int(labelLength[id]), owned: nil)
    }

    mutating func intern(_ f: Field) -> Int32 {
        var slot = homeSlot(hash(f))
        while true {
            let id = table[slot]
            if id < 0 { break }
            if equal(Int(id), f) { return id }
            slot = (slot + 1) & tableMask
        }
        let id = Int32(labelStart.count)
        if let owned = f.owned {
            unquoted[Int(id)] = owned
            labelStart.append(0); labelLength.append(Int32(owned.count))
        } else {
            labelStart.append(f.start); labelLength.append(Int32(f.end - f.start))
        }
        table[slot] = id
        if labelStart.count * 2 > table.count { grow() }
        return id
    }

    func equal(_ id: Int, _ f: Field) -> Bool {
        let len = Int(labelLength[id])
        if let stored = unquoted[id] {
            if let owned = f.owned { return stored == owned }
            return stored.count == f.end - f.start && stored.elementsEqual(text[f.start..<f.end])
        }
        if let owned = f.owned {
            return owned.count == len && owned.elementsEqual(text[labelStart[id] ..< labelStart[id] + len])
        }
        guard len == f.end - f.start else { return false }
        let a = labelStart[id]
        for k in 0..<len where text[a + k] != text[f.start + k] { return false }
        return true
    }

    mutating func grow() {
        let size = table.count * 2
        table = [Int32](repeating: -1, count: size)
        tableMask = size - 1
        for id in 0..<labelStart.count {
            var slot = homeSlot(hash(field(of: id)))
            while table[slot] >= 0 { slot = (slot + 1) & tableMask }
            table[slot] = Int32(id)
        }
    }
}

/// Splits edge-list text into the fields of its data lines, for ``EdgeListGraphReader`` and for
/// `DatasetLoader`'s plain edge lists (`EdgeListLoader.loadPlain`), so both read the same syntax:
///
/// - blank lines and lines starting with `#` or `%` are skipped; in the whitespace layout a field
///   starting with `#` begins a comment that runs to the end of the line;
/// - whitespace layout: fields separated by spaces, tabs or ideographic spaces (U+3000);
/// - CSV layout: RFC 4180 fields on one line, an optional `source,target[,weight]` header row;
/// - the layout is CSV when forced, or when the first data line holds a comma.
///
/// Works on UTF-8 bytes and makes no `String` per line.
struct EdgeListTokenizer {
    /// A field of the current line: a byte range, or unquoted bytes.
    struct Field {
        var start: Int
        var end: Int
        var owned: [UInt8]?
    }

    let text: UnsafeBufferPointer<UInt8>
    let file: String
    /// Syntax problems met so far (at most 20 are kept).
    var problems: [InputProblem] = []
    var csv: Bool?
    var pos = 0
    var line = 0
    var firstDataLine = true

    /// A tokenizer over `text`; `csv` forces the layout (nil: detect).
    init(text: UnsafeBufferPointer<UInt8>, file: String, csv: Bool?) {
        self.text = text
        self.file = file
        self.csv = csv
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { pos = 3 }
    }

    mutating func problem(_ line: Int, _ field: String?, _ message: String) {
        if problems.count < 20 { problems.append(InputProblem(file: file, line: line, field: field, message: message)) }
    }

    /// Puts the fields of the next data line into `fields` and returns its 1-based line number;
    /// nil at the end of the text. Lines with a CSV syntax error are reported and skipped.
    mutating func next(_ fields: inout [Field]) -> Int? {
        while pos < text.count {
            line += 1
            var end = pos
            while end < text.count, text[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > pos, text[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var first = pos
            pos = end + 1
            // skip blank lines and comments
            while first < lineEnd, text[first] == 0x20 || text[first] == 0x09 { first += 1 }
            if first == lineEnd || text[first] == 0x23 || text[first] == 0x25 { continue }
            if csv == nil {
                var comma = false
                for i in first..<lineEnd where text[i] == 0x2C { comma = true; break }
                csv = comma
            }
            fields.removeAll(keepingCapacity: true)
            if csv! {
                if !splitCSV(from: first, to: lineEnd, line: line, into: &fields) { continue }
            } else {
                splitWhitespace(from: first, to: lineEnd, into: &fields)
                if fields.isEmpty { continue }
            }
            if firstDataLine {
                firstDataLine = false
                if csv!, isHeader(fields) { continue }
            }
            return line
        }
        return nil
    }

    func isHeader(_ fields: [Field]) -> Bool {
        let names = fields.map { string($0).trimmingCharacters(in: .whitespaces).lowercased() }
        return names.count >= 2 && names[0] == "source" && names[1] == "target"
            && (names.count == 2 || (names.count == 3 && names[2] == "weight"))
    }

    func string(_ f: Field) -> String {
        if let owned = f.owned { return String(decoding: owned, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: text[f.start..<f.end]), as: UTF8.self)
    }

    /// Length of the separator at `i` (space, tab, or U+3000 as E3 80 80), 0 when none.
    @inline(__always) func separator(at i: Int, _ end: Int) -> Int {
        let c = text[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xE3, i + 2 < end, text[i + 1] == 0x80, text[i + 2] == 0x80 { return 3 }
        return 0
    }

    func splitWhitespace(from start: Int, to end: Int, into fields: inout [Field]) {
        var i = start
        while i < end {
            while i < end { let k = separator(at: i, end); if k == 0 { break }; i += k }
            if i == end || text[i] == 0x23 { break }   // `#` starts a comment
            let s = i
            while i < end, separator(at: i, end) == 0 { i += 1 }
            fields.append(Field(start: s, end: i, owned: nil))
        }
    }

    /// Splits one CSV record (quoted fields may not span lines in an edge list).
    mutating func splitCSV(from start: Int, to end: Int, line: Int, into fields: inout [Field]) -> Bool {
        var i = start
        while true {
            while i < end, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
            if i < end, text[i] == 0x22 {
                var owned: [UInt8] = []
                i += 1
                var closed = false
                while i < end {
                    if text[i] == 0x22 {
                        if i + 1 < end, text[i + 1] == 0x22 { owned.append(0x22); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    owned.append(text[i]); i += 1
                }
                if !closed {
                    problem(line, ["source", "target", "weight"][min(fields.count, 2)], "unterminated quote")
                    return false
                }
                while i < end, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
                fields.append(Field(start: 0, end: 0, owned: owned))
            } else {
                let s = i
                while i < end, text[i] != 0x2C { i += 1 }
                var e = i
                while e > s, text[e - 1] == 0x20 || text[e - 1] == 0x09 { e -= 1 }
                fields.append(Field(start: s, end: e, owned: nil))
            }
            if i < end, text[i] == 0x2C { i += 1; continue }
            if i < end {
                problem(line, ["source", "target", "weight"][min(fields.count - 1, 2)], "text after a closing quote")
                return false
            }
            return true
        }
    }
}
