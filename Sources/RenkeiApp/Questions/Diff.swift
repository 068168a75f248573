import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// What changed between two surveys (`renkei diff`): two datasets, or one dataset in two years.
public struct DiffRequest: Sendable {
    /// The earlier dataset.
    public var old: DatasetInput
    /// The later dataset; nil compares `old` with itself across ``fromYear`` and ``toYear``.
    public var new: DatasetInput?
    /// The year of the projects read from the old side, and from the new side.
    public var fromYear: Int?
    public var toYear: Int?
    /// The filters, applied to both sides.
    public var selection: GraphSelection
    /// How many degree and betweenness moves are listed (the largest).
    public var top: Int
    public var fonts: JapaneseFonts

    public init(old: DatasetInput, new: DatasetInput? = nil, fromYear: Int? = nil, toYear: Int? = nil,
                selection: GraphSelection = GraphSelection(), top: Int = 10, fonts: JapaneseFonts = .system) {
        self.old = old
        self.new = new
        self.fromYear = fromYear
        self.toYear = toYear
        self.selection = selection
        self.top = top
        self.fonts = fonts
    }

    /// - Throws: `InputError`, ``RequestError`` (one dataset without two years, a year no project
    ///   has, years with a year filter, two sides with no organisation in common).
    public func run() throws -> DiffReport {
        if new == nil && (fromYear == nil || toYear == nil) {
            throw RequestError("one dataset is compared across two years: give the year before and the year after")
        }
        if (fromYear != nil || toYear != nil) && !selection.years.isEmpty {
            throw RequestError("the years compared and a year filter cannot be combined")
        }
        func side(_ input: DatasetInput, year: Int?, loaded: Dataset? = nil) throws -> (Dataset, GraphFilter, String) {
            var s = selection
            if let year { s.years = [year] }
            let dataset = try s.view(of: loaded ?? input.load().dataset)
            let label = year.map { "\($0)年" } ?? dataset.metadata.name
            return (dataset, try s.filter(for: dataset, path: input.path), label)
        }
        var oldSide: (Dataset, GraphFilter, String), newSide: (Dataset, GraphFilter, String)
        if let new {
            oldSide = try side(old, year: fromYear)
            newSide = try side(new, year: toYear)
        } else {
            let whole = try old.load().dataset
            oldSide = try side(old, year: fromYear, loaded: whole)
            newSide = try side(old, year: toYear, loaded: whole)
        }
        if oldSide.2 == newSide.2, let new {
            // Two datasets of one name: tell them apart by their file or folder names.
            func base(_ p: String) -> String { String(p.split(separator: "/").last ?? Substring(p)) }
            oldSide.2 = base(old.path); newSide.2 = base(new.path)
        }
        var filter = oldSide.1
        filter.projects = nil   // project ids differ between surveys; the view has applied them
        let (a, b) = (oldSide.0, newSide.0)
        let comparison = NetworkComparison.compare(old: a, new: b, filter: filter)
        if comparison.matching.count == 0 && !a.organizations.isEmpty && !b.organizations.isEmpty {
            throw RequestError("\(oldPath) and \(newPath) have no organisation in common (matched by normalised name and alias): nothing to compare")
        }
        return DiffReport(old: a, new: b, oldLabel: oldSide.2, newLabel: newSide.2, oldPath: oldPath, newPath: newPath,
                          filter: filter, comparison: comparison, top: max(0, top), fonts: fonts)
    }

    var oldPath: String { new == nil ? "\(old.path) (\(fromYear.map(String.init) ?? ""))" : old.path }
    var newPath: String { new.map(\.path) ?? "\(old.path) (\(toYear.map(String.init) ?? ""))" }
}

/// The changes between two surveys.
public struct DiffReport: Sendable {
    public var old: Dataset
    public var new: Dataset
    /// Japanese labels of the two sides (dataset name, with the year in year mode).
    public var oldLabel: String
    public var newLabel: String
    public var oldPath: String
    public var newPath: String
    var filter: GraphFilter
    public var comparison: NetworkComparison
    /// The number of degree and betweenness moves listed.
    public var top: Int
    var fonts: JapaneseFonts

