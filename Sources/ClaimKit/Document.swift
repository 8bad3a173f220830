/// What ClaimKit found in one article.
///
/// ```swift
/// let extractor = try Extractor()
/// let document = extractor.extract("Gen. Smith spoke in the U.S. on Friday. He left.")
/// for sentence in document.sentences { print(sentence.text) }
/// ```
public struct Document: Sendable, Hashable, Codable {
    /// The version of the JSON layout, written as `schema_version`.
    public static let schemaVersion = 1

    /// The caller's name for the document (a file path or a JSONL `id`).
    public var id: String?
    /// The text that was analysed.
    public var text: String
    /// The sentences, in text order.
    public var sentences: [Sentence]
    /// The tokens, in text order; nil unless the extractor was configured to
    /// keep them (``Extractor/Configuration/includeTokens``).
    public var tokens: [Token]?
    /// The people, states, weapons and agencies named, in text order.
    public var entities: [EntityMention]
    /// The amounts stated, in text order.
    public var quantities: [Quantity]
    /// The statements attributed to sources, in text order of their cues.
    public var claims: [Claim]

    /// Creates a document.
    public init(
        id: String? = nil, text: String, sentences: [Sentence] = [], tokens: [Token]? = nil,
        entities: [EntityMention] = [], quantities: [Quantity] = [], claims: [Claim] = []
    ) {
        self.id = id
        self.text = text
        self.sentences = sentences
        self.tokens = tokens
        self.entities = entities
        self.quantities = quantities
        self.claims = claims
    }

    /// The text a range covers.
    public func text(in range: TextRange) -> Substring {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.start)
        let end = scalars.index(start, offsetBy: range.length)
        return text[start..<end]
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case schemaVersion = "schema_version"
        case text, sentences, tokens, entities, quantities, claims
    }

    /// Decodes a document from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        sentences = try container.decode([Sentence].self, forKey: .sentences)
        tokens = try container.decodeIfPresent([Token].self, forKey: .tokens)
        entities = try container.decodeIfPresent([EntityMention].self, forKey: .entities) ?? []
        quantities = try container.decodeIfPresent([Quantity].self, forKey: .quantities) ?? []
        claims = try container.decodeIfPresent([Claim].self, forKey: .claims) ?? []
    }

    /// Encodes the document in the layout of ClaimKit's JSON output, with `text`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(text, forKey: .text)
        try container.encode(sentences, forKey: .sentences)
        try container.encodeIfPresent(tokens, forKey: .tokens)
        try container.encode(entities, forKey: .entities)
        try container.encode(quantities, forKey: .quantities)
        try container.encode(claims, forKey: .claims)
    }
}
