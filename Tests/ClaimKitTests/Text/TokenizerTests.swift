import ClaimKit
import Testing

struct TokenizerCase: Decodable, CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let tokens: [String]
    var testDescription: String { rule }
}

struct KeyCase: Decodable, CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let key: String
    var testDescription: String { rule }
}

struct KindCase: Decodable, CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let kind: TokenKind
    var testDescription: String { rule }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits news text into the expected tokens", arguments: Fixtures.table("tokenizer.json", as: [TokenizerCase].self))
    func tokens(_ fixture: TokenizerCase) {
        #expect(TestExtractor.tokenTexts(fixture.text) == fixture.tokens)
    }

    @Test("gives each token its normalized key", arguments: Fixtures.table("token-keys.json", as: [KeyCase].self))
    func keys(_ fixture: KeyCase) throws {
        let tokens = TestExtractor.tokenizer.tokenize(fixture.text)
        try #require(tokens.count == 1)
        #expect(tokens[0].key == fixture.key)
    }

    @Test("gives each token its kind", arguments: Fixtures.table("token-kinds.json", as: [KindCase].self))
    func kinds(_ fixture: KindCase) throws {
        let tokens = TestExtractor.tokenizer.tokenize(fixture.text)
        try #require(tokens.count == 1)
        #expect(tokens[0].kind == fixture.kind)
    }

    @Test("ranges are Unicode scalar offsets, also after characters outside the BMP")
    func scalarOffsets() {
        let text = "🇺🇦 Zelenskyy’s U.S. visit"
        let tokens = TestExtractor.tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let written = String(String.UnicodeScalarView(scalars[token.range.start..<token.range.end]))
            #expect(written == String(tokens.text(of: token)))
        }
        let usToken = tokens.first { $0.key == "u.s." }
        #expect(usToken?.range == TextRange(start: 15, end: 19))
    }

    @Test("empty and blank text give no tokens", arguments: ["", "   ", "\n\n\t"])
    func emptyText(_ text: String) {
        #expect(TestExtractor.tokenizer.tokenize(text).isEmpty)
    }

    @Test("a long text keeps every character inside some token or white space")
    func coverage() {
        let text = String(repeating: "The U.S. Army's Su-30MK2 cost $4.5bn (12%) — “reportedly”. ", count: 2000)
        let tokens = TestExtractor.tokenizer.tokenize(text)
        var covered = 0
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            #expect(token.range.start >= covered)
            for scalar in scalars[covered..<token.range.start] { #expect(scalar.properties.isWhitespace) }
            covered = token.range.end
        }
        #expect(covered == scalars.count - 1)
    }
}
