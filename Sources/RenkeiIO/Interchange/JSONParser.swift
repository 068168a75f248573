extension JSONValue {
    /// Parses JSON text (RFC 8259) into a value whose objects keep their key order.
    ///
    /// Numbers written without a fraction or exponent that fit in `Int` become ``JSONValue/int(_:)``,
    /// all others ``JSONValue/double(_:)``, so a value written by ``serialized(indent:)`` reads
    /// back to the same case. Nesting deeper than 512 levels is rejected.
    /// - Parameters:
    ///   - text: the JSON text (a leading byte-order mark is skipped).
    ///   - file: the file name used in error messages.
    /// - Throws: ``InputError`` naming the file and line of the first problem.
    /// - Complexity: O(*n*) in the text length.
    public static func parse(_ text: String, file: String) throws -> JSONValue {
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            var p = JSONTextParser(bytes: bytes, file: file)
            return try p.parseDocument()
        }
    }

    /// Parses UTF-8 bytes like ``parse(_:file:)`` and also returns, for each array held directly by
    /// the top-level object (`"nodes"`, `"links"` …) or by its `"elements"` object
    /// (`"elements.nodes"`, `"elements.edges"`), the line each of its elements starts on, for
    /// error messages.
    ///
    /// `consume`, if given, is offered each element of those arrays as soon as it is parsed, with
    /// the array's key (`"links"`, `"elements.edges"` …) and the element's line: an element
    /// it takes (returns true for) is left out of the array and of the lines, so a large array is
    /// never held whole.
    public static func parseWithElementLines(bytes: [UInt8], file: String,
                                             consume: ((_ key: String, _ element: JSONValue, _ line: Int) throws -> Bool)? = nil)
        throws -> (value: JSONValue, lines: [String: [Int]]) {
        try bytes.withUnsafeBufferPointer { try parseWithElementLines(buffer: $0, file: file, consume: consume) }
    }

    /// ``parseWithElementLines(bytes:file:consume:)`` of bytes the caller holds (a mapped file):
    /// `passed`, if given, is told, after an element `consume` took and at least `passedStep`
    /// bytes after it was last told, the offset below which the parser will not read again (so a
    /// mapped file's pages can be given back).
    static func parseWithElementLines(buffer: UnsafeBufferPointer<UInt8>, file: String, passed: ((Int) -> Void)? = nil,
                                      passedStep: Int = XMLTree.releaseStep,
                                      consume: ((_ key: String, _ element: JSONValue, _ line: Int) throws -> Bool)? = nil)
        throws -> (value: JSONValue, lines: [String: [Int]]) {
        var p = JSONTextParser(bytes: buffer, file: file)
        p.recordLines = true
        p.consume = consume
        p.passed = passed
        p.passedStep = passedStep
        let v = try p.parseDocument()
        return (v, p.elementLines)
    }

    /// The elements of an array, or nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The pairs of an object, or nil.
    public var objectValue: [(String, JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// A string, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A number (integer or not) as a double, or nil.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

private struct JSONTextParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var pos = 0
    var line = 1
    var recordLines = false
    var elementLines: [String: [Int]] = [:]
    var topLevelKey: String?
    /// The key inside the top-level `"elements"` object (Cytoscape.js: `"nodes"`, `"edges"`).
    var elementsKey: String?
    /// See ``JSONValue/parseWithElementLines(bytes:file:consume:)``.
    var consume: ((String, JSONValue, Int) throws -> Bool)?
    /// See ``JSONValue/parseWithElementLines(buffer:file:passed:passedStep:consume:)``.
    var passed: ((Int) -> Void)?
    var passedStep = XMLTree.releaseStep
    var lastPassed = 0
    /// The keys of the objects being parsed, with their lines, innermost object last (one stack
    /// for all objects, so that checking for a duplicate key allocates nothing per object).
    var openKeys: [OpenKey] = []
    struct OpenKey { var key: String; var line: Int }

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
    }

    func fail(_ message: String) -> InputError {
        InputError([InputProblem(file: file, line: line, message: message)])
    }

    mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x0A: line += 1; pos += 1
            case 0x20, 0x09, 0x0D: pos += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws -> JSONValue {
        let v = try parseValue(depth: 0)
        skipSpace()
        guard pos == bytes.count else { throw fail("unexpected text after the JSON value") }
        return v
    }

    mutating func expect(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let n = word.utf8.count
        guard pos + n <= bytes.count, bytes[pos..<pos + n].elementsEqual(word.utf8) else {
            throw fail("invalid JSON literal")
        }
        pos += n
        return value
    }

    mutating func parseValue(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw fail("JSON nested deeper than 512 levels") }
        skipSpace()
        guard pos < bytes.count else { throw fail("unexpected end of JSON") }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var pairs: [(String, JSONValue)] = []
            // Line of each key: a key given twice is an error naming both (readers would otherwise
            // take the first for some fields and the last for others). Objects of a few keys are
            // checked on the shared stack; larger ones by a dictionary.
            let base = openKeys.count
            defer { openKeys.removeLast(openKeys.count - base) }
            var keyLines: [String: Int] = [:]
            skipSpace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let keyLine = line
                let key = try parseString()
                var first: Int?
                if pairs.count < 16 {
                    for i in base..<openKeys.count where openKeys[i].key == key { first = openKeys[i].line; break }
                    openKeys.append(OpenKey(key: key, line: keyLine))
                    if pairs.count == 15 { for i in base..<openKeys.count { keyLines[openKeys[i].key] = openKeys[i].line } }
                } else {
                    first = keyLines.updateValue(keyLine, forKey: key)
                }
                if let first {
                    throw fail("duplicate key \"\(key)\" in an object: on line \(first) and again on line \(keyLine); keep one")
                }
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
                pos += 1
                if depth == 0 { topLevelKey = key }
                if depth == 1, topLevelKey == "elements" { elementsKey = key }
                pairs.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated object") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                throw fail("expected ',' or '}' in object")
            }
        case UInt8(ascii: "["):
            pos += 1
            var items: [JSONValue] = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            // The key whose element lines are recorded (and elements offered to `consume`).
            var lineKey: String?
            if recordLines && depth == 1 {
                lineKey = topLevelKey
            } else if recordLines && depth == 2, topLevelKey == "elements", let key = elementsKey {
                lineKey = "elements." + key
            }
            while true {
                if let key = lineKey {
                    skipSpace()
                    let elementLine = line
                    let element = try parseValue(depth: depth + 1)
                    if try !(consume?(key, element, elementLine) ?? false) {
                        elementLines[key, default: []].append(elementLine)
                        items.append(element)
                    } else if let passed, pos - lastPassed >= passedStep {
                        // Nothing before a consumed element is read again.
                        passed(pos)
                        lastPassed = pos
                    }
                } else {
                    items.append(try parseValue(depth: depth + 1))
                }
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated array") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                throw fail("expected ',' or ']' in array")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        default:
            return try parseNumber()
        }
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = pos
        var isInteger = true
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        while pos < bytes.count {
            let b = bytes[pos]
            if b >= 0x30 && b <= 0x39 { pos += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                isInteger = false
                pos += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard !text.isEmpty, text != "-" else { throw fail("unexpected character in JSON") }
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else { throw fail("invalid number \(text)") }
        return .double(d)
    }

    mutating func parseHex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        pos += 4
        return v
    }

    mutating func parseString() throws -> String {
        pos += 1 // opening quote
        // Fast path: no escapes before the closing quote.
        var end = pos
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                // (Checked and decoded in place: `String(validating:)` of a slice is not
                // specialised and looked up generic metadata for every string.)
                let piece = UnsafeBufferPointer(rebasing: bytes[pos..<end])
                if TextCodec.utf8ValidPrefix(piece).0 == piece.count {
                    let s = String(decoding: piece, as: UTF8.self)
                    pos = end + 1
                    return s
                }
                break
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            end += 1
        }
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw fail("unterminated string") }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw fail("control character in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { throw fail("unterminated string") }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var v = try parseHex4()
                if v >= 0xD800 && v < 0xDC00 {
                    guard pos + 2 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    pos += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw fail("unpaired surrogate in \\u escape") }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(v) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw fail("invalid escape in a string")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("a string is not valid UTF-8") }
        return s
    }
}
