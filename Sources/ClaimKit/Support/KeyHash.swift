/// The 64-bit hash of a normalized token key's UTF-8 bytes. Keys are short,
/// so it reads eight bytes at a time; every table keyed by token keys
/// (lexicons, gazetteers) uses it, so that a key is hashed once per document.
enum KeyHash {
    /// The hash of `count` bytes. At least 7 readable bytes must follow them
    /// (the key arena keeps that slack), so the last partial word is read whole and masked.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h = seed(count: count)
        var i = 0
        while i + 8 <= count {
            h = mix(h, UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)))
            i += 8
        }
        let remaining = count - i
        if remaining > 0 {
            let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            h = mixLast(h, UInt64(littleEndian: word) & (~UInt64(0) >> UInt64(64 - 8 * remaining)))
        }
        return finish(h)
    }

    // The steps, for the tokenizer, which hashes keys as it writes them.

    /// The state before the first chunk of a key of `count` bytes.
    @inline(__always)
    static func seed(count: Int) -> UInt64 {
        0x9E37_79B9_7F4A_7C15 ^ (UInt64(count) &* 0xFF51_AFD7_ED55_8CCD)
    }

    /// Takes a whole chunk of eight bytes, the first in the low byte.
    @inline(__always)
    static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let mixed = (h ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 31)
    }

    /// Takes the last one to seven bytes, zero above them.
    @inline(__always)
    static func mixLast(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        (h ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
    }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var h = h
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
