import RenkeiCore
import RenkeiIO

/// The self-contained HTML page of a report: inline CSS, JavaScript and SVG, nothing fetched.
enum ReportHTML {
    static func page(_ f: ReportFacts) -> String {
        let name = f.dataset.metadata.name
        var h = """
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>連携レポート：\(esc(name))</title>
        <style>\(ReportAssets.css)</style>
        </head>
        <body>
        <header class="top">
        <h1>連携レポート：\(esc(name))</h1>
        <p class="meta">データ: <code>\(esc(f.path))</code>\(f.dataset.metadata.source.map { "（出典: \(esc($0))）" } ?? "") ・ 作成日: <time>\(esc(f.date))</time> ・ renkei report</p>
        <nav aria-label="目次"><a href="#overview">概要</a> <a href="#partners">よく連携される機関</a> <a href="#heatmap">事業 × 連携先の種別</a> <a href="#network">ネットワーク</a> <a href="#projects">事業ごとの連携</a> <a href="#brokers">ブローカー・ハブ</a> <a href="#communities">コミュニティ</a></nav>
        </header>

        """
        h += controls(f)
        h += "<main>\n"
        h += overview(f)
        h += partners(f)
        h += "<section id=\"heatmap\"><h2>事業 × 連携先の種別</h2>\n<p class=\"note\">各事業で連携する団体の数（主催団体を含む）。数字はセルに書かれています。</p>\n<div class=\"scroll\">"
            + ReportSVG.heatmap(f, standalone: false) + "</div></section>\n"
        h += network(f)
        h += projects(f)
        h += brokers(f)
        h += communities(f)
        h += """
        </main>
        <footer><p>このページは <code>renkei report</code> がデータから生成しました。データを直したら作り直してください。</p></footer>
        <dialog id="zoom" aria-label="連携図の拡大"><form method="dialog"><button class="close">閉じる</button></form><div class="zoom-body"></div></dialog>
        <script type="application/json" id="renkei-data">\(ReportData.json(f).serialized(indent: 0).replacingOccurrences(of: "</", with: "<\\/"))</script>
        <script>\(ReportAssets.js)</script>
        </body>
        </html>

        """
        return h
    }

    static func controls(_ f: ReportFacts) -> String {
        let kinds = f.kindsPresent.map { "<option value=\"\(esc($0.id))\">\(esc($0.id))</option>" }.joined()
        let relations = f.relationsPresent.map { "<option value=\"\(esc($0.id))\">\(esc($0.japanese))</option>" }.joined()
        return """
        <div id="controls" class="controls" role="search">
        <div class="search"><label for="q">団体を検索</label>
        <input id="q" type="search" autocomplete="off" placeholder="名前・別名（例: 社協, JANPIA）" aria-describedby="q-help" aria-controls="hits">
        <span id="q-help" class="hint">表記ゆれ（社協／社会福祉協議会、全角／半角、別名）も探せます</span>
        <ul id="hits" class="hits" aria-label="検索結果"></ul></div>
        <div class="filters" aria-label="絞り込み">
        <label>種別 <select id="f-kind"><option value="">すべて</option>\(kinds)</select></label>
        <label>連携の内容 <select id="f-rel"><option value="">すべて</option>\(relations)</select></label>
        <label>状態 <select id="f-status"><option value="">すべて</option><option value="realised">実施</option><option value="planned">予定</option></select></label>
        <button type="button" id="f-reset">絞り込みを解除</button>
        <span id="f-summary" class="hint" aria-live="polite"></span></div>
        </div>
        <aside id="card" class="card" hidden aria-live="polite"></aside>

        """
    }

