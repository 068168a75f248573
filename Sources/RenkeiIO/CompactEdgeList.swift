import Foundation
import RenkeiCore

/// An edge-list CSV of names read the fast way: the bytes are split in place, each distinct cell
/// is turned into a name, normalised and resolved once, and the rows are kept as organisation
/// numbers, so a million rows over a few hundred thousand names need no `String`, no mention and
/// no `Partnership` per row.
///
/// The result is exactly what ``EdgeListLoader`` makes of the same file (the same organisations,
/// ids, names, merges, weights and line numbers; ``loadedDataset()`` builds that dataset). The fast
/// reader only takes what it can read without a problem: UTF-8 (with or without a byte-order mark)
/// or Shift_JIS (CP932), a header whose only recognised columns are the source, the target and the weight, and no row
/// that the general reader would report. For anything else — UTF-16, a relations or
/// project column, an empty name, a bad weight, a self-loop, a ragged row — ``read(path:vocabulary:)``
/// returns nil and the caller reads the file with ``EdgeListLoader``, which names every problem
/// with its file, line and field.
public struct CompactEdgeList: Sendable {
    /// The file name, as problems and evidence name it.
    public var file: String
    /// The dataset's name (the file name without its extension).
    public var name: String
    /// The encoding of the file (`.utf8`, `.utf8BOM` or `.shiftJIS`); nil for a workbook's sheet.
    public var encoding: TextEncoding?
    /// The vocabulary the file was read with.
    public var vocabulary: Vocabulary
    /// The organisations, in the order ``EntityResolver`` gives them.
    public var organizations: [Organization]
    /// Spellings merged into one organisation.
    public var merges: [EntityMerge]
    /// Per partnership (one per data row, in file order): source and target organisation
    /// positions, weight and line.
    public var sources: [Int32]
    public var targets: [Int32]
    public var weights: [Double]
    public var lines: [Int32]

    /// Number of partnerships.
    public var partnershipCount: Int { sources.count }

    /// Reads the edge-list CSV at `path`, or returns nil when the file needs ``EdgeListLoader``
    /// (see the type's description); never reports a problem itself.
    public static func read(path: String, vocabulary: Vocabulary = .standard) -> CompactEdgeList? {
        // The file is mapped only while it is split: its pages are gone before names are resolved.
        func parsed() -> ParsedSheet? {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
            return data.withUnsafeBytes { raw in
                parse(raw.bindMemory(to: UInt8.self), file: (path as NSString).lastPathComponent, splitMinimum: SheetRows.splitMinimum)
            }
        }
        guard let sheet = parsed() else { return nil }
        return resolve(sheet, file: (path as NSString).lastPathComponent, name: DatasetLoader.baseName(path), vocabulary: vocabulary)
    }

    /// Reads CSV bytes named `file` as ``read(path:vocabulary:)`` reads a file; rows of at least
    /// `splitMinimum` bytes (nil: ``SheetRows/splitMinimum``, 8 MiB) are read on two threads (0: always;
    /// `Int.max`: never). The result does not depend on it: the fuzzer and the tests compare the two.
    public static func read(bytes: [UInt8], file: String, splitMinimum: Int? = nil) -> CompactEdgeList? {
        bytes.withUnsafeBufferPointer { read($0, file: file, name: DatasetLoader.baseName(file), vocabulary: .standard,
                                             splitMinimum: splitMinimum ?? SheetRows.splitMinimum) }
    }

