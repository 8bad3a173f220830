/// What a token is made of.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Letters, possibly with digits, apostrophes, hyphens or inner periods:
    /// `Army`, `U.S.`, `Su-30MK2`, `'s`.
    case word
    /// A token that starts with a digit: `15,000`, `4.5`, `1,345th`, `155mm`.
    case number
    /// Punctuation: `.`, `,`, `-`, `“`, `(`.
    case punctuation
    /// Symbols: `$`, `%`, `€`, `°`.
    case symbol
}

/// One token of a document: its span, what it is made of, and the key it is
/// matched by.
///
/// The key folds case, diacritics, compatibility forms (NFKC), curly and
/// straight quotes and dash variants, so `Erdoğan`, `ERDOGAN` and
/// `Erdogan` share the key `erdogan`, and `Venezuela’s` and `Venezuela's`
/// share `'s` for their possessive.
public struct Token: Sendable, Hashable, Codable {
    /// The token's span in the document text.
    public var range: TextRange
    /// What the token is made of.
    public var kind: TokenKind
    /// The normalized form used for matching.
    public var key: String

    /// Creates a token.
    public init(range: TextRange, kind: TokenKind, key: String) {
        self.range = range
        self.kind = kind
        self.key = key
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, kind, key
    }

    /// Decodes a token from its JSON form (`start`, `end`, `kind`, `key`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decodeRange(start: .start, end: .end)
        kind = try container.decode(TokenKind.self, forKey: .kind)
        key = try container.decode(String.self, forKey: .key)
    }

    /// Encodes the token as `start`, `end`, `kind`, `key`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.start, forKey: .start)
        try container.encode(range.end, forKey: .end)
        try container.encode(kind, forKey: .kind)
        try container.encode(key, forKey: .key)
    }
}
