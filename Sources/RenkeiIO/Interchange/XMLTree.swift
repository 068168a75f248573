import Foundation

/// A small, safe XML reader for the interchange formats (GraphML, GEXF).
///
/// It reads UTF-8 XML 1.0 into a tree of elements and nothing more: no DTD processing, no
/// entity expansion beyond the five predefined entities and numeric character references, no
/// network or file access. Any `<!DOCTYPE …>` or `<!ENTITY …>` declaration is rejected outright,
/// so external entities (`SYSTEM`/`PUBLIC`) and internal entity expansion (“billion laughs”)
/// cannot happen. Malformed input — an unclosed or mismatched element, an undefined entity, an
/// unquoted attribute, text outside the root — fails with an ``InputError`` naming the file and
/// line. Nesting deeper than ``maximumDepth`` fails too, so hostile input cannot exhaust the stack.
///
/// Text content is kept per element (the concatenation of its character data and CDATA
/// sections); comments and processing instructions are skipped. Element and attribute names are
/// kept as written (`viz:color`); ``Element/localName`` drops the prefix.
public struct XMLTree: Sendable {
    /// One element: its name, attributes in document order, child elements and text.
    public struct Element: Sendable {
        /// The qualified name as written (`viz:color`).
        public var name: String
        /// Attributes in document order, values with references resolved.
        public var attributes: [(name: String, value: String)]
        /// Child elements in document order.
        public var children: [Element]
        /// The element's own character data and CDATA, concatenated.
        public var text: String
        /// The line the start tag begins on (1-based).
        public var line: Int

        /// Creates an element.
        public init(name: String, attributes: [(name: String, value: String)] = [], children: [Element] = [],
                    text: String = "", line: Int = 0) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.text = text
            self.line = line
        }

        /// The name without its namespace prefix (`color` for `viz:color`).
        public var localName: Substring {
            // Searched in the UTF-8 view: `:` is one byte, and no character index is walked.
            if let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) { return name[name.utf8.index(after: colon)...] }
            return name[...]
        }

        /// The value of an attribute, by qualified name.
        public subscript(attribute: String) -> String? {
            attributes.first(where: { $0.name == attribute })?.value
        }

        /// The first child with the given local name.
        public func child(_ localName: String) -> Element? {
            children.first(where: { $0.localName == localName })
        }

        /// Every child with the given local name, in document order.
        public func children(_ localName: String) -> [Element] {
            children.filter { $0.localName == localName }
        }

        /// The `<graph>` child of a document element that must be `<rootName>` (GraphML, GEXF).
        /// - Throws: ``InputError`` naming the file and line when the root is another element or
        ///   has no `<graph>`.
        func graphChild(ofRoot rootName: String, file: String) throws -> Element {
            guard localName == rootName else {
                throw InputError([InputProblem(file: file, line: line, message: "the root element is <\(name)>, not <\(rootName)>")])
            }
            guard let graph = child("graph") else {
                throw InputError([InputProblem(file: file, line: line, message: "no <graph> element")])
            }
            return graph
        }
    }

    /// The document element.
    public var root: Element

    /// Deepest element nesting accepted.
    public static let maximumDepth = 256
    /// The most attributes one element may have (GraphML and GEXF elements have a handful).
    public static let maximumAttributes = 10_000

    /// Parses a UTF-8 document (a leading byte-order mark is allowed).
    /// - Parameters:
    ///   - bytes: the document.
    ///   - file: the file name used in error messages.
    /// - Throws: ``InputError`` naming the file and line of the first problem.
    /// - Complexity: O(*n*) in the document length.
    public init(bytes: [UInt8], file: String) throws {
        root = try bytes.withUnsafeBufferPointer { buffer in
            var parser = XMLParserState(bytes: buffer, file: file)
            return try parser.parseDocument()
        }
    }

    /// Parses a document, handing each element below the document element to `take` as soon as
    /// it is complete, with its depth (the document element's children are at depth 2). An element `take` returns true for is not kept
    /// in its parent, so a reader can consume the thousands of `<node>`s and `<edge>`s of a network
    /// one at a time instead of holding the whole tree; the rest of the tree is built as usual.
    /// The checks and limits are those of ``init(bytes:file:)``.
    public init(bytes: [UInt8], file: String, take: @escaping (Element, Int) throws -> Bool) throws {
        self = try bytes.withUnsafeBufferPointer { try XMLTree(buffer: $0, file: file, release: nil, take: take) }
    }

    /// Parses a document in memory the caller keeps alive for the call (a mapped file), as
    /// ``init(bytes:file:take:)``. The parser never looks back more than one element, so every few
    /// megabytes it calls `release` with the offset below which it is done with the bytes (a
    /// mapped file can then give those pages back: its size is not held in memory all at once).
    /// - Parameter releaseStep: how far the parser goes between two calls of `release` (tests
    ///   use a few bytes).
    init(buffer: UnsafeBufferPointer<UInt8>, file: String, release: ((Int) -> Void)?,
         releaseStep: Int = XMLTree.releaseStep, split: XMLSplit? = nil,
         take: @escaping (Element, Int) throws -> Bool) throws {
        var parser = XMLParserState(bytes: buffer, file: file)
        parser.take = take
        parser.release = release
        parser.releaseStep = releaseStep
        parser.split = split
        root = try parser.parseDocument()
        splitUsed = parser.splitUsed
    }

    /// True when the second half of a split element (``XMLSplit``) was parsed on another thread
    /// and its elements went to the split's `take`; false when the document was read by one
    /// thread (no split was tried, or it was abandoned) and every element went to `take`.
    var splitUsed = false

    /// How far the parser goes between two calls of its `release` (8 MiB).
    static let releaseStep = 8 << 20

    /// Parses a document held in a string.
    public init(string: String, file: String) throws {
        try self.init(bytes: Array(string.utf8), file: file)
    }
}

