/// Hooks the benchmarks use to time one stage on input prepared by the stages before it.
@_spi(Benchmarks)
extension Extractor {
    /// Tokens and sentence spans of a text: the entity stage's input.
    public struct PreparedText: Sendable {
        let tokens: TokenizedText
        let spans: [Range<Int>]
    }

    /// Runs the tokenizer and the sentence splitter.
    public func prepare(_ text: String) -> PreparedText {
        let tokens = tokenizer.tokenize(text)
        return PreparedText(tokens: tokens, spans: splitter.spans(tokens))
    }

    /// The sentence splitter's boundary work alone (ICU plus the repairs),
    /// without making the sentences' strings; returns the number of sentences.
    public func sentenceBoundaries(_ tokens: TokenizedText) -> Int {
        splitter.spans(tokens).count
    }

    /// Runs the entity stage alone; returns the number of mentions.
    public func recognizeEntities(_ prepared: PreparedText) -> Int {
        recognizer.recognize(prepared.tokens, sentences: prepared.spans).mentions.count
    }
}
