import RenkeiCore

/// A small hand-built dataset for diagram tests: two projects sharing a partner (みどり町役場),
/// a generic partner, a planned partnership, a directed one, a pair with several relations,
/// a partner–partner edge, a kind the dataset adds (寺社) and names with quotes, a backslash and `<>&`.
enum SampleData {
    static func dataset() -> Dataset {
        var vocabulary = Vocabulary.standard
        let temple = vocabulary.addKind(id: "寺社", english: "temple or shrine")
        let k = { (id: String) in vocabulary.kind(named: id)! }
        let r = { (id: String) in vocabulary.relation(named: id)! }
        let orgs = [
            Organization(id: "shakyo", name: "みどり町社会福祉協議会", kind: k("社協"), legalForm: "社会福祉法人"),
            Organization(id: "town", name: "みどり町役場", kind: k("行政")),
            Organization(id: "school", name: "みどり小学校", kind: k("学校")),
            Organization(id: "hidamari", name: "ひだまり", kind: k("NPO"), legalForm: "特定非営利活動法人"),
            Organization(id: "nursery", name: "地域の保育園", kind: k("その他"), generic: true),
            Organization(id: "coop", name: "みどり生協", kind: k("協同組合")),
            Organization(id: "shop", name: "丸山商店 \"まるやま\" \\ 本店", kind: k("企業")),
            Organization(id: "lab", name: "A&B <協働> ラボ", kind: k("企業")),
            Organization(id: "minsei", name: "民生委員協議会", kind: k("地域団体")),
            Organization(id: "aoba", name: "訪問看護ステーションあおば", kind: k("医療・保健")),
            Organization(id: "temple", name: "光明寺", kind: temple),
        ]
        let projects = [
            Project(id: "p1", title: "子ども食堂ネットワーク", lead: "shakyo", prefecture: "宮城県",
                    municipality: "みどり町", year: 2023),
            Project(id: "p2", title: "みんなの居場所づくり", lead: "hidamari", year: 2024),
        ]
        let partnerships = [
            Partnership(project: "p1", source: "shakyo", target: "town", relations: [r("endorsement"), r("publicity")]),
            Partnership(project: "p1", source: "shakyo", target: "school", relations: [r("publicity"), r("referral-of-participants")]),
            Partnership(project: "p1", source: "shakyo", target: "hidamari", relations: [r("co-organising")]),
            Partnership(project: "p1", source: "shakyo", target: "nursery", relations: [r("information-sharing")]),
            Partnership(project: "p1", source: "coop", target: "shakyo", relations: [r("food-and-goods")],
                        direction: .directed),
            Partnership(project: "p1", source: "shakyo", target: "shop", relations: [r("food-and-goods")],
                        status: .planned),
            Partnership(project: "p1", source: "shakyo", target: "lab", relations: [r("lecturers")]),
            Partnership(project: "p1", source: "school", target: "nursery", relations: [r("information-sharing")]),
            Partnership(project: "p1", source: "shakyo", target: "town", relations: [r("venue")]),
            Partnership(project: "p2", source: "hidamari", target: "town", relations: [r("funding")],
                        direction: .directed),
            Partnership(project: "p2", source: "hidamari", target: "minsei", relations: [r("referral-of-participants")]),
            Partnership(project: "p2", source: "hidamari", target: "aoba", relations: [r("expert-advice"), r("linkage-to-support")]),
            Partnership(project: "p2", source: "hidamari", target: "temple", relations: [r("venue")]),
            Partnership(project: "p2", source: "minsei", target: "aoba", relations: [r("information-sharing")]),
        ]
        return Dataset(metadata: DatasetMetadata(name: "みどり町の連携（テスト用）"), vocabulary: vocabulary,
                       organizations: orgs, projects: projects, partnerships: partnerships)
    }

    /// A random network of `projects` projects with `partnersPerProject` partners drawn from a pool
    /// of `pool` organisations (so partners are shared), seeded.
    static func large(projects: Int, partnersPerProject: Int, pool: Int, seed: UInt64) -> Dataset {
        var rng = SplitMixRandom(seed: seed)
        let kinds = OrganizationKind.builtIn
        let relations = RelationKind.builtIn
        var orgs: [Organization] = []
        for i in 0..<pool {
            orgs.append(Organization(id: "o\(i)", name: "団体\(i)", kind: kinds[Int(rng.next() % UInt64(kinds.count))]))
        }
        var ps: [Project] = []
        var links: [Partnership] = []
        for j in 0..<projects {
            let lead = "o\(Int(rng.next() % UInt64(pool)))"
            ps.append(Project(id: "p\(j)", title: "事業\(j)", lead: lead))
            for _ in 0..<partnersPerProject {
                let t = "o\(Int(rng.next() % UInt64(pool)))"
                if t == lead { continue }
                links.append(Partnership(project: "p\(j)", source: lead, target: t,
                                         relations: [relations[Int(rng.next() % UInt64(relations.count))]]))
            }
        }
        return Dataset(metadata: DatasetMetadata(name: "大きな網"), organizations: orgs, projects: ps, partnerships: links)
    }
}
