import ClaimKit
import Foundation
import Testing

struct ClaimCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expected: Decodable, Sendable, Equatable, CustomStringConvertible {
        let source: String?
        let source_type: SourceType
        let resolved_source: String?
        let cue: String
        let cue_kind: CueKind
        let content: String?
        let hedged: Bool
        let negated: Bool
        let citing: String?
        let direct_quote: Bool

        init(_ claim: Claim) {
            source = claim.source.map { String($0.text) }
            source_type = claim.sourceType
            resolved_source = claim.resolvedSource
            cue = String(claim.cue.text)
            cue_kind = claim.cueKind
            content = claim.content.map { String($0.text) }
            hedged = claim.hedged
            negated = claim.negated
            citing = claim.citing.map { String($0.text) }
            direct_quote = claim.directQuote
        }

        var description: String {
            "\(source ?? "nil") [\(source_type.rawValue)\(resolved_source.map { " → \($0)" } ?? "")] \(cue) (\(cue_kind.rawValue)) "
                + "“\(content ?? "nil")” hedged \(hedged) negated \(negated) citing \(citing ?? "nil") quote \(direct_quote)"
        }
    }

    let rule: String
    let text: String
    let claims: [Expected]
    var testDescription: String { rule }
}

/// Every form of the claim issue, checking source, type, resolution, cue, content boundaries,
/// hedging, negation, citing and quotes.
@Suite("Claim recognizer")
struct ClaimRecognizerTests {
    static let cases = Fixtures.table("claims.json", as: [ClaimCase].self)

    @Test("each fixture gives exactly its claims", arguments: cases)
    func fixture(_ item: ClaimCase) {
        let got = TestExtractor.extractor.extract(item.text).claims.map(ClaimCase.Expected.init)
        #expect(got == item.claims, "\(item.text)")
    }

    @Test("a claim lists the entities and quantities inside its content")
    func contentFindings() throws {
        let document = TestExtractor.extractor.extract("The Associated Press reported that Venezuela mobilized about 15,000 soldiers.")
        let claim = try #require(document.claims.first)
        #expect(claim.entities.map { document.entities[$0].text } == ["Venezuela"])
        #expect(claim.quantities.map { document.quantities[$0].text } == ["about 15,000 soldiers"])
        #expect(claim.sourceEntity == "agency:associated-press")
        #expect(String(document.text(in: claim.range)) == "The Associated Press reported that Venezuela mobilized about 15,000 soldiers")
    }

    @Test("a cue file of the user's adds its cues")
    func userCues() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cues.tsv")
        try "phrase\tkind\tframe\thedged\tnegated\nmused\tspeech\tverb\tno\tno\n".write(to: file, atomically: true, encoding: .utf8)
        let extractor = try Extractor(configuration: Extractor.Configuration(claimCueFiles: [file]))
        let claims = extractor.extract("The minister mused that the war was over.").claims
        #expect(claims.map(\.cue.text) == ["mused"])
        #expect(TestExtractor.extractor.extract("The minister mused that the war was over.").claims.isEmpty)
    }

    @Test("a malformed cue file is a typed error naming its line and field")
    func badCueFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cues.tsv")
        try "phrase\tkind\tframe\thedged\tnegated\nmused\tshouting\tverb\tno\tno\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try Extractor(configuration: Extractor.Configuration(claimCueFiles: [file]))
            Issue.record("a bad cue kind was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("cues.tsv") && message.contains("2") && message.contains("kind"), "\(message)")
        }
    }
}
