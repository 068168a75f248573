import Foundation

/// What the overview of a large network groups organisations by.
public enum OverviewGrouping: String, Sendable, CaseIterable {
    /// The community partition (``DiagramOptions/communities``).
    case community
    /// The organisation's municipality (市区町村).
    case municipality
    /// The organisation's kind (種別).
    case kind
}

extension DiagramWriter {
    /// Most groups an overview draws; smaller groups are drawn together as one 「その他」 node.
    public static let overviewGroupLimit = 40
    /// Brokers named per group.
    public static let overviewBrokersPerGroup = 2

    /// The overview of a network too large to draw organisation by organisation: one node per group
    /// of organisations (community, municipality or kind), its size following the number of
    /// members; one edge per pair of groups with partnerships between them, its width and label
    /// the number of partnerships. Each group names its top brokers: the members whose
    /// partnerships reach the most other groups (ties by degree, then dataset order). The
    /// ``overviewGroupLimit`` largest groups are drawn; the rest are one 「その他」 node.
    /// Organisations without partnerships are not counted. Layout: `neato` with overlap removal.
    /// - Complexity: O(*n* log *n* + *m*).
    public func overviewDOT(grouping: OverviewGrouping) -> String {
        // Organisations in partnerships, with their degree.
        var degree: [String: Int] = [:]
        for p in dataset.partnerships where p.source != p.target {
            degree[p.source, default: 0] += 1
            degree[p.target, default: 0] += 1
        }
        let ids = degree.keys.sorted { (position($0), $0) < (position($1), $1) }
        func key(_ id: String) -> (order: Int, label: String) {
            let o = organization(id)
            switch grouping {
            case .community:
                let c = options.communities?[id] ?? -1
                return (c < 0 ? Int.max : c, c < 0 ? "未分類" : "コミュニティ \(c)")
            case .municipality:
                let m = o.municipality ?? ""
                return (0, m.isEmpty ? "市区町村不明" : m)
            case .kind: return (o.kind.order, o.kind.id)
            }
        }
        // Groups by label, ordered by size (largest first), then their own order and label.
        var members: [String: [String]] = [:]
        var order: [String: Int] = [:]
        for id in ids {
            let k = key(id)
            members[k.label, default: []].append(id)
            order[k.label] = k.order
        }
        let ranked = members.keys.sorted {
            (-members[$0]!.count, order[$0]!, $0) < (-members[$1]!.count, order[$1]!, $1)
        }
        let shown = Array(ranked.prefix(Self.overviewGroupLimit))
        let restLabel = "その他 \(ranked.count - shown.count) グループ"
        var groupOf: [String: Int] = [:]
        for (g, label) in ranked.enumerated() {
            for id in members[label]! { groupOf[id] = min(g, shown.count) }
        }
        let groupCount = shown.count + (ranked.count > shown.count ? 1 : 0)
        let labels = shown + (ranked.count > shown.count ? [restLabel] : [])

        // Partnerships between groups, and the other groups each organisation reaches.
        var between: [Int: Int] = [:]
        var inside = [Int](repeating: 0, count: groupCount)
        var reach: [String: Set<Int>] = [:]
        for p in dataset.partnerships where p.source != p.target {
            guard let a = groupOf[p.source], let b = groupOf[p.target] else { continue }
            if a == b { inside[a] += 1; continue }
            between[min(a, b) * groupCount + max(a, b), default: 0] += 1
            reach[p.source, default: []].insert(b)
            reach[p.target, default: []].insert(a)
        }
        var size = [Int](repeating: 0, count: groupCount)
        var brokers = [[String]](repeating: [], count: groupCount)
        for id in ids { size[groupOf[id]!] += 1 }
        let byBrokerage = ids.filter { (reach[$0]?.count ?? 0) > 0 }.sorted {
            ((-(reach[$0]!.count)), -degree[$0]!, position($0), $0) < ((-(reach[$1]!.count)), -degree[$1]!, position($1), $1)
        }
        for id in byBrokerage {
            let g = groupOf[id]!
            if brokers[g].count < Self.overviewBrokersPerGroup { brokers[g].append(id) }
        }
        let maxSize = Double(size.max() ?? 1)
        let maxBetween = Double(between.values.max() ?? 1)

        var b = DOTBuilder()
        b.open("graph " + DOTEscaping.quoted("network"))
        let groupWord = ["community": "コミュニティ", "municipality": "市区町村", "kind": "種別"][grouping.rawValue]!
        var rows = [legendHeading("表示")]
        rows.append(markerRow("丸", "\(groupWord)ごとの団体のまとまり（大きさ：団体数）"))
        rows.append(markerRow("線の太さ・数字", "まとまりの間の連携の件数"))
        rows.append(markerRow("名前", "他のまとまりと最も多くつながる団体（橋渡し）"))
        if ranked.count > shown.count {
            rows.append(markerRow("その他", "小さい \(ranked.count - shown.count) のまとまりをひとつに表示"))
        }
        let title = "連携ネットワークの概要：\(dataset.metadata.name)"
        let subtitle = "\(ids.count) 団体・\(dataset.partnerships.count) 件の連携を\(groupWord)ごとに \(ranked.count) のまとまりで表示"
        b.defaults("graph", [
            ("layout", .string(options.engine ?? "neato")),
            ("fontname", .string(options.font)), ("fontsize", .number(11)),
            ("label", headerLabel(title: title, subtitle: subtitle, legendRows: rows)),
            ("labelloc", .string("t")), ("labeljust", .string("l")),
            ("bgcolor", .string("white")), ("pad", .string("0.3")),
            ("overlap", .string("prism")), ("sep", .string("+12")), ("splines", .string("true")),
            ("outputorder", .string("edgesfirst")), ("start", startValue),
        ])
        commonDefaults(&b)
        for g in 0..<groupCount {
            let s = (Double(size[g]) / maxSize).squareRoot()
            let names = brokers[g].map { organization($0).name }
            var text = "\(labels[g])\n\(size[g]) 団体"
            if !names.isEmpty { text += "\n" + names.joined(separator: "\n") }
            let color = grouping == .community && g < shown.count && order[labels[g]]! != Int.max
                ? DiagramPalette.communityColor(order[labels[g]]!) : DiagramPalette.tolPale[g % DiagramPalette.tolPale.count]
            b.node("g\(g)", [("label", .text(text)), ("shape", .string("ellipse")),
                             ("fillcolor", .string(color)), ("fontsize", .number(9 + 15 * s)),
                             ("width", .number(0.8 + 2.4 * s)), ("height", .number(0.5 + 1.6 * s)),
                             ("tooltip", .text("\(labels[g])：\(size[g]) 団体、内部の連携 \(inside[g]) 件"))])
        }
        for (pair, count) in between.sorted(by: { $0.key < $1.key }) {
            let (a, c) = (pair / groupCount, pair % groupCount)
            let w = log2(1 + Double(count)) / log2(1 + maxBetween)
            b.edge("g\(a)", "g\(c)", [("penwidth", .number(0.5 + 6 * w)),
                                      ("color", .string("#555555" + (w < 0.3 ? "66" : "AA"))),
                                      ("label", .string(w >= 0.3 ? "\(count)" : "")),
                                      ("tooltip", .text("\(labels[a])・\(labels[c])：\(count) 件"))])
        }
        b.close()
        return b.text
    }
}
