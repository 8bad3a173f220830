import Foundation

/// Reads English news text and returns what it names and states.
///
/// An extractor compiles its lexicons once; it is immutable and safe to share
/// across threads. ``extract(_:id:)`` is a pure function of its input.
///
/// ```swift
/// let extractor = try Extractor()
/// let document = extractor.extract("Venezuela mobilized about 15,000 soldiers.")
/// let documents = extractor.extract(batch: articles)   // all cores, input order
/// ```
public struct Extractor: Sendable {
    /// Options fixed when an extractor is made.
    public struct Configuration: Sendable, Hashable {
        /// Keep every token in ``Document/tokens``. Off saves time and memory
        /// where only sentences and findings are wanted.
        public var includeTokens: Bool
        /// Folders of gazetteer files to load besides (or instead of) the bundled ones.
        public var gazetteerDirectories: [URL]
        /// Load only `gazetteerDirectories`, not the bundled gazetteers.
        public var replaceBundledGazetteers: Bool
        /// Throw on the first malformed gazetteer line instead of skipping it
        /// and reporting it in ``Extractor/gazetteerIssues``.
        public var strictGazetteers: Bool
        /// A gazetteer compiled with ``Gazetteer/write(compiledTo:)``; when
        /// set, it is used instead of the data files.
        public var compiledGazetteer: URL?
        /// Cue files in the format of the bundled `claim-cues.tsv`, added to its cues.
        public var claimCueFiles: [URL]

        /// Creates a configuration.
        public init(
            includeTokens: Bool = true, gazetteerDirectories: [URL] = [], replaceBundledGazetteers: Bool = false,
            strictGazetteers: Bool = false, compiledGazetteer: URL? = nil, claimCueFiles: [URL] = []
        ) {
            self.claimCueFiles = claimCueFiles
            self.compiledGazetteer = compiledGazetteer
            self.includeTokens = includeTokens
            self.gazetteerDirectories = gazetteerDirectories
            self.replaceBundledGazetteers = replaceBundledGazetteers
            self.strictGazetteers = strictGazetteers
        }
    }

    /// The options this extractor was made with.
    public let configuration: Configuration
    /// Gazetteer lines that could not be read; each was skipped.
    public var gazetteerIssues: [DataFileIssue] { gazetteer.issues }
    /// The compiled gazetteers.
    public let gazetteer: Gazetteer
    let tokenizer: Tokenizer
    let splitter: SentenceSplitter
    let recognizer: EntityRecognizer
    let quantities: QuantityRecognizer
    let claims: ClaimRecognizer

    /// Creates an extractor with the bundled data and the configured gazetteers.
    public init(configuration: Configuration = Configuration()) throws(ExtractorError) {
        let gazetteer =
            if let compiled = configuration.compiledGazetteer {
                try Gazetteer(compiledFrom: compiled)
            } else {
                try Gazetteer(
                    directories: configuration.gazetteerDirectories,
                    includeBundled: !configuration.replaceBundledGazetteers, strict: configuration.strictGazetteers)
            }
        try self.init(gazetteer: gazetteer, configuration: configuration)
    }

    /// Creates an extractor that matches against `gazetteer`.
    public init(gazetteer: Gazetteer, configuration: Configuration = Configuration()) throws(ExtractorError) {
        let lexicons = try Lexicons.bundled()
        self.configuration = configuration
        self.gazetteer = gazetteer
        tokenizer = Tokenizer(lexicons: lexicons)
        splitter = SentenceSplitter(lexicons: lexicons)
        recognizer = EntityRecognizer(gazetteer: gazetteer, lexicons: lexicons, tokenizer: tokenizer)
        quantities = QuantityRecognizer(lexicon: try lexicons.quantityLexicon(tokenizer: tokenizer))
        claims = ClaimRecognizer(
            lexicon: try lexicons.claimLexicon(tokenizer: tokenizer, extraCueFiles: configuration.claimCueFiles),
            gazetteer: gazetteer)
    }

    /// Analyses one text: tokens and sentences, the entities they name, the
    /// amounts they state, then who claims what.
    public func extract(_ text: String, id: String? = nil) -> Document {
        let tokens = tokenizer.tokenize(text)
        let spans = splitter.spans(tokens)
        let sentences = splitter.sentences(spans, of: tokens)
        let entities = recognizer.recognize(tokens, sentences: spans)
        let amounts = quantities.recognize(tokens, sentences: spans, entities: entities)
        let attributions = claims.recognize(tokens, sentences: spans, entities: entities, quantities: amounts)
        return Document(
            id: id,
            text: text,
            sentences: sentences,
            tokens: configuration.includeTokens ? Array(tokens) : nil,
            entities: entities.mentions,
            quantities: amounts.quantities,
            claims: attributions)
    }

    /// Analyses many texts in parallel; the documents come back in input order.
    ///
    /// - Parameter jobs: how many threads to use; 0 uses every core.
    public func extract(batch texts: [String], jobs: Int = 0) -> [Document] {
        ParallelMap.map(texts, jobs: jobs) { extract($0) }
    }
}
