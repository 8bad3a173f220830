/// Hooks the benchmarks use to time one stage on input prepared by the stages before it.
@_spi(Benchmarks)
extension Extractor {
    /// Tokens, sentence spans, entities and quantities of a text: each later stage's input.
    public struct PreparedText: Sendable {
        let tokens: TokenizedText
        let spans: [Range<Int>]
        let entities: EntityRecognizer.Recognized
        let quantities: QuantityRecognizer.Recognized
    }

    /// Runs the stages before the one to time.
    public func prepare(_ text: String) -> PreparedText {
        let tokens = tokenizer.tokenize(text)
        let spans = splitter.spans(tokens)
        let entities = recognizer.recognize(tokens, sentences: spans)
        return PreparedText(
            tokens: tokens, spans: spans, entities: entities,
            quantities: quantities.recognize(tokens, sentences: spans, entities: entities))
    }

    /// The sentence splitter's boundary work alone (ICU plus the repairs),
    /// without making the sentences' strings; returns the number of sentences.
    public func sentenceBoundaries(_ tokens: TokenizedText) -> Int {
        splitter.spans(tokens).count
    }

    /// Runs the claim stage alone; returns the number of claims.
    public func recognizeClaims(_ prepared: PreparedText) -> Int {
        claims.recognize(prepared.tokens, sentences: prepared.spans, entities: prepared.entities, quantities: prepared.quantities).count
    }

    /// Runs the quantity stage alone; returns the number of quantities.
    public func recognizeQuantities(_ prepared: PreparedText) -> Int {
        quantities.recognize(prepared.tokens, sentences: prepared.spans, entities: prepared.entities).quantities.count
    }

    /// Runs the entity stage alone; returns the number of mentions.
    public func recognizeEntities(_ prepared: PreparedText) -> Int {
        recognizer.recognize(prepared.tokens, sentences: prepared.spans).mentions.count
    }
}
