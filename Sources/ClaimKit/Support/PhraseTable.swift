/// Lexicon phrases of one or more tokens, matched longest first on token
/// key hashes, so that a lookup costs a bitmap test for most tokens.
struct PhraseTable<Value: Sendable>: Sendable {
    private var phrases: [[UInt64]] = []
    private var values: [Value] = []
    /// Per first key, the phrases that start with it, longest first.
    private var building: [UInt64: [Int32]] = [:]
    private var byFirst = KeyMap<[Int32]>([:])
    /// A bit per low 16 bits of a first key: most tokens start no phrase.
    private var filter = [UInt64](repeating: 0, count: 1024)

    init() {}

    /// Adds a phrase written as text, tokenized the way documents are.
    mutating func add(_ phrase: some StringProtocol, _ value: Value, tokenizer: Tokenizer) {
        let tokens = tokenizer.tokenize(String(phrase))
        add(keys: tokens.records.map(\.keyHash), value)
    }

    /// Adds a phrase given as key hashes.
    mutating func add(keys: [UInt64], _ value: Value) {
        guard let first = keys.first else { return }
        let index = Int32(phrases.count)
        phrases.append(keys)
        values.append(value)
        var list = building[first, default: []]
        list.append(index)
        list.sort { phrases[Int($0)].count > phrases[Int($1)].count }
        building[first] = list
        byFirst = KeyMap(building)
        let bit = Int(first & 0xFFFF)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether a phrase may start with this key.
    @inline(__always)
    func mayStart(_ keyHash: UInt64) -> Bool {
        let bit = Int(keyHash & 0xFFFF)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The longest phrase that starts at token `start` and ends by `limit`.
    func match(at start: Int, limit: Int, _ records: UnsafeBufferPointer<TokenRecord>) -> (end: Int, value: Value)? {
        guard start < limit, mayStart(records[start].keyHash), let list = byFirst[records[start].keyHash] else { return nil }
        for index in list {
            let keys = phrases[Int(index)]
            guard start + keys.count <= limit else { continue }
            var k = 1
            while k < keys.count, records[start + k].keyHash == keys[k] { k += 1 }
            if k == keys.count { return (start + keys.count, values[Int(index)]) }
        }
        return nil
    }
}