    /// Reads CSV bytes named `file` (a dataset called `name`); nil as in ``read(path:vocabulary:)``.
    /// `splitMinimum`: the least size of rows read on two threads (``SheetRows/splitMinimum``).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, name: String, vocabulary: Vocabulary,
                     splitMinimum: Int = SheetRows.splitMinimum) -> CompactEdgeList? {
        guard let sheet = parse(bytes, file: file, splitMinimum: splitMinimum) else { return nil }
        return resolve(sheet, file: file, name: name, vocabulary: vocabulary)
    }

    /// The rows of a sheet as distinct cells; nil when the general reader is needed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, splitMinimum: Int) -> ParsedSheet? {
        withUTF8(bytes) { utf8, offset, encoding in
            parse(utf8: utf8, from: offset, encoding: encoding, file: file, splitMinimum: splitMinimum)
        }
    }

    /// Calls `body` with the CSV bytes as UTF-8, where its text starts (past a byte-order mark)
    /// and its encoding; nil without calling it when the bytes are in an encoding the fast readers
    /// leave to the general one (UTF-16, or bytes neither UTF-8 nor Shift_JIS).
    ///
    /// The encoding is decided as TextCodec decides it: UTF-8 is read in place, Shift_JIS (CP932)
    /// once converted to UTF-8 (the conversion TextCodec makes; CP932's second bytes are never a
    /// quote, comma or line break, so the records and their lines are the same).
    static func withUTF8<T>(_ bytes: UnsafeBufferPointer<UInt8>,
                            _ body: (UnsafeBufferPointer<UInt8>, Int, TextEncoding) -> T?) -> T? {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if !bom {
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
            if TextCodec.utf16WithoutBOM(Array(bytes.prefix(4096))) != nil { return nil }
        }
        let (validPrefix, multibyte) = TextCodec.utf8ValidPrefix(bytes)
        if validPrefix == bytes.count { return body(bytes, bom ? 3 : 0, bom ? .utf8BOM : .utf8) }
        guard !bom, multibyte < 3,
              case .success(let utf8)? = try? TextCodec.iconvConvert(bytes, from: "CP932", to: "UTF-8") else { return nil }
        return utf8.withUnsafeBufferPointer { body($0, 0, .shiftJIS) }
    }

    /// The rows of valid UTF-8 bytes from `offset` on (after a byte-order mark).
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, from offset: Int, encoding: TextEncoding,
                              file: String, splitMinimum: Int) -> ParsedSheet? {
        var reader = CSVByteReader(bytes, from: offset)
        var fields: [CSVByteReader.Field] = []
        guard reader.next(&fields) != nil else { return nil }
        let header = fields.map { f in reader.withSlice(f) { String(decoding: $0, as: UTF8.self) }.trimmingWhitespace() }
        guard !CSVTable.hasDuplicateColumn(header) else { return nil }
        var ignored: [InputProblem] = []
        guard let c = EdgeListLoader.Columns(header, file: file, problems: &ignored) else { return nil }
        let others: [Int?] = [c.relations, c.project, c.projectID, c.lead, c.status, c.kind, c.prefecture,
                              c.municipality, c.year, c.note]
        guard others.allSatisfy({ $0 == nil }) else { return nil }

        let rowsStart = reader.pos
        let columns = SheetRows.Columns(count: header.count, source: c.source, target: c.target, weight: c.weight)
        // A large sheet is read on two threads: a second reader starts at the first line break
        // past the middle, and its rows are joined to the first reader's when that one arrives
        // exactly there between two records (the split was not inside a quoted cell); otherwise
        // its work is thrown away and the first reader reads on.
        var split: Int?
        if bytes.count - rowsStart >= splitMinimum {
            var k = rowsStart + (bytes.count - rowsStart) / 2
            while k < bytes.count, bytes[k] != 0x0A { k += 1 }
            if k + 1 < bytes.count { split = k + 1 }
        }
        var first = SheetRows(estimate: (split ?? bytes.count) - rowsStart)
        guard let split else {
            guard case .end = first.read(&reader, columns, stop: nil, cancel: nil) else { return nil }
            return first.sheet(encoding: encoding)
        }
        let second = SecondHalf()
        let group = DispatchGroup()
        let buffer = SheetBytes(value: bytes)
        DispatchQueue.global().async(group: group) {
            var reader = CSVByteReader(buffer.value, from: split)
            var rows = SheetRows(estimate: buffer.value.count - split)
            second.outcome = rows.read(&reader, columns, stop: nil, cancel: second)
            second.rows = rows
        }
        let outcome = first.read(&reader, columns, stop: split, cancel: nil)
        if case .stopped = outcome {} else { second.cancelled = true }
        group.wait()
        switch outcome {
        case .needsGeneral: return nil
        case .end: return first.sheet(encoding: encoding)
        case .passed:
            // The split fell inside a record (a quoted cell): the first reader reads the rest itself.
            guard case .end = first.read(&reader, columns, stop: nil, cancel: nil) else { return nil }
            return first.sheet(encoding: encoding)
        case .stopped:
            guard case .end = second.outcome, let rows = second.rows else { return nil }
            // Joined: the second reader's lines counted on from the split, its cells renumbered.
            let offset = reader.line - 1
            guard rows.lines.last.map({ Int($0) + offset <= Int(Int32.max) }) ?? true else { return nil }
            first.append(rows, lineOffset: Int32(offset))
            var sheet = first.sheet(encoding: encoding)
            sheet.joined = true
            return sheet
        }
    }

    /// The organisations behind a parsed sheet's names; nil when a row is a self-loop or a name is refused.
    static func resolve(_ sheet: ParsedSheet, file: String, name: String, vocabulary: Vocabulary) -> CompactEdgeList? {
        let cells = sheet.cells
        var sources = sheet.sourceCells, targets = sheet.targetCells
        let weights = sheet.weights, lines = sheet.lines
        // Mentions: each distinct name once, in order of first mention (row order, source before
        // target), as EntityResolver.resolve groups the general reader's mentions.
        let (mentionOfCell, mentions): ([Int32], [NameMention]) = {
            var mentionOfCell = [Int32](repeating: -1, count: cells.count)
            var mentionOfName: [CanonicalKey: Int32] = [:]
            mentionOfName.reserveCapacity(cells.count)
            var mentions: [NameMention] = []
            mentions.reserveCapacity(cells.count)  // at most one per distinct cell
            for k in 0..<(2 * sources.count) {
                let cell = Int(k & 1 == 0 ? sources[k >> 1] : targets[k >> 1])
                guard mentionOfCell[cell] < 0 else { continue }
                let text = cells.names[cell]!
                let key = CanonicalKey(text)
                if let m = mentionOfName[key] { mentionOfCell[cell] = m; continue }
                let m = Int32(mentions.count)
                mentionOfName[key] = m
                mentionOfCell[cell] = m
                mentions.append(NameMention(text: text))
            }
            return (mentionOfCell, mentions)
        }()
        let locations = MentionLocations(file: file, lines: lines, sources: sources, targets: targets,
                                         mentionOfCell: mentionOfCell, mentions: mentions.count)
        let resolved = EntityResolver.resolve(distinct: mentions, locations: locations.of)
        if !resolved.possibleDuplicates.isEmpty { return nil }  // a warning to report (前株/後株 kept apart)
        var organizationOfCell = [Int32](repeating: -1, count: cells.count)
        for cell in 0..<cells.count where mentionOfCell[cell] >= 0 {
            organizationOfCell[cell] = Int32(resolved.assignments[Int(mentionOfCell[cell])])
        }
        for i in sources.indices {
            sources[i] = organizationOfCell[Int(sources[i])]
            targets[i] = organizationOfCell[Int(targets[i])]
            if sources[i] == targets[i] { return nil }  // a self-loop: a problem
        }
        for o in resolved.organizations where NameText.problem(in: o.id) != nil || NameText.problem(in: o.name) != nil {
            return nil
        }
        return CompactEdgeList(file: file, name: name, encoding: sheet.encoding, vocabulary: vocabulary,
                               organizations: resolved.organizations, merges: resolved.merges,
                               sources: sources, targets: targets, weights: weights, lines: lines)
    }

    /// The dataset ``EdgeListLoader`` reads from the same file.
    public func loadedDataset() -> LoadedDataset {
        var partnerships: [Partnership] = []
        partnerships.reserveCapacity(sources.count)
        for i in sources.indices { partnerships.append(partnership(i)) }
        var dataset = datasetWithoutPartnerships()
        dataset.partnerships = partnerships
        return LoadedDataset(dataset: dataset, merges: merges, warnings: [], encodings: encoding.map { [(file, $0)] } ?? [])
    }

    /// Partnership `i` (in file order) of ``loadedDataset()``, made on its own.
    public func partnership(_ i: Int) -> Partnership {
        Partnership(project: nil, source: organizations[Int(sources[i])].id, target: organizations[Int(targets[i])].id,
                    relations: [], status: .realised, weight: weights[i],
                    evidence: [SourceReference(document: file, line: Int(lines[i]))])
    }

    /// ``loadedDataset()``'s dataset without its partnerships (``partnership(_:)`` makes them one
    /// at a time, for the streaming exports).
    public func datasetWithoutPartnerships() -> Dataset {
        Dataset(metadata: DatasetMetadata(name: name, source: file), vocabulary: vocabulary,
                organizations: organizations, projects: [], partnerships: [])
    }

    /// True when some partnership weighs other than 1 (the weight column carries weights).
    public var hasWeights: Bool { weights.contains { $0 != 1 } }

    /// The partnership graph ``AnalysisGraph/partnershipGraph(of:filter:)`` makes of
    /// ``loadedDataset()`` with the default filter and `weighting`: the same labels, edges and
    /// weights (a partnership has no relations here, so `relations` and `count` weigh 1).
    public func graph(weighting: PartnershipWeighting) -> AnalysisGraph {
        var edges: [(Int32, Int32, Double)] = []
        edges.reserveCapacity(sources.count)
        for i in sources.indices { edges.append((sources[i], targets[i], weighting == .weight ? weights[i] : 1)) }
        return AnalysisGraph(labels: organizations.map(\.id), edges: edges)
    }

    /// The counts ``DatasetStatistics`` gives for ``loadedDataset()``.
    public var statistics: DatasetStatistics {
        DatasetStatistics(name: name, organizations: organizations, vocabulary: vocabulary, partnerships: sources.count,
                          realised: sources.count, withoutRelations: sources.count, projects: 0, relationCounts: [:],
                          graph: graph(weighting: .relations))
    }

    /// What `renkei validate` prints for ``loadedDataset()``.
    public func validationReport(merges showMerges: Bool) -> String {
        LoadedDataset.validationReport(name: name, organizations: organizations.count, partnerships: sources.count, projects: 0,
                                       encodings: encoding.map { [(file, $0)] } ?? [], warnings: [], merges: merges, showMerges: showMerges)
    }

    /// A positive decimal written as digits with at most one point (`3`, `2.5`), parsed exactly
    /// (up to 15 significant digits: Clinger 1990, doi:10.1145/93548.93557), or nil for anything
    /// else, which goes through `FieldParsing.weight`.
    static func plainDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0, any = 0
        var seenDot = false
        for c in b {
            if c >= 0x30 && c <= 0x39 {
                any += 1
                if seenDot { fraction += 1 }
                if mantissa == 0 && c == 0x30 { continue }
                digits += 1
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + UInt64(c - 0x30)
            } else if c == 0x2E && !seenDot {
                seenDot = true
            } else {
                return nil
            }
        }
        // `1.` and `.5` are decimals too, but leave every unusual form to the general rule.
        guard any > 0, b.first != 0x2E, b.last != 0x2E, fraction <= 22 else { return nil }
        return Double(mantissa) / powersOfTen[fraction]
    }

    static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

}

