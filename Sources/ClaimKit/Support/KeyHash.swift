/// The 64-bit hash of a normalized token key's UTF-8 bytes. Keys are short,
/// so it reads eight bytes at a time; every table keyed by token keys
/// (lexicons, gazetteers) uses it, so that a key is hashed once per document.
enum KeyHash {
    /// The hash of `count` bytes. At least 7 readable bytes must follow them
    /// (the key arena keeps that slack), so the last partial word is read whole and masked.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(count) &* 0xFF51_AFD7_ED55_8CCD)
        var i = 0
        while i + 8 <= count {
            // Little-endian on every host, as the last chunk is, so that hashes are the same everywhere.
            let chunk = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
            h = (h ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 31
            i += 8
        }
        let remaining = count - i
        if remaining > 0 {
            let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            let chunk = UInt64(littleEndian: word) & (~UInt64(0) >> UInt64(64 - 8 * remaining))
            h = (h ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    /// The hash of a key given as a string (already normalized).
    static func hash(_ key: some StringProtocol) -> UInt64 {
        let bytes = Array(key.utf8) + [0, 0, 0, 0, 0, 0, 0, 0]
        return bytes.withUnsafeBufferPointer { hash($0.baseAddress!, count: $0.count - 8) }
    }
}