    typealias Member = NetworkComparison.Member

    static func relations(_ r: [RelationKind]) -> JSONValue { .array(r.map { .string($0.japanese) }) }
    static func strings(_ s: [String]) -> JSONValue { .array(s.map(JSONValue.string)) }
    static func member(_ m: Member) -> [(String, JSONValue)] {
        [("id", .string(m.id)), ("name", .string(m.name)), ("kind", .string(m.kind))]
    }
    static func pair(_ p: NetworkComparison.Pair) -> JSONValue {
        .object([("source", .string(p.source.name)), ("target", .string(p.target.name)),
                 ("source_id", .string(p.source.id)), ("target_id", .string(p.target.id)),
                 ("relations", relations(p.relations)), ("status", .string(p.status.rawValue)), ("projects", strings(p.projects))])
    }
    static func component(_ c: NetworkComparison.Component) -> JSONValue {
        .object([("name", .string(c.largest.name)), ("id", .string(c.largest.id)), ("size", .int(c.size))])
    }
    func project(_ p: Project, in d: Dataset) -> JSONValue {
        .object([("id", .string(p.id)), ("title", .string(p.title)), ("lead", .string(d.organization(id: p.lead)?.name ?? p.lead)),
                 ("year", p.year.map(JSONValue.int) ?? .null)])
    }
    static func move(_ m: NetworkComparison.Move, integer: Bool) -> JSONValue {
        func v(_ x: Double) -> JSONValue { integer ? .int(Int(x)) : .double(x) }
        return .object([("name", .string(m.new.name)), ("old_id", .string(m.old.id)), ("new_id", .string(m.new.id)),
                        ("old", v(m.oldValue)), ("new", v(m.newValue)), ("change", v(m.change)),
                        ("old_rank", .int(m.oldRank)), ("new_rank", .int(m.newRank)), ("rank_change", .int(m.rankChange))])
    }

    var degreeMoves: [NetworkComparison.Move] { Array(comparison.degreeMoves.prefix(top)) }
    var betweennessMoves: [NetworkComparison.Move] { Array(comparison.betweennessMoves.prefix(top)) }

    /// One object: `old` and `new` (path, name, counts), `organizations_matched` (count and those
    /// paired across another id or name), then `organizations_added`, `organizations_removed`,
    /// `partnerships_added`, `partnerships_removed`, `relations_changed`, `projects_added`,
    /// `projects_removed`, `components_merged`, `components_split`, `degree_moves`, `betweenness_moves`.
    public var json: JSONValue {
        let c = comparison
        func side(_ d: Dataset, _ path: String) -> JSONValue {
            .object([("path", .string(path)), ("name", .string(d.metadata.name)),
                     ("organizations", .int(d.organizations.count)), ("projects", .int(d.projects.count)),
                     ("partnerships", .int(NetworkComparison.pairs(of: d, filter: filter).count))])
        }
        return .object([
            ("old", side(old, oldPath)), ("new", side(new, newPath)),
            ("organizations_matched", .int(c.matching.count)),
            ("organizations_rematched", .array(c.rematched.map { r in
                .object([("old_id", .string(r.old.id)), ("old_name", .string(r.old.name)), ("new_id", .string(r.new.id)),
                         ("name", .string(r.new.name)), ("matched_by", .string(r.basis.rawValue))]) })),
            ("organizations_added", .array(c.organizationsAdded.map { .object(Self.member($0)) })),
            ("organizations_removed", .array(c.organizationsRemoved.map { .object(Self.member($0)) })),
            ("partnerships_added", .array(c.partnershipsAdded.map(Self.pair))),
            ("partnerships_removed", .array(c.partnershipsRemoved.map(Self.pair))),
            ("relations_changed", .array(c.relationsChanged.map { ch in
                .object([("source", .string(ch.new.source.name)), ("target", .string(ch.new.target.name)),
                         ("source_id", .string(ch.new.source.id)), ("target_id", .string(ch.new.target.id)),
                         ("old_relations", Self.relations(ch.old.relations)), ("new_relations", Self.relations(ch.new.relations)),
                         ("relations_added", Self.relations(ch.relationsAdded)), ("relations_removed", Self.relations(ch.relationsRemoved)),
                         ("old_status", .string(ch.old.status.rawValue)), ("new_status", .string(ch.new.status.rawValue)),
                         ("projects", Self.strings(ch.new.projects))]) })),
            ("projects_added", .array(c.projectsAdded.map { project($0, in: new) })),
            ("projects_removed", .array(c.projectsRemoved.map { project($0, in: old) })),
            ("components_merged", .array(c.componentsMerged.map { .object([("component", Self.component($0.component)), ("from", .array($0.parts.map(Self.component)))]) })),
            ("components_split", .array(c.componentsSplit.map { .object([("component", Self.component($0.component)), ("into", .array($0.parts.map(Self.component)))]) })),
            ("degree_moves", .array(degreeMoves.map { Self.move($0, integer: true) })),
            ("betweenness_moves", .array(betweennessMoves.map { Self.move($0, integer: false) })),
        ])
    }

