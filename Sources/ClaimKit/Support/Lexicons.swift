import Foundation

/// The language data the stages use, compiled once per ``Extractor``.
struct Lexicons: Sendable {
    let abbreviations: Abbreviations
    let sentenceStarters: SentenceStarters
    /// Titles written before names (`President`, `Gen.`), as written.
    let titles: [String]
    let entityContext: EntityContext

    /// Loads the lexicons bundled with ClaimKit.
    static func bundled() throws(ExtractorError) -> Lexicons {
        try Lexicons(directory: BundledResources.lexicons())
    }

    init(directory: URL) throws(ExtractorError) {
        func load(_ name: String) throws(ExtractorError) -> DataFile {
            do {
                let file = try DataFile(contentsOf: directory.appendingPathComponent(name))
                if let issue = file.issues.first { throw ExtractorError.invalidData(issue) }
                return file
            } catch let issue as DataFileIssue {
                throw ExtractorError.invalidData(issue)
            } catch let error as ExtractorError {
                throw error
            } catch {
                throw ExtractorError.invalidData(DataFileIssue(file: name, line: nil, field: nil, message: "\(error)"))
            }
        }
        do {
            abbreviations = try Abbreviations(file: load("abbreviations.tsv"))
            sentenceStarters = try SentenceStarters(file: load("sentence-starters.tsv"))
            let titleFile = try load("titles.tsv")
            let titleColumn = try titleFile.column("title")
            titles = titleFile.rows.map { String($0.fields[titleColumn]) }
            entityContext = try EntityContext(file: load("entity-context.tsv"))
        } catch let issue as DataFileIssue {
            throw ExtractorError.invalidData(issue)
        } catch let error as ExtractorError {
            throw error
        } catch {
            throw ExtractorError.invalidData(DataFileIssue(file: directory.path, line: nil, field: nil, message: "\(error)"))
        }
    }
}
