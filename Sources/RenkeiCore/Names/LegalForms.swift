/// Japanese legal forms (法人格) and the spellings they are written in.
public enum LegalForms {
    /// One legal form: its canonical spelling, the variants met in documents (after NFKC, so
    /// `㈱` and `（株）` both arrive as `(株)`), and the sector it implies when the name says nothing
    /// more specific.
    public struct Form: Sendable, Hashable {
        /// The standard spelling (特定非営利活動法人).
        public var canonical: String
        /// Every spelling accepted, the canonical one included (NPO法人, (特非) …).
        public var variants: [String]
        /// Kind id implied by the form alone (`NPO`, `企業`…), or nil.
        public var kind: String?
    }

    /// Every known legal form. Longer spellings are tried first, so 認定特定非営利活動法人 wins over
    /// 特定非営利活動法人 and 医療法人社団 over 医療法人.
    public static let all: [Form] = [
        Form(canonical: "認定特定非営利活動法人", variants: ["認定特定非営利活動法人", "認定NPO法人", "(認定NPO)"], kind: "NPO"),
        Form(canonical: "特定非営利活動法人", variants: ["特定非営利活動法人", "NPO法人", "(特非)", "(特活)", "(NPO)"], kind: "NPO"),
        Form(canonical: "一般社団法人", variants: ["一般社団法人", "(一社)", "(一般社団)"], kind: "NPO"),
        Form(canonical: "一般財団法人", variants: ["一般財団法人", "(一財)", "(一般財団)"], kind: "NPO"),
        Form(canonical: "公益社団法人", variants: ["公益社団法人", "(公社)"], kind: "NPO"),
        Form(canonical: "公益財団法人", variants: ["公益財団法人", "(公財)"], kind: "NPO"),
        Form(canonical: "社会福祉法人", variants: ["社会福祉法人", "(社福)", "(福)"], kind: "NPO"),
        Form(canonical: "株式会社", variants: ["株式会社", "(株)"], kind: "企業"),
        Form(canonical: "有限会社", variants: ["有限会社", "(有)"], kind: "企業"),
        Form(canonical: "合同会社", variants: ["合同会社", "(同)"], kind: "企業"),
        Form(canonical: "合資会社", variants: ["合資会社", "(資)"], kind: "企業"),
        Form(canonical: "合名会社", variants: ["合名会社", "(名)"], kind: "企業"),
        Form(canonical: "学校法人", variants: ["学校法人", "(学)", "(学校法人)"], kind: "学校"),
        Form(canonical: "社会医療法人", variants: ["社会医療法人"], kind: "医療・保健"),
        Form(canonical: "医療法人社団", variants: ["医療法人社団"], kind: "医療・保健"),
        Form(canonical: "医療法人財団", variants: ["医療法人財団"], kind: "医療・保健"),
        Form(canonical: "医療法人", variants: ["医療法人", "(医)"], kind: "医療・保健"),
        Form(canonical: "宗教法人", variants: ["宗教法人", "(宗)"], kind: nil),
        Form(canonical: "地方独立行政法人", variants: ["地方独立行政法人"], kind: nil),
        Form(canonical: "独立行政法人", variants: ["独立行政法人", "(独)"], kind: nil),
        Form(canonical: "国立大学法人", variants: ["国立大学法人"], kind: "学校"),
        Form(canonical: "公立大学法人", variants: ["公立大学法人"], kind: "学校"),
    ]

    /// Every variant with its form, longest variant first.
    static let variantTable: [(variant: String, form: Form)] = {
        var rows: [(String, Form)] = []
        for form in all { for v in form.variants { rows.append((v, form)) } }
        return rows.sorted { ($0.0.count, $0.0) > ($1.0.count, $1.0) }
    }()

    /// `variantTable`'s variants as ASCII-lower-cased scalar arrays.
    static let loweredVariantScalars: [[Unicode.Scalar]] = variantTable.map {
        NameNormalizer.asciiLowercased(Array($0.variant.unicodeScalars))
    }

    /// The first and the last scalars of ``loweredVariantScalars``.
    static let variantFirstScalars = Set(loweredVariantScalars.compactMap(\.first))
    static let variantLastScalars = Set(loweredVariantScalars.compactMap(\.last))

    /// The form whose canonical spelling or variant is `text`, if any.
    public static func form(named text: String) -> Form? {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return nil }
        return formByLoweredVariant[t.lowercased()]
    }

    /// `variantTable` by lower-cased variant (the first form of a variant written twice).
    static let formByLoweredVariant: [String: Form] = {
        var out: [String: Form] = [:]
        for (variant, form) in variantTable where out[variant.lowercased()] == nil { out[variant.lowercased()] = form }
        return out
    }()
}
