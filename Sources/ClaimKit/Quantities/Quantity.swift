/// One amount an article states, with its qualifier, bounds and the thing counted.
///
/// ```swift
/// for quantity in extractor.extract("Venezuela mobilized about 15,000 soldiers.").quantities {
///     print(quantity.value ?? 0, quantity.qualifier, quantity.unit ?? "")   // 15000.0 approximate soldiers
/// }
/// ```
public struct Quantity: Sendable, Hashable, Codable {
    /// The span: qualifier, number and the counted thing's head (`about 15,000 soldiers`).
    public var range: TextRange
    /// The text of the span, a slice of the document's text.
    public var text: Substring
    /// The number; nil when only bounds are known (ranges and vague amounts).
    public var value: Double?
    /// The lower bound, where the text gives one (`at least 21` → 21).
    public var low: Double?
    /// The upper bound, where the text gives one (`up to 700` → 700).
    public var high: Double?
    /// How the text qualifies the number.
    public var qualifier: QuantityQualifier
    /// The counted thing's head word as written (`soldiers`), the unit as
    /// written (`km`, `nautical miles`), an ISO 4217 code for money, or
    /// `percent`.
    public var unit: String?
    /// The counted phrase (`Ukrainian villages`), for counts and ordinals.
    public var item: Substring?
    /// What the amount measures.
    public var kind: QuantityKind
    /// The text of the weapon mention the count is of (`Igla-S`), if any.
    public var weapon: Substring?
    /// The index of the sentence that holds the quantity.
    public var sentence: Int

    /// Creates a quantity.
    public init(
        range: TextRange, text: Substring, value: Double?, low: Double? = nil, high: Double? = nil,
        qualifier: QuantityQualifier, unit: String?, item: Substring? = nil, kind: QuantityKind, weapon: Substring? = nil,
        sentence: Int
    ) {
        self.range = range
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
        self.item = item
        self.kind = kind
        self.weapon = weapon
        self.sentence = sentence
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, text, value, low, high, qualifier, unit, kind, item, weapon, sentence
    }

    /// Decodes a quantity from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        text = Substring(try container.decode(String.self, forKey: .text))
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        low = try container.decodeIfPresent(Double.self, forKey: .low)
        high = try container.decodeIfPresent(Double.self, forKey: .high)
        qualifier = try container.decode(QuantityQualifier.self, forKey: .qualifier)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        kind = try container.decode(QuantityKind.self, forKey: .kind)
        item = try container.decodeIfPresent(String.self, forKey: .item).map { Substring($0) }
        weapon = try container.decodeIfPresent(String.self, forKey: .weapon).map { Substring($0) }
        sentence = try container.decode(Int.self, forKey: .sentence)
    }

    /// Encodes the quantity with the keys of ClaimKit's JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(String(text), forKey: .text)
        try container.encode(value, forKey: .value)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(qualifier, forKey: .qualifier)
        try container.encode(unit, forKey: .unit)
        try container.encode(kind, forKey: .kind)
        try container.encode(item.map { String($0) }, forKey: .item)
        try container.encode(weapon.map { String($0) }, forKey: .weapon)
        try container.encode(sentence, forKey: .sentence)
    }
}
