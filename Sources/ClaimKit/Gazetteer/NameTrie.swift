/// A compiled, immutable trie over token key hashes: every name of a
/// gazetteer as a path of tokens, matched leftmost-longest against a
/// document's tokens with one hash-table probe per token.
///
/// Everything is stored in flat arrays of plain values, so a trie of a
/// million names costs little memory and is written and read back raw.
struct NameTrie: Sendable {
    /// One name: which entry it names, how, and what its text requires.
    /// Plain integers only, so compiled names can be written and read raw.
    struct Name: Sendable {
        /// Bit k set: the k-th token must be capitalised in the text.
        var capitalMask: UInt64
        /// The index of the named thing (a gazetteer entry, a title, an institution head).
        var target: Int32
        /// Where the exact text of the name's tokens starts in `exactOffsets`,
        /// for names that match only in exact case; -1 for the others.
        var exactIndex: Int32
        var priority: Int32
        var order: Int32
        /// The index of the ``MentionSource`` in `allCases`.
        var viaCode: UInt8
        var tokenCount: UInt8
        var kindRank: UInt8

        init(
            target: Int32, via: MentionSource, tokenCount: Int, capitalMask: UInt64, exactIndex: Int32, priority: Int,
            kindRank: Int, order: Int
        ) {
            self.capitalMask = capitalMask
            self.target = target
            self.exactIndex = exactIndex
            self.priority = Int32(clamping: priority)
            self.order = Int32(clamping: order)
            viaCode = UInt8(MentionSource.allCases.firstIndex(of: via)!)
            self.tokenCount = UInt8(clamping: tokenCount)
            self.kindRank = UInt8(clamping: kindRank)
        }

        var via: MentionSource { MentionSource.allCases[Int(viaCode)] }
    }

    let table: TransitionTable
    /// The exact UTF-16 text of exact-case names' tokens, one after another;
    /// token j spans `exactUnits[exactOffsets[j]..<exactOffsets[j + 1]]`.
    let exactUnits: [UInt16]
    let exactOffsets: [Int32]
    /// A bit per first-token key (its top 16 bits): most tokens start no
    /// name, and this answers that from L1 cache. `lowercaseStarts` holds the
    /// first tokens of names that may start in lower case.
    let anyStarts: [UInt64]
    let lowercaseStarts: [UInt64]
    /// The names ending at node n are `terminals[terminalOffsets[n]..<terminalOffsets[n + 1]]`.
    let terminalOffsets: [Int32]
    let terminals: [Int32]
    let names: [Name]

    /// Collects names, each as its token key hashes, and builds the trie.
    /// Keys live in one flat array, so a million names cost no million arrays.
    struct Builder {
        private var keys: [UInt64] = []
        private var inputs: [(start: Int32, name: Name)] = []
        private var exactUnits: [UInt16] = []
        private var exactOffsets: [Int32] = [0]

        mutating func add(keys newKeys: some Collection<UInt64>, name: Name, exact: [[UInt16]]?) {
            guard !newKeys.isEmpty else { return }
            var name = name
            if let exact {
                name.exactIndex = Int32(exactOffsets.count - 1)
                for token in exact {
                    exactUnits.append(contentsOf: token)
                    exactOffsets.append(Int32(exactUnits.count))
                }
            }
            name.tokenCount = UInt8(newKeys.count)
            inputs.append((Int32(keys.count), name))
            keys.append(contentsOf: newKeys)
        }

        /// Builds the trie and empties the builder, freeing its memory as it goes.
        mutating func build() -> NameTrie {
            // The edges go straight into the final open-addressing table: a
            // Dictionary of the same edges would take several times the memory.
            var table = TransitionTable(capacityFor: keys.count)
            var nodeCount: Int32 = 1
            var pairs: [(node: Int32, name: Int32)] = []
            pairs.reserveCapacity(inputs.count)
            var anyStarts = [UInt64](repeating: 0, count: 1024)
            var lowercaseStarts = [UInt64](repeating: 0, count: 1024)
            for (index, input) in inputs.enumerated() {
                var node: Int32 = 0
                for k in Int(input.start)..<(Int(input.start) + Int(input.name.tokenCount)) {
                    if let child = table.child(of: node, key: keys[k]) {
                        node = child
                    } else {
                        table.insert(node: node, key: keys[k], child: nodeCount)
                        node = nodeCount
                        nodeCount += 1
                    }
                }
                pairs.append((node, Int32(index)))
                let bit = Int(keys[Int(input.start)] >> 48)
                anyStarts[bit >> 6] |= 1 << UInt64(bit & 63)
                if input.name.capitalMask & 1 == 0 { lowercaseStarts[bit >> 6] |= 1 << UInt64(bit & 63) }
            }
            keys = []
            let names = inputs.map(\.name)
            inputs = []
            // Ties: higher priority, then kind order, then file order.
            pairs.sort { a, b in
                if a.node != b.node { return a.node < b.node }
                let x = names[Int(a.name)]
                let y = names[Int(b.name)]
                if x.priority != y.priority { return x.priority > y.priority }
                if x.kindRank != y.kindRank { return x.kindRank < y.kindRank }
                return x.order < y.order
            }
            var terminalOffsets = [Int32](repeating: 0, count: Int(nodeCount) + 1)
            for pair in pairs { terminalOffsets[Int(pair.node) + 1] += 1 }
            for node in 0..<Int(nodeCount) { terminalOffsets[node + 1] += terminalOffsets[node] }
            return NameTrie(
                table: table, exactUnits: exactUnits, exactOffsets: exactOffsets,
                anyStarts: anyStarts, lowercaseStarts: lowercaseStarts, terminalOffsets: terminalOffsets,
                terminals: pairs.map(\.name), names: names)
        }
    }

