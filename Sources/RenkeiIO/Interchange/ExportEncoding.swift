/// The byte encodings CSV exports can be written in (`--encoding utf8|utf8-bom|shift_jis`).
///
/// The conversion itself is the dataset loader's ``TextCodec``; this enum only carries the
/// export command's spelling (`shift_jis`, where ``TextEncoding`` says `cp932`).
public enum ExportEncoding: String, CaseIterable, Sendable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with a byte-order mark, which Excel needs to recognise UTF-8 CSV.
    case utf8BOM = "utf8-bom"
    /// Shift_JIS as Windows writes it (code page 932, with the NEC and IBM extensions: ①, ㈱, 髙…).
    case shiftJIS = "shift_jis"

    /// The loader's name for the same encoding.
    public var textEncoding: TextEncoding {
        switch self {
        case .utf8: return .utf8
        case .utf8BOM: return .utf8BOM
        case .shiftJIS: return .shiftJIS
        }
    }
}

/// What CSV export does with a character the chosen encoding cannot represent
/// (`--unencodable error|replace`); only Shift_JIS has such characters.
public enum UnencodableCharacters: String, CaseIterable, Sendable {
    /// Fail, naming the file, line and character (the default).
    case error
    /// Write 〓 (U+3013, the geta mark, which CP932 encodes) in its place.
    case replace
}

extension ExportEncoding {
    /// Encodes text through ``TextCodec``; with ``UnencodableCharacters/replace`` (Shift_JIS only)
    /// a character the encoding cannot represent becomes 〓.
    /// - Parameter file: the file name used in error messages.
    /// - Returns: the bytes, the number of replaced characters and the 1-based line of the first.
    /// - Throws: ``InputError`` naming the line and character that Shift_JIS cannot represent
    ///   (with ``UnencodableCharacters/error``).
    public func encode(_ text: String, file: String, unencodable: UnencodableCharacters = .error)
        throws -> (bytes: [UInt8], replaced: Int, firstLine: Int?) {
        let replacing = self == .shiftJIS && unencodable == .replace
        do {
            if replacing { return try TextCodec.encodeCP932Replacing(text) }
            return (try TextCodec.encode(text, as: textEncoding), 0, nil)
        } catch let e as TextEncodingError {
            let hint = replacing ? "" : "; write UTF-8 with a BOM instead (Excel reads it), or replace such characters with 〓"
            throw InputError([InputProblem(file: file, line: e.line, message: e.message + hint)])
        }
    }
}