/// The tokenizer and tree builder behind ``XMLTree``.
private struct XMLParserState {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var pos = 0
    var line = 1
    /// Called with each complete element and its depth; true: the element is consumed.
    var take: ((XMLTree.Element, Int) throws -> Bool)?
    /// Told the offset below which the bytes are no longer needed (see ``XMLTree/init(buffer:file:release:releaseStep:split:take:)``).
    var release: ((Int) -> Void)?
    /// How far the parser goes between two calls of `release`.
    var releaseStep = XMLTree.releaseStep { didSet { nextRelease = releaseStep } }
    /// The next offset at which `release` is called.
    var nextRelease = XMLTree.releaseStep
    /// The split to try (the first parser only).
    var split: XMLSplit?
    /// True once the split's element has been met (it is tried once).
    var splitTried = false
    /// True when a second half was parsed and spliced in.
    var splitUsed = false
    /// On a second half's parser: its cancellation flag, and how far it has given bytes back.
    var half: XMLSecondHalf?
    var releasedTo = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    func fail(_ message: String, line: Int? = nil) -> InputError {
        InputError([InputProblem(file: file, line: line ?? self.line, message: message)])
    }

    var atEnd: Bool { pos >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        pos + offset < bytes.count ? bytes[pos + offset] : nil
    }

    func lookingAt(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let p = s.utf8Start
        for i in 0..<n where bytes[pos + i] != p[i] { return false }
        return true
    }

    mutating func advance(_ n: Int = 1) {
        for _ in 0..<n {
            if bytes[pos] == 0x0A { line += 1 }
            pos += 1
        }
    }

