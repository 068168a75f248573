/// How a kind of organisation is drawn: fill colour and node shape.
public struct KindStyle: Hashable, Sendable {
    /// Fill colour, `#RRGGBB`.
    public var fill: String
    /// Graphviz node shape (`box`, `ellipse`, `octagon` …).
    public var shape: String
    /// Extra node style words (`rounded`), or empty.
    public var extraStyle: String

    /// A style with a fill colour (`#RRGGBB`), a Graphviz shape and optional extra style words.
    public init(fill: String, shape: String, extraStyle: String = "") {
        self.fill = fill
        self.shape = shape
        self.extraStyle = extraStyle
    }

    /// The shape's name in Japanese, for the legend (凡例).
    public var shapeJapanese: String {
        switch shape {
        case "octagon": return "八角形"
        case "box": return extraStyle.contains("rounded") ? "角丸四角" : "四角"
        case "house": return "家形"
        case "ellipse": return "楕円"
        case "component": return "部品形"
        case "hexagon": return "六角形"
        case "tab": return "タブ形"
        case "folder": return "フォルダ形"
        case "note": return "メモ形"
        case "invhouse": return "逆家形"
        case "parallelogram": return "平行四辺形"
        case "trapezium": return "台形"
        case "cylinder": return "円柱"
        case "diamond": return "ひし形"
        case "septagon": return "七角形"
        case "pentagon": return "五角形"
        case "circle": return "円"
        default: return shape
        }
    }
}

/// How a relation kind is drawn on an edge.
public struct RelationStyle: Hashable, Sendable {
    /// Line colour, `#RRGGBB`.
    public var color: String

    /// A style with a line colour (`#RRGGBB`).
    public init(color: String) { self.color = color }
}

/// The colour-blind-safe palette every diagram uses.
///
/// Kinds are filled with Paul Tol's *light* scheme (designed for filled areas carrying black
/// labels) and also differ by shape, so no kind depends on colour alone; relations use Tol's
/// *muted* scheme plus two greys; communities cycle through the *light* and *pale* schemes.
/// Kinds added by a dataset get a colour and shape chosen from the FNV-1a hash of their id, so
/// the same added kind looks the same in every diagram and every dataset.
///
/// Reference: Paul Tol, *Colour Schemes*, SRON technical note SRON/EPS/TN/09-002, issue 3.2 (2021),
/// <https://personal.sron.nl/~pault/data/colourschemes.pdf>.
public enum DiagramPalette {
    /// Tol's light scheme: light blue, orange, light yellow, pink, light cyan, mint, pear, olive, pale grey.
    public static let tolLight = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF",
                                  "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"]
    /// Tol's pale scheme: pale blue, pale cyan, pale green, pale yellow, pale red, pale grey.
    public static let tolPale = ["#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB", "#FFCCCC", "#DDDDDD"]
    /// The pale colours visible on white (contrast ratio against white at least 1.3), for kinds a
    /// dataset adds: pale blue, pale green and pale red. Tol's pale cyan
    /// and pale yellow are left out (1.22 and 1.19: they vanish on a white page), its pale grey is 専門職's.
    public static let visiblePale = ["#BBCCEE", "#CCDDAA", "#FFCCCC"]
    /// Tol's muted scheme: rose, indigo, sand, green, cyan, wine, teal, olive, purple.
    public static let tolMuted = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
                                  "#882255", "#44AA99", "#999933", "#AA4499"]

    /// One entry per built-in kind, by the kind's Japanese id.
    public static let builtInKinds: [String: KindStyle] = [
        "社協": KindStyle(fill: "#EE8866", shape: "octagon"),
        "行政": KindStyle(fill: "#77AADD", shape: "box"),
        "学校": KindStyle(fill: "#EEDD88", shape: "house"),
        "NPO": KindStyle(fill: "#44BB99", shape: "ellipse"),
        "企業": KindStyle(fill: "#99DDFF", shape: "component"),
        "医療・保健": KindStyle(fill: "#FFAABB", shape: "hexagon"),
        "地域団体": KindStyle(fill: "#BBCC33", shape: "tab"),
        "協同組合": KindStyle(fill: "#AAAA00", shape: "folder"),
        "専門職": KindStyle(fill: "#DDDDDD", shape: "note"),
        "その他": KindStyle(fill: "#BBBBBB", shape: "box", extraStyle: "rounded"),
    ]

    /// Shapes tried, by hash, for kinds a dataset adds.
    static let fallbackShapes = ["invhouse", "parallelogram", "trapezium", "cylinder", "pentagon", "septagon"]

    /// One entry per built-in relation, by the relation's id.
    public static let builtInRelations: [String: RelationStyle] = [
        "endorsement": RelationStyle(color: "#999933"),
        "publicity": RelationStyle(color: "#DDCC77"),
        "referral-of-participants": RelationStyle(color: "#CC6677"),
        "lecturers": RelationStyle(color: "#332288"),
        "venue": RelationStyle(color: "#117733"),
        "information-sharing": RelationStyle(color: "#88CCEE"),
        "linkage-to-support": RelationStyle(color: "#882255"),
        "food-and-goods": RelationStyle(color: "#44AA99"),
        "funding": RelationStyle(color: "#AA4499"),
        "co-organising": RelationStyle(color: "#000000"),
        "expert-advice": RelationStyle(color: "#777777"),
    ]

    /// The style of a kind: the built-in entry, or a deterministic choice from the id's hash.
    public static func style(of kind: OrganizationKind) -> KindStyle {
        if let s = builtInKinds[kind.id] { return s }
        let h = fnv1a(kind.id)
        return KindStyle(fill: visiblePale[Int(h % UInt64(visiblePale.count))],
                         shape: fallbackShapes[Int((h / 7) % UInt64(fallbackShapes.count))])
    }

    /// The style of a relation: the built-in entry, or a deterministic grey-blue from the id's hash.
    public static func style(of relation: RelationKind) -> RelationStyle {
        if let s = builtInRelations[relation.id] { return s }
        let extra = ["#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377", "#BBBBBB"]
        return RelationStyle(color: extra[Int(fnv1a(relation.id) % UInt64(extra.count))])
    }

    /// The fill colour of a community, cycling through Tol's light then pale schemes.
    public static func communityColor(_ community: Int) -> String {
        let all = tolLight + tolPale
        let i = ((community % all.count) + all.count) % all.count
        return all[i]
    }

    /// 64-bit FNV-1a hash of the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    /// Reference: Fowler, Noll, Vo, *The FNV Non-Cryptographic Hash Algorithm*, IETF draft
    /// draft-eastlake-fnv (no DOI).
    /// - Complexity: O(*n*).
    public static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
