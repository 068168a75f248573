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

/// The colour of each organisation kind for the exports (GEXF `viz:color`, the JSON exports'
/// `color`, the plain DOT export), taken from ``DiagramPalette`` — the one table of kind colours,
/// which the diagram DOT writer draws with — so a network looks alike in Gephi and in Renkei's
/// own diagrams.
///
/// Built-in kinds are filled from Paul Tol's colour-blind-safe *light* scheme (社協 orange, 行政 light
/// blue, 学校 light yellow, NPO mint, 企業 light cyan, 医療・保健 pink, 地域団体 pear, 協同組合 olive,
/// 専門職 pale grey) and その他 Tol's grey `#BBBBBB` (white made those nodes vanish on white pages in
/// Cytoscape.js, D3 and Gephi); kinds a dataset adds get a *pale* colour visible on white
/// (``DiagramPalette/visiblePale``) chosen by the FNV-1a hash of their id. Every kind's colour has a
/// contrast ratio of at least 1.3 against white (WCAG 2 definition) and takes black text. Reference: Paul Tol, *Colour Schemes*, SRON technical note SRON/EPS/TN/09-002,
/// issue 3.2 (2021), <https://personal.sron.nl/~pault/data/colourschemes.pdf> (no DOI).
public enum KindPalette {
    /// The colour of a kind: ``DiagramPalette/style(of:)-swift.type.method``'s fill as an ``RGBColor``.
    /// - Complexity: O(length of the id).
    public static func color(for kind: OrganizationKind) -> RGBColor {
        let fill = DiagramPalette.style(of: kind).fill
        return RGBColor(hex: fill) ?? RGBColor(red: 255, green: 255, blue: 255)
    }

    /// The colours an added kind can get (Tol's pale scheme without its two palest).
    public static var addedKindColors: [RGBColor] { DiagramPalette.visiblePale.compactMap { RGBColor(hex: $0) } }

    /// WCAG 2 contrast ratio of a colour against white: (1.05) / (L + 0.05).
    public static func contrastAgainstWhite(_ c: RGBColor) -> Double { 1.05 / (c.relativeLuminance + 0.05) }
}
