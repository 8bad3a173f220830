import ClaimKit

/// Stages built once for all tests: they load their data once.
enum TestExtractor {
    static let extractor: Extractor = {
        do { return try Extractor() } catch { fatalError("Extractor() failed: \(error)") }
    }()
    static let tokenizer: Tokenizer = {
        do { return try Tokenizer() } catch { fatalError("Tokenizer() failed: \(error)") }
    }()
    static let splitter: SentenceSplitter = {
        do { return try SentenceSplitter() } catch { fatalError("SentenceSplitter() failed: \(error)") }
    }()
    static let numbers: NumberParser = {
        do { return try NumberParser() } catch { fatalError("NumberParser() failed: \(error)") }
    }()

    /// The written text of each token.
    static func tokenTexts(_ text: String) -> [String] {
        let tokens = tokenizer.tokenize(text)
        return tokens.map { String(tokens.text(of: $0)) }
    }

    static func sentenceTexts(_ text: String) -> [String] {
        splitter.split(tokenizer.tokenize(text)).map { String($0.text) }
    }
}
