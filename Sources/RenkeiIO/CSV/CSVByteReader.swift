/// The records of UTF-8 CSV bytes, one at a time, by the rules of ``CSVReader`` (the same records,
/// fields and line numbers), without a `String` per field: an unquoted field is a range of the
/// input, a quoted one is unquoted into a scratch buffer that the next record reuses.
///
/// The structural characters (`,`, `"`, CR, LF) are ASCII, so splitting UTF-8 bytes gives what
/// `CSVReader` gives on the decoded text's scalars.
struct CSVByteReader {
    /// A field of the current record: `bytes[start..<end]` of the input, or of ``scratch`` when
    /// `unquoted`.
    struct Field {
        var start: Int
        var end: Int
        var unquoted: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Unquoted fields of the current record.
    var scratch: [UInt8] = []
    var pos: Int
    var line = 1
    /// Set when a quoted field is never closed: the line where it started.
    var unterminatedQuote: Int?

    /// A reader over `bytes` from `start` (past a byte-order mark).
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.bytes = bytes
        pos = start
    }

    /// Calls `body` with the bytes of field `f`.
    func withSlice<R>(_ f: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if f.unquoted { return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end])) } }
        return body(UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]))
    }

    /// Field `f` as an array of bytes.
    func array(_ f: Field) -> [UInt8] { f.unquoted ? Array(scratch[f.start..<f.end]) : Array(bytes[f.start..<f.end]) }

    /// Puts the next record's fields into `fields` and returns the line it starts on; nil at the
    /// end (check ``unterminatedQuote``). Blank lines are skipped as `CSVReader` skips them.
    mutating func next(_ fields: inout [Field]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        let n = bytes.count
        while pos < n || !fields.isEmpty {
            let recordLine = line
            var fieldStarted = false
            var ended = false
            fields.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            while !ended {
                // One field: quoted (into scratch) or a plain range.
                var field: Field
                if pos < n, bytes[pos] == 0x22 {
                    fieldStarted = true
                    let quoteLine = line
                    let s = scratch.count
                    pos += 1
                    var closed = false
                    while pos < n {
                        let c = bytes[pos]
                        if c == 0x22 {
                            if pos + 1 < n, bytes[pos + 1] == 0x22 { scratch.append(0x22); pos += 2; continue }
                            pos += 1; closed = true; break
                        }
                        if c == 0x0D {
                            pos += 1
                            if pos < n, bytes[pos] == 0x0A { pos += 1 }
                            scratch.append(0x0A); line += 1; continue
                        }
                        if c == 0x0A { line += 1 }
                        scratch.append(c); pos += 1
                    }
                    if !closed {
                        unterminatedQuote = quoteLine
                        pos = n
                        return nil
                    }
                    // Text after the closing quote is appended to the field.
                    while pos < n {
                        let c = bytes[pos]
                        if c == 0x2C || c == 0x0D || c == 0x0A { break }
                        scratch.append(c); pos += 1
                    }
                    field = Field(start: s, end: scratch.count, unquoted: true)
                } else {
                    let s = pos
                    while pos < n {
                        let c = bytes[pos]
                        if c == 0x2C || c == 0x0D || c == 0x0A { break }
                        pos += 1
                    }
                    if pos > s { fieldStarted = true }
                    field = Field(start: s, end: pos, unquoted: false)
                }
                fields.append(field)
                if pos < n, bytes[pos] == 0x2C {
                    fieldStarted = true
                    pos += 1
                    continue
                }
                // End of record: CRLF, LF, a lone CR, or the end of the input.
                if pos < n {
                    if bytes[pos] == 0x0D, pos + 1 < n, bytes[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
                    line += 1
                }
                ended = true
            }
            if fieldStarted || fields.count > 1 { return recordLine }
            fields.removeAll(keepingCapacity: true)
            if pos >= n { return nil }
        }
        return nil
    }
}
