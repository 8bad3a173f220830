/// Facts about a token that later stages test often, computed once.
struct TokenFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// White space comes right before the token.
    static let spaceBefore = TokenFlags(rawValue: 1 << 0)
    /// A line break, or the start of the text, comes before the token.
    static let lineStart = TokenFlags(rawValue: 1 << 1)
    /// The first letter is upper case.
    static let capitalized = TokenFlags(rawValue: 1 << 2)
    /// Every letter is upper case and there are at least two.
    static let allCaps = TokenFlags(rawValue: 1 << 3)
    /// The token ends with an abbreviation's period.
    static let abbreviation = TokenFlags(rawValue: 1 << 4)
    /// The token holds a digit.
    static let hasDigit = TokenFlags(rawValue: 1 << 5)
}

/// A token as stored: UTF-16 offsets into the document and a slice of the
/// document's key arena, so that tokenizing allocates per document, not per token.
struct TokenRecord: Sendable {
    var start: Int32
    var end: Int32
    var keyStart: Int32 = 0
    var keyEnd: Int32 = 0
    var keyHash: UInt64 = 0
    var kind: TokenKind
    var flags: TokenFlags
    /// The first UTF-16 unit, kept in the record's padding so that later
    /// stages test punctuation without reading the text.
    var first: UInt16

    @inline(__always) var length: Int { Int(end - start) }
}

/// The tokens of one text, as a random-access collection of ``Token``.
///
/// Tokens are stored compactly and a ``Token`` value is made when one is
/// read, so tokenizing a long text does not allocate a string per token.
///
/// ```swift
/// let tokens = try Tokenizer().tokenize("The U.S. Army's Su-30MK2 jets")
/// print(tokens.map(tokens.text(of:)))
/// // ["The", "U.S.", "Army", "'s", "Su-30MK2", "jets"]
/// ```
public struct TokenizedText: Sendable, RandomAccessCollection {
    let buffer: TextBuffer
    let storage: TokenStorage

    init(buffer: TextBuffer, storage: TokenStorage) {
        self.buffer = buffer
        self.storage = storage
    }

    /// The token records; valid while this value (and so its storage) lives.
    var records: UnsafeBufferPointer<TokenRecord> { storage.records }

    /// The text the tokens were made from.
    public var text: String { buffer.text }

    /// The position of the first token.
    public var startIndex: Int { 0 }

    /// The position one past the last token.
    public var endIndex: Int { records.count }

    /// The token at `position`.
    public subscript(position: Int) -> Token {
        let record = records[position]
        return Token(range: buffer.range(Int(record.start), Int(record.end)), kind: record.kind, key: key(position))
    }

    /// The text a token covers, exactly as written.
    public func text(of token: Token) -> Substring {
        let scalars = buffer.text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: token.range.start)
        let end = scalars.index(start, offsetBy: token.range.length)
        return buffer.text[start..<end]
    }

    /// The normalized key of the token at `position`.
    func key(_ position: Int) -> String {
        let record = records[position]
        return String(
            decoding: UnsafeBufferPointer(rebasing: storage.keys[Int(record.keyStart)..<Int(record.keyEnd)]), as: UTF8.self)
    }

    /// The written text of the token at `position`.
    func string(_ position: Int) -> String {
        let record = records[position]
        return buffer.string(Int(record.start), Int(record.end))
    }

    /// Whether the key of the token at `position` equals an ASCII string.
    @inline(__always)
    func keyEquals(_ position: Int, _ ascii: StaticString) -> Bool {
        let record = records[position]
        let length = Int(record.keyEnd - record.keyStart)
        guard length == ascii.utf8CodeUnitCount else { return false }
        let base = Int(record.keyStart)
        let pattern = ascii.utf8Start
        for i in 0..<length where storage.keys[base + i] != pattern[i] { return false }
        return true
    }

    /// Whether the token at `position` is the single character `unit`.
    @inline(__always)
    func isCharacter(_ position: Int, _ unit: UInt16) -> Bool {
        let record = records[position]
        return record.end - record.start == 1 && record.first == unit
    }
}
