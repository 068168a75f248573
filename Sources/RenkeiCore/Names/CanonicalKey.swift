import Foundation

/// A string as a dictionary key with `String`'s own equality (canonical equivalence) at the cost
/// of a byte comparison.
///
/// `String` hashes and compares by its NFC form: for text outside ASCII every hash runs a
/// normalisation check scalar by scalar, and every comparison of two different strings takes the
/// slow path that normalises both. Tables of 200,000 Japanese names spent a tenth of a load
/// there. A key hashes the string's NFC UTF-8 bytes once, when it is made — the bytes themselves
/// when the string is ``Swift/String/isNormalizationInert`` (the common case), else the bytes of
/// its canonical composition — and compares the stored hashes before anything else, so two
/// strings are equal as keys exactly when they are equal as `String`s.
package struct CanonicalKey: Hashable, Sendable {
    package let string: String
    private let hash: Int
    private let inert: Bool

    package init(_ string: String) {
        self.string = string
        inert = string.isNormalizationInert
        var hasher = Hasher()
        var bytes = inert ? string : string.precomposedStringWithCanonicalMapping
        bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hash = hasher.finalize()
    }

    package static func == (a: CanonicalKey, b: CanonicalKey) -> Bool {
        guard a.hash == b.hash else { return false }
        if a.inert && b.inert { return a.string.utf8.elementsEqual(b.string.utf8) }
        return a.string == b.string
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