    /// Whether some name may start at a token with this key and case.
    @inline(__always)
    func mayStart(_ record: TokenRecord) -> Bool {
        let bit = Int(record.keyHash >> 48)
        let word = record.flags.contains(.capitalized) ? anyStarts[bit >> 6] : lowercaseStarts[bit >> 6]
        return word & (1 << UInt64(bit & 63)) != 0
    }

    /// The longest name starting at token `start` (and ending by `limit`)
    /// whose case requirements the text meets and that `accept` takes; the
    /// first by priority among names of the same words.
    @inline(__always)
    func longestMatch(
        at start: Int, limit: Int, _ records: UnsafeBufferPointer<TokenRecord>, _ units: UnsafeBufferPointer<UInt16>,
        accept: (Name) -> Bool = { _ in true }
    ) -> (name: Int, end: Int)? {
        guard mayStart(records[start]) else { return nil }
        var node: Int32 = 0
        var best: (name: Int, end: Int)?
        var index = start
        while index < limit {
            guard let child = table.child(of: node, key: records[index].keyHash) else { break }
            node = child
            index += 1
            let first = Int(terminalOffsets[Int(node)])
            let end = Int(terminalOffsets[Int(node) + 1])
            for k in first..<end {
                let nameIndex = Int(terminals[k])
                let name = names[nameIndex]
                if caseMatches(name, start, records, units), accept(name) {
                    best = (nameIndex, index)
                    break
                }
            }
        }
        return best
    }

    /// Every name of the longest match at `start` whose case requirements
    /// the text meets, best first: for surnames several people may share.
    func allMatches(
        at start: Int, limit: Int, _ records: UnsafeBufferPointer<TokenRecord>, _ units: UnsafeBufferPointer<UInt16>
    ) -> (names: [Int], end: Int)? {
        guard mayStart(records[start]) else { return nil }
        var node: Int32 = 0
        var best: (names: [Int], end: Int)?
        var index = start
        while index < limit {
            guard let child = table.child(of: node, key: records[index].keyHash) else { break }
            node = child
            index += 1
            let found = (Int(terminalOffsets[Int(node)])..<Int(terminalOffsets[Int(node) + 1]))
                .map { Int(terminals[$0]) }.filter { caseMatches(names[$0], start, records, units) }
            if !found.isEmpty { best = (found, index) }
        }
        return best
    }

    /// Whether the tokens from `start` are capitalised where the name is, and
    /// spelled exactly as the name where it must match in exact case.
    @inline(__always)
    func caseMatches(
        _ name: Name, _ start: Int, _ records: UnsafeBufferPointer<TokenRecord>, _ units: UnsafeBufferPointer<UInt16>
    ) -> Bool {
        var mask = name.capitalMask
        var k = 0
        while mask != 0 {
            if mask & 1 != 0, !records[start + k].flags.contains(.capitalized) { return false }
            mask >>= 1
            k += 1
        }
        if name.exactIndex >= 0 {
            for offset in 0..<Int(name.tokenCount) {
                let token = Int(name.exactIndex) + offset
                let from = Int(exactOffsets[token])
                let to = Int(exactOffsets[token + 1])
                let record = records[start + offset]
                guard record.length == to - from else { return false }
                for i in 0..<(to - from) where units[Int(record.start) + i] != exactUnits[from + i] { return false }
            }
        }
        return true
    }
}

/// An open-addressing hash table from (node, token key hash) to the child
/// node: one multiply and usually one probe per lookup.
struct TransitionTable: Sendable {
    struct Key {
        let node: Int32
        let key: UInt64

        /// The pair folded into one non-zero word (zero marks an empty slot).
        var combined: UInt64 {
            let value = key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
            return value == 0 ? 1 : value
        }
    }

    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    let shift: UInt64

    /// A table as read back from a compiled gazetteer.
    init(keys: [UInt64], values: [Int32], shift: UInt64) {
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    /// An empty table with room for `count` edges at a load of at most 0.8,
    /// where linear probing stays short.
    init(capacityFor count: Int) {
        var bits: UInt64 = 4
        while (1 << bits) * 4 < count * 5 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << Int(bits))
        values = [Int32](repeating: 0, count: 1 << Int(bits))
        shift = 64 - bits
    }

    /// Adds an edge that is not in the table yet.
    mutating func insert(node: Int32, key: UInt64, child: Int32) {
        let combined = Key(node: node, key: key).combined
        let mask = keys.count - 1
        var slot = Int((combined &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = combined
        values[slot] = child
    }

    @inline(__always)
    func child(of node: Int32, key: UInt64) -> Int32? {
        let combined = Key(node: node, key: key).combined
        let mask = keys.count - 1
        var slot = Int((combined &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = keys[slot]
            if stored == combined { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
