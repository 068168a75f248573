/// Japanese prefectures and Tokyo's 23 special wards, for reading places out of organisation names.
public enum JapaneseRegions {
    /// The 47 prefectures with their suffix (都, 道, 府, 県), in the official JIS X 0401 order.
    public static let prefectures: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
        "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
        "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
        "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
        "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
        "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
        "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// Tokyo's 23 special wards (特別区). A bare ward name such as 北区 is read as Tokyo's unless
    /// a city (大阪市北区) or another prefecture is written with it.
    public static let tokyoSpecialWards: Set<String> = [
        "千代田区", "中央区", "港区", "新宿区", "文京区", "台東区", "墨田区", "江東区",
        "品川区", "目黒区", "大田区", "世田谷区", "渋谷区", "中野区", "杉並区", "豊島区",
        "北区", "荒川区", "板橋区", "練馬区", "足立区", "葛飾区", "江戸川区",
    ]

    /// The prefecture `text` starts with, if any.
    public static func prefecture(prefixing text: Substring) -> String? {
        let scalars = text.unicodeScalars
        // Every prefecture starts with one of a few characters: most names need no lookup.
        guard let first = scalars.first, prefectureInitials.contains(first) else { return nil }
        for length in [3, 4] {
            guard scalars.count >= length else { break }
            let head = String(String.UnicodeScalarView(scalars.prefix(length)))
            if prefectureSet.contains(head) { return head }
        }
        return nil
    }

    static let prefectureSet = Set(prefectures)
    static let prefectureInitials = Set(prefectures.compactMap(\.unicodeScalars.first))
}
