import Foundation

/// An sRGB colour with 8-bit channels.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    /// Red channel, 0–255.
    public var red: UInt8
    /// Green channel, 0–255.
    public var green: UInt8
    /// Blue channel, 0–255.
    public var blue: UInt8

    /// Creates a colour from its channels.
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

    /// `#RRGGBB`.
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

/// The colour of each organisation kind, shared by every writer that colours by kind: GEXF
/// `viz:color`, the JSON exports' `color`, the plain DOT export — and the same fills the diagram
/// DOT writer uses, so a network looks alike in Gephi and in Renkei's own diagrams.
///
/// Built-in kinds are filled from Paul Tol's colour-blind-safe *light* scheme (made for filled
/// areas carrying black labels): 社協 orange, 行政 light blue, 学校 light yellow, NPO mint, 企業 light
/// cyan, 医療・保健 pink, 地域団体 pear, 協同組合 olive, 専門職 pale grey, その他 white. Kinds a dataset
/// adds get a colour from Tol's *pale* scheme chosen by the 64-bit FNV-1a hash of their id, so an
/// added kind has the same colour in every file and every dataset.
///
/// Reference: Paul Tol, *Colour Schemes*, SRON technical note SRON/EPS/TN/09-002, issue 3.2
/// (2021), <https://personal.sron.nl/~pault/data/colourschemes.pdf> (no DOI).
public enum KindPalette {
    /// Tol's light scheme: light blue, orange, light yellow, pink, light cyan, mint, pear, olive, pale grey.
    public static let tolLight: [RGBColor] = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF",
                                              "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"].map { RGBColor(hex: $0)! }
    /// Tol's pale scheme: pale blue, pale cyan, pale green, pale yellow, pale red, pale grey.
    public static let tolPale: [RGBColor] = ["#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB", "#FFCCCC", "#DDDDDD"]
        .map { RGBColor(hex: $0)! }

    /// The fill of each built-in kind, by its Japanese id.
    public static let builtIn: [String: RGBColor] = [
        "社協": "#EE8866", "行政": "#77AADD", "学校": "#EEDD88", "NPO": "#44BB99", "企業": "#99DDFF",
        "医療・保健": "#FFAABB", "地域団体": "#BBCC33", "協同組合": "#AAAA00", "専門職": "#DDDDDD",
        "その他": "#FFFFFF",
    ].mapValues { RGBColor(hex: $0)! }

    /// The colour of a kind: its built-in fill, or a pale colour chosen by the hash of its id.
    /// - Complexity: O(length of the id).
    public static func color(for kind: OrganizationKind) -> RGBColor {
        if let c = builtIn[kind.id] { return c }
        return tolPale[Int(fnv1a(kind.id) % UInt64(tolPale.count))]
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    /// Reference: Fowler, Noll, Vo, *The FNV Non-Cryptographic Hash Algorithm* (IETF draft
    /// draft-eastlake-fnv; no DOI).
    /// - Complexity: O(*n*) in the byte length.
    public static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
