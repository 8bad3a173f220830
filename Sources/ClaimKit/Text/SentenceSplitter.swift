/// Splits tokenized text into sentences with ICU's sentence break iterator
/// (`en_US@ss=standard`), then repairs what news text needs:
///
/// - an abbreviation ends a sentence only when the next word starts one
///   (`in the U.S. How` breaks, `the U.S. Army` and `Gen. Smith` do not);
/// - a line break always ends a sentence (headlines have no final stop);
/// - a dateline (`MOSCOW, June 9. /TASS/. Units …`) stays in the first sentence;
/// - `!` or `?` before a lower-case word does not end one (`Yahoo! in`);
/// - numbered and bulleted lists split before each item;
/// - spaced ellipses (`. . .`) end a sentence only as a fourth, final stop.
///
/// Sentences are exact substrings of the text, trimmed of white space.
///
/// ```swift
/// let tokens = try Tokenizer().tokenize("I live in the U.S. How about you?")
/// let sentences = try SentenceSplitter().split(tokens)
/// sentences.map(\.text)   // ["I live in the U.S.", "How about you?"]
/// ```
public struct SentenceSplitter: Sendable {
    let abbreviations: Abbreviations
    let starters: SentenceStarters

    /// Creates a splitter with the bundled abbreviation and sentence-starter lists.
    public init() throws(ExtractorError) {
        self.init(lexicons: try Lexicons.bundled())
    }

    init(lexicons: Lexicons) {
        abbreviations = lexicons.abbreviations
        starters = lexicons.sentenceStarters
    }

    /// The sentences of a tokenized text, in order.
    public func split(_ tokens: TokenizedText) -> [Sentence] {
        sentences(spans(tokens), of: tokens)
    }

    /// The sentences over token ranges.
    func sentences(_ spans: [Range<Int>], of tokens: TokenizedText) -> [Sentence] {
        withExtendedLifetime(tokens) {
            spans.map { span in
                let start = Int(tokens.records[span.lowerBound].start)
                let end = Int(tokens.records[span.upperBound - 1].end)
                return Sentence(range: tokens.buffer.range(start, end), text: tokens.buffer.substring(start, end))
            }
        }
    }

    /// The token ranges of the sentences.
    func spans(_ tokens: TokenizedText) -> [Range<Int>] {
        let count = tokens.records.count
        guard count > 0 else { return [] }
        var starts = [Bool](repeating: false, count: count)
        starts[0] = true
        withExtendedLifetime(tokens) {
            tokens.buffer.units.withUnsafeBufferPointer { units in
            starts.withUnsafeMutableBufferPointer { starts in
                // Raw buffers: the per-token loops then pay no reference counting.
                let boundaries = SentenceBoundaries(
                    records: tokens.records, units: units, starts: starts,
                    abbreviations: abbreviations, starters: starters)
                boundaries.applyStructure(boundaries.applyICU())
            }
            }
        }
        var spans: [Range<Int>] = []
        var begin = 0
        for i in 1..<count where starts[i] {
            spans.append(begin..<i)
            begin = i
        }
        spans.append(begin..<count)
        return spans
    }

    // MARK: - Characters

    @inline(__always)
    static func isClosing(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB: return true
        default: return false
        }
    }

    @inline(__always)
    static func isOpening(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x28, 0x5B, 0x2018, 0x201C, 0xAB: return true
        default: return false
        }
    }

    @inline(__always)
    static func isBullet(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2022, 0x2043, 0x2023, 0x25E6, 0x25AA, 0x25CF, 0x00B7: return true
        default: return false
        }
    }
}
