import RenkeiCore
import RenkeiIO

/// The 事業 × 連携先の種別 heatmap as SVG, from the projection request's incidence table.
enum ReportSVG {
    static func heatmap(_ f: ReportFacts, standalone: Bool) -> String {
        let t = f.incidence.table
        let kinds = Array(t.columns.dropFirst(2))
        let cellW = 64, cellH = 26, labelW = 380, headH = 34
        var maxCount = 1
        for row in t.rows { for case .integer(let n) in row.dropFirst(2) { maxCount = max(maxCount, n) } }
        let width = labelW + cellW * kinds.count + 8, height = headH + cellH * t.rows.count + 8
        var s = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"事業 × 連携先の種別（団体数）\" font-family=\"Noto Sans CJK JP, sans-serif\" font-size=\"12\">\n"
        for (j, k) in kinds.enumerated() {
            s += "<text x=\"\(labelW + j * cellW + cellW / 2)\" y=\"\(headH - 10)\" text-anchor=\"middle\" font-weight=\"bold\" data-kind=\"\(ReportHTML.esc(k))\">\(ReportHTML.esc(k))</text>\n"
        }
        for (i, row) in t.rows.enumerated() {
            let y = headH + i * cellH
            var id = "", title = ""
            if case .text(let x) = row[0] { id = x }
            if case .text(let x) = row[1] { title = x }
            let label = title.count > 26 ? String(title.prefix(25)) + "…" : title
            s += "<text x=\"4\" y=\"\(y + 17)\"><tspan font-weight=\"bold\">\(ReportHTML.esc(id))</tspan> \(ReportHTML.esc(label))<title>\(ReportHTML.esc(id)) \(ReportHTML.esc(title))</title></text>\n"
            for (j, v) in row.dropFirst(2).enumerated() {
                guard case .integer(let n) = v else { continue }
                // Darker for more; the number is written in every cell, so no colour is needed to read it.
                let level = n == 0 ? 0.0 : 0.15 + 0.85 * Double(n) / Double(maxCount)
                let shade = Int((1 - level * 0.75) * 255)
                let fill = n == 0 ? "#ffffff" : "rgb(\(shade),\(min(255, shade + 20)),255)"
                let x = labelW + j * cellW
                s += "<g class=\"cell\" data-kind=\"\(ReportHTML.esc(kinds[j]))\"><rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW)\" height=\"\(cellH)\" fill=\"\(fill)\" stroke=\"#999999\"/>"
                s += "<text x=\"\(x + cellW / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"\(level > 0.6 ? "#ffffff" : "#000000")\"\(n > 0 ? " font-weight=\"bold\"" : "")>\(n == 0 ? "·" : String(n))</text>"
                s += "<title>\(ReportHTML.esc(id)) × \(ReportHTML.esc(kinds[j])): \(n)</title></g>\n"
            }
        }
        return s + "</svg>\n"
    }
}