    /// One row per change: `section` (the JSON key it is listed under), `name` (an organisation, a
    /// project title, a component's largest organisation), `source` and `target` (partnerships),
    /// `old` and `new` (relations, names, values, ranks, components), `projects`.
    public var table: ReportTable {
        var t = ReportTable(columns: ["section", "name", "source", "target", "old", "new", "projects"])
        func rel(_ r: [RelationKind]) -> String { r.map(\.japanese).joined(separator: "; ") }
        func row(_ s: String, _ name: String, _ source: String = "", _ target: String = "", _ o: String = "", _ n: String = "", _ p: [String] = []) {
            t.append([.text(s), .text(name), .text(source), .text(target), .text(o), .text(n), .text(p.joined(separator: "; "))])
        }
        let c = comparison
        for r in c.rematched { row("organizations_rematched", r.new.name, "", "", "\(r.old.id) \(r.old.name)", "\(r.new.id) \(r.new.name)") }
        for m in c.organizationsAdded { row("organizations_added", m.name, "", "", "", m.id) }
        for m in c.organizationsRemoved { row("organizations_removed", m.name, "", "", m.id) }
        for p in c.partnershipsAdded { row("partnerships_added", "", p.source.name, p.target.name, "", rel(p.relations), p.projects) }
        for p in c.partnershipsRemoved { row("partnerships_removed", "", p.source.name, p.target.name, rel(p.relations), "", p.projects) }
        for ch in c.relationsChanged {
            func s(_ p: NetworkComparison.Pair) -> String { rel(p.relations) + (p.status == .planned ? "（予定）" : "") }
            row("relations_changed", "", ch.new.source.name, ch.new.target.name, s(ch.old), s(ch.new), ch.new.projects)
        }
        for p in c.projectsAdded { row("projects_added", p.title, "", "", "", p.id) }
        for p in c.projectsRemoved { row("projects_removed", p.title, "", "", p.id) }
        func comp(_ x: NetworkComparison.Component) -> String { "\(x.largest.name) (\(x.size))" }
        for m in c.componentsMerged { row("components_merged", comp(m.component), "", "", m.parts.map(comp).joined(separator: "; "), comp(m.component)) }
        for m in c.componentsSplit { row("components_split", comp(m.component), "", "", comp(m.component), m.parts.map(comp).joined(separator: "; ")) }
        for m in degreeMoves { row("degree_moves", m.new.name, "", "", String(Int(m.oldValue)), String(Int(m.newValue))) }
        for m in betweennessMoves {
            row("betweenness_moves", m.new.name, "", "", "\(m.oldRank) (\(ReportValue.fixed(m.oldValue, digits: 4)))",
                "\(m.newRank) (\(ReportValue.fixed(m.newValue, digits: 4)))")
        }
        return t
    }

