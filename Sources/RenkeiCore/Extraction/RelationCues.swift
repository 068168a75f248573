import Foundation

/// What a sentence says a partner did, and whether it happened: cue words mapped to the built-in
/// relation ids of ``RelationKind`` and to ``PartnershipStatus``.
public enum RelationCues {
    /// Cue → relation id, checked in this order (a sentence may give several relations).
    public static let cues: [(cue: String, relation: String)] = [
        ("後援", "endorsement"),
        ("チラシ", "publicity"), ("広報", "publicity"), ("周知", "publicity"), ("情報発信", "publicity"),
        ("ポスター", "publicity"), ("配架", "publicity"), ("掲載", "publicity"), ("配布", "publicity"), ("SNS", "publicity"),
        ("紹介", "referral-of-participants"), ("参加者確保", "referral-of-participants"), ("募集", "referral-of-participants"),
        ("声かけ", "referral-of-participants"), ("声掛け", "referral-of-participants"), ("呼びかけ", "referral-of-participants"),
        ("呼び掛け", "referral-of-participants"), ("コーディネート", "referral-of-participants"),
        ("講師", "lecturers"), ("講演", "lecturers"), ("ファシリテーター", "lecturers"), ("登壇", "lecturers"),
        ("会場", "venue"), ("場所の提供", "venue"), ("場所を提供", "venue"), ("場所提供", "venue"), ("施設を借", "venue"),
        ("ケース会議", "information-sharing"), ("情報共有", "information-sharing"), ("情報交換", "information-sharing"),
        ("会議", "information-sharing"), ("連絡会", "information-sharing"), ("打ち合わせ", "information-sharing"),
        ("協議", "information-sharing"), ("共有", "information-sharing"), ("協力を依頼", "information-sharing"),
        ("つなぐ", "linkage-to-support"), ("つなぎ", "linkage-to-support"), ("つなげ", "linkage-to-support"),
        ("繋ぐ", "linkage-to-support"), ("繋ぎ", "linkage-to-support"), ("繋げ", "linkage-to-support"),
        ("相談支援", "linkage-to-support"), ("支援機関へ", "linkage-to-support"),
        ("食料", "food-and-goods"), ("食材", "food-and-goods"), ("食品", "food-and-goods"), ("物資", "food-and-goods"),
        ("寄贈", "food-and-goods"), ("物品", "food-and-goods"), ("野菜", "food-and-goods"),
        ("助成", "funding"), ("補助金", "funding"), ("委託", "funding"), ("協賛", "funding"), ("資金", "funding"), ("基金", "funding"),
        ("共催", "co-organising"), ("協働", "co-organising"), ("共同", "co-organising"), ("一緒に", "co-organising"),
        ("実行委員", "co-organising"), ("合同", "co-organising"), ("共に", "co-organising"),
        ("助言", "expert-advice"), ("アドバイス", "expert-advice"), ("専門的", "expert-advice"),
        ("スーパーバイズ", "expert-advice"), ("監修", "expert-advice"), ("指導", "expert-advice"),
    ]

    /// Words that make a sentence's partnership planned (予定, 今後, 次年度, 検討 …).
    public static let plannedCues: [String] = [
        "予定", "今後", "次年度", "来年度", "検討", "ていきたい", "したい", "していく", "していきます",
        "目指す", "目指し", "見込み", "計画している", "準備",
    ]

    /// The relation used when a sentence gives no cue: the partner was at least met and informed.
    public static let fallback = "information-sharing"

    /// The relation ids a sentence's cues give, in vocabulary order, without repeats.
    static let cueScalars: [[Unicode.Scalar]] = cues.map { Array($0.cue.unicodeScalars) }
    static let plannedScalars: [[Unicode.Scalar]] = plannedCues.map { Array($0.unicodeScalars) }

    public static func relations(in sentence: String, vocabulary: Vocabulary = .standard) -> [RelationKind] {
        let hay = Array(sentence.unicodeScalars)
        let ids = Set(cues.indices.filter { ScalarSearch.contains(hay, cueScalars[$0]) }.map { cues[$0].relation })
        return vocabulary.relations.filter { ids.contains($0.id) }
    }

    /// planned when the sentence holds a planned cue, realised otherwise.
    public static func status(of sentence: String) -> PartnershipStatus {
        let hay = Array(sentence.unicodeScalars)
        return plannedScalars.contains { ScalarSearch.contains(hay, $0) } ? .planned : .realised
    }
}
