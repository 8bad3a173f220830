/// One sentence: an exact, trimmed substring of the document.
///
/// Its text is a `Substring` of the document's text, as `split` returns,
/// so that splitting an article copies none of it; `String(sentence.text)`
/// makes a copy that does not keep the article alive.
public struct Sentence: Sendable, Hashable, Codable {
    /// The sentence's span in the document text.
    public var range: TextRange
    /// The sentence's text, equal to the document text over `range`.
    public var text: Substring

    /// Creates a sentence.
    public init(range: TextRange, text: Substring) {
        self.range = range
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, text
    }

    /// Decodes a sentence from its JSON form (`start`, `end`, `text`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        text = Substring(try container.decode(String.self, forKey: .text))
    }

    /// Encodes the sentence as `start`, `end`, `text`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(String(text), forKey: .text)
    }
}
