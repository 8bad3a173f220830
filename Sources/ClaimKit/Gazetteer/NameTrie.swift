/// A compiled, immutable trie over token key hashes: every name of a
/// gazetteer as a path of tokens, matched leftmost-longest against a
/// document's tokens with one hash-table probe per token.
struct NameTrie: Sendable {
    /// One name: which entry it names, how, and what its text requires.
    struct Name: Sendable {
        /// The index of the named thing (a gazetteer entry, a title, an institution head).
        var target: Int32
        /// The index of the ``MentionSource`` in `allCases`: a plain byte, so
        /// compiled names can be written and read back raw.
        var viaCode: UInt8
        var tokenCount: Int
        /// Bit k set: the k-th token must be capitalised in the text.
        var capitalMask: UInt64
        /// Where the exact UTF-16 text of each token is kept, for names that
        /// match only in exact case; -1 for the others. Keeps `Name` free of references.
        var exactIndex: Int32
        var priority: Int
        var kindRank: Int
        var order: Int

        init(
            target: Int32, via: MentionSource, tokenCount: Int, capitalMask: UInt64, exactIndex: Int32, priority: Int,
            kindRank: Int, order: Int
        ) {
            self.target = target
            viaCode = UInt8(MentionSource.allCases.firstIndex(of: via)!)
            self.tokenCount = tokenCount
            self.capitalMask = capitalMask
            self.exactIndex = exactIndex
            self.priority = priority
            self.kindRank = kindRank
            self.order = order
        }

        var via: MentionSource { MentionSource.allCases[Int(viaCode)] }
    }

    let table: TransitionTable
    let exactTexts: [[[UInt16]]]
    /// A bit per first-token key (its top 16 bits): most tokens start no
    /// name, and this answers that from L1 cache. `lowercaseStarts` holds the
    /// first tokens of names that may start in lower case.
    let anyStarts: [UInt64]
    let lowercaseStarts: [UInt64]
    /// Per node: where its names start in `terminals`, and how many there are.
    let terminalStart: [Int32]
    let terminalCount: [Int32]
    let terminals: [Int32]
    let names: [Name]

    /// The number of names compiled in.
    var count: Int { names.count }

    /// Collects names, each as its token key hashes, and builds the trie.
    /// Keys live in one flat array, so a million names cost no million arrays.
    struct Builder {
        private var keys: [UInt64] = []
        private var inputs: [(start: Int32, count: Int32, name: Name)] = []
        private var exactTexts: [[[UInt16]]] = []

        var count: Int { inputs.count }

        mutating func add(keys newKeys: some Collection<UInt64>, name: Name, exact: [[UInt16]]?) {
            guard !newKeys.isEmpty else { return }
            var name = name
            if let exact {
                name.exactIndex = Int32(exactTexts.count)
                exactTexts.append(exact)
            }
            inputs.append((Int32(keys.count), Int32(newKeys.count), name))
            keys.append(contentsOf: newKeys)
        }

        /// Keeps only the names whose target passes `keep`.
        mutating func removeAll(where drop: (Int32) -> Bool) {
            inputs.removeAll { drop($0.name.target) }
        }

        func build() -> NameTrie {
            var children: [TransitionTable.Key: Int32] = [:]
            children.reserveCapacity(keys.count)
            var nodeCount: Int32 = 1
            var pairs: [(node: Int32, name: Int32)] = []
            pairs.reserveCapacity(inputs.count)
            var anyStarts = [UInt64](repeating: 0, count: 1024)
            var lowercaseStarts = [UInt64](repeating: 0, count: 1024)
            for (index, input) in inputs.enumerated() {
                var node: Int32 = 0
                for k in Int(input.start)..<Int(input.start + input.count) {
                    let edge = TransitionTable.Key(node: node, key: keys[k])
                    if let child = children[edge] {
                        node = child
                    } else {
                        children[edge] = nodeCount
                        node = nodeCount
                        nodeCount += 1
                    }
                }
                pairs.append((node, Int32(index)))
                let bit = Int(keys[Int(input.start)] >> 48)
                anyStarts[bit >> 6] |= 1 << UInt64(bit & 63)
                if input.name.capitalMask & 1 == 0 { lowercaseStarts[bit >> 6] |= 1 << UInt64(bit & 63) }
            }
            // Ties: higher priority, then kind order, then file order.
            pairs.sort { a, b in
                if a.node != b.node { return a.node < b.node }
                let x = inputs[Int(a.name)].name
                let y = inputs[Int(b.name)].name
                if x.priority != y.priority { return x.priority > y.priority }
                if x.kindRank != y.kindRank { return x.kindRank < y.kindRank }
                return x.order < y.order
            }
            var terminalStart = [Int32](repeating: 0, count: Int(nodeCount))
            var terminalCount = [Int32](repeating: 0, count: Int(nodeCount))
            for (position, pair) in pairs.enumerated() {
                if terminalCount[Int(pair.node)] == 0 { terminalStart[Int(pair.node)] = Int32(position) }
                terminalCount[Int(pair.node)] += 1
            }
            return NameTrie(
                table: TransitionTable(children), exactTexts: exactTexts, anyStarts: anyStarts,
                lowercaseStarts: lowercaseStarts, terminalStart: terminalStart, terminalCount: terminalCount,
                terminals: pairs.map(\.name), names: inputs.map(\.name))
        }
    }

    /// Whether some name may start at a token with this key and case.
    @inline(__always)
    func mayStart(_ record: TokenRecord) -> Bool {
        let bit = Int(record.keyHash >> 48)
        let filter = record.flags.contains(.capitalized) ? anyStarts : lowercaseStarts
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
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
            let count = Int(terminalCount[Int(node)])
            guard count > 0 else { continue }
            let first = Int(terminalStart[Int(node)])
            for k in first..<(first + count) {
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
            for (offset, text) in exactTexts[Int(name.exactIndex)].enumerated() {
                let record = records[start + offset]
                guard record.length == text.count else { return false }
                for (i, unit) in text.enumerated() where units[Int(record.start) + i] != unit { return false }
            }
        }
        return true
    }
}

/// An open-addressing hash table from (node, token key hash) to the child
/// node: one multiply and usually one probe per lookup.
struct TransitionTable: Sendable {
    struct Key: Hashable {
        let node: Int32
        let key: UInt64

        /// The pair folded into one non-zero word (zero marks an empty slot).
        var combined: UInt64 {
            let value = key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
            return value == 0 ? 1 : value
        }
    }

    let keys: [UInt64]
    let values: [Int32]
    let shift: UInt64

    /// A table as read back from a compiled gazetteer.
    init(keys: [UInt64], values: [Int32], shift: UInt64) {
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    init(_ children: [Key: Int32]) {
        var bits: UInt64 = 4
        while (1 << bits) < children.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Int32](repeating: 0, count: capacity)
        let shift = 64 - bits
        for (edge, child) in children {
            let combined = edge.combined
            var slot = Int((combined &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = combined
            values[slot] = child
        }
        self.keys = keys
        self.values = values
        self.shift = shift
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
