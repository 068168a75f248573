import Testing
@testable import RenkeiCore

/// A real name and the kind and category the rulebook gives it (docs/dataset-format.md, "Kind and
/// category"; the seed dataset README's kind table decided the doubtful ones). Written by hand.
struct KindCase: Sendable, CustomTestStringConvertible {
    var raw: String
    var kind: String
    var category: String?
    var testDescription: String { raw }
}

private func k(_ raw: String, _ kind: String, _ category: String? = nil) -> KindCase {
    KindCase(raw: raw, kind: kind, category: category)
}

/// Names from the seed report (data/kodoku-koritsu-model-jigyo) and from realistic survey sheets.
let rulebookNames: [KindCase] = [
    // 社協
    k("松本市社会福祉協議会", "社協", "社会福祉協議会"), k("亘理町社協", "社協", "社会福祉協議会"),
    k("長野県社会福祉協議会", "社協", "社会福祉協議会"),
    // 行政
    k("松本市役所", "行政", "市役所"), k("松本市教育委員会", "行政", "教育委員会"), k("松本市", "行政", "市役所"),
    k("坂井市", "行政", "市役所"), k("海陽町保健福祉課", "行政", "町役場"), k("中央児童相談所", "行政", "児童相談所"),
    k("長野県庁", "行政", "県庁"), k("豊島区役所", "行政", "区役所"),
    // 学校
    k("信州大学", "学校", "大学"), k("信州大学教育学部", "学校", "大学"), k("目白大学大学院", "学校", "大学"),
    k("長野大学社会福祉学部", "学校", "大学"), k("信州大学大学院総合人文社会科学研究科", "学校", "大学"),
    k("松本大学人間健康学部", "学校", "大学"), k("松本市立旭町小学校", "学校", "小学校"), k("鎌田中学校", "学校", "中学校"),
    k("松本深志高等学校", "学校", "高校"), k("長野工業高等専門学校", "学校", "高専"), k("松本短期大学", "学校", "短大"),
    k("あおぞら保育園", "学校", "保育園"), k("ひかり幼稚園", "学校", "幼稚園"), k("寿台養護学校", "学校", nil),
    // 医療・保健
    k("松本市保健センター", "医療・保健", "保健センター"), k("松本市地域包括支援センター", "医療・保健", "地域包括支援センター"),
    k("信州大学医学部附属病院", "医療・保健", "病院"), k("まつもとクリニック", "医療・保健", "クリニック"),
    k("松本保健所", "医療・保健", "保健所"), k("やまびこ訪問看護ステーション", "医療・保健", "訪問看護"),
    k("デイサービスひまわり", "医療・保健", "デイサービス"), k("地域の医療機関", "医療・保健", "医療機関"),
    // 地域団体
    k("蟻ヶ崎町会", "地域団体", "町内会"), k("中央二丁目町内会", "地域団体", "町内会"), k("新町自治会", "地域団体", "自治会"),
    k("寿区会", "地域団体", "区会"), k("民生委員", "地域団体", "民生委員"), k("主任児童委員", "地域団体", "民生委員"),
    k("蟻ヶ崎老人クラブ", "地域団体", "老人クラブ"), k("精神障害者家族会", "地域団体", "家族会"),
    k("みんなの子ども食堂", "地域団体", "子ども食堂"), k("傾聴ボランティアの会", "地域団体", "ボランティア"),
    // 協同組合
    k("コープながの", "協同組合", "生協"), k("生活協同組合コープながの", "協同組合", "生協"), k("パルシステム生協", "協同組合", "生協"),
    k("上土商店街", "協同組合", "商店街"), k("中町商店会", "協同組合", "商店会"), k("松本中央商店街振興組合", "協同組合", "商店街"),
    k("JA松本ハイランド農業協同組合", "協同組合", "協同組合"),
    // 専門職
    k("保健師 山田", "専門職", "保健師"), k("訪問看護師", "専門職", "看護師"), k("精神科医師", "専門職", "医師"),
    k("松本市医師会", "専門職", "医師会"), k("長野県社会福祉士会", "専門職", "社会福祉士会"), k("精神保健福祉士", "専門職", "精神保健福祉士"),
    k("臨床心理士", "専門職", "臨床心理士"), k("あさひ法律事務所", "専門職", "弁護士"), k("司法書士", "専門職", "司法書士"),
    // NPO
    k("NPO法人フードバンク信州", "NPO", nil), k("ﾌｰﾄﾞﾊﾞﾝｸ信州", "NPO", nil),
    k("特定非営利活動法人まつもと子ども食堂", "NPO", nil), k("一般社団法人ひだまり", "NPO", nil),
    k("社会福祉法人九十九里ホーム", "NPO", nil),
    // 企業
    k("株式会社信州マート", "企業", nil), k("地域の企業", "企業", "企業"),
    // その他 (the README's table: 公民館 without a municipality, 商工会議所)
    k("公民館", "その他", nil), k("松本商工会議所", "その他", nil),
]

@Suite struct KindRulebookTests {
    /// The first-scalar index finds the rule that testing every rule in order finds: on the real
    /// names, every keyword alone and every pair of keywords written together (大学病院,
    /// 高校生ボランティア …), for the match alone and for the match of a rule without a category.
    @Test func firstScalarIndexFindsWhatTheLinearScanFinds() {
        let keywords = NameNormalizer.rules.map(\.keyword)
        var names = rulebookNames.map(\.raw) + keywords + ["", "団体000001", "高校生", "大学教員"]
        for a in keywords { for b in keywords { names.append(a + b) } }
        var found = 0
        for raw in names {
            let scalars = Array(NameNormalizer.normalize(raw).name.unicodeScalars) + Array(raw.unicodeScalars)
            for test in [{ (i: Int) in NameNormalizer.matches(i, in: scalars) },
                         { (i: Int) in NameNormalizer.matches(i, in: scalars) && NameNormalizer.rules[i].category == nil }] {
                let linear = NameNormalizer.rules.indices.first(where: test)
                let indexed = NameNormalizer.firstRule(in: scalars, where: test)
                #expect(indexed == linear, "\(raw)")
                if linear != nil { found += 1 }
            }
        }
        // The names do match rules: the comparison is not between two nils.
        #expect(found > names.count)
    }

    @Test func atLeastSixtyRealNames() {
        #expect(rulebookNames.count >= 60)
    }

    @Test(arguments: rulebookNames)
    func kindAndCategory(_ c: KindCase) {
        let n = NameNormalizer.normalize(c.raw)
        #expect(n.kind == c.kind, "\(c.raw): kind")
        #expect(n.category == c.category, "\(c.raw): category")
    }

    /// Neighbourhood bodies name a place inside a municipality, not a municipality.
    @Test(arguments: ["蟻ヶ崎町会", "寿区会", "新町自治会", "中央二丁目町内会", "上土町会"])
    func neighbourhoodBodiesDeriveNoMunicipality(_ raw: String) {
        #expect(NameNormalizer.normalize(raw).municipality == nil)
    }

    /// A council name still gives its municipality (町会 rule must not eat 町 of a town).
    @Test func townNamesKeepTheirMunicipality() {
        #expect(NameNormalizer.normalize("坂城町社会福祉協議会").municipality == "坂城町")
        #expect(NameNormalizer.normalize("坂城町議会").municipality == "坂城町")
    }
}
