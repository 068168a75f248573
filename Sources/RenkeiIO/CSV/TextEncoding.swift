import RenkeiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings Renkei reads and writes.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with a byte-order mark (what Excel writes for 「CSV UTF-8」).
    case utf8BOM = "utf8-bom"
    /// UTF-16 little-endian with a byte-order mark.
    case utf16LE = "utf16le"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BE = "utf16be"
    /// Shift_JIS as Windows writes it (code page 932, with the NEC and IBM extensions: ①, ㈱, 髙, 﨑).
    case shiftJIS = "cp932"

    /// The encoding's usual name.
    public var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8BOM: return "UTF-8 (BOM)"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .shiftJIS: return "Shift_JIS (CP932)"
        }
    }
}

/// Bytes that could not be read or written in an encoding.
public struct TextEncodingError: RenkeiError, Hashable {
    /// 1-based line of the first bad byte (decoding) or character (encoding).
    public var line: Int
    /// Byte offset of the first bad byte (decoding) or character index (encoding).
    public var offset: Int
    /// What is wrong.
    public var message: String

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// Detects the encoding of text files and converts between bytes and strings.
///
/// Detection: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise valid UTF-8 is UTF-8;
/// otherwise valid CP932 is Shift_JIS. A file that is neither is reported at the first undecodable
/// byte of the more plausible encoding (UTF-8 when it already held several valid multi-byte
/// characters before the bad byte).
public enum TextCodec {
    /// Decodes bytes, detecting the encoding.
    /// - Throws: ``TextEncodingError`` naming the line of the first undecodable byte.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try decodeUTF8(Array(bytes.dropFirst(3))), .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try decodeUTF16(bytes, bigEndian: false), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try decodeUTF16(bytes, bigEndian: true), .utf16BE) }
        if let bigEndian = utf16WithoutBOM(bytes) {
            throw TextEncodingError(line: 1, offset: 0,
                                    message: "the file looks like UTF-16\(bigEndian ? "BE" : "LE") without a byte-order mark (every other byte is 0); save it as UTF-8, or as UTF-16 with a byte-order mark")
        }
        let (validPrefix, multibyte) = utf8ValidPrefix(bytes)
        if validPrefix == bytes.count {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        if multibyte < 3 {
            do {
                return (try decodeCP932(bytes), .shiftJIS)
            } catch let e as TextEncodingError where multibyte == 0 || e.offset > validPrefix {
                throw TextEncodingError(line: e.line, offset: e.offset,
                                        message: "bytes that are neither UTF-8 nor Shift_JIS (CP932): " + e.message)
            } catch {}
        }
        throw TextEncodingError(line: lineOf(offset: validPrefix, in: bytes), offset: validPrefix,
                                message: "invalid UTF-8 byte 0x\(hex(bytes[validPrefix])) (the file is neither UTF-8 nor Shift_JIS)")
    }

    /// Whether `bytes` look like UTF-16 without a byte-order mark: in the first 4 KiB, at least a
    /// quarter of the bytes are 0 and nearly all of them on one parity (ASCII text in UTF-16).
    /// Returns true for big-endian, false for little-endian, nil for neither.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var even = 0, odd = 0
        for i in 0..<n where bytes[i] == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
        let zeros = even + odd
        guard zeros * 4 >= n else { return nil }
        if even * 10 >= zeros * 9 { return true }
        if odd * 10 >= zeros * 9 { return false }
        return nil
    }

