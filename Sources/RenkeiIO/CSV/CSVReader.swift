import RenkeiCore
import Foundation

/// One CSV record and the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based physical line where the record starts (a quoted field may span several lines).
    public var line: Int
    /// The record's fields, unquoted.
    public var fields: [String]

    /// A record starting on `line`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV syntax error.
public struct CSVSyntaxError: RenkeiError, Hashable {
    /// The line where the offending quoted field started.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 CSV reader.
///
/// Fields are separated by commas and records by CRLF, LF or a lone CR. A field in double quotes
/// may hold commas, line breaks and doubled quotes (`""`). Quotes inside an unquoted field are
/// kept as written, as spreadsheets do; text right after a closing quote is appended to the field.
/// Blank lines are skipped. Each record remembers the physical line it starts on.
public enum CSVReader {
    /// Parses CSV text.
    /// - Throws: ``CSVSyntaxError`` for a quoted field that is never closed, naming the line where
    ///   that field started.
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String) throws -> [CSVRecord] {
        var text = text
        return try text.withUTF8 { try parse(utf8: $0) }
    }

    /// ``parse(_:)`` over the text's UTF-8, by ``CSVByteReader``: every byte that ends or quotes a
    /// field is ASCII, and no byte of a multi-byte character is, so fields are cut between bytes
    /// and each becomes a string at once.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [CSVRecord] {
        var reader = CSVByteReader(bytes, from: 0)
        var fields: [CSVByteReader.Field] = []
        var records: [CSVRecord] = []
        while let line = reader.next(&fields) {
            records.append(CSVRecord(line: line, fields: fields.map { f in reader.withSlice(f) { String(decoding: $0, as: UTF8.self) } }))
        }
        if let quoteLine = reader.unterminatedQuote {
            throw CSVSyntaxError(line: quoteLine, message: "quoted field starting on line \(quoteLine) is never closed (unterminated quote)")
        }
        return records
    }
}

/// A CSV file with a header row, read for a loader: columns are looked up by name, and ragged rows
/// are reported.
public struct CSVTable: Sendable {
    /// The file name used in problems.
    public var file: String
    /// Header names as written (trimmed).
    public var header: [String]
    /// Data records (the header excluded).
    public var records: [CSVRecord]
    /// The encoding the file was read in.
    public var encoding: TextEncoding

    /// Reads and parses a CSV file. Encoding, syntax and ragged-row problems are appended to
    /// `problems`; rows with the wrong field count are dropped.
    /// - Returns: nil when the file cannot be read or parsed at all.
    public static func read(path: String, displayName: String, problems: inout [InputProblem]) -> CSVTable? {
        guard let (text, encoding) = TextFile.read(path: path, file: displayName, problems: &problems) else { return nil }
        return parse(text: text, encoding: encoding, file: displayName, problems: &problems)
    }

    /// Parses CSV bytes (see ``read(path:displayName:problems:)``).
    public static func parse(bytes: [UInt8], file: String, problems: inout [InputProblem]) -> CSVTable? {
        guard let (text, encoding) = TextFile.decode(bytes, file: file, problems: &problems) else { return nil }
        return parse(text: text, encoding: encoding, file: file, problems: &problems)
    }

    static func parse(text: String, encoding: TextEncoding, file: String, problems: inout [InputProblem]) -> CSVTable? {
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(text)
        } catch let e as CSVSyntaxError {
            problems.append(InputProblem(file: file, line: e.line, message: e.message))
            return nil
        } catch {
            problems.append(InputProblem(file: file, message: "\(error)"))
            return nil
        }
        guard let first = records.first else {
            problems.append(InputProblem(file: file, message: "the file is empty (a header row is required)"))
            return nil
        }
        let header = first.fields.map { $0.trimmingWhitespace() }
        // Two columns of the same (normalised) name: which one a loader reads would be arbitrary
        // and the other's data silently dropped.
        var firstColumn: [String: Int] = [:]
        var duplicated = false
        for (i, h) in header.enumerated() where !h.isEmpty {
            let key = normalizeHeader(h)
            if let j = firstColumn[key] {
                problems.append(InputProblem(file: file, line: first.line, field: h,
                                             message: "duplicate column: column \(j + 1) '\(header[j])' and column \(i + 1) '\(h)' have the same name; remove or rename one"))
                duplicated = true
            } else { firstColumn[key] = i }
        }
        if duplicated { return nil }
        var rows: [CSVRecord] = []
        for var r in records.dropFirst() {
            if r.fields.count != header.count {
                problems.append(InputProblem(file: file, line: r.line,
                                             message: "ragged row: expected \(header.count) fields (as in the header), found \(r.fields.count)"))
                continue
            }
            // Cells Renkei (or another careful writer) guarded against formula injection.
            for i in r.fields.indices where r.fields[i].unicodeScalars.first == "'" {
                r.fields[i] = CSVWriter.unguarded(r.fields[i])
            }
            rows.append(r)
        }
        return CSVTable(file: file, header: header, records: rows, encoding: encoding)
    }

    /// The position of the first column whose normalised header is one of `names`
    /// (case-insensitive, NFKC, white space ignored).
    public func column(_ names: [String]) -> Int? {
        let wanted = Set(names.map(CSVTable.normalizeHeader))
        return header.firstIndex { wanted.contains(CSVTable.normalizeHeader($0)) }
    }

    /// The first column matching the earliest of `names` (names in order of preference): a sheet
    /// with both 種別 (the kind) and 連携内容 gives 連携内容 for the relations.
    public func column(preferring names: [String]) -> Int? {
        for name in names { if let c = column([name]) { return c } }
        return nil
    }

    /// True when two non-empty columns of `header` have the same normalised name (the fast readers
    /// leave such a file to ``parse(text:encoding:file:problems:)``, which reports it).
    static func hasDuplicateColumn(_ header: [String]) -> Bool {
        var seen = Set<String>()
        return header.contains { !$0.isEmpty && !seen.insert(normalizeHeader($0)).inserted }
    }

    static func normalizeHeader(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased()
            .unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "_" && $0 != "-" }
            .map(String.init).joined()
    }
}

/// Text files as the loaders read them: the encoding detected by ``TextCodec``, and every read or
/// decoding failure appended to `problems` as an ``InputProblem`` naming the file (and the line).
enum TextFile {
    /// Reads and decodes the file at `path`; nil (with a problem) when it cannot.
    static func read(path: String, file: String, problems: inout [InputProblem]) -> (text: String, encoding: TextEncoding)? {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(InputProblem(file: file, message: "cannot read the file"))
            return nil
        }
        return decode([UInt8](data), file: file, problems: &problems)
    }

    /// Decodes `bytes`; nil (with a problem) when they are in no encoding Renkei reads.
    static func decode(_ bytes: [UInt8], file: String, problems: inout [InputProblem]) -> (text: String, encoding: TextEncoding)? {
        do {
            return try TextCodec.decode(bytes)
        } catch let e as TextEncodingError {
            problems.append(InputProblem(file: file, line: e.line, message: e.message))
        } catch {
            problems.append(InputProblem(file: file, message: "\(error)"))
        }
        return nil
    }
}
