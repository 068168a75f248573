/// How big a synthetic partnership network `renkei generate` makes.
public enum GeneratorScale: String, Sendable, CaseIterable {
    /// 100 organisations.
    case town
    /// 1,000 organisations.
    case city
    /// 10,000 organisations.
    case prefecture
    /// 100,000 organisations.
    case national

    /// Number of organisations at this scale.
    public var organizations: Int {
        switch self {
        case .town: return 100
        case .city: return 1_000
        case .prefecture: return 10_000
        case .national: return 100_000
        }
    }
}

/// The figures a synthetic network is calibrated on.
///
/// Defaults are measured on the bundled seed dataset, `data/kodoku-koritsu-model-jigyo`
/// (336 organisations, 35 projects, 321 partnerships, all led by NPOs):
/// - kinds of all organisations: NPO 88 (26.2%), その他 50 (14.9%), 行政 48 (14.3%),
///   地域団体 37 (11.0%), 企業 35 (10.4%), 学校 31 (9.2%), 専門職 18 (5.4%), 社協 13 (3.9%),
///   医療・保健 11 (3.3%), 協同組合 5 (1.5%);
/// - 195 of 336 organisations (58%) are generic partners; 64% of partnerships go to a generic partner;
/// - 9.17 partners per project (4 to 20); 35 projects per 336 organisations;
/// - of partnerships between two named organisations whose municipality is known, 66 of 79 (84%)
///   stay in the lead's municipality and 11 (14%) in its prefecture;
/// - relations per partnership: 1 (212), 2 (92), 3 (14), 4 (3); relation frequencies
///   情報共有・ケース会議 93, 共催・協働 84, 広報・チラシ配布 70, 参加者紹介・コーディネート 49,
///   相談・支援へのつなぎ 40, 資金・助成 30, 会場提供 24, 講師派遣 21, 助言・専門的支援 21,
///   食料・物資提供 11, 後援 7;
/// - 258 of 321 partnerships realised, 63 planned.
public struct GeneratorCalibration: Sendable, Equatable {
    /// Share of organisations of each kind (by kind id); sums to 1.
    public var kindShares: [(String, Double)]
    /// Projects per organisation.
    public var projectsPerOrganization: Double
    /// Mean partners per project, and the smallest and largest number.
    public var meanPartners: Double
    /// Fewest partners a project has.
    public var minPartners: Int
    /// Most partners a project has.
    public var maxPartners: Int
    /// Probability that a partner slot is a generic partner (「地域の保育園」).
    public var genericShare: Double
    /// Where a named partner comes from: the lead's municipality, else its prefecture, else anywhere.
    public var sameMunicipality: Double
    /// Probability that a named partner comes from the lead's prefecture (outside its municipality).
    public var samePrefecture: Double
    /// Relative frequency of each relation id.
    public var relationWeights: [(String, Double)]
    /// Relative frequency of 1, 2, 3, 4 relations on a partnership.
    public var relationsPerPartnership: [Double]
    /// Share of partnerships realised (the rest planned).
    public var realisedShare: Double

    /// The figures of the bundled seed dataset (listed above).
    public static let seedDataset = GeneratorCalibration(
        kindShares: [("社協", 13), ("行政", 48), ("学校", 31), ("NPO", 88), ("企業", 35), ("医療・保健", 11),
                     ("地域団体", 37), ("協同組合", 5), ("専門職", 18), ("その他", 50)].map { ($0.0, $0.1 / 336) },
        projectsPerOrganization: 35.0 / 336,
        meanPartners: 321.0 / 35, minPartners: 4, maxPartners: 20,
        genericShare: 0.64,
        sameMunicipality: 0.84, samePrefecture: 0.14,
        relationWeights: [("information-sharing", 93), ("co-organising", 84), ("publicity", 70),
                          ("referral-of-participants", 49), ("linkage-to-support", 40), ("funding", 30),
                          ("venue", 24), ("lecturers", 21), ("expert-advice", 21), ("food-and-goods", 11),
                          ("endorsement", 7)],
        relationsPerPartnership: [212, 92, 14, 3],
        realisedShare: 258.0 / 321)

