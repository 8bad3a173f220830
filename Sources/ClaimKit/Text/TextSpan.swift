/// A span of a document's text with its words: a sentence, or a claim's
/// source, cue, content or citing source.
///
/// Its text is a `Substring` of the document's text, as `split` returns,
/// so that analysing an article copies none of it; `String(span.text)`
/// makes a copy that does not keep the article alive.
public struct TextSpan: Sendable, Hashable, Codable {
    /// Where the span is in the document text.
    public var range: TextRange
    /// The span's words, equal to the document text over `range`.
    public var text: Substring

    /// Creates a span.
    public init(range: TextRange, text: Substring) {
        self.range = range
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, text
    }

    /// Decodes a span from its JSON form (`start`, `end`, `text`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        text = Substring(try container.decode(String.self, forKey: .text))
    }

    /// Encodes the span as `start`, `end`, `text`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(String(text), forKey: .text)
    }
}