/// A sheet split into rows of distinct cells.
struct ParsedSheet {
    var cells: CellTable
    var sourceCells: [Int32], targetCells: [Int32]
    var weights: [Double]
    var lines: [Int32]
    var encoding: TextEncoding?
    /// True when the rows were read on two threads and joined (``SheetRows``).
    var joined = false
}

/// The rows of an edge-list sheet as read so far by one reader: distinct cells and, per row, its
/// source and target cells, weight and line.
struct SheetRows {
    /// Sheets with at least this many bytes of rows (8 MiB) are read on two threads.
    static let splitMinimum = 8 << 20

    /// The columns read, and how many a row has.
    struct Columns { var count: Int, source: Int, target: Int, weight: Int? }

    /// How a read ended.
    enum Outcome {
        /// At the end of the input.
        case end
        /// At exactly the stop offset, between two records.
        case stopped
        /// Past the stop offset (it fell inside a record).
        case passed
        /// At a row the general reader must report (or cancelled).
        case needsGeneral
    }

    var cells = CellTable()
    var sourceCells: [Int32] = [], targetCells: [Int32] = [], weights: [Double] = [], lines: [Int32] = []
    private var weightCache: [[UInt8]: Double] = [:]

    init(estimate bytes: Int) {
        let estimate = max(16, bytes / 24)
        sourceCells.reserveCapacity(estimate); targetCells.reserveCapacity(estimate)
        weights.reserveCapacity(estimate); lines.reserveCapacity(estimate)
    }

