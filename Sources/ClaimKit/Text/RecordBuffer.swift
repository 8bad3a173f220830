/// The tokenizer's growing list of token records, without the uniqueness
/// and bounds checks an `Array` pays on every write in the hot loop.
struct RecordBuffer {
    private var base: UnsafeMutablePointer<TokenRecord>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<TokenRecord>.allocate(capacity: self.capacity)
    }

    @inline(__always)
    subscript(index: Int) -> TokenRecord {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    var last: TokenRecord? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    mutating func append(_ record: TokenRecord) {
        if count == capacity {
            let grown = capacity * 2
            let moved = UnsafeMutablePointer<TokenRecord>.allocate(capacity: grown)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        (base + count).initialize(to: record)
        count += 1
    }

    @inline(__always)
    mutating func removeLast() {
        count -= 1
    }

    /// Hands the records over; the caller frees them.
    func finish() -> UnsafeBufferPointer<TokenRecord> {
        UnsafeBufferPointer(start: base, count: count)
    }
}
