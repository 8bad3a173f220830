/// A growable byte buffer without per-append checks of uniqueness, for the
/// per-document key arena the tokenizer fills in its hot loop. Eight bytes
/// of slack always follow the last byte, so a hash may read a whole word.
struct ByteArena {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity + 8)
        (base + self.capacity).initialize(repeating: 0, count: 8)
    }

    /// Makes room for `additional` more bytes.
    @inline(__always)
    mutating func reserve(_ additional: Int) {
        guard count + additional > capacity else { return }
        let grown = max(capacity * 2, count + additional)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown + 8)
        (moved + grown).initialize(repeating: 0, count: 8)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Hands the bytes over; the caller frees them.
    func finish() -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }
}
