import Dispatch

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

        /// Creates a configuration.
        public init(includeTokens: Bool = true) {
            self.includeTokens = includeTokens
        }
    }

    /// The options this extractor was made with.
    public let configuration: Configuration
    let tokenizer: Tokenizer
    let splitter: SentenceSplitter

    /// Creates an extractor with the bundled data.
    public init(configuration: Configuration = Configuration()) throws(ExtractorError) {
        let lexicons = try Lexicons.bundled()
        self.configuration = configuration
        tokenizer = Tokenizer(lexicons: lexicons)
        splitter = SentenceSplitter(lexicons: lexicons)
    }

    /// Analyses one text.
    public func extract(_ text: String, id: String? = nil) -> Document {
        let tokens = tokenizer.tokenize(text)
        let sentences = splitter.split(tokens)
        return Document(
            id: id,
            text: text,
            sentences: sentences,
            tokens: configuration.includeTokens ? Array(tokens) : nil)
    }

    /// Analyses many texts in parallel; the documents come back in input order.
    ///
    /// - Parameter jobs: how many threads to use; 0 uses every core.
    public func extract(batch texts: [String], jobs: Int = 0) -> [Document] {
        ParallelMap.map(texts, jobs: jobs) { extract($0) }
    }
}