    static func overview(_ f: ReportFacts) -> String {
        let s = f.stats
        var h = "<section id=\"overview\"><h2>概要</h2>\n<ul class=\"figures\">"
        h += "<li><b>\(s.projects)</b> 事業</li><li><b>\(s.organizations)</b> 団体（うち一般的な連携先 \(s.genericOrganizations)）</li>"
        h += "<li><b>\(s.partnerships)</b> 連携（実施 \(s.realised)・予定 \(s.planned)）</li>"
        h += "<li><b>\(s.components)</b> 連結成分（最大 \(s.largestComponent) 団体、孤立 \(s.isolatedOrganizations)）</li></ul>\n"
        if let d = f.dataset.metadata.description { h += "<p>\(esc(d))</p>\n" }
        h += "<div class=\"cols\">"
        h += table(id: "t-kinds", caption: "種別ごとの団体数", headers: ["種別", "団体数"],
                   rows: s.kinds.filter { $0.count > 0 }.map { ("data-kinds=\"\(esc($0.label))\"", [.text($0.label), .int($0.count)]) })
        h += table(id: "t-relations", caption: "連携の内容ごとの連携数", headers: ["連携の内容", "連携数"],
                   rows: s.relations.map { ("", [.text($0.label), .int($0.count)]) })
        h += table(id: "t-status", caption: "状態ごとの連携数", headers: ["状態", "連携数"],
                   rows: [("", [.text("実施"), .int(s.realised)]), ("", [.text("予定"), .int(s.planned)])])
        h += "</div>\n<h3>データの確認（validate の警告）</h3>\n"
        let warnings = f.loaded.warnings
        if warnings.isEmpty {
            h += "<p>警告はありません。</p>\n"
        } else {
            h += "<p>\(warnings.count) 件の警告があります（エラーではありませんが、確認してください）。</p>\n<ul class=\"warnings\">"
            h += warnings.map { "<li>\(esc($0.description))</li>" }.joined() + "</ul>\n"
        }
        return h + "</section>\n"
    }

    static func partners(_ f: ReportFacts) -> String {
        var h = "<section id=\"partners\"><h2>よく連携される機関</h2>\n"
        h += "<p class=\"note\">全 \(f.partnersByKind.projectCount) 事業のうち、その機関と連携した事業の数と割合（主催団体は含めません）。列の見出しを押すと並べ替えます。</p>\n"
        let byKind = f.partnersByKind.rows.map { r in
            ("data-kinds=\"\(esc(r.key))\" data-rels=\"\(esc(r.relations.map(\.relation.id).joined(separator: " ")))\"", partnerCells([.text(r.name)], r))
        }
        h += table(id: "t-partner-kinds", caption: "種別", headers: ["種別", "事業数", "割合", "連携数", "連携の内容"], rows: byKind, sortable: true)
        var categoryKinds: [String: Set<String>] = [:]
        for o in f.dataset.organizations { categoryKinds[o.category ?? "", default: []].insert(o.kind.id) }
        let byCategory = f.partnersByCategory.rows.map { r in
            ("data-kinds=\"\(esc((categoryKinds[r.key] ?? []).sorted().joined(separator: " ")))\" data-rels=\"\(esc(r.relations.map(\.relation.id).joined(separator: " ")))\"",
             partnerCells([.text(r.name.isEmpty ? "（分類なし）" : r.name)], r))
        }
        h += table(id: "t-partner-categories", caption: "分類", headers: ["分類", "事業数", "割合", "連携数", "連携の内容"], rows: byCategory, sortable: true)
        let byOrganization = f.partnersByOrganization.rows.map { r in
            ("data-id=\"\(esc(r.key))\"", partnerCells([.org(r.key, r.name), .text(r.kind ?? "")], r))
        }
        h += table(id: "t-partner-orgs", caption: "団体", headers: ["団体", "種別", "事業数", "割合", "連携数", "連携の内容"], rows: byOrganization, sortable: true)
        return h + "</section>\n"
    }

    static func partnerCells(_ key: [Cell], _ r: FrequentPartner) -> [Cell] {
        key + [.int(r.projects), .percent(r.share), .int(r.partnerships),
               .text(r.relations.map { "\($0.relation.japanese) \($0.count)" }.joined(separator: "、"))]
    }

