/// A read-only map from token key hashes to values, by open addressing on
/// the hash itself: key hashes are already well mixed, so a lookup costs a
/// mask and a compare where `Dictionary` would hash the hash again.
struct KeyMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ entries: [UInt64: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            guard let value = values[slot] else { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }
}

/// A read-only set of token key hashes; see ``KeyMap``.
struct KeySet: Sendable {
    private let map: KeyMap<Bool>

    init(_ keys: some Sequence<UInt64>) {
        map = KeyMap(Dictionary(keys.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { map[key] != nil }
}