    /// The length of the longest valid UTF-8 prefix of the document, checked in pieces of
    /// ``releaseStep`` so that `release` can follow (a sequence cut by a piece's end is checked
    /// again with the next piece).
    /// With a split to try, the line feeds are counted piece by piece too (``lineMarks``), so that
    /// a second half knows its first line without reading the first half again.
    mutating func validUTF8Prefix() -> Int {
        let n = bytes.count
        var start = 0
        var lines = 0
        while start < n {
            let end = min(n, start + releaseStep)
            let (valid, _) = TextCodec.utf8ValidPrefix(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            if start + valid == end {
            } else if end < n, valid > 0, end - (start + valid) < 4 {
                // a sequence cut at the piece's end: checked again with the next piece
            } else {
                return start + valid
            }
            if split != nil {
                lines += XMLParserState.lineFeeds(in: UnsafeBufferPointer(rebasing: bytes[start..<(start + valid)]))
                lineMarks.append((start + valid, lines))
            }
            start += valid
            release?(start)
        }
        return n
    }

    /// (offset, line feeds below it) after each piece of the encoding check, in rising order.
    var lineMarks: [(offset: Int, lineFeeds: Int)] = []

    /// The number of line feeds (0x0A) in `bytes`.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes { n &+= b == 0x0A ? 1 : 0 }
        return n
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    mutating func skipSpace() {
        while let b = peek(), XMLParserState.isSpace(b) { advance() }
    }

    /// Skips to just after `terminator`, failing at end of input.
    mutating func skip(past terminator: StaticString, what: String) throws {
        let start = line
        while !atEnd {
            if lookingAt(terminator) { advance(terminator.utf8CodeUnitCount); return }
            advance()
        }
        throw fail("unterminated \(what)", line: start)
    }

    mutating func parseDocument() throws -> XMLTree.Element {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw fail("the file is UTF-16; only UTF-8 XML is read", line: 1)
        }
        let validPrefix = validUTF8Prefix()
        if validPrefix < bytes.count {
            throw fail("the file is not valid UTF-8", line: TextCodec.lineOf(offset: validPrefix, in: bytes))
        }
        if lookingAt("\u{FEFF}") { pos += 3 }
        if lookingAt("<?xml") {
            let start = pos, startLine = line
            try skip(past: "?>", what: "XML declaration")
            let decl = String(decoding: bytes[start..<pos], as: UTF8.self)
            if let r = decl.range(of: "encoding") {
                let rest = decl[r.upperBound...].drop(while: { $0 == " " || $0 == "=" })
                let quote = rest.first
                let value = rest.dropFirst().prefix(while: { $0 != quote })
                let enc = value.lowercased()
                if enc != "utf-8" && enc != "utf8" {
                    throw fail("the XML declares encoding \(value); only UTF-8 is read", line: startLine)
                }
            }
        }
        try skipMisc()
        guard !atEnd else { throw fail("the file holds no XML element") }
        guard peek() == UInt8(ascii: "<") else { throw fail("text before the root element") }
        let root = try parseElement(depth: 1)
        try skipMisc()
        if !atEnd {
            throw fail(peek() == UInt8(ascii: "<") ? "a second root element" : "text after the root element")
        }
        return root
    }

    /// Skips white space, comments and processing instructions between top-level items; rejects
    /// document type declarations.
    mutating func skipMisc() throws {
        while true {
            skipSpace()
            if lookingAt("<!--") {
                try skip(past: "-->", what: "comment")
            } else if lookingAt("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if lookingAt("<!") {
                throw declarationError()
            } else {
                return
            }
        }
    }

    func declarationError() -> InputError {
        if lookingAt("<!DOCTYPE") {
            return fail("DOCTYPE declarations are not accepted (entities, external or internal, are never expanded)")
        }
        if lookingAt("<!ENTITY") {
            return fail("ENTITY declarations are not accepted (entities are never expanded)")
        }
        return fail("unexpected markup declaration '<!'")
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        !(isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
          || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
          || b == UInt8(ascii: "&"))
    }

