/// 64-bit FNV-1a over UTF-16 code units, used to look a token's written text
/// up in the abbreviation list without building a `String`.
struct FNV: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    mutating func add(_ unit: UInt16) {
        add(UInt8(truncatingIfNeeded: unit))
        add(UInt8(truncatingIfNeeded: unit >> 8))
    }

    /// The hash of a string's UTF-16 code units, as `hash(units:)` computes it over a buffer.
    static func hash(utf16 string: some StringProtocol) -> UInt64 {
        var hasher = FNV()
        for unit in string.utf16 { hasher.add(unit) }
        return hasher.value
    }

    @inline(__always)
    static func hash(units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> UInt64 {
        var hasher = FNV()
        var i = start
        while i < end {
            hasher.add(units[i])
            i += 1
        }
        return hasher.value
    }
}
