/// Substring search on Unicode scalars: exact, without Foundation's locale-aware comparison
/// (which made `String.contains` the extractor's main cost).
enum ScalarSearch {
    /// Whether `needle` occurs in `hay`.
    /// - Complexity: O(*n* × *m*).
    static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    static func contains(_ hay: String, _ needle: String) -> Bool {
        contains(Array(hay.unicodeScalars), Array(needle.unicodeScalars))
    }
}
