/// Makes tokens' keys into the document's key arena, in token order, as the
/// tokenizer finalizes them.
struct KeyBuilder {
    var arena: ByteArena
    /// How many tokens have their key.
    private(set) var finalized = 0
    private var scratch: [UInt16] = []

    init(capacity: Int) {
        arena = ByteArena(capacity: capacity)
    }

    /// Gives the next token its key, hash and letter-case flags: case-folded,
    /// diacritics removed, NFKC, quotes and dashes unified, as UTF-8.
    @inline(__always)
    mutating func finalize(_ records: inout RecordBuffer, _ units: UnsafeBufferPointer<UInt16>) {
        let index = finalized
        finalized += 1
        let start = Int(records[index].start)
        let end = Int(records[index].end)
        let length = end - start
        let keyStart = arena.count
        arena.reserve(length)
        var flags = records[index].flags
        if let counts = asciiLoop(units, start, end, &flags) {
            arena.count = keyStart + length
            if counts.upper >= 2 && counts.lower == 0 { flags.insert(.allCaps) }
        } else {
            arena.count = keyStart
            let counts = Tokenizer.foldedKey(units, start, end, &arena, &scratch, &flags)
            if counts.upper >= 2 && counts.lower == 0 { flags.insert(.allCaps) }
        }
        records[index].flags = flags
        records[index].keyStart = Int32(keyStart)
        records[index].keyEnd = Int32(arena.count)
        records[index].keyHash = KeyHash.hash(arena.base + keyStart, count: arena.count - keyStart)
    }

    /// The key of an ASCII token, lower-cased into the arena four characters
    /// at a time (SWAR on a 64-bit word of four UTF-16 units); nil when the
    /// token is not ASCII. Up to three bytes past the key may be written:
    /// they fall in the arena's slack and the next key overwrites them.
    @inline(__always)
    private mutating func asciiLoop(
        _ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int, _ flags: inout TokenFlags
    ) -> (upper: Int, lower: Int)? {
        let base = units.baseAddress!
        var output = UnsafeMutableRawPointer(arena.base + arena.count)
        var upper = 0
        var lower = 0
        var digits: UInt64 = 0
        var position = start
        while position < end {
            let lanes = min(4, end - position)
            var word: UInt64
            if position + 4 <= units.count {
                word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                if lanes < 4 { word &= (1 << UInt64(16 * lanes)) - 1 }
            } else {
                word = 0
                for lane in 0..<lanes { word |= UInt64(base[position + lane]) << UInt64(16 * lane) }
            }
            if word & 0xFF80_FF80_FF80_FF80 != 0 { return nil }
            // Each lane is below 0x80, so adding up to 0x50 never carries into the next lane.
            let high: UInt64 = 0x0080_0080_0080_0080
            let upperBits = (word &+ 0x003F_003F_003F_003F) & ~(word &+ 0x0025_0025_0025_0025) & high
            let lowerBits = (word &+ 0x001F_001F_001F_001F) & ~(word &+ 0x0005_0005_0005_0005) & high
            digits |= (word &+ 0x0050_0050_0050_0050) & ~(word &+ 0x0046_0046_0046_0046) & high
            if position == start && upperBits & 0x80 != 0 { flags.insert(.capitalized) }
            let lowered = word | (upperBits >> 2)
            var packed = (lowered | (lowered >> 8)) & 0x0000_FFFF_0000_FFFF
            packed = (packed | (packed >> 16)) & 0xFFFF_FFFF
            output.storeBytes(of: UInt32(truncatingIfNeeded: packed).littleEndian, as: UInt32.self)
            output += lanes
            upper &+= upperBits.nonzeroBitCount
            lower &+= lowerBits.nonzeroBitCount
            position += lanes
        }
        if digits != 0 { flags.insert(.hasDigit) }
        return (upper, lower)
    }
}
