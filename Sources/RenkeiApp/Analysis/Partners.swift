import RenkeiCore
import RenkeiIO

/// Frequently-partnered institutions by kind, category or organisation (`renkei partners`).
public struct PartnersRequest: Sendable {
    public var input: DatasetInput
    public var selection: GraphSelection
    public var grouping: PartnerGrouping
    /// Keep only the first N rows.
    public var top: Int?
    /// Count each project's lead as taking part in it.
    public var includeLeads: Bool

    public init(input: DatasetInput, selection: GraphSelection = GraphSelection(), grouping: PartnerGrouping = .kind,
                top: Int? = nil, includeLeads: Bool = false) {
        self.input = input
        self.selection = selection
        self.grouping = grouping
        self.top = top
        self.includeLeads = includeLeads
    }

    /// A dataset without projects is read as each source organisation leading one project; the
    /// report's ``PartnersReport/note`` then says so.
    public func run() throws -> PartnersReport {
        let loaded = try ProjectDataset.load(input, selection: selection)
        let report = FrequentPartners(dataset: loaded.dataset, by: grouping, filter: loaded.filter, includeLeads: includeLeads)
        var rows = report.rows
        if let top, top >= 0, rows.count > top { rows = Array(rows.prefix(top)) }
        return PartnersReport(grouping: grouping, includeLeads: includeLeads, projectCount: report.projectCount,
                              rows: rows, note: loaded.note)
    }
}

/// The partners report: one row per kind, category or organisation.
public struct PartnersReport: Sendable {
    public var grouping: PartnerGrouping
    public var includeLeads: Bool
    /// Projects counted (the denominator of every share).
    public var projectCount: Int
    public var rows: [FrequentPartner]
    /// A remark for the user about how the input was read, or nil.
    public var note: String?

    /// The key columns: `kind`, `category`, or `id, name, kind`.
    var keyColumns: [String] {
        switch grouping {
        case .kind: return ["kind"]
        case .category: return ["category"]
        case .organization: return ["id", "name", "kind"]
        }
    }

    func keyValues(_ r: FrequentPartner) -> [String] {
        switch grouping {
        case .kind, .category: return [r.key]
        case .organization: return [r.key, r.name, r.kind ?? ""]
        }
    }

    /// Key fields, `projects`, `share`, `partnerships`, and `relations` (relation id → count).
    public var json: JSONValue {
        .array(rows.map { r in
            .object(zip(keyColumns, keyValues(r)).map { ($0, .string($1)) } + [
                ("projects", .int(r.projects)),
                ("share", .double(r.share)),
                ("partnerships", .int(r.partnerships)),
                ("relations", .object(r.relations.map { ($0.relation.id, .int($0.count)) })),
            ])
        })
    }

    public func table(titled: Bool) -> ReportTable {
        let what = grouping == .kind ? "種別" : grouping == .category ? "分類" : "団体"
        var table = ReportTable(columns: keyColumns + ["projects", "share", "partnerships", "relations"],
                                title: titled ? "よく連携する\(what) (事業 \(projectCount) 件中\(includeLeads ? "、主催団体を含む" : ""))" : nil)
        for r in rows {
            let relations = r.relations.map { "\($0.relation.japanese) \($0.count)" }.joined(separator: "; ")
            table.append(keyValues(r).map { .text($0) } + [.integer(r.projects), .percent(r.share), .integer(r.partnerships), .text(relations)])
        }
        return table
    }

    public func rendered(as format: ReportFormat, rawCells: Bool = false) -> String {
        format == .json ? json.serialized() + "\n" : table(titled: format == .table).rendered(as: format, rawCells: rawCells)
    }
}