    /// Decodes bytes in a known encoding.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws -> String {
        switch encoding {
        case .utf8, .utf8BOM:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return try decodeUTF8(body)
        case .utf16LE: return try decodeUTF16(bytes, bigEndian: false)
        case .utf16BE: return try decodeUTF16(bytes, bigEndian: true)
        case .shiftJIS: return try decodeCP932(bytes)
        }
    }

    /// Encodes text. UTF-16 and UTF-8 (BOM) output start with a byte-order mark.
    /// - Throws: ``TextEncodingError`` naming the first character Shift_JIS (CP932) cannot hold.
    public static func encode(_ text: String, as encoding: TextEncoding) throws -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE:
            var out: [UInt8] = [0xFF, 0xFE]
            for u in text.utf16 { out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8)) }
            return out
        case .utf16BE:
            var out: [UInt8] = [0xFE, 0xFF]
            for u in text.utf16 { out.append(UInt8(u >> 8)); out.append(UInt8(u & 0xFF)) }
            return out
        case .shiftJIS: return try encodeCP932(text)
        }
    }

    // MARK: UTF-8 and UTF-16

    /// Length of the longest valid UTF-8 prefix and the number of multi-byte characters in it.
    static func utf8ValidPrefix(_ bytes: [UInt8]) -> (Int, Int) {
        bytes.withUnsafeBufferPointer { utf8ValidPrefix($0) }
    }

    /// ``utf8ValidPrefix(_:)`` of bytes in place.
    static func utf8ValidPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var i = 0
        var multibyte = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            // Eight ASCII bytes at a time (most of an interchange file is ASCII markup).
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return (i, multibyte)
            }
            guard i + need < n else { return (i, multibyte) }
            if bytes[i + 1] < lo || bytes[i + 1] > hi { return (i, multibyte) }
            for k in 2...max(2, need) where k <= need {
                if bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return (i, multibyte) }
            }
            i += need + 1
            multibyte += 1
        }
        return (n, multibyte)
    }

    static func decodeUTF8(_ bytes: [UInt8]) throws -> String {
        let (valid, _) = utf8ValidPrefix(bytes)
        guard valid == bytes.count else {
            throw TextEncodingError(line: lineOf(offset: valid, in: bytes), offset: valid,
                                    message: "invalid UTF-8 byte 0x\(hex(bytes[valid]))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var line = 1
        if bytes.count % 2 != 0 {
            for u in units where u == 0x0A { line += 1 }
            throw TextEncodingError(line: line, offset: bytes.count - 1, message: "UTF-16 text with an odd number of bytes")
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                consumed += s.utf16.count
                if s == "\n" { line += 1 }
            case .emptyInput: break loop
            case .error:
                throw TextEncodingError(line: line, offset: 2 + consumed * 2, message: "unpaired UTF-16 surrogate")
            }
        }
        return String(scalars)
    }

    // MARK: CP932 through iconv

    static func decodeCP932(_ bytes: [UInt8]) throws -> String {
        let out = try iconvConvert(bytes, from: "CP932", to: "UTF-8")
        switch out {
        case .success(let utf8): return String(decoding: utf8, as: UTF8.self)
        case .failure(let offset):
            let b = offset < bytes.count ? bytes[offset] : 0
            let detail = offset < bytes.count - 1 ? "0x\(hex(b)) 0x\(hex(bytes[offset + 1]))" : "0x\(hex(b))"
            throw TextEncodingError(line: lineOf(offset: offset, in: bytes), offset: offset,
                                    message: "undecodable Shift_JIS (CP932) bytes \(detail)")
        }
    }

    static func encodeCP932(_ text: String) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        switch try iconvConvert(utf8, from: "UTF-8", to: "CP932") {
        case .success(let bytes): return bytes
        case .failure(let offset):
            let prefix = String(decoding: utf8[..<offset], as: UTF8.self)
            let line = prefix.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
            let rest = String(decoding: utf8[offset...], as: UTF8.self)
            let ch = rest.first.map(String.init) ?? "?"
            let code = rest.unicodeScalars.first.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? ""
            throw TextEncodingError(line: line, offset: prefix.count,
                                    message: "character '\(ch)' (\(code)) cannot be written in Shift_JIS (CP932)")
        }
    }

    /// Converts text to CP932, putting `replacement` (〓 U+3013, the geta mark, by default) in
    /// place of every Unicode scalar CP932 cannot represent.
    ///
    /// Lines (split after each line feed) are converted one at a time, so a character that fails
    /// costs a re-conversion of its line only.
    /// - Returns: the bytes, how many scalars were replaced and the 1-based line of the first.
    /// - Throws: ``TextEncodingError`` when `replacement` itself cannot be written in CP932.
    /// - Complexity: O(*n* + Σ *ℓ* *k*) for lines of length *ℓ* with *k* replacements each.
    public static func encodeCP932Replacing(_ text: String, replacement: Unicode.Scalar = "\u{3013}") throws
        -> (bytes: [UInt8], replaced: Int, firstLine: Int?) {
        let utf8 = Array(text.utf8)
        if case .success(let bytes) = try iconvConvert(utf8, from: "UTF-8", to: "CP932") {
            return (bytes, 0, nil)
        }
        let replacementBytes = try encodeCP932(String(replacement))
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var replaced = 0
        var firstLine: Int?
        var line = 1
        var start = 0
        while start < utf8.count {
            var end = start
            while end < utf8.count && utf8[end] != 0x0A { end += 1 }
            if end < utf8.count { end += 1 }  // keep the line feed
            var rest = Array(utf8[start..<end])
            while true {
                switch try iconvConvert(rest, from: "UTF-8", to: "CP932") {
                case .success(let bytes):
                    out += bytes
                    rest = []
                case .failure(let offset):
                    if case .success(let bytes) = try iconvConvert(Array(rest[..<offset]), from: "UTF-8", to: "CP932") {
                        out += bytes
                    }
                    out += replacementBytes
                    replaced += 1
                    if firstLine == nil { firstLine = line }
                    // Skip one scalar: its lead byte and the continuation bytes after it.
                    var next = offset + 1
                    while next < rest.count && rest[next] & 0xC0 == 0x80 { next += 1 }
                    rest = Array(rest[next...])
                    if !rest.isEmpty { continue }
                }
                break
            }
            start = end
            line += 1
        }
        return (out, replaced, firstLine)
    }

    enum ConversionResult { case success([UInt8]); case failure(Int) }

    struct IconvUnavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Converts with the C library's iconv; `.failure` carries the input offset of the first
    /// byte sequence it could not convert.
    static func iconvConvert(_ input: [UInt8], from: String, to: String) throws -> ConversionResult {
        try input.withUnsafeBufferPointer { try iconvConvert($0, from: from, to: to) }
    }

    /// ``iconvConvert(_:from:to:)`` of bytes in place (a mapped file): the input is not copied.
    static func iconvConvert(_ input: UnsafeBufferPointer<UInt8>, from: String, to: String) throws -> ConversionResult {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) {
            throw IconvUnavailable(description: "the C library cannot convert \(from) to \(to) (iconv_open failed)")
        }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(input.count + input.count / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 65536)
        let total = input.count
        guard let base = input.baseAddress, total > 0 else { return .success([]) }
        // iconv takes `char **` but only reads the input.
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inLeft = total
        while inLeft > 0 {
            let (produced, rc, err) = chunk.withUnsafeMutableBufferPointer { outBuf -> (Int, Int, Int32) in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                let e = errno
                return (outBuf.count - outLeft, r, e)
            }
            output.append(contentsOf: chunk[0..<produced])
            if rc == -1 {
                if err == E2BIG { continue }
                return .failure(total - inLeft)
            }
        }
        return .success(output)
    }

    // MARK: Helpers

    static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { lineOf(offset: offset, in: $0) }
    }

    /// ``lineOf(offset:in:)`` of bytes in place.
    static func lineOf(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A { line += 1 } else if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { line += 1 }
            i += 1
        }
        return line
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}