    /// Reads records with `reader` until the end, or until the reader is at or past `stop`
    /// between records; `cancel`, when set, is checked every few thousand rows.
    mutating func read(_ reader: inout CSVByteReader, _ c: Columns, stop: Int?, cancel: SecondHalf?) -> Outcome {
        var fields: [CSVByteReader.Field] = []
        var lastSource = RepeatedCell()
        var rowsRead = 0
        while true {
            if let stop, reader.pos >= stop { return reader.pos == stop ? .stopped : .passed }
            rowsRead += 1
            if rowsRead & 4095 == 0, cancel?.cancelled == true { return .needsGeneral }
            guard let line = reader.next(&fields) else { break }
            guard fields.count == c.count, line <= Int(Int32.max) else { return .needsGeneral }  // ragged: a problem
            let s = lastSource.value(fields[c.source], in: reader.bytes) { reader.withSlice(fields[c.source]) { cells.intern($0) } }
            let t = reader.withSlice(fields[c.target]) { cells.intern($0) }
            if !cells.usable[Int(s)] || !cells.usable[Int(t)] {
                // A blank row is skipped; an empty or refused name is a problem.
                let blank = fields.allSatisfy { f in
                    CSVWriter.unguarded(reader.withSlice(f) { String(decoding: $0, as: UTF8.self) }).trimmingWhitespace().isEmpty
                }
                if blank { continue }
                return .needsGeneral
            }
            var weight = 1.0
            if let col = c.weight {
                let value: Double? = reader.withSlice(fields[col]) { cell in
                    if cell.isEmpty { return 1 }
                    if let w = CompactEdgeList.plainDecimal(cell) { return w > 0 ? w : nil }
                    let key = Array(cell)
                    if let w = weightCache[key] { return w }
                    guard case .success(let w) = FieldParsing.weight(CSVWriter.unguarded(String(decoding: cell, as: UTF8.self))) else { return nil }
                    weightCache[key] = w ?? 1
                    return w ?? 1
                }
                guard let value else { return .needsGeneral }  // not a positive number: a problem
                weight = value
            }
            sourceCells.append(s); targetCells.append(t); weights.append(weight); lines.append(Int32(line))
        }
        return reader.unterminatedQuote == nil ? .end : .needsGeneral
    }

