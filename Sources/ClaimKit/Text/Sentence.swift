/// One sentence: an exact, trimmed substring of the document.
public struct Sentence: Sendable, Hashable, Codable {
    /// The sentence's span in the document text.
    public var range: TextRange
    /// The sentence's text, equal to the document text over `range`.
    public var text: String

    /// Creates a sentence.
    public init(range: TextRange, text: String) {
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
        text = try container.decode(String.self, forKey: .text)
    }

    /// Encodes the sentence as `start`, `end`, `text`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(text, forKey: .text)
    }
}
