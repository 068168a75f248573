import Foundation
import RenkeiCore

/// One cell of a report.
public enum ReportValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int)
    case number(Double)
    /// A share (0…1): a percentage with one decimal in text tables (71.4%), the fraction in CSV and JSON.
    case percent(Double)
    case flag(Bool)

    var json: JSONValue {
        switch self {
        case .null: return .null
        case .text(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .number(let d), .percent(let d): return .double(d)
        case .flag(let b): return .bool(b)
        }
    }

    /// `d` with exactly `digits` decimals, independent of the locale (`formatFixed`).
    public static func fixed(_ d: Double, digits: Int) -> String { formatFixed(d, digits: digits) }

    /// A share as a percentage with one decimal: 0.714 → `71.4%`.
    public static func percent(_ share: Double) -> String { formatFixed(share * 100, digits: 1) + "%" }

    /// `d` to `digits` significant figures in fixed notation (0.001234, 12.35, 1235), locale-free.
    public static func significant(_ d: Double, digits: Int = 4) -> String {
        guard d.isFinite, d != 0 else { return d == 0 ? "0" : formatFixed(d, digits: 0) }
        let magnitude = Int((abs(d)).log10Floor)
        var decimals = max(0, digits - 1 - magnitude)
        var text = formatFixed(d, digits: decimals)
        // Rounding may carry into a new digit (9.9996 → 10.000): drop the extra decimal.
        if decimals > 0, text.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).drop(while: { $0 == 0x30 }).count > digits {
            decimals -= 1
            text = formatFixed(d, digits: decimals)
        }
        return text
    }

    /// `n` and the noun, singular for exactly one: `counted(1, "partnership")` → `1 partnership`.
    public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// Text for tables and CSV. Doubles keep full precision in CSV and four significant
    /// figures in tables; shares are percentages in tables.
    func text(forTable: Bool) -> String {
        switch self {
        case .null: return ""
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let d):
            if forTable { return ReportValue.significant(d, digits: 4) }
            return JSONValue.format(d)
        case .percent(let d):
            if forTable { return ReportValue.percent(d) }
            return JSONValue.format(d)
        case .flag(let b): return b ? "true" : "false"
        }
    }
}

/// The three output formats every reporting command offers.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table
    case json
    case csv
}

/// A rectangular report: named columns and rows of values. Renders as an aligned text table
/// (East Asian wide characters count two columns), RFC 4180 CSV, or a JSON array of objects.
public struct ReportTable: Sendable {
    public var columns: [String]
    public var rows: [[ReportValue]]
    /// Optional title printed above the text table.
    public var title: String?
    /// Japanese headers of this table's text form, where they differ from ``japaneseHeaders``
    /// (a `projects` column holding project ids is 事業, not the count 事業数).
    public var headers: [String: String] = [:]

    public init(columns: [String], rows: [[ReportValue]] = [], title: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.title = title
    }

    public mutating func append(_ row: [ReportValue]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }

    /// The rows as a JSON array of objects keyed by column name.
    public var json: JSONValue {
        .array(rows.map { row in .object(zip(columns, row).map { ($0, $1.json) }) })
    }

    /// The text table speaks Japanese (``japaneseHeaders``); CSV and JSON keep the English field names.
    /// - Parameter rawCells: in CSV, write text cells exactly as they are, without the apostrophe
    ///   that keeps spreadsheets from reading `=…`, `+…`, `-…`, `@…` as formulas (``CSVWriter/guarded(_:)``).
    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String {
        switch format {
        case .table:
            var t = self
            t.columns = columns.map { headers[$0] ?? Self.japaneseHeaders[$0] ?? $0 }
            return t.textTable(maxWidth: Self.terminalWidth)
        case .json: return json.serialized() + "\n"
        case .csv: return csv(rawCells: rawCells)
        }
    }

    /// RFC 4180 CSV; text cells that a spreadsheet would take for a formula get a leading
    /// apostrophe unless `rawCells` (numbers are never changed).
    public func csv(rawCells: Bool = false) -> String {
        var out = CSVWriter.line(columns)
        for row in rows {
            out += CSVWriter.line(row.map { v in
                if case .text(let s) = v, !rawCells { return CSVWriter.guarded(s) }
                return v.text(forTable: false)
            })
        }
        return out
    }

    /// The width of the terminal standard output is, when it is one: text tables are cut to it.
    @TaskLocal public static var terminalWidth: Int?

    /// Japanese headers of the text tables, by field name.
    public static let japaneseHeaders: [String: String] = [
        "id": "ID", "name": "名称", "kind": "種別", "category": "分類", "value": "値", "measure": "指標",
        "projects": "事業数", "share": "割合", "partnerships": "連携数", "relations": "連携の内容",
        "community": "コミュニティ", "coordinator": "調整役", "gatekeeper": "門番", "representative": "代表",
        "itinerant": "渡り", "liaison": "連絡役", "total": "計", "clustering": "クラスタ係数",
        "core_number": "コア数", "component": "連結成分", "source": "連携元", "source_name": "連携元の名称",
        "target": "連携先", "target_name": "連携先の名称", "weight": "重み", "shared_projects": "共通の事業数",
        "project": "事業", "title": "事業名", "depth": "深さ", "via": "経由", "path": "経路", "step": "段",
    ]