    /// Field-by-field equality.
    public static func == (a: GeneratorCalibration, b: GeneratorCalibration) -> Bool {
        a.kindShares.map(\.0) == b.kindShares.map(\.0) && a.kindShares.map(\.1) == b.kindShares.map(\.1)
            && a.projectsPerOrganization == b.projectsPerOrganization && a.meanPartners == b.meanPartners
            && a.genericShare == b.genericShare && a.sameMunicipality == b.sameMunicipality
            && a.samePrefecture == b.samePrefecture && a.realisedShare == b.realisedShare
            && a.relationsPerPartnership == b.relationsPerPartnership
            && a.relationWeights.map(\.0) == b.relationWeights.map(\.0)
            && a.relationWeights.map(\.1) == b.relationWeights.map(\.1)
            && a.minPartners == b.minPartners && a.maxPartners == b.maxPartners
    }
}

/// Seeded synthetic partnership networks shaped like the seed dataset, from a town to a country.
///
/// The country is split into prefectures (up to 47) and municipalities; every municipality has a
/// 社協, a municipal office (行政) and, where the counts allow, a school; the other organisations
/// are spread over municipalities at random, so the whole network has exactly the calibrated mix
/// of kinds. Each project is led by a distinct NPO and draws its partners (4–21, mean ≈ 9):
/// a slot is a generic partner (an organisation of the lead's municipality used by this project
/// only) with probability `genericShare`; otherwise a named organisation from the lead's
/// municipality (84%), its prefecture (12%) or anywhere (4%) — the few regional and national
/// bridges. Organisations reserved for generic slots but never used become named ones.
/// Everything follows from the seed through ``SplitMixRandom``.
public enum PartnershipNetworkGenerator {
    /// Generates a dataset with `organizations` organisations.
    /// - Complexity: O(*n* + *P*) for *n* organisations and *P* partnerships.
    public static func generate(organizations n: Int, seed: UInt64,
                                calibration c: GeneratorCalibration = .seedDataset) -> Dataset {
        precondition(n >= 10, "at least 10 organisations")
        var rng = SplitMixRandom(seed: seed)
        let vocabulary = Vocabulary.standard
        // Exact counts per kind (largest remainders).
        let kindIDs = c.kindShares.map(\.0)
        var counts = c.kindShares.map { Int(($0.1 * Double(n)).rounded(.down)) }
        var order = Array(counts.indices)
        order.sort { a, b in
            let ra = c.kindShares[a].1 * Double(n) - Double(counts[a])
            let rb = c.kindShares[b].1 * Double(n) - Double(counts[b])
            return ra != rb ? ra > rb : a < b
        }
        var missing = n - counts.reduce(0, +)
        var i = 0
        while missing > 0 { counts[order[i % order.count]] += 1; missing -= 1; i += 1 }
        func countOf(_ id: String) -> Int { kindIDs.firstIndex(of: id).map { counts[$0] } ?? 0 }
        let municipalities = max(1, countOf("社協"))
        let prefectures = min(47, max(1, municipalities / 8))

        // Kinds, then municipality of every organisation.
        var kinds: [String] = []
        var home: [Int] = []
        kinds.reserveCapacity(n); home.reserveCapacity(n)
        var placed = [String: Int]()
        func place(_ kind: String, _ m: Int) { kinds.append(kind); home.append(m); placed[kind, default: 0] += 1 }
        for m in 0..<municipalities {
            if countOf("社協") > m { place("社協", m) }
            if countOf("行政") > m { place("行政", m) }
            if countOf("学校") > m { place("学校", m) }
        }
        for (k, id) in kindIDs.enumerated() {
            for _ in 0..<(counts[k] - placed[id, default: 0]) { place(id, rng.uniform(municipalities)) }
        }
        // Shuffle the free organisations' order so ids do not reveal kinds.
        var perm = Array(0..<kinds.count)
        rng.shuffle(&perm)
        kinds = perm.map { kinds[$0] }
        home = perm.map { home[$0] }
        func prefecture(of m: Int) -> Int { m % prefectures }

        // Leads: distinct NPOs.
        let projectCount = max(1, Int((c.projectsPerOrganization * Double(n)).rounded()))
        var npos = (0..<n).filter { kinds[$0] == "NPO" }
        rng.shuffle(&npos)
        let leads = Array(npos.prefix(projectCount))
        var isLead = [Bool](repeating: false, count: n)
        for l in leads { isLead[l] = true }
        // Reserve generic candidates (not 社協, 行政 or leads) so that named and generic organisations
        // come out in the calibrated proportion.
        let expectedGeneric = Double(leads.count) * c.meanPartners * c.genericShare
        let eligible = (0..<n).filter { !isLead[$0] && kinds[$0] != "社協" && kinds[$0] != "行政" }
        let reserveShare = eligible.isEmpty ? 0 : min(1, 1.05 * expectedGeneric / Double(eligible.count))
        var reserved = [Bool](repeating: false, count: n)
        var genericPool = [[Int]](repeating: [], count: municipalities)
        for v in eligible where rng.chance(reserveShare) {
            reserved[v] = true
            genericPool[home[v]].append(v)
        }
        var spare = (0..<n).filter { reserved[$0] }
        rng.shuffle(&spare)
        var spareCursor = 0
        var namedByMunicipality = [[Int]](repeating: [], count: municipalities)
        var namedByPrefecture = [[Int]](repeating: [], count: prefectures)
        var named: [Int] = []
        for v in 0..<n where !reserved[v] {
            namedByMunicipality[home[v]].append(v)
            namedByPrefecture[prefecture(of: home[v])].append(v)
            named.append(v)
        }

        var generic = [Bool](repeating: false, count: n)
        var projects: [Project] = []
        var partnerships: [Partnership] = []
        let relationTotal = c.relationWeights.reduce(0) { $0 + $1.1 }
        let perPartnershipTotal = c.relationsPerPartnership.reduce(0, +)
        func draw(_ weights: [Double], _ total: Double) -> Int {
            var x = rng.unit() * total
            for (i, w) in weights.enumerated() { x -= w; if x < 0 { return i } }
            return weights.count - 1
        }
        let relationIDs = c.relationWeights.map(\.0)
        let relationWeightList = c.relationWeights.map(\.1)
        let relationByID = Dictionary(uniqueKeysWithValues: vocabulary.relations.map { ($0.id, $0) })
        var inProject = [Int](repeating: -1, count: n)
        // Partner counts: min + a binomial-like spread with the calibrated mean.
        let extra = max(0, c.meanPartners - Double(c.minPartners))
        let spread = c.maxPartners - c.minPartners
        for (p, lead) in leads.enumerated() {
            let m = home[lead]
            let id = "P" + pad(p + 1, width: 5)
            projects.append(Project(id: id, title: "\(municipalityName(m))の孤独・孤立対策事業 \(p + 1)",
                                    lead: orgID(lead), prefecture: prefectureName(prefecture(of: m)),
                                    municipality: municipalityName(m), year: 2023))
            inProject[lead] = p
            var partnerCount = c.minPartners
            if spread > 0 {
                let q = extra / Double(spread)
                for _ in 0..<spread where rng.chance(q) { partnerCount += 1 }
            }
            for _ in 0..<partnerCount {
                var partner = -1
                if rng.chance(c.genericShare) {
                    while let v = genericPool[m].popLast() {
                        if !generic[v] { partner = v; break }
                    }
                    if partner < 0 {
                        // The municipality has run out: borrow any unused reserved organisation.
                        while spareCursor < spare.count {
                            let v = spare[spareCursor]
                            spareCursor += 1
                            if !generic[v] { partner = v; break }
                        }
                    }
                    if partner >= 0 { generic[partner] = true }
                }
                if partner < 0 {
                    for _ in 0..<8 {
                        let r = rng.unit()
                        let pool: [Int]
                        if r < c.sameMunicipality { pool = namedByMunicipality[m] }
                        else if r < c.sameMunicipality + c.samePrefecture { pool = namedByPrefecture[prefecture(of: m)] }
                        else { pool = named }
                        guard !pool.isEmpty else { continue }
                        let v = pool[rng.uniform(pool.count)]
                        if v != lead && inProject[v] != p { partner = v; break }
                    }
                }
                guard partner >= 0, inProject[partner] != p else { continue }
                inProject[partner] = p
                let k = 1 + draw(c.relationsPerPartnership, perPartnershipTotal)
                var chosen: [Int] = []
                while chosen.count < min(k, relationIDs.count) {
                    let r = draw(relationWeightList, relationTotal)
                    if !chosen.contains(r) { chosen.append(r) }
                }
                let relations = chosen.compactMap { relationByID[relationIDs[$0]] }.sorted()
                partnerships.append(Partnership(project: id, source: orgID(lead), target: orgID(partner),
                                                relations: relations,
                                                status: rng.chance(c.realisedShare) ? .realised : .planned))
            }
        }

        var organizations: [Organization] = []
        organizations.reserveCapacity(n)
        var serial = [String: Int]()
        for v in 0..<n {
            let kind = vocabulary.kind(named: kinds[v]) ?? .other
            let m = home[v]
            let (name, category, legalForm) = generic[v]
                ? genericName(kind.id)
                : namedOrganization(kind.id, municipality: municipalityName(m), serial: &serial)
            organizations.append(Organization(id: orgID(v), name: name, kind: kind, category: category,
                                              legalForm: legalForm, prefecture: prefectureName(prefecture(of: m)),
                                              municipality: municipalityName(m), generic: generic[v]))
        }
        let metadata = DatasetMetadata(
            name: "合成連携ネットワーク (\(n) organisations, seed \(seed))",
            description: "Synthetic partnership network made by `renkei generate`, calibrated on the seed dataset's mix of kinds and partners per project.",
            source: "renkei generate --organizations \(n) --seed \(seed)",
            licence: "CC0-1.0")
        return Dataset(metadata: metadata, organizations: organizations, projects: projects, partnerships: partnerships)
    }