    /// Appends the rows another reader read after these (its lines counted from 1 after
    /// `lineOffset` lines), its cells taken into this table.
    mutating func append(_ other: SheetRows, lineOffset: Int32) {
        let map = cells.adopt(other.cells)
        sourceCells.append(contentsOf: other.sourceCells.lazy.map { map[Int($0)] })
        targetCells.append(contentsOf: other.targetCells.lazy.map { map[Int($0)] })
        weights.append(contentsOf: other.weights)
        lines.append(contentsOf: other.lines.lazy.map { $0 + lineOffset })
    }

    func sheet(encoding: TextEncoding) -> ParsedSheet {
        ParsedSheet(cells: cells, sourceCells: sourceCells, targetCells: targetCells, weights: weights, lines: lines,
                    encoding: encoding)
    }
}

/// The bytes of a sheet, read by the second reader while the caller keeps them alive.
private struct SheetBytes: @unchecked Sendable { let value: UnsafeBufferPointer<UInt8> }

/// The second reader of a split sheet: its rows and how it ended, and the flag that stops it
/// when the first reader no longer needs it.
final class SecondHalf: @unchecked Sendable {
    private let lock = NSLock()
    private var _cancelled = false
    var cancelled: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _cancelled }
        set { lock.lock(); _cancelled = newValue; lock.unlock() }
    }
    /// Set by the second reader before it finishes (read after the group is waited for).
    var rows: SheetRows?
    var outcome: SheetRows.Outcome = .needsGeneral
}

/// Distinct cells by their bytes (open addressing, FNV-1a), each with its name: the cell as the
/// general reader trims it (after removing a formula guard), and whether it can be a name.
///
/// A slot holds the cell's number and the upper half of its hash, so a probe that meets another
/// cell is told apart without reading that cell's bytes (a row's cells are rarely near each
/// other in memory: each comparison avoided is a cache miss avoided).
struct CellTable {
    /// True for CSV cells, whose formula guard (`'=…`) the general reader removes; a workbook's
    /// cells are taken as they are.
    var unguard = true
    var arena: [UInt8] = []
    /// Where cell k's bytes start in `arena`; one more entry than there are cells.
    var start: [Int] = [0]
    var names: [String?] = []
    var usable: [Bool] = []
    /// `id + 1` in the low 32 bits (0 = empty), the hash's upper 32 bits in the high ones.
    var table = [UInt64](repeating: 0, count: 1 << 12)
    var mask = (1 << 12) - 1

