/// The CRC-32 of ZIP and gzip (ISO-HDLC: polynomial 0x04C11DB7 reflected as 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF), computed eight bytes per step with eight tables
/// ("slicing-by-8": Kounavis & Berry 2008, "Novel Table Lookup-Based Algorithms for
/// High-Performance CRC Generation", IEEE Trans. Computers 57(11), doi:10.1109/TC.2008.85).
///
/// ZIPFoundation checks an entry with zlib's `crc32` only where a module named `zlib` exists; on
/// Linux its module is `CZLib`, so it falls back to a byte-at-a-time loop, which took 10% of
/// reading a 1,000,000-row workbook. The workbook readers check entries with this instead.
enum ZipChecksum {
    /// `tables[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var c = UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[b] = c
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = t[(k - 1) * 256 + b]
                t[k * 256 + b] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The checksum `crc` (of the bytes before, 0 for none) continued over `bytes`.
    /// - Complexity: O(`bytes.count`), eight bytes per step.
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            var c = ~crc
            var i = 0
            let n = bytes.count
            while i + 8 <= n {
                let lo = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self)) ^ c
                let hi = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self))
                c = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < n {
                c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
                i += 1
            }
            return ~c
        }
    }

    /// The checksum of `bytes`.
    static func of(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { update(0, $0) }
    }
}
