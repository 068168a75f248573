#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte encodings CSV exports can be written in (`--encoding utf8|utf8-bom|shift_jis`).
///
/// Named apart from the dataset loader's `TextEncoding` (foundation branch), whose Shift_JIS case
/// is spelled `cp932`; at merge this can delegate to `TextCodec.encode(_:as:)`.
public enum ExportEncoding: String, CaseIterable, Sendable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with a byte-order mark, which Excel needs to recognise UTF-8 CSV.
    case utf8BOM = "utf8-bom"
    /// Shift_JIS as Windows writes it (code page 932, with the NEC and IBM extensions: ①, ㈱, 髙…).
    case shiftJIS = "shift_jis"

    /// Encodes text.
    /// - Parameter file: the file name used in error messages.
    /// - Throws: ``InputError`` naming the line and character that Shift_JIS cannot represent.
    public func encode(_ text: String, file: String) throws -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .shiftJIS: return try CP932.encode(text, file: file)
        }
    }
}

/// Windows code page 932 (Shift_JIS with Microsoft's extensions) through the C library's iconv.
///
/// The exporters' one route to CP932. It duplicates the iconv conversion of the dataset loader's
/// `TextCodec` (foundation branch); at merge, make ``encode(_:file:)`` and ``decode(_:file:)`` call
/// `TextCodec` and delete ``convert(_:from:to:)``. glibc names the code page `CP932`.
public enum CP932 {
    /// Converts UTF-8 text to CP932.
    /// - Throws: ``InputError`` naming the line and the first character CP932 cannot represent.
    /// - Complexity: O(*n*).
    public static func encode(_ text: String, file: String) throws -> [UInt8] {
        let input = Array(text.utf8)
        switch convert(input, from: "UTF-8", to: "CP932") {
        case .success(let bytes): return bytes
        case .failure(let offset):
            let prefix = input[..<offset]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let rest = String(decoding: input[offset...].prefix(8), as: UTF8.self)
            let ch = rest.unicodeScalars.first
            let what = ch.map { "'\($0)' (U+\(String($0.value, radix: 16, uppercase: true)))" } ?? "a character"
            throw InputError([InputProblem(
                file: file, line: line,
                message: "\(what) has no Shift_JIS (CP932) encoding; export with --encoding utf8-bom instead")])
        }
    }

    /// Converts CP932 bytes to a string.
    /// - Throws: ``InputError`` naming the line of the first byte sequence that is not CP932.
    public static func decode(_ bytes: [UInt8], file: String) throws -> String {
        switch convert(bytes, from: "CP932", to: "UTF-8") {
        case .success(let out): return String(decoding: out, as: UTF8.self)
        case .failure(let offset):
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw InputError([InputProblem(file: file, line: line, message: "bytes that are not valid Shift_JIS (CP932)")])
        }
    }

    enum Outcome { case success([UInt8]), failure(Int) }

    /// Runs iconv over the whole input; on an invalid or unconvertible sequence reports its offset.
    static func convert(_ input: [UInt8], from: String, to: String) -> Outcome {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return .failure(0) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var source = input
        let result: Outcome = source.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var outLeft = outBuf.count
                if inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 || r > 0 && from == "UTF-8" {
                        // r > 0 counts irreversible conversions (a character replaced); treat as failure.
                        return .failure(inBuf.count - inLeft)
                    }
                }
                return .success(Array(outBuf[0..<(outBuf.count - outLeft)]))
            }
        }
        return result
    }
}
