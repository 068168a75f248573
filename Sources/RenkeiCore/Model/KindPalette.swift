import Foundation

/// An sRGB colour with 8-bit channels.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#RRGGBB`.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let v = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(v >> 16 & 0xFF), green: UInt8(v >> 8 & 0xFF), blue: UInt8(v & 0xFF))
    }

    /// `#RRGGBB` in upper case, as DOT, SVG and CSS take it.
    public var hex: String {
        func two(_ c: UInt8) -> String {
            let s = String(c, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + two(red) + two(green) + two(blue)
    }

    public var description: String { hex }

    /// WCAG relative luminance (0 black … 1 white).
    public var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow(((s + 0.055) / 1.055), 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever reads better on this colour.
    public var textColor: RGBColor {
        relativeLuminance > 0.179 ? RGBColor(red: 0, green: 0, blue: 0) : RGBColor(red: 255, green: 255, blue: 255)
    }
}

/// The colour of each organisation kind, shared by every writer that colours by kind
/// (the DOT writer, GEXF `viz:color`, legends).
///
/// The colours are Paul Tol's colour-blind-safe “muted” qualitative scheme: nine colours that
/// stay distinct under the common forms of colour-vision deficiency, plus a pale grey that Tol
/// reserves for “no data”, used here for その他. Source: Paul Tol, *Colour Schemes*, SRON
/// technical note SRON/EPS/TN/09-002, issue 3.2 (2021), <https://personal.sron.nl/~pault/>.
///
/// Built-in kinds get fixed colours in their canonical order. Kinds a dataset adds cycle through
/// the nine non-grey colours, so with more than nine kinds in a drawing some colours repeat.
public enum KindPalette {
    /// Tol's muted scheme: rose, indigo, sand, green, cyan, wine, teal, olive, purple.
    public static let colors: [RGBColor] = [
        "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
        "#882255", "#44AA99", "#999933", "#AA4499",
    ].map { RGBColor(hex: $0)! }

    /// Tol's pale grey, for その他.
    public static let grey = RGBColor(hex: "#DDDDDD")!

    /// The colour of a kind: built-ins by their place in ``OrganizationKind/builtIn``
    /// (社協 rose, 行政 indigo, 学校 sand, NPO green, 企業 cyan, 医療・保健 wine, 地域団体 teal,
    /// 協同組合 olive, 専門職 purple, その他 grey); other kinds cycle through the nine colours by
    /// their `order`.
    /// - Complexity: O(*k*) for *k* built-in kinds.
    public static func color(for kind: OrganizationKind) -> RGBColor {
        if kind.id == OrganizationKind.other.id { return grey }
        if let i = OrganizationKind.builtIn.firstIndex(where: { $0.id == kind.id }), i < colors.count {
            return colors[i]
        }
        let n = kind.order >= 0 ? kind.order : -kind.order
        return colors[n % colors.count]
    }
}
