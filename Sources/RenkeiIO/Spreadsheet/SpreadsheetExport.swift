import RenkeiCore

/// The dataset as a workbook for Excel (`export --format xlsx`): sheets 団体 (with the metrics as
/// numbers when given), 連携, 事業 and よく連携する機関 (named organisations by the number of projects
/// that partner with them). 連携 and 事業 carry the organisations' ids beside their names
/// (連携元ID, 連携先ID, 主催団体ID), so that every command reads the workbook back as a dataset
/// (``DatasetLoader``; よく連携する機関 is derived and not read).
public enum SpreadsheetExport {
    /// The four sheets.
    /// - Complexity: O(size of the dataset + *P* log *P*).
    /// - Parameter positions: node positions (``NodePositions``), as the 団体 sheet's last columns X座標, Y座標.
    public static func sheets(_ d: Dataset, metrics: NodeMetrics? = nil, positions: NodePositions? = nil) -> [XLSXSheet] {
        let metricColumns = metrics?.columns ?? []
        let positionColumns = positions == nil ? [] : NodePositions.attributes.map(\.japanese)
        let organizations = XLSXSheet(
            name: "団体",
            columns: ["ID", "名称", "種別", "分類", "法人格", "都道府県", "市区町村", "別名", "一般名"] + metricColumns.map(\.japanese)
                + positionColumns,
            rows: d.organizations.map { o in
                let base: [XLSXCell] = [.text(o.id), .text(o.name), .text(o.kind.id), text(o.category), text(o.legalForm),
                                        text(o.prefecture), text(o.municipality), .text(o.aliases.joined(separator: ";")),
                                        .text(o.generic ? "はい" : "いいえ")]
                let position: [XLSXCell] = positions.map { p in
                    p.points[o.id].map { [.number($0.x), .number($0.y)] } ?? [.empty, .empty]
                } ?? []
                return base + metricColumns.map { c in metrics?.values[o.id]?[c.name].map(XLSXCell.number) ?? .empty } + position
            })
        func name(_ id: String) -> String { d.organization(id: id)?.name ?? id }
        var partnershipCount: [String: Int] = [:]
        for p in d.partnerships { if let id = p.project { partnershipCount[id, default: 0] += 1 } }
        let partnerships = XLSXSheet(
            name: "連携",
            columns: ["事業", "連携元ID", "連携元", "連携先ID", "連携先", "連携内容", "状態", "重み", "方向", "根拠", "備考"],
            rows: d.partnerships.map { p in
                [text(p.project), .text(p.source), .text(name(p.source)), .text(p.target), .text(name(p.target)),
                 .text(p.relations.map(\.japanese).joined(separator: ";")),
                 .text(p.status == .realised ? "実施済み" : "予定"), .number(p.weight),
                 .text(p.direction == .mutual ? "双方向" : "一方向"),
                 .text(p.evidence.map(\.description).joined(separator: ";")), text(p.note)]
            })
        let projects = XLSXSheet(
            name: "事業",
            columns: ["ID", "事業名", "主催団体ID", "主催団体", "都道府県", "市区町村", "年度", "連携数", "出典"],
            rows: d.projects.map { p in
                [.text(p.id), .text(p.title), .text(p.lead), .text(name(p.lead)), text(p.prefecture), text(p.municipality),
                 p.year.map { .number(Double($0)) } ?? .empty,
                 .number(Double(partnershipCount[p.id] ?? 0)), text(p.source?.description)]
            })
        let frequent = FrequentPartners(dataset: d.withImpliedProjects(), by: .organization)
        let partners = XLSXSheet(
            name: "よく連携する機関",
            columns: ["名称", "種別", "事業数", "事業の割合", "連携数", "連携内容"],
            rows: frequent.rows.map { r in
                [.text(r.name), text(r.kind), .number(Double(r.projects)), .number(r.share), .number(Double(r.partnerships)),
                 .text(r.relations.map { "\($0.relation.japanese) \($0.count)" }.joined(separator: ";"))]
            })
        return [organizations, partnerships, projects, partners]
    }

    static func text(_ s: String?) -> XLSXCell { s.map(XLSXCell.text) ?? .empty }
}