    /// The Japanese text report: a summary, then one table per kind of change that has any.
    public var text: String {
        let c = comparison
        var out = "連携の変化：\(oldLabel) → \(newLabel)\n"
        out += "団体 +\(c.organizationsAdded.count) −\(c.organizationsRemoved.count)（共通 \(c.matching.count)）・"
            + "連携 +\(c.partnershipsAdded.count) −\(c.partnershipsRemoved.count)・内容の変化 \(c.relationsChanged.count)・"
            + "事業 +\(c.projectsAdded.count) −\(c.projectsRemoved.count)\n"
        func section(_ title: String, _ columns: [String], _ rows: [[ReportValue]]) {
            guard !rows.isEmpty else { return }
            out += "\n" + ReportTable(columns: columns, rows: rows, title: "\(title)（\(rows.count)）").textTable(maxWidth: ReportTable.terminalWidth)
        }
        func rel(_ r: [RelationKind]) -> ReportValue { .text(r.map(\.japanese).joined(separator: "・")) }
        func projects(_ p: [String]) -> ReportValue { .text(p.joined(separator: ", ")) }
        section("名前や ID が変わった団体", ["旧 ID", "旧名称", "新 ID", "新名称", "照合"],
                c.rematched.map { [.text($0.old.id), .text($0.old.name), .text($0.new.id), .text($0.new.name), .text($0.basis == .name ? "名称" : "別名")] })
        section("新しい団体", ["ID", "名称", "種別"], c.organizationsAdded.map { [.text($0.id), .text($0.name), .text($0.kind)] })
        section("なくなった団体", ["ID", "名称", "種別"], c.organizationsRemoved.map { [.text($0.id), .text($0.name), .text($0.kind)] })
        section("新しい連携", ["連携元", "連携先", "連携の内容", "事業"], c.partnershipsAdded.map { [.text($0.source.name), .text($0.target.name), rel($0.relations), projects($0.projects)] })
        section("なくなった連携", ["連携元", "連携先", "連携の内容", "事業"], c.partnershipsRemoved.map { [.text($0.source.name), .text($0.target.name), rel($0.relations), projects($0.projects)] })
        func status(_ p: NetworkComparison.Pair) -> String { p.status == .planned ? "予定" : "実施" }
        section("内容が変わった連携", ["連携元", "連携先", "加わった内容", "なくなった内容", "状態"], c.relationsChanged.map {
            [.text($0.new.source.name), .text($0.new.target.name), rel($0.relationsAdded), rel($0.relationsRemoved),
             .text($0.old.status == $0.new.status ? status($0.new) : "\(status($0.old)) → \(status($0.new))")]
        })
        section("新しい事業", ["事業", "事業名"], c.projectsAdded.map { [.text($0.id), .text($0.title)] })
        section("なくなった事業", ["事業", "事業名"], c.projectsRemoved.map { [.text($0.id), .text($0.title)] })
        func comp(_ x: NetworkComparison.Component) -> String { "\(x.largest.name)（\(x.size) 団体）" }
        section("つながった連結成分", ["連結成分", "元の連結成分"], c.componentsMerged.map { [.text(comp($0.component)), .text($0.parts.map(comp).joined(separator: "、"))] })
        section("分かれた連結成分", ["連結成分", "分かれた先"], c.componentsSplit.map { [.text(comp($0.component)), .text($0.parts.map(comp).joined(separator: "、"))] })
        section("次数（連携先の数）の変化が大きい団体", ["名称", "前", "後", "増減"], degreeMoves.map {
            [.text($0.new.name), .integer(Int($0.oldValue)), .integer(Int($0.newValue)), .text(($0.change > 0 ? "+" : "") + String(Int($0.change)))]
        })
        section("媒介中心性の順位の変化が大きい団体", ["名称", "前の順位", "後の順位", "変化", "前の値", "後の値"], betweennessMoves.map {
            [.text($0.new.name), .integer($0.oldRank), .integer($0.newRank), .text(($0.rankChange > 0 ? "+" : "") + String($0.rankChange)),
             .text(ReportValue.fixed($0.oldValue, digits: 4)), .text(ReportValue.fixed($0.newValue, digits: 4))]
        })
        return out
    }

