import CICU

/// Bare ICU break iteration through ClaimKit's C layer, the baseline the
/// benchmarks compare every stage against in the same process.
@_spi(Benchmarks)
public enum ICUBaseline {
    /// Converts `text` to UTF-16 and iterates ICU's word boundaries with their
    /// rule status, as the tokenizer does before its repairs. Returns the count.
    public static func wordBoundaries(_ text: String) -> Int {
        let buffer = TextBuffer(text)
        return iterate(CK_BREAK_WORD, buffer.units, statuses: true)
    }

    /// Iterates ICU's sentence boundaries over the UTF-16 text the tokens were
    /// made from, as the sentence splitter does before its repairs.
    public static func sentenceBoundaries(_ tokens: TokenizedText) -> Int {
        iterate(CK_BREAK_SENTENCE, tokens.buffer.units, statuses: false)
    }

    private static func iterate(_ kind: CKBreakKind, _ units: [UInt16], statuses: Bool) -> Int {
        guard !units.isEmpty else { return 0 }
        var total = 0
        units.withUnsafeBufferPointer { text in
            guard ck_break_begin(kind, text.baseAddress, Int32(text.count)) == 0 else { return }
            var boundaries = [Int32](repeating: 0, count: 2048)
            var rules = [Int32](repeating: 0, count: 2048)
            while true {
                let count = boundaries.withUnsafeMutableBufferPointer { b in
                    rules.withUnsafeMutableBufferPointer { r in
                        Int(ck_break_next(kind, b.baseAddress, statuses ? r.baseAddress : nil, 2048))
                    }
                }
                if count == 0 { break }
                total += count
            }
        }
        return total
    }
}
