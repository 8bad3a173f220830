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
    /// Whether every character is ASCII, so that UTF-16 offsets are UTF-8 offsets too.
    let isASCII: Bool

    init(_ text: String) {
        self.text = text
        var text = text
        var hasSurrogates = false
        var ascii = true
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
                    ascii = false
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
                }
                initialized = o
            }
        }
        self.units = units
        isASCII = ascii
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

    /// The text of a UTF-16 span: a copy of the original's bytes for ASCII
    /// text, else transcoded straight into a new string's storage (the
    /// generic `String(decoding:as:)` path is many times slower).
    func string(_ start: Int, _ end: Int) -> String {
        if isASCII {
            // Byte offsets equal UTF-16 offsets; the UTF-8 view copies without grapheme checks.
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            if let copy = String(utf8[from..<utf8.index(from, offsetBy: end - start)]) { return copy }
        }
        return units.withUnsafeBufferPointer { units in
            String(unsafeUninitializedCapacity: (end - start) * 3) { output in
                var o = 0
                var i = start
                while i < end {
                    let unit = UInt32(units[i])
                    i += 1
                    if unit < 0x80 {
                        output[o] = UInt8(unit)
                        o += 1
                    } else if unit < 0x800 {
                        output[o] = UInt8(0xC0 | unit >> 6)
                        output[o + 1] = UInt8(0x80 | unit & 0x3F)
                        o += 2
                    } else if unit & 0xFC00 == 0xD800, i < end, units[i] & 0xFC00 == 0xDC00 {
                        let scalar = 0x10000 + ((unit & 0x3FF) << 10 | UInt32(units[i]) & 0x3FF)
                        i += 1
                        output[o] = UInt8(0xF0 | scalar >> 18)
                        output[o + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                        output[o + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        output[o + 3] = UInt8(0x80 | scalar & 0x3F)
                        o += 4
                    } else {
                        // A lone surrogate cannot come from a Swift string; write U+FFFD to stay valid.
                        let scalar = unit & 0xF800 == 0xD800 ? 0xFFFD : unit
                        output[o] = UInt8(0xE0 | scalar >> 12)
                        output[o + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        output[o + 2] = UInt8(0x80 | scalar & 0x3F)
                        o += 3
                    }
                }
                return o
            }
        }
    }
}