    var count: Int { start.count - 1 }

    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> Int32 { intern(b, made: nil) }

    /// The number of the cell of bytes `b`, added when new with `made` (its name and whether it
    /// is usable, already made from the same bytes) or with a name made here.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, made: (name: String?, usable: Bool)?) -> Int32 {
        let h = Self.hash(b)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = table.withUnsafeBufferPointer { t in
            start.withUnsafeBufferPointer { st in
                arena.withUnsafeBufferPointer { a in
                    while true {
                        let entry = t[slot]
                        if entry == 0 { return nil }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let s = st[id], e = st[id + 1]
                            if e - s == b.count, b.count == 0 || memcmp(a.baseAddress! + s, b.baseAddress!, b.count) == 0 {
                                return Int32(id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        let id = Int32(count)
        arena.append(contentsOf: b)
        start.append(arena.count)
        table[slot] = tag | UInt64(id + 1)
        defer { if count * 2 > table.count { grow() } }
        if let made {
            names.append(made.name)
            usable.append(made.usable)
            return id
        }
        let text = String(decoding: b, as: UTF8.self)
        let name = (unguard ? CSVWriter.unguarded(text) : text).trimmingWhitespace()
        // The general reader's checks on a name cell: not empty, no refused character (a line
        // break inside the cell is white space).
        let newline = name.unicodeScalars.contains { (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
        let ok = !name.isEmpty
            && NameText.problem(in: newline ? name.split(whereSeparator: \.isNewline).joined(separator: " ") : name) == nil
        names.append(ok ? name : nil)
        usable.append(ok)
        return id
    }

    /// Takes every cell of `other` into this table (a cell already here keeps its number, a new
    /// one is added with the name `other` made of it); the number of each of `other`'s cells here.
    mutating func adopt(_ other: CellTable) -> [Int32] {
        var map = [Int32](repeating: 0, count: other.count)
        other.arena.withUnsafeBufferPointer { a in
            for k in 0..<other.count {
                let b = UnsafeBufferPointer(rebasing: a[other.start[k]..<other.start[k + 1]])
                map[k] = intern(b, made: (other.names[k], other.usable[k]))
            }
        }
        return map
    }

    mutating func grow() {
        let size = table.count * 2
        table = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let h = Self.hash(UnsafeBufferPointer(rebasing: a[start[id]..<start[id + 1]]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
            }
        }
    }
}

/// Where each distinct mention was met (`file:line` of every row naming it, source before
/// target), built on first use: only merged spellings need it.
private final class MentionLocations: @unchecked Sendable {
    let file: String
    let lines: [Int32], sources: [Int32], targets: [Int32], mentionOfCell: [Int32]
    let mentions: Int
    var offsets: [Int32] = []
    var rows: [Int32] = []

    init(file: String, lines: [Int32], sources: [Int32], targets: [Int32], mentionOfCell: [Int32], mentions: Int) {
        self.file = file; self.lines = lines; self.sources = sources; self.targets = targets
        self.mentionOfCell = mentionOfCell; self.mentions = mentions
    }

    func of(_ mention: Int) -> [SourceReference] {
        if offsets.isEmpty { build() }
        return (Int(offsets[mention])..<Int(offsets[mention + 1])).map {
            SourceReference(document: file, line: Int(lines[Int(rows[$0])]))
        }
    }

    func build() {
        var count = [Int32](repeating: 0, count: mentions + 1)
        for i in sources.indices {
            count[Int(mentionOfCell[Int(sources[i])]) + 1] += 1
            count[Int(mentionOfCell[Int(targets[i])]) + 1] += 1
        }
        for m in 0..<mentions { count[m + 1] += count[m] }
        offsets = count
        var next = count
        rows = [Int32](repeating: 0, count: 2 * sources.count)
        for i in sources.indices {
            for cell in [sources[i], targets[i]] {
                let m = Int(mentionOfCell[Int(cell)])
                rows[Int(next[m])] = Int32(i)
                next[m] += 1
            }
        }
    }
}
