/// Reads every number in a text, written in digits, in words or in both,
/// with the quantity stage's lexicon: `1,234,567`, `twenty-one trillion and
/// three hundred`, `1.2 million`, `10k`, `a dozen`, `minus five`, `1,345th`.
///
/// Unlike ``Extractor/extract(_:id:)`` it keeps bare numbers, years and
/// numbers with no counted thing: it answers "what numbers does this text
/// write", not "what amounts does it state".
///
/// ```swift
/// let parser = try NumberParser()
/// parser.numbers(in: "twenty-one soldiers and the 3rd brigade").map(\.value)   // [21, 3]
/// ```
public struct NumberParser: Sendable {
    /// One number as written.
    public struct Number: Sendable, Hashable, Codable {
        /// The number's span.
        public var range: TextRange
        /// The text of the span.
        public var text: String
        /// Its value (`21` for `twenty-one`, `3` for `third`).
        public var value: Double
        /// Whether it is written as an ordinal (`third`, `1,345th`).
        public var isOrdinal: Bool

        /// Creates a number.
        public init(range: TextRange, text: String, value: Double, isOrdinal: Bool) {
            self.range = range
            self.text = text
            self.value = value
            self.isOrdinal = isOrdinal
        }
    }

    let tokenizer: Tokenizer
    let lexicon: QuantityLexicon

    /// Creates a parser with the bundled lexicons.
    public init() throws(ExtractorError) {
        let lexicons = try Lexicons.bundled()
        tokenizer = Tokenizer(lexicons: lexicons)
        lexicon = try lexicons.quantityLexicon(tokenizer: tokenizer)
    }

    /// The numbers of `text`, in text order.
    public func numbers(in text: String) -> [Number] {
        let tokens = tokenizer.tokenize(text)
        return withExtendedLifetime(tokens) {
            let records = tokens.records
            let reader = NumberReader(lexicon: lexicon, records: records, keys: tokens.storage.keys, lenient: true)
            var numbers: [Number] = []
            var i = 0
            while i < records.count {
                guard reader.mayStart(i) || lexicon.words[records[i].keyHash]?.kind == .sign || records[i].kind == .punctuation,
                    let number = reader.read(at: i, limit: records.count, signed: true)
                else {
                    i += 1
                    continue
                }
                // `the one`, `which one`: a pronoun, not a number. `May 4th`: a date.
                // `180ml`: a measure, not a bare number (`10M` and `10G` scale by their capital).
                let capitalSuffix = Tokenizer.isUpper(tokens.buffer.units[Int(records[number.end - 1].end) - 1])
                if number.loneOne && i > 0 && lexicon.pronounDeterminers.contains(records[i - 1].keyHash)
                    || i > 0 && lexicon.months.contains(records[i - 1].keyHash)
                    || number.attachedUnit != nil && !(number.moneyScale != nil && capitalSuffix)
                {
                    i = number.end
                    continue
                }
                var value = number.value
                if number.attachedUnit != nil, let scale = number.moneyScale { value *= scale }
                let start = Int(records[number.start].start)
                let end = Int(records[number.end - 1].end)
                numbers.append(Number(
                    range: tokens.buffer.range(start, end), text: tokens.buffer.string(start, end), value: value,
                    isOrdinal: number.ordinal))
                i = number.end
            }
            return numbers
        }
    }

    /// The value of a text that is one number and nothing else (`"two hundred and six"` → 206), else nil.
    public func value(of text: String) -> Double? {
        let found = numbers(in: text)
        guard found.count == 1, let number = found.first else { return nil }
        let trimmed = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        return number.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count == trimmed ? number.value : nil
    }
}