    static func network(_ f: ReportFacts) -> String {
        var h = "<section id=\"network\"><h2>ネットワーク</h2>\n"
        h += "<p class=\"note\">全事業の連携をひとつの図にしたものです。マウスのホイールまたは ＋／− ボタンで拡大縮小、ドラッグ（または矢印キー）で移動します。検索した団体は太い破線の枠で示されます。</p>\n"
        h += "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"ネットワーク図の操作\"><button type=\"button\" id=\"z-in\" aria-label=\"拡大\">＋</button><button type=\"button\" id=\"z-out\" aria-label=\"縮小\">−</button><button type=\"button\" id=\"z-reset\">全体を表示</button><span id=\"focus-state\" class=\"hint\" aria-live=\"polite\"></span></div>\n"
        h += "<div id=\"net\" class=\"viewport\" tabindex=\"0\" aria-label=\"ネットワーク図（矢印キーで移動、＋−で拡大縮小）\">" + inline(f.diagram("network.svg") ?? "") + "</div>\n"
        h += "<h3>種別間の連携</h3>\n<div class=\"sectors\">" + inline(f.diagram("sectors.svg") ?? "") + "</div>\n"
        h += "<h3>事業ごとの連携図</h3>\n<p class=\"note\">図を押すと拡大します。</p>\n<div class=\"gallery\">"
        for p in f.dataset.projects {
            guard let svg = f.diagram(DiagramFileNames.project(p.id) + ".svg") else { continue }
            h += "<figure><button type=\"button\" class=\"thumb\" aria-label=\"\(esc(p.id)) の連携図を拡大\">\(inline(svg))</button><figcaption><a href=\"#project-\(esc(DiagramFileNames.fileSafe(p.id)))\">\(esc(p.id))</a> \(esc(p.title))</figcaption></figure>"
        }
        return h + "</div></section>\n"
    }

    static func projects(_ f: ReportFacts) -> String {
        let d = f.dataset
        var h = "<section id=\"projects\"><h2>事業ごとの連携</h2>\n"
        var byProject: [String: [Partnership]] = [:]
        for p in d.partnerships { if let id = p.project { byProject[id, default: []].append(p) } }
        for p in d.projects {
            let lead = d.organization(id: p.lead)
            h += "<article class=\"project\" id=\"project-\(esc(DiagramFileNames.fileSafe(p.id)))\"><h3>\(esc(p.id)) \(esc(p.title))</h3>\n<dl>"
            h += "<dt>主催</dt><dd>\(esc(lead?.fullName ?? p.lead))</dd>"
            h += "<dt>年度</dt><dd>\(p.year.map(String.init) ?? "—")</dd>"
            h += "<dt>地域</dt><dd>\(esc(ReportFacts.region(p.prefecture, p.municipality).isEmpty ? "—" : ReportFacts.region(p.prefecture, p.municipality)))</dd>"
            if let s = p.source { h += "<dt>出典</dt><dd>\(esc(s.description))</dd>" }
            h += "</dl>\n"
            let rows: [(String, [Cell])] = (byProject[p.id] ?? []).map { x in
                let other = x.source == p.lead ? x.target : x.source
                let o = d.organization(id: other)
                let evidence = x.evidence.map(\.description).joined(separator: "; ") + (x.note.map { x.evidence.isEmpty ? $0 : " — " + $0 } ?? "")
                return ("data-id=\"\(esc(other))\"",
                        [.org(other, o?.name ?? other), .text(o?.kind.id ?? ""), .text(x.relations.map(\.japanese).joined(separator: "、")),
                         .text(ReportFacts.statusLabel(x.status)), .text(evidence)])
            }
            h += table(id: nil, caption: "連携先（\(rows.count) 件）", headers: ["連携先", "種別", "連携の内容", "状態", "根拠"], rows: rows)
            h += "</article>\n"
        }
        return h + "</section>\n"
    }