    mutating func parseName(what: String) throws -> String {
        let start = pos
        while let b = peek(), XMLParserState.isNameByte(b) { advance() }
        guard pos > start else { throw fail("expected \(what) name") }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) {
            throw fail("invalid \(what) name")
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Parses an element starting at `<`, with its content and end tag.
    mutating func parseElement(depth: Int) throws -> XMLTree.Element {
        guard depth <= XMLTree.maximumDepth else {
            throw fail("elements nested deeper than \(XMLTree.maximumDepth) levels")
        }
        let startLine = line
        advance() // <
        let name = try parseName(what: "element")
        var element = XMLTree.Element(name: name, line: startLine)
        var attributeNames = Set<String>()
        // Attributes.
        while true {
            let hadSpace = peek().map(XMLParserState.isSpace) ?? false
            skipSpace()
            guard let b = peek() else { throw fail("unclosed start tag <\(name)>", line: startLine) }
            if b == UInt8(ascii: "/") {
                advance()
                guard peek() == UInt8(ascii: ">") else { throw fail("expected '>' after '/' in <\(name)>") }
                advance()
                return element
            }
            if b == UInt8(ascii: ">") { advance(); break }
            guard hadSpace else { throw fail("expected white space before an attribute in <\(name)>") }
            let attrName = try parseName(what: "attribute")
            skipSpace()
            guard peek() == UInt8(ascii: "=") else {
                throw fail("attribute \(attrName) of <\(name)> has no value")
            }
            advance()
            skipSpace()
            guard let q = peek(), q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else {
                throw fail("attribute \(attrName) of <\(name)> is not quoted")
            }
            advance()
            let value = try parseCharacters(until: q, inAttribute: true)
            advance() // closing quote
            // A scan of the few attributes so far; past eight, a set, so that 200,000 attributes
            // stay linear.
            let repeated: Bool
            if element.attributes.count < 8 {
                repeated = element.attributes.contains { $0.name == attrName }
            } else {
                if attributeNames.isEmpty { attributeNames = Set(element.attributes.map(\.name)) }
                repeated = !attributeNames.insert(attrName).inserted
            }
            guard !repeated else {
                throw fail("attribute \(attrName) appears twice in <\(name)>")
            }
            guard element.attributes.count < XMLTree.maximumAttributes else {
                throw fail("<\(name)> has more than \(XMLTree.maximumAttributes) attributes")
            }
            element.attributes.append((attrName, value))
        }
        var second: XMLSecondHalf?
        if let split, !splitTried, depth == split.depth, element.localName == split.name {
            splitTried = true
            if bytes.count - pos >= split.minimumBytes, let take = split.second(),
               let start = boundary(from: pos + (bytes.count - pos) / 2, names: split.startNames) {
                second = launchSecondHalf(at: start, depth: depth, name: name, startLine: startLine, take: take,
                                          release: split.release)
            }
        }
        var text = ""
        try parseContent(of: &element, text: &text, depth: depth, startLine: startLine, second: &second)
        element.text = text
        return element
    }

    /// Parses an element's content up to and with its end tag — or, for the content a second
    /// half starts in (`open`), up to (not with) the first end tag at this level, or until
    /// cancelled. `second`: the second half of this element's content, being parsed on another
    /// thread: when this parser arrives exactly at its start, its result is spliced in; when it
    /// passes that point otherwise (the start was inside a comment, a value or a deeper element),
    /// it is abandoned.
    mutating func parseContent(of element: inout XMLTree.Element, text: inout String, depth: Int, startLine: Int,
                               open: Bool = false, second: inout XMLSecondHalf?) throws {
        let name = element.name
        defer {
            // Never leave with the other thread still reading the bytes.
            if let s = second { s.cancel(); s.done.wait() }
        }
        while true {
            if let s = second, pos >= s.start {
                // Arrived: its result is what this parser would find from here. Passed: useless.
                if pos > s.start { s.cancel() }
                s.done.wait()
                second = nil
                if pos == s.start, let outcome = s.outcome {
                    let r = try outcome.get()
                    pos = r.end
                    line = r.line
                    element.children += r.children
                    text += r.text
                    splitUsed = true
                    if let release {
                        release(pos)
                        nextRelease = pos + releaseStep
                    }
                }
            }
            guard let b = peek() else {
                throw fail("element <\(name)> opened on line \(startLine) is never closed")
            }
            if b == UInt8(ascii: "<") {
                if lookingAt("</") {
                    if open { return }
                    advance(2)
                    let endName = try parseName(what: "end tag")
                    skipSpace()
                    guard peek() == UInt8(ascii: ">") else { throw fail("expected '>' to end </\(endName)>") }
                    advance()
                    guard endName == name else {
                        throw fail("end tag </\(endName)> does not match <\(name)> opened on line \(startLine)")
                    }
                    return
                } else if lookingAt("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if lookingAt("<![CDATA[") {
                    advance(9)
                    let start = pos, cdataLine = line
                    while !atEnd && !lookingAt("]]>") { advance() }
                    guard !atEnd else { throw fail("unterminated CDATA section", line: cdataLine) }
                    text += normalisedLineEnds(bytes[start..<pos])
                    advance(3)
                } else if lookingAt("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if lookingAt("<!") {
                    throw declarationError()
                } else {
                    if open, let half, half.cancelled { return }
                    let child = try parseElement(depth: depth + 1)
                    if let take, try take(child, depth + 1) {
                        if pos >= nextRelease {
                            if let releaseRange = half?.release {
                                releaseRange(releasedTo..<pos)
                                releasedTo = pos
                            } else if let release {
                                release(pos)
                            }
                            nextRelease = pos + releaseStep
                        }
                        continue
                    }
                    element.children.append(child)
                }
            } else {
                text += try parseCharacters(until: UInt8(ascii: "<"), inAttribute: false)
            }
        }
    }

    /// The offset of the first `<name` (followed by white space, `/` or `>`) at or after
    /// `offset` for one of `names`, or nil.
    func boundary(from offset: Int, names: [String]) -> Int? {
        let patterns = names.map { Array("<\($0)".utf8) }
        var i = offset
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                for p in patterns where i + p.count < bytes.count {
                    var same = true
                    for k in 1..<p.count where bytes[i + k] != p[k] { same = false; break }
                    let next = bytes[i + p.count]
                    if same, XMLParserState.isSpace(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: ">") { return i }
                }
            }
            i += 1
        }
        return nil
    }

    /// Starts parsing the content of the element `name` (at `depth`) from `start` on another
    /// thread, as this parser would parse it from there, handing its elements to `take`.
    func launchSecondHalf(at start: Int, depth: Int, name: String, startLine: Int,
                          take: @escaping (XMLTree.Element, Int) throws -> Bool,
                          release: ((Range<Int>) -> Void)?) -> XMLSecondHalf {
        let half = XMLSecondHalf(start: start, release: release)
        var other = XMLParserState(bytes: bytes, file: file)
        other.pos = start
        other.take = take
        other.half = half
        other.releaseStep = releaseStep
        other.nextRelease = start + releaseStep
        other.releasedTo = start
        // Every line feed counts one line wherever it is (text, values, comments, tags): the count
        // below the last mark of the encoding check, then the few bytes from there.
        let mark = lineMarks.last { $0.offset <= start } ?? (0, 0)
        other.line = 1 + mark.lineFeeds
        let parser = UncheckedParser(other)
        half.done.enter()
        DispatchQueue.global().async {
            var p = parser.state
            defer { half.done.leave() }
            p.line += XMLParserState.lineFeeds(in: UnsafeBufferPointer(rebasing: p.bytes[mark.offset..<start]))
            var holder = XMLTree.Element(name: name, line: startLine)
            var text = ""
            var none: XMLSecondHalf?
            do {
                try p.parseContent(of: &holder, text: &text, depth: depth, startLine: startLine, open: true, second: &none)
                half.outcome = .success((p.pos, p.line, holder.children, text))
            } catch {
                half.outcome = .failure(error)
            }
        }
        return half
    }

    func normalisedLineEnds(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        while i < slice.endIndex {
            let b = slice[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < slice.endIndex && slice[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads character data up to (not including) `terminator`, resolving references. In
    /// attribute values literal white space becomes a space (XML attribute-value normalisation).
    mutating func parseCharacters(until terminator: UInt8, inAttribute: Bool) throws -> String {
        var out: [UInt8] = []
        let startLine = line
        while true {
            // Bulk-copy the run of ordinary bytes.
            let runStart = pos
            while pos < bytes.count {
                let b = bytes[pos]
                if b >= 0x20 {
                    if b == terminator || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") { break }
                } else if b == 0x0A && !inAttribute {
                    line += 1
                } else if !(b == 0x09 && !inAttribute) {
                    break
                }
                pos += 1
            }
            // Most values are one run up to the terminator: made into a string at once.
            if out.isEmpty, pos < bytes.count, bytes[pos] == terminator {
                return String(decoding: bytes[runStart..<pos], as: UTF8.self)
            }
            if pos > runStart { out.append(contentsOf: bytes[runStart..<pos]) }
            guard let b = peek() else {
                if inAttribute { throw fail("unterminated attribute value", line: startLine) }
                return String(decoding: out, as: UTF8.self)
            }
            if b == terminator { break }
            if inAttribute && b == UInt8(ascii: "<") { throw fail("'<' inside an attribute value") }
            if b == UInt8(ascii: "&") {
                out.append(contentsOf: try parseReference())
                continue
            }
            if b == 0x0D {
                advance()
                if peek() == 0x0A { advance() }
                out.append(inAttribute ? 0x20 : 0x0A)
                continue
            }
            if inAttribute && (b == 0x0A || b == 0x09) {
                advance()
                out.append(0x20)
                continue
            }
            if b < 0x20 && b != 0x09 && b != 0x0A {
                throw fail("control character U+\(String(b, radix: 16, uppercase: true)) is not allowed in XML")
            }
            out.append(b)
            advance()
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Resolves `&…;` at the current position.
    mutating func parseReference() throws -> [UInt8] {
        let refLine = line
        advance() // &
        let start = pos
        while let b = peek(), b != UInt8(ascii: ";") {
            guard pos - start < 32, XMLParserState.isNameByte(b) || b == UInt8(ascii: "#") else {
                throw fail("malformed entity reference (no ';')", line: refLine)
            }
            advance()
        }
        guard peek() == UInt8(ascii: ";") else { throw fail("malformed entity reference (no ';')", line: refLine) }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        advance() // ;
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            guard let v = value, let scalar = Unicode.Scalar(v),
                  v == 0x09 || v == 0x0A || v == 0x0D || v >= 0x20 else {
                throw fail("invalid character reference &\(name);", line: refLine)
            }
            return Array(String(Character(scalar)).utf8)
        }
        throw fail("undefined entity &\(name); (only &lt; &gt; &amp; &quot; &apos; are known)", line: refLine)
    }
}

/// Escaping for XML text and attribute values written by the exporters.
public enum XMLEscape {
    /// Escapes `&`, `<`, `>` and, in attributes, `"`; tab, newline and carriage return are written
    /// as character references in attributes (so they survive attribute-value normalisation) and
    /// carriage return also in text. Control characters that XML 1.0 forbids are replaced by
    /// U+FFFD.
    public static func escape(_ s: String, attribute: Bool) -> String {
        // Most names and values need nothing: no byte below 0x20, none of & < > ", and no 0xEF
        // (the lead byte of U+FFFE and U+FFFF among others). Those come back as they are.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
            return s
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                let v = scalar.value
                if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// A split of one element's content between two threads (GraphML's `<graph>`, GEXF's `<edges>`,
/// whose thousands of children are independent): when the parser meets the first element of that
/// name at that depth, a second thread parses its content from the first `<node`/`<edge` (the
/// ``startNames``) past the middle of what is left, handing its elements to the split's own
/// `take`; the first thread parses up to that point. If it arrives there exactly, between two
/// children, the second thread's work is spliced in; if not (the point was inside a comment, an
/// attribute value or a deeper element) the second thread's work is thrown away and the first
/// parses on alone. Either way the elements, their order, their lines and the first error are
/// those of one thread's parse.
struct XMLSplit {
    /// The depth and local name of the element whose content is split.
    var depth: Int
    var name: String
    /// The element names a second half may start at.
    var startNames: [String]
    /// Called once, on the parser's thread, when the element's content begins: the `take` for the
    /// second half's elements (called on the other thread; it must share no mutable state with
    /// the first `take`), or nil not to split.
    var second: () -> ((XMLTree.Element, Int) throws -> Bool)?
    /// Told the byte ranges the second half is done with.
    var release: ((Range<Int>) -> Void)?
    /// The least content, in bytes, worth a second thread.
    var minimumBytes = XMLSplit.minimumBytes

    /// The default least content worth a second thread (8 MiB: a second thread costs about a
    /// millisecond, and the line count of the first half).
    static let minimumBytes = 8 << 20
}

/// The second half of a split element's content, parsed on another thread.
final class XMLSecondHalf: @unchecked Sendable {
    /// Where it starts.
    let start: Int
    let release: ((Range<Int>) -> Void)?
    /// Left when the other thread is done.
    let done = DispatchGroup()
    /// Set by the other thread before it leaves `done`: where it stopped (at the end tag) and on
    /// which line, the elements `take` did not consume, and the text.
    var outcome: Result<(end: Int, line: Int, children: [XMLTree.Element], text: String), Error>?
    private let lock = NSLock()
    private var stopped = false

    init(start: Int, release: ((Range<Int>) -> Void)?) {
        self.start = start
        self.release = release
    }

    /// True once the first thread no longer needs the result.
    var cancelled: Bool { lock.withLock { stopped } }
    func cancel() { lock.withLock { stopped = true } }
}

/// A parser handed to the other thread (the bytes stay alive: the first thread waits for it).
private final class UncheckedParser: @unchecked Sendable {
    let state: XMLParserState
    init(_ state: XMLParserState) { self.state = state }
}
