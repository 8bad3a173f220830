/// One mention of a person, state, weapon or agency in a document.
///
/// ```swift
/// for mention in document.entities where mention.kind == .state {
///     print(mention.text, mention.canonical, mention.iso3 ?? "")   // Venezuelan Venezuela VEN
/// }
/// ```
public struct EntityMention: Sendable, Hashable, Codable {
    /// The mention's span: the name alone, without title or possessive.
    public var range: TextRange
    /// The text of the span, a slice of the document's text.
    public var text: Substring
    /// What the mention names.
    public var kind: EntityKind
    /// The entry's canonical name (`Maduro` → `Nicolás Maduro`).
    public var canonical: String
    /// A stable identifier of the entry (`state:VEN`, `person:nicolas-maduro`);
    /// for a person found by a title pattern, `pattern:person:` and a slug of the name.
    public var entryID: String
    /// The ISO 3166-1 alpha-3 code, for states.
    public var iso3: String?
    /// How the mention was found.
    public var via: MentionSource
    /// The title written before a person (`President`, `Gen.`), else the
    /// gazetteer's role; the institution type for agencies found by pattern.
    public var role: String?
    /// 1 for an unambiguous gazetteer match; lower where a context rule decided.
    public var confidence: Double
    /// The index of the sentence that holds the mention.
    public var sentence: Int

    /// Creates a mention.
    public init(
        range: TextRange, text: Substring, kind: EntityKind, canonical: String, entryID: String, iso3: String?,
        via: MentionSource, role: String?, confidence: Double, sentence: Int
    ) {
        self.range = range
        self.text = text
        self.kind = kind
        self.canonical = canonical
        self.entryID = entryID
        self.iso3 = iso3
        self.via = via
        self.role = role
        self.confidence = confidence
        self.sentence = sentence
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, text, kind, canonical
        case entryID = "entry_id"
        case iso3, via, role, confidence, sentence
    }

    /// Decodes a mention from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        text = Substring(try container.decode(String.self, forKey: .text))
        kind = try container.decode(EntityKind.self, forKey: .kind)
        canonical = try container.decode(String.self, forKey: .canonical)
        entryID = try container.decode(String.self, forKey: .entryID)
        iso3 = try container.decodeIfPresent(String.self, forKey: .iso3)
        via = try container.decode(MentionSource.self, forKey: .via)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        confidence = try container.decode(Double.self, forKey: .confidence)
        sentence = try container.decode(Int.self, forKey: .sentence)
    }

    /// Encodes the mention with the keys of ClaimKit's JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(String(text), forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(entryID, forKey: .entryID)
        try container.encode(iso3, forKey: .iso3)
        try container.encode(via, forKey: .via)
        try container.encode(role, forKey: .role)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(sentence, forKey: .sentence)
    }
}
