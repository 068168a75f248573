/// A small, fast, seeded pseudo-random generator: SplitMix64 (Steele, Lea & Flood 2014,
/// "Fast splittable pseudorandom number generators", OOPSLA, doi:10.1145/2714064.2660195).
///
/// Every random choice Renkei makes (node orders in Louvain and Leiden, label-propagation
/// ties, synthetic networks) goes through this generator, so a seed reproduces a result exactly
/// on every platform and Swift version: unlike `Int.random(in:using:)`, the bounded draws here
/// are defined by this file alone.
public struct SplitMixRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    /// - Complexity: O(1)
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0 ..< bound` (Lemire's multiply-and-reject method,
    /// doi:10.1145/3230636). `bound` must be positive.
    /// - Complexity: O(1) expected.
    @inlinable public mutating func uniform(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    /// - Complexity: O(1)
    @inlinable public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inlinable public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Shuffles `array` in place (Fisher–Yates / Durstenfeld).
    /// - Complexity: O(*n*)
    public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count
        while i > 1 {
            let j = uniform(i)
            i -= 1
            array.swapAt(i, j)
        }
    }

    /// `0 ..< n` in a random order.
    /// - Complexity: O(*n*)
    public mutating func permutation(_ n: Int) -> [Int32] {
        var p = (0..<n).map { Int32($0) }
        shuffle(&p)
        return p
    }
}
