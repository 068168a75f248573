import Foundation
import XCTest
@testable import RenkeiCore

/// The shortcuts behind `String.isNormalizationInert` and `CanonicalKey` against Foundation's
/// normalisation and the toolchain's Unicode properties.
final class CanonicalKeyTests: XCTestCase {
    /// Every scalar the inert ranges admit is its own NFC and NFKC form, has canonical combining
    /// class 0 and is assigned; the scalars just outside the ranges that NFKC changes are refused.
    func testInertScalarsAreTheirOwnNormalForms() {
        var checked = 0
        for v in UInt32(0)...0xFFFF where String.isInertScalar(v) {
            let scalar = Unicode.Scalar(v)!
            let s = String(scalar)
            XCTAssertEqual(Array(s.precomposedStringWithCompatibilityMapping.unicodeScalars), [scalar], "U+\(String(v, radix: 16))")
            XCTAssertEqual(Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), [scalar], "U+\(String(v, radix: 16))")
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, "U+\(String(v, radix: 16))")
            XCTAssertNotEqual(scalar.properties.generalCategory, .unassigned, "U+\(String(v, radix: 16))")
            checked += 1
        }
        // 95 ASCII + 20,992 URO + 6,592 extension A + kana and punctuation.
        XCTAssertEqual(checked, 95 + 20_992 + 6_592 + 41 + 6 + 86 + 2 + 95)
        // Full-width letters, half-width katakana, the ideographic space, combining and
        // spacing voiced marks, ゟ, ヿ and compatibility ideographs all change under NFKC or combine.
        for v: UInt32 in [0xFF21, 0xFF76, 0x3000, 0x3099, 0x309A, 0x309B, 0x309F, 0x30FF, 0xF900, 0x302A, 0x3036, 0x1F, 0x7F, 0xA0] {
            XCTAssertFalse(String.isInertScalar(v), "U+\(String(v, radix: 16))")
        }
    }

    func testInertStrings() {
        XCTAssertTrue("団体000007".isNormalizationInert)
        XCTAssertTrue("NPO法人わんず・カフェ".isNormalizationInert)
        XCTAssertFalse("ＮＰＯ法人".isNormalizationInert)      // full-width letters
        XCTAssertFalse("ﾌﾞﾙｰ".isNormalizationInert)           // half-width kana
        XCTAssertFalse("か\u{3099}".isNormalizationInert)      // combining voiced mark
        XCTAssertFalse("北区　社協".isNormalizationInert)        // ideographic space
        // The shortcut in nfkcComposed gives what Foundation gives.
        for s in ["団体000007", "NPO法人わんず・カフェ", "ＮＰＯ法人", "ﾌﾞﾙｰ", "か\u{3099}", "北区　社協", "Café"] {
            XCTAssertEqual(Array(s.nfkcComposed.unicodeScalars),
                           Array(s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.unicodeScalars), s)
        }
    }

    /// Keys are equal exactly when the strings are, canonical equivalents included, and equal
    /// keys hash alike, so a dictionary keyed by them finds what a `String`-keyed one finds.
    func testKeysFollowStringEquality() {
        let samples = ["が", "か\u{3099}", "団体", "団体 ", "Café", "Cafe\u{301}", "ＮＰＯ", "NPO", "", "ブ", "フ\u{3099}",
                       "\u{212B}", "\u{00C5}", "A\u{30A}", "社協", "社会福祉協議会"]
        for a in samples {
            for b in samples {
                XCTAssertEqual(CanonicalKey(a) == CanonicalKey(b), a == b, "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
                if a == b { XCTAssertEqual(CanonicalKey(a).hashValue, CanonicalKey(b).hashValue) }
            }
        }
        var byKey: [CanonicalKey: Int] = [:]
        var byString: [String: Int] = [:]
        for (i, s) in samples.enumerated() {
            byKey[CanonicalKey(s), default: 0] += i
            byString[s, default: 0] += i
        }
        XCTAssertEqual(byKey.count, byString.count)
        for (s, v) in byString { XCTAssertEqual(byKey[CanonicalKey(s)], v, s) }
    }
}