    static func brokers(_ f: ReportFacts) -> String {
        var h = "<section id=\"brokers\"><h2>ブローカー・ハブ</h2>\n"
        h += "<p class=\"note\">つながりの多い団体（次数）、団体どうしの橋渡しをする団体（媒介中心性）、重要な団体とつながる団体（PageRank）の上位 \(f.top) 団体。</p>\n<div class=\"cols\">"
        for (report, caption) in [(f.degree, "次数中心性"), (f.betweenness, "媒介中心性"), (f.pagerank, "PageRank")] {
            let rows: [(String, [Cell])] = report.ranking.prefix(f.top).enumerated().map { i, v in
                let id = report.graph.graph.labels[v]
                return ("data-id=\"\(esc(id))\"", [.int(i + 1), .org(id, report.graph.names[v]), .text(report.graph.kinds[v]), .real(report.values[v])])
            }
            h += table(id: nil, caption: caption, headers: ["順位", "団体", "種別", "値"], rows: rows, sortable: true)
        }
        h += "</div>\n<h3>Gould–Fernandez の仲介役割（種別をグループとして）</h3>\n"
        h += "<p class=\"note\">調整役: 同じ種別どうしを同じ種別の団体が仲介 ／ 門番: 他の種別から自分の種別へ ／ 代表: 自分の種別から他の種別へ ／ 渡り: 他の種別どうしを仲介（同じ種別） ／ 連絡役: すべて異なる種別。</p>\n"
        let b = f.brokerage
        let rows: [(String, [Cell])] = b.ranking.prefix(f.top).filter { b.roles[$0].total > 0 }.map { v in
            let r = b.roles[v], id = b.graph.graph.labels[v]
            return ("data-id=\"\(esc(id))\"", [.org(id, b.graph.names[v]), .text(b.graph.kinds[v]), .int(r.coordinator), .int(r.gatekeeper),
                                               .int(r.representative), .int(r.itinerant), .int(r.liaison), .int(r.total)])
        }
        h += table(id: "t-brokerage", caption: "仲介の多い団体", headers: ["団体", "種別", "調整役", "門番", "代表", "渡り", "連絡役", "計"], rows: rows, sortable: true)
        return h + "</section>\n"
    }

    static func communities(_ f: ReportFacts) -> String {
        let d = f.communities.detection, g = f.communities.graph
        var h = "<section id=\"communities\"><h2>コミュニティ</h2>\n"
        h += "<p>\(esc(d.algorithm.rawValue)) 法で \(d.partition.count) 個のコミュニティに分かれました。モジュラリティ Q = \(ReportValue.fixed(d.modularity, digits: 4))。"
        h += "シードを変えた \(d.runModularities.count) 回の実行の一致度: NMI \(ReportValue.fixed(d.meanNMI, digits: 4))、ARI \(ReportValue.fixed(d.meanARI, digits: 4))（1 に近いほど安定。異なる分け方 \(d.distinctPartitions) 通り）。</p>\n"
        let rows: [(String, [Cell])] = d.partition.communities.enumerated().map { i, members in
            let ids = members.map { g.graph.labels[$0.int] }
            var count: [String: Int] = [:]
            for m in members { count[g.kinds[m.int], default: 0] += 1 }
            let dominant = count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
                .map { "\($0.key) \($0.value)" }.joined(separator: "、")
            return ("data-ids=\"\(esc(ids.joined(separator: " ")))\"",
                    [.int(i + 1), .int(members.count), .text(dominant), .text(members.map { g.names[$0.int] }.joined(separator: "、"))])
        }
        h += table(id: "t-communities", caption: "コミュニティの構成", headers: ["番号", "団体数", "主な種別", "メンバー"], rows: rows)
        return h + "</section>\n"
    }

    // MARK: - Building blocks

    enum Cell {
        case text(String)
        case int(Int)
        case percent(Double)
        case real(Double)
        /// An organisation's name that opens its card.
        case org(String, String)
    }