    /// The report, or a diagram of the partnerships that changed.
    /// - Throws: ``RequestError`` when no partnership changed; `RenderError`.
    public func output(_ format: QuestionFormat) throws -> QuestionOutput {
        switch format {
        case .report(.table): return QuestionOutput(bytes: Array(text.utf8), warnings: [])
        case .report(let r): return QuestionOutput.report(r, json: json, table: table)
        case .diagram(let f):
            let (dataset, changes) = diagramDataset()
            guard !changes.isEmpty else { throw RequestError("no partnership was added, removed or changed between \(oldPath) and \(newPath): there is no change to draw") }
            let c = comparison
            let focus = DiagramFocus(title: "連携の変化：\(oldLabel) → \(newLabel)",
                                     subtitle: "新しい連携 \(c.partnershipsAdded.count) 組・なくなった連携 \(c.partnershipsRemoved.count) 組・内容が変わった連携 \(c.relationsChanged.count) 組",
                                     changes: changes, addedMeaning: "新しい連携（\(newLabel)のみ）", removedMeaning: "なくなった連携（\(oldLabel)のみ）")
            return try QuestionDiagram.render(dataset, focus: focus, format: f, fonts: fonts)
        }
    }

    /// The organisations at the ends of a changed partnership, drawn as the new side knows them
    /// (old organisations without a pair keep their old id, prefixed when it clashes), with the new
    /// side's partnerships among them and the old side's lost ones.
    func diagramDataset() -> (Dataset, [String: DiagramFocus.EdgeChange]) {
        let c = comparison, m = c.matching
        let newIDs = Set(new.organizations.map(\.id)), newProjects = Set(new.projects.map(\.id))
        func drawn(_ oldID: String) -> String { m.newByOld[oldID] ?? (newIDs.contains(oldID) ? "旧:" + oldID : oldID) }
        let projectPairs = ProjectMatching.match(old: old, new: new)
        func drawnProject(_ id: String) -> String { projectPairs[id] ?? (newProjects.contains(id) ? "旧:" + id : id) }
        var changes: [String: DiagramFocus.EdgeChange] = [:]
        var ids = Set<String>()
        for p in c.partnershipsAdded { changes[DiagramFocus.pairKey(p.source.id, p.target.id)] = .added; ids.formUnion([p.source.id, p.target.id]) }
        for p in c.relationsChanged {
            changes[DiagramFocus.pairKey(p.new.source.id, p.new.target.id)] = .changed
            ids.formUnion([p.new.source.id, p.new.target.id])
        }
        var removedPairs = Set<String>()
        for p in c.partnershipsRemoved {
            let (s, t) = (drawn(p.source.id), drawn(p.target.id))
            changes[DiagramFocus.pairKey(s, t)] = .removed
            removedPairs.insert(DiagramFocus.pairKey(p.source.id, p.target.id))
            ids.formUnion([s, t])
        }
        var partnerships = new.partnerships.filter { ids.contains($0.source) && ids.contains($0.target) && filter.accepts($0) }
        var organizations = new.organizations.filter { ids.contains($0.id) }
        for p in old.partnerships where removedPairs.contains(DiagramFocus.pairKey(p.source, p.target)) && filter.accepts(p) {
            var q = p
            q.source = drawn(p.source); q.target = drawn(p.target); q.project = p.project.map(drawnProject)
            partnerships.append(q)
        }
        for o in old.organizations where m.newByOld[o.id] == nil && ids.contains(drawn(o.id)) {
            var q = o
            q.id = drawn(o.id)
            organizations.append(q)
        }
        let used = Set(partnerships.compactMap(\.project))
        var projects = new.projects.filter { used.contains($0.id) && ids.contains($0.lead) }
        for p in old.projects where projectPairs[p.id] == nil && used.contains(drawnProject(p.id)) && ids.contains(drawn(p.lead)) {
            var q = p
            q.id = drawnProject(p.id); q.lead = drawn(p.lead)
            projects.append(q)
        }
        return (Dataset(metadata: new.metadata, vocabulary: new.vocabulary, organizations: organizations,
                        projects: projects, partnerships: partnerships), changes)
    }
}
