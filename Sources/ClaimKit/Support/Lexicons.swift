import Foundation

/// The language data the stages use, compiled once per ``Extractor``.
struct Lexicons: Sendable {
    let abbreviations: Abbreviations
    let sentenceStarters: SentenceStarters
    /// Titles written before names (`President`, `Gen.`), as written.
    let titles: [String]
    let entityContext: EntityContext
    /// The quantity stage's files, compiled with the tokenizer by ``QuantityLexicon``.
    let numbers: DataFile
    let vagueAmounts: DataFile
    let quantityQualifiers: DataFile
    let units: DataFile
    let quantityContext: DataFile
    /// The claim stage's files, compiled with the tokenizer by ``ClaimLexicon``.
    let claimCues: DataFile
    let claimContext: DataFile
    let claimSources: DataFile

    /// Compiles the quantity stage's lexicon; a problem in it is a problem in ClaimKit's data.
    func quantityLexicon(tokenizer: Tokenizer) throws(ExtractorError) -> QuantityLexicon {
        do {
            return try QuantityLexicon(
                numbers: numbers, vagueAmounts: vagueAmounts, qualifiers: quantityQualifiers, units: units,
                context: quantityContext, tokenizer: tokenizer)
        } catch {
            throw .invalidData(error)
        }
    }

    /// Compiles the claim stage's lexicon with the bundled cues and the user's cue files.
    func claimLexicon(tokenizer: Tokenizer, extraCueFiles: [URL]) throws(ExtractorError) -> ClaimLexicon {
        var cueFiles = [claimCues]
        for url in extraCueFiles {
            let file: DataFile
            do {
                file = try DataFile(contentsOf: url)
            } catch {
                throw .invalidData(error)
            }
            if let issue = file.issues.first { throw .invalidData(issue) }
            cueFiles.append(file)
        }
        do {
            return try ClaimLexicon(cueFiles: cueFiles, context: claimContext, sources: claimSources, tokenizer: tokenizer)
        } catch {
            throw .invalidData(error)
        }
    }

    /// Loads the lexicons bundled with ClaimKit.
    static func bundled() throws(ExtractorError) -> Lexicons {
        try Lexicons(directory: BundledResources.lexicons())
    }

    init(directory: URL) throws(ExtractorError) {
        do {
            try self.init(loading: directory)
        } catch {
            throw .invalidData(error)
        }
    }

    /// Every lexicon file must load whole: a problem in one is a problem in ClaimKit's data.
    private init(loading directory: URL) throws(DataFileIssue) {
        func load(_ name: String) throws(DataFileIssue) -> DataFile {
            let file = try DataFile(contentsOf: directory.appendingPathComponent(name))
            if let issue = file.issues.first { throw issue }
            return file
        }
        abbreviations = try Abbreviations(file: load("abbreviations.tsv"))
        sentenceStarters = try SentenceStarters(file: load("sentence-starters.tsv"))
        let titleFile = try load("titles.tsv")
        let titleColumn = try titleFile.column("title")
        titles = titleFile.rows.map { String($0.fields[titleColumn]) }
        entityContext = try EntityContext(file: load("entity-context.tsv"))
        numbers = try load("numbers.tsv")
        vagueAmounts = try load("vague-amounts.tsv")
        quantityQualifiers = try load("quantity-qualifiers.tsv")
        units = try load("units.tsv")
        quantityContext = try load("quantity-context.tsv")
        claimCues = try load("claim-cues.tsv")
        claimContext = try load("claim-context.tsv")
        claimSources = try load("claim-sources.tsv")
    }
}