    static func table(id: String?, caption: String, headers: [String], rows: [(attributes: String, cells: [Cell])],
                      sortable: Bool = false) -> String {
        var h = "<table\(id.map { " id=\"\($0)\"" } ?? "")\(sortable ? " class=\"sortable\"" : "")><caption>\(esc(caption))</caption><thead><tr>"
        h += headers.map { sortable ? "<th scope=\"col\"><button type=\"button\">\(esc($0))</button></th>" : "<th scope=\"col\">\(esc($0))</th>" }.joined()
        h += "</tr></thead><tbody>"
        for row in rows {
            h += "<tr\(row.attributes.isEmpty ? "" : " " + row.attributes)>"
            for c in row.cells {
                switch c {
                case .text(let s): h += "<td>\(esc(s))</td>"
                case .int(let i): h += "<td class=\"n\" data-v=\"\(i)\">\(i)</td>"
                case .percent(let d): h += "<td class=\"n\" data-v=\"\(d)\">\(ReportValue.percent(d))</td>"
                case .real(let d): h += "<td class=\"n\" data-v=\"\(d)\">\(ReportValue.significant(d, digits: 4))</td>"
                case .org(let id, let name): h += "<td><a class=\"org\" href=\"#card\" data-org=\"\(esc(id))\">\(esc(name))</a></td>"
                }
            }
            h += "</tr>"
        }
        return h + "</tbody></table>\n"
    }

    /// An SVG document as inline markup: the XML prolog, DOCTYPE and comments before `<svg` dropped.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// The data the page's script works on: organisations (with search keys, projects, partners and
/// centrality ranks) and partnerships (for the filters and the focus view).
enum ReportData {
    static func json(_ f: ReportFacts) -> JSONValue {
        let d = f.dataset
        let ranks = [("degree", ReportFacts.ranks(f.degree)), ("betweenness", ReportFacts.ranks(f.betweenness)),
                     ("pagerank", ReportFacts.ranks(f.pagerank))]
        var projectsOf: [String: [String]] = [:]
        var partnersOf: [String: [(String, [String], Set<String>)]] = [:]
        func addProject(_ o: String, _ p: String) {
            if projectsOf[o]?.contains(p) != true { projectsOf[o, default: []].append(p) }
        }
        for p in d.projects { addProject(p.lead, p.id) }
        for x in d.partnerships {
            if let p = x.project { addProject(x.source, p); addProject(x.target, p) }
            for (a, b) in [(x.source, x.target), (x.target, x.source)] {
                var list = partnersOf[a] ?? []
                let rel = x.relations.map(\.japanese)
                if let i = list.firstIndex(where: { $0.0 == b }) {
                    for r in rel where !list[i].1.contains(r) { list[i].1.append(r) }
                    list[i].2.insert(ReportFacts.statusLabel(x.status))
                } else {
                    list.append((b, rel, [ReportFacts.statusLabel(x.status)]))
                }
                partnersOf[a] = list
            }
        }
        let orgs: [(String, JSONValue)] = d.organizations.map { o in
            (o.id, .object([
                ("n", .string(o.fullName)),
                ("k", .string(o.kind.id)),
                ("c", .string(o.category ?? "")),
                ("r", .string(ReportFacts.region(o.prefecture, o.municipality))),
                ("a", .array(o.aliases.map { .string($0) })),
                ("keys", .array(ReportFacts.searchKeys(o).map { .string($0) })),
                ("p", .array((projectsOf[o.id] ?? []).map { .string($0) })),
                ("partners", .array((partnersOf[o.id] ?? []).map { .array([.string($0.0), .string($0.1.joined(separator: "、")), .string($0.2.sorted().joined(separator: "、"))]) })),
                ("ranks", .object(ranks.compactMap { name, r in r[o.id].map { (name, .int($0)) } })),
            ]))
        }
        return .object([
            ("orgs", .object(orgs)),
            ("count", .int(f.degree.graph.graph.nodeCount)),
            ("projects", .object(d.projects.map { ($0.id, .string($0.title)) })),
            ("edges", .array(d.partnerships.map { x in
                .array([.string(x.source), .string(x.target), .array(x.relations.map { .string($0.id) }), .string(x.status.rawValue)])
            })),
        ])
    }
}
