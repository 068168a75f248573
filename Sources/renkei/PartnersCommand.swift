import ArgumentParser
import RenkeiCore
import RenkeiIO

extension PartnerGrouping: ExpressibleByArgument {}

struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Frequently-partnered institutions by kind, category or organisation.",
        discussion: """
        For each kind, category or organisation: the number of projects that partner with it \
        (projects), their share of all projects (share), its partnerships and the relations involved. \
        A project's lead is not counted as its partner unless --include-leads. JSON: an array of \
        objects with key fields (kind / category / id, name, kind), projects, share, partnerships and \
        relations (an object of relation id → count).
        """
    )

    @OptionGroup var input: GraphInputOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "kind, category or organization.")
    var by: PartnerGrouping = .kind

    @Option(help: "Show only the first N rows.")
    var top: Int?

    @Flag(name: .customLong("include-leads"), help: "Count each project's lead organisation as taking part in it.")
    var includeLeads = false

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be at least 0") }
    }

    func run() throws {
        let (dataset, filter) = try input.loadDataset()
        let report = FrequentPartners(dataset: dataset, by: by, filter: filter, includeLeads: includeLeads)
        var rows = report.rows
        if let top, rows.count > top { rows = Array(rows.prefix(top)) }
        let keyColumns: [String]
        switch by {
        case .kind: keyColumns = ["kind"]
        case .category: keyColumns = ["category"]
        case .organization: keyColumns = ["id", "name", "kind"]
        }
        func keyValues(_ r: FrequentPartner) -> [String] {
            switch by {
            case .kind, .category: return [r.key]
            case .organization: return [r.key, r.name, r.kind ?? ""]
            }
        }
        if output.format == .json {
            let json = JSONValue.array(rows.map { r in
                .object(zip(keyColumns, keyValues(r)).map { ($0, .string($1)) } + [
                    ("projects", .int(r.projects)),
                    ("share", .double(r.share)),
                    ("partnerships", .int(r.partnerships)),
                    ("relations", .object(r.relations.map { ($0.relation.id, .int($0.count)) })),
                ])
            })
            emit(json.serialized() + "\n")
            return
        }
        var table = ReportTable(columns: keyColumns + ["projects", "share", "partnerships", "relations"],
                                title: output.format == .table
                                    ? "よく連携する\(by == .kind ? "種別" : by == .category ? "分類" : "団体") (事業 \(report.projectCount) 件中\(includeLeads ? "、主催団体を含む" : ""))"
                                    : nil)
        for r in rows {
            let relations = r.relations.map { "\($0.relation.japanese) \($0.count)" }.joined(separator: "; ")
            table.append(keyValues(r).map { .text($0) } + [.integer(r.projects), .number(r.share), .integer(r.partnerships), .text(relations)])
        }
        emit(table.rendered(as: output.format))
    }
}