    static func pad(_ x: Int, width: Int) -> String {
        let s = String(x)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
    static func orgID(_ v: Int) -> String { "o" + pad(v + 1, width: 6) }
    static func prefectureName(_ p: Int) -> String { "第" + pad(p + 1, width: 2) + "県" }
    static func municipalityName(_ m: Int) -> String { "第" + pad(m + 1, width: 4) + "市" }

    static func genericName(_ kind: String) -> (String, String?, String?) {
        switch kind {
        case "学校": return ("地域の小学校", "小学校", nil)
        case "企業": return ("地元企業", nil, nil)
        case "地域団体": return ("地域の自治会", "自治会", nil)
        case "医療・保健": return ("地域の診療所", "診療所", nil)
        case "NPO": return ("地域のNPO", nil, nil)
        case "協同組合": return ("地域の生協", "生協", nil)
        case "専門職": return ("地域の専門職", nil, nil)
        default: return ("地域の団体", nil, nil)
        }
    }

    static func namedOrganization(_ kind: String, municipality: String,
                                  serial: inout [String: Int]) -> (String, String?, String?) {
        let key = municipality + "|" + kind
        let j = serial[key, default: 0] + 1
        serial[key] = j
        switch kind {
        case "社協": return (municipality + (j == 1 ? "" : "第\(j)") + "社会福祉協議会", nil, "社会福祉法人")
        case "行政":
            if j == 1 { return (municipality + "役所", "市役所", nil) }
            if j == 2 { return (municipality + "教育委員会", "教育委員会", nil) }
            return (municipality + "役所 福祉課\(j - 2)", "市役所", nil)
        case "学校": return (municipality + "立第\(j)小学校", "小学校", nil)
        case "NPO": return (municipality + "つながりネット\(j)", nil, "特定非営利活動法人")
        case "企業": return (municipality + "商事\(j)", nil, "株式会社")
        case "医療・保健": return (municipality + "クリニック\(j)", "診療所", "医療法人")
        case "地域団体": return (municipality + "第\(j)町内会", "町内会", nil)
        case "協同組合": return (municipality + "生活協同組合\(j)", "生協", nil)
        case "専門職": return (municipality + "司法書士事務所\(j)", "司法書士", nil)
        default: return (municipality + "ボランティア団体\(j)", nil, nil)
        }
    }
}
