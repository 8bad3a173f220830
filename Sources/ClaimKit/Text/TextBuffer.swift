/// A document's text as UTF-16 code units, the form ICU works on, with the
/// conversion from UTF-16 offsets to the public Unicode scalar offsets.
struct TextBuffer: Sendable {
    /// The original text.
    let text: String
    /// The text as UTF-16 code units.
    let units: [UInt16]
    /// Scalar offset of every UTF-16 offset; empty when the text has no
    /// surrogate pairs, so that the two offsets are the same.
    private let scalarOffsets: [Int32]
    /// For each non-ASCII scalar, the UTF-16 offset just past it and how many
    /// more UTF-8 bytes than UTF-16 units the text holds up to there: the
    /// UTF-8 offset of any UTF-16 offset in a few steps of binary search,
    /// so that spans of the text are sliced from its UTF-8 without a copy.
    private let wideEnds: [Int32]
    private let wideExcess: [Int32]

    init(_ text: String) {
        self.text = text
        var text = text
        var hasSurrogates = false
        var wideEnds: [Int32] = []
        var wideExcess: [Int32] = []
        let units = text.withUTF8 { utf8 -> [UInt16] in
            let count = utf8.count
            return [UInt16](unsafeUninitializedCapacity: count) { output, initialized in
                var i = 0
                var o = 0
                while i < count {
                    let byte = utf8[i]
                    if byte < 0x80 {
                        output[o] = UInt16(byte)
                        i += 1
                        o += 1
                        continue
                    }
                    // A Swift String holds valid UTF-8, so lead bytes say the length.
                    let scalar: UInt32
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6
                            | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        scalar = UInt32(byte & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                            | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    if scalar < 0x10000 {
                        output[o] = UInt16(scalar)
                        o += 1
                    } else {
                        let value = scalar - 0x10000
                        output[o] = UInt16(0xD800 + (value >> 10))
                        output[o + 1] = UInt16(0xDC00 + (value & 0x3FF))
                        o += 2
                        hasSurrogates = true
                    }
                    wideEnds.append(Int32(o))
                    wideExcess.append(Int32(i - o))
                }
                initialized = o
            }
        }
        self.units = units
        self.wideEnds = wideEnds
        self.wideExcess = wideExcess
        if hasSurrogates {
            var offsets = [Int32](repeating: 0, count: units.count + 1)
            var scalar: Int32 = 0
            for (index, unit) in units.enumerated() {
                offsets[index] = scalar
                if unit & 0xFC00 != 0xDC00 { scalar += 1 }
            }
            offsets[units.count] = scalar
            scalarOffsets = offsets
        } else {
            scalarOffsets = []
        }
    }

    /// The number of UTF-16 code units.
    var count: Int { units.count }

    /// The scalar offset of a UTF-16 offset.
    @inline(__always)
    func scalarOffset(_ utf16Offset: Int) -> Int {
        scalarOffsets.isEmpty ? utf16Offset : Int(scalarOffsets[utf16Offset])
    }

    /// The public range of a UTF-16 span.
    @inline(__always)
    func range(_ start: Int, _ end: Int) -> TextRange {
        TextRange(start: scalarOffset(start), end: scalarOffset(end))
    }

    /// The UTF-8 offset of a UTF-16 offset.
    @inline(__always)
    func utf8Offset(_ utf16Offset: Int) -> Int {
        guard !wideEnds.isEmpty else { return utf16Offset }
        // The last non-ASCII scalar ending at or before the offset.
        var low = 0
        var high = wideEnds.count
        while low < high {
            let middle = (low + high) >> 1
            if Int(wideEnds[middle]) <= utf16Offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? utf16Offset : utf16Offset + Int(wideExcess[low - 1])
    }

    /// The text of a UTF-16 span as a view of the original, without a copy.
    /// Made from the UTF-8 view: the string's range subscript checks both
    /// ends against the text again, a quarter of the cost of every span.
    func substring(_ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: utf8Offset(start))
        return Substring(utf8[from..<utf8.index(utf8.startIndex, offsetBy: utf8Offset(end))])
    }

    /// The original's UTF-8 bytes over a UTF-16 span, for writers that copy them out.
    func withUTF8<Result>(_ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let from = utf8Offset(start)
        let to = utf8Offset(end)
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[from..<to])) }) {
            return result
        }
        // A string without contiguous UTF-8 (bridged) is copied out first.
        let utf8 = text.utf8
        let bytes = Array(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
        return bytes.withUnsafeBufferPointer(body)
    }

    /// The text of a UTF-16 span as a new string: a copy of the original's
    /// UTF-8 bytes, which decoding checks and copies in one pass.
    func string(_ start: Int, _ end: Int) -> String {
        withUTF8(start, end) { String(decoding: $0, as: UTF8.self) }
    }
}