    /// The aligned text table; with `maxWidth`, the widest text columns are cut (ending in "…") so
    /// that each line fits.
    public func textTable(maxWidth: Int? = nil) -> String {
        var cells = rows.map { $0.map { $0.text(forTable: true) } }
        // Each cell's width measured once, for the column widths and the padding.
        var cellWidths = cells.map { $0.map(displayWidth) }
        var widths = columns.map(displayWidth)
        for row in cellWidths {
            for (i, w) in row.enumerated() where w > widths[i] { widths[i] = w }
        }
        var numeric = [Bool](repeating: true, count: columns.count)
        for row in rows {
            for (i, v) in row.enumerated() {
                switch v {
                case .integer, .number, .percent, .null: break
                default: numeric[i] = false
                }
            }
        }
        if let maxWidth {
            var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
            while total > maxWidth {
                // Cut the widest text column, never below its header or 8 columns.
                guard let i = widths.indices.filter({ !numeric[$0] && widths[$0] > max(8, displayWidth(columns[$0])) })
                    .max(by: { widths[$0] < widths[$1] }) else { break }
                let floor = max(8, displayWidth(columns[i]))
                let target = max(floor, widths[i] - (total - maxWidth))
                total -= widths[i] - target
                widths[i] = target
                for r in cells.indices where cellWidths[r][i] > target {
                    cells[r][i] = truncated(cells[r][i], to: target)
                    cellWidths[r][i] = displayWidth(cells[r][i])
                }
            }
        }
        var out = ""
        if let title {
            // A titled table without rows says what it has to say in its title ("no chain joins …").
            if rows.isEmpty { return title + "\n" }
            out += title + "\n"
        }
        // One line: the cells padded to their column's width (numbers to the right), two spaces
        // apart, without trailing spaces.
        var line = ""
        func append(_ row: [String], _ rowWidths: [Int]) {
            line.removeAll(keepingCapacity: true)
            for (i, cell) in row.enumerated() {
                if i > 0 { line.append("  ") }
                let gap = widths[i] - rowWidths[i]
                if numeric[i] { line.append(String(repeating: " ", count: gap)); line.append(cell) } else {
                    line.append(cell); line.append(String(repeating: " ", count: gap))
                }
            }
            while line.utf8.last == 0x20 { line.removeLast() }
            out.append(line)
            out.append("\n")
        }
        append(columns, columns.map(displayWidth))
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (row, rowWidths) in zip(cells, cellWidths) { append(row, rowWidths) }
        return out
    }
}

/// Writes RFC 4180 CSV records.
public enum CSVWriter {
    /// One record terminated by CRLF when `crlf`, else LF. Fields holding a comma, quote,
    /// CR or LF, or leading/trailing space, are quoted.
    public static func line(_ fields: [String], crlf: Bool = false) -> String {
        fields.map(escape).joined(separator: ",") + (crlf ? "\r\n" : "\n")
    }

    /// The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV
    /// injection"): `=`, `+`, `-`, `@`, tab and carriage return.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a text cell must be guarded: after any leading apostrophes, it starts with one of
    /// ``formulaStarts``. (Counting the apostrophes makes the guard reversible: `'=x` is written
    /// `''=x` and reads back as `'=x`.)
    public static func needsGuard(_ text: String) -> Bool {
        for s in text.unicodeScalars where s != "'" { return formulaStarts.contains(s) }
        return false
    }

    /// A text cell as written to CSV for spreadsheets: `'` in front when ``needsGuard(_:)``, so
    /// Excel and LibreOffice show `=cmd|' /C calc'!A0` as text instead of running it. Apply it to
    /// text cells only, never to numbers (`-1.5` stays a number).
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// The inverse of ``guarded(_:)``, applied by Renkei's own CSV reader: a leading apostrophe
    /// is removed when the rest needs the guard, so writing and reading back gives the text exactly.
    public static func unguarded(_ text: String) -> String {
        guard text.unicodeScalars.first == "'" else { return text }
        let rest = String(text.unicodeScalars.dropFirst())
        return needsGuard(rest) ? rest : text
    }

    public static func escape(_ field: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        let needsQuotes = field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `s` cut to `width` terminal columns, the last one an ellipsis.
func truncated(_ s: String, to width: Int) -> String {
    var out = "", w = 0
    for c in s {
        let cw = displayWidth(String(c))
        if w + cw > width - 1 { break }
        out.append(c)
        w += cw
    }
    return out + "…"
}

/// Columns a string occupies in a terminal: East Asian wide and fullwidth characters count two.
func displayWidth(_ s: String) -> Int {
    var w = 0
    for scalar in s.unicodeScalars {
        let v = scalar.value
        // No nonspacing mark below U+0300 or among the CJK unified ideographs: no property lookup.
        if v < 0x300 { w += 1; continue }
        if (0x4E00...0x9FFF).contains(v) { w += 2; continue }
        if scalar.properties.generalCategory == .nonspacingMark || v == 0x200B { continue }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
            || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        w += wide ? 2 : 1
    }
    return w
}

/// Fixed-point formatting without Foundation's locale-dependent formatters.
func formatFixed(_ d: Double, digits: Int) -> String {
    guard d.isFinite else { return d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = d < 0
    let scaled = (abs(d) * scale).rounded()
    guard scaled < 9e18 else { return "\(d)" }
    let n = UInt64(scaled)
    let intPart = n / UInt64(scale)
    var frac = digits > 0 ? String(n % UInt64(scale)) : ""
    frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
    let body = digits > 0 ? "\(intPart).\(frac)" : "\(intPart)"
    return (negative && scaled != 0 ? "-" : "") + body
}

extension Double {
    /// ⌊log10 |x|⌋ for a finite non-zero x.
    var log10Floor: Double { Foundation.log10(Swift.abs(self)).rounded(.down) }
}