/// The report's facts as Markdown, for wikis and documents; the diagrams are files beside it.
enum ReportMarkdown {
    static func page(_ f: ReportFacts) -> String {
        let d = f.dataset, s = f.stats
        var m = "# 連携レポート：\(d.metadata.name)\n\nデータ: `\(f.path)` ・ 作成日: \(f.date) ・ renkei report\n\n"
        m += "## 概要\n\n- \(s.projects) 事業\n- \(s.organizations) 団体（うち一般的な連携先 \(s.genericOrganizations)）\n"
        m += "- \(s.partnerships) 連携（実施 \(s.realised)・予定 \(s.planned)）\n- \(s.components) 連結成分（最大 \(s.largestComponent) 団体）\n\n"
        m += table(["種別", "団体数"], s.kinds.filter { $0.count > 0 }.map { [$0.label, String($0.count)] })
        m += table(["連携の内容", "連携数"], s.relations.map { [$0.label, String($0.count)] })
        m += "### データの確認（validate の警告）\n\n"
        m += f.loaded.warnings.isEmpty ? "警告はありません。\n\n" : f.loaded.warnings.map { "- \(cell($0.description))\n" }.joined() + "\n"
        m += "## よく連携される機関\n\n全 \(f.partnersByKind.projectCount) 事業のうち、その機関と連携した事業の数と割合。\n\n"
        func partnerRow(_ key: [String], _ r: FrequentPartner) -> [String] {
            key + [String(r.projects), ReportValue.percent(r.share), String(r.partnerships),
                   r.relations.map { "\($0.relation.japanese) \($0.count)" }.joined(separator: "、")]
        }
        m += "### 種別\n\n" + table(["種別", "事業数", "割合", "連携数", "連携の内容"], f.partnersByKind.rows.map { partnerRow([$0.name], $0) })
        m += "### 分類\n\n" + table(["分類", "事業数", "割合", "連携数", "連携の内容"], f.partnersByCategory.rows.map { partnerRow([$0.name.isEmpty ? "（分類なし）" : $0.name], $0) })
        m += "### 団体\n\n" + table(["団体", "種別", "事業数", "割合", "連携数", "連携の内容"], f.partnersByOrganization.rows.map { partnerRow([$0.name, $0.kind ?? ""], $0) })
        m += "## 事業 × 連携先の種別\n\n![事業 × 連携先の種別](heatmap.svg)\n\n"
        let t = f.incidence.table
        m += table(["事業"] + t.columns.dropFirst(2), t.rows.map { row in
            row.enumerated().compactMap { i, v in
                switch v { case .text(let x): return i == 0 ? x : nil; case .integer(let n): return String(n); default: return "" }
            }
        })
        m += "## ネットワーク\n\n![連携ネットワーク](network.svg)\n\n### 種別間の連携\n\n![種別間の連携](sectors.svg)\n\n"
        m += "## 事業ごとの連携\n\n"
        for p in d.projects {
            m += "### \(p.id) \(p.title)\n\n"
            m += "- 主催: \(d.organization(id: p.lead)?.fullName ?? p.lead)\n- 年度: \(p.year.map(String.init) ?? "—")\n"
            m += "- 地域: \(ReportFacts.region(p.prefecture, p.municipality))\n"
            if let src = p.source { m += "- 出典: \(src.description)\n" }
            m += "\n![\(p.id) の連携図](\(DiagramFileNames.project(p.id)).svg)\n\n"
            m += table(["連携先", "種別", "連携の内容", "状態", "根拠"], d.partnerships(ofProject: p.id).map { x in
                let other = x.source == p.lead ? x.target : x.source
                let o = d.organization(id: other)
                return [o?.name ?? other, o?.kind.id ?? "", x.relations.map(\.japanese).joined(separator: "、"),
                        ReportFacts.statusLabel(x.status), x.evidence.map(\.description).joined(separator: "; ")]
            })
        }
        m += "## ブローカー・ハブ\n\n"
        for (report, caption) in [(f.degree, "次数中心性"), (f.betweenness, "媒介中心性"), (f.pagerank, "PageRank")] {
            m += "### \(caption)\n\n" + table(["順位", "団体", "種別", "値"], report.ranking.prefix(f.top).enumerated().map { i, v in
                [String(i + 1), report.graph.names[v], report.graph.kinds[v], ReportValue.significant(report.values[v], digits: 4)]
            })
        }
        let b = f.brokerage
        m += "### Gould–Fernandez の仲介役割\n\n" + table(["団体", "種別", "調整役", "門番", "代表", "渡り", "連絡役", "計"],
            b.ranking.prefix(f.top).filter { b.roles[$0].total > 0 }.map { v in
                let r = b.roles[v]
                return [b.graph.names[v], b.graph.kinds[v]] + [r.coordinator, r.gatekeeper, r.representative, r.itinerant, r.liaison, r.total].map(String.init)
            })
        let c = f.communities.detection, g = f.communities.graph
        m += "## コミュニティ\n\n\(c.algorithm.rawValue) 法で \(c.partition.count) 個。モジュラリティ Q = \(ReportValue.fixed(c.modularity, digits: 4))。"
        m += "\(c.runModularities.count) 回の実行の一致度: NMI \(ReportValue.fixed(c.meanNMI, digits: 4))、ARI \(ReportValue.fixed(c.meanARI, digits: 4))。\n\n"
        m += table(["番号", "団体数", "メンバー"], c.partition.communities.enumerated().map { i, members in
            [String(i + 1), String(members.count), members.map { g.names[$0.int] }.joined(separator: "、")]
        })
        return m
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var out = "| " + headers.map(cell).joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: headers.count) + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
