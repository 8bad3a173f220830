/// A statement the text attributes to a source.
///
/// ```swift
/// let document = extractor.extract("The Associated Press reported that Venezuela mobilized about 15,000 soldiers.")
/// let claim = document.claims[0]
/// print(claim.source?.text ?? "", claim.cue.text, claim.content?.text ?? "")
/// // The Associated Press  reported  Venezuela mobilized about 15,000 soldiers
/// ```
public struct Claim: Sendable, Hashable, Codable {
    /// A span of the text with its words: the source, cue, content or citing source.
    public typealias Span = TextSpan

    /// The whole attribution: source, cue and content.
    public var range: TextRange
    /// The source's words as written (`The Washington Post`, `he`); nil for a hedge with no source.
    public var source: Span?
    /// What kind of source it is.
    public var sourceType: SourceType
    /// The entry of the entity the source names (`agency:associated-press`), if any.
    public var sourceEntity: String?
    /// What a pronoun or description stands for (`the report` → `The Washington Post`):
    /// the antecedent's canonical name, else its words; nil for a named source.
    public var resolvedSource: String?
    /// The words that attribute: `reported`, `According to`, `has not confirmed`, `reportedly`.
    public var cue: Span
    /// How the claim is attributed.
    public var cueKind: CueKind
    /// The attributed statement, without source and cue; a hedge keeps its hedge word,
    /// a direct quote its quote marks.
    public var content: Span?
    /// The text keeps its distance: `reportedly`, `allegedly`, `claims`, `could not be independently verified`.
    public var hedged: Bool
    /// The source denies it or does not confirm it.
    public var negated: Bool
    /// The source the source cites: `X reported, citing Y` → Y.
    public var citing: Span?
    /// The content is a quotation in quote marks.
    public var directQuote: Bool
    /// The index of the sentence that holds the cue.
    public var sentence: Int
    /// Indices into ``Document/entities`` of the mentions inside the content.
    public var entities: [Int]
    /// Indices into ``Document/quantities`` of the amounts inside the content.
    public var quantities: [Int]

    /// Creates a claim.
    public init(
        range: TextRange, source: Span?, sourceType: SourceType, sourceEntity: String? = nil, resolvedSource: String? = nil,
        cue: Span, cueKind: CueKind, content: Span?, hedged: Bool = false, negated: Bool = false, citing: Span? = nil,
        directQuote: Bool = false, sentence: Int, entities: [Int] = [], quantities: [Int] = []
    ) {
        self.range = range
        self.source = source
        self.sourceType = sourceType
        self.sourceEntity = sourceEntity
        self.resolvedSource = resolvedSource
        self.cue = cue
        self.cueKind = cueKind
        self.content = content
        self.hedged = hedged
        self.negated = negated
        self.citing = citing
        self.directQuote = directQuote
        self.sentence = sentence
        self.entities = entities
        self.quantities = quantities
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, source
        case sourceType = "source_type"
        case sourceEntity = "source_entity"
        case resolvedSource = "resolved_source"
        case cue
        case cueKind = "cue_kind"
        case content, hedged, negated, citing
        case directQuote = "direct_quote"
        case sentence, entities, quantities
    }

    /// Decodes a claim from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        source = try container.decodeIfPresent(Span.self, forKey: .source)
        sourceType = try container.decode(SourceType.self, forKey: .sourceType)
        sourceEntity = try container.decodeIfPresent(String.self, forKey: .sourceEntity)
        resolvedSource = try container.decodeIfPresent(String.self, forKey: .resolvedSource)
        cue = try container.decode(Span.self, forKey: .cue)
        cueKind = try container.decode(CueKind.self, forKey: .cueKind)
        content = try container.decodeIfPresent(Span.self, forKey: .content)
        hedged = try container.decode(Bool.self, forKey: .hedged)
        negated = try container.decode(Bool.self, forKey: .negated)
        citing = try container.decodeIfPresent(Span.self, forKey: .citing)
        directQuote = try container.decode(Bool.self, forKey: .directQuote)
        sentence = try container.decode(Int.self, forKey: .sentence)
        entities = try container.decodeIfPresent([Int].self, forKey: .entities) ?? []
        quantities = try container.decodeIfPresent([Int].self, forKey: .quantities) ?? []
    }

    /// Encodes the claim with the keys of ClaimKit's JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(source, forKey: .source)
        try container.encode(sourceType, forKey: .sourceType)
        try container.encode(sourceEntity, forKey: .sourceEntity)
        try container.encode(resolvedSource, forKey: .resolvedSource)
        try container.encode(cue, forKey: .cue)
        try container.encode(cueKind, forKey: .cueKind)
        try container.encode(content, forKey: .content)
        try container.encode(hedged, forKey: .hedged)
        try container.encode(negated, forKey: .negated)
        try container.encode(citing, forKey: .citing)
        try container.encode(directQuote, forKey: .directQuote)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(entities, forKey: .entities)
        try container.encode(quantities, forKey: .quantities)
    }
}
