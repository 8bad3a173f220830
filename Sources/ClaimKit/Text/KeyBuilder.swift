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
        let keyStart = arena.count
        arena.reserve(end - start)
        var flags = records[index].flags
        var upper = 0
        var lower = 0
        var ascii = true
        var output = arena.base + keyStart
        for i in start..<end {
            let unit = units[i]
            if unit >= 0x80 {
                ascii = false
                break
            }
            var byte = UInt8(truncatingIfNeeded: unit)
            if byte &- 0x41 < 26 {
                byte |= 0x20
                upper += 1
            } else if byte &- 0x61 < 26 {
                lower += 1
            } else if byte &- 0x30 < 10 {
                flags.insert(.hasDigit)
            }
            output.pointee = byte
            output += 1
        }
        if ascii {
            arena.count = keyStart + (end - start)
            if units[start] &- 0x41 < 26 { flags.insert(.capitalized) }
        } else {
            arena.count = keyStart
            let counts = Tokenizer.foldedKey(units, start, end, &arena, &scratch, &flags)
            upper = counts.upper
            lower = counts.lower
        }
        if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
        records[index].flags = flags
        records[index].keyStart = Int32(keyStart)
        records[index].keyEnd = Int32(arena.count)
        records[index].keyHash = KeyHash.hash(arena.base + keyStart, count: arena.count - keyStart)
    }
}
