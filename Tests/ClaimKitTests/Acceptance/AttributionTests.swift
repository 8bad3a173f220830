import ClaimKit
import Foundation
import Testing

/// One GUM Wikinews document with its attribution relations (../shared/corpora/attribution).
struct AttributionDocument: Decodable, Sendable {
    struct Span: Decodable, Sendable {
        let start: Int
        let end: Int
        let text: String
    }
    struct Attribution: Decodable, Sendable {
        let source: Span?
        let cue: Span?
        let content: Span
        let cue_kind: String?
        let negated: Bool
    }
    let id: Int
    let genre: String
    let text: String
    let attributions: [Attribution]
}

/// Scores claims against GUM's attributions as the corpus README says: a claim
/// and an attribution align when their contents overlap by at least half of the
/// shorter; then the source must overlap (a leading `the` ignored). The main
/// subset is news with communication cues; predictions that align with other
/// attributions (beliefs) are neither right nor wrong.
@Suite("Attribution corpus", .enabled(if: Shared.exists("corpora/attribution/gum_wikinews_attributions.jsonl")))
struct AttributionTests {
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Int { max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)) }

    static func aligned(_ claim: Claim, _ gold: AttributionDocument.Attribution) -> Bool {
        guard let content = claim.content else { return false }
        let a = content.range.start..<content.range.end
        let b = gold.content.start..<gold.content.end
        return overlap(a, b) * 2 >= min(a.count, b.count) && overlap(a, b) > 0
    }

    static func sourceMatches(_ claim: Claim, _ gold: AttributionDocument.Attribution) -> Bool {
        guard let want = gold.source else { return claim.source == nil }
        guard let have = claim.source else { return false }
        var start = have.range.start
        if have.text.lowercased().hasPrefix("the ") { start += 4 }
        return overlap(start..<have.range.end, want.start..<want.end) > 0
    }

    @Test("claims against GUM Wikinews news attributions with communication cues")
    func score() {
        let documents = Shared.jsonLines("corpora/attribution/gum_wikinews_attributions.jsonl", as: AttributionDocument.self)
            .filter { $0.genre == "news" }
        var gold = 0
        var found = 0
        var sourceRight = 0
        var negatedRight = 0
        var predicted = 0
        var predictedRight = 0
        var neutral = 0
        for document in documents {
            let claims = TestExtractor.extractor.extract(document.text).claims
            let scored = document.attributions.filter { $0.cue_kind == "communication" }
            gold += scored.count
            for attribution in scored {
                guard let claim = claims.first(where: { Self.aligned($0, attribution) }) else { continue }
                found += 1
                if Self.sourceMatches(claim, attribution) { sourceRight += 1 }
                if claim.negated == attribution.negated { negatedRight += 1 }
            }
            for claim in claims {
                if claims.isEmpty { break }
                let matches = document.attributions.filter { Self.aligned(claim, $0) }
                if matches.contains(where: { $0.cue_kind == "communication" }) {
                    predicted += 1
                    predictedRight += 1
                } else if matches.isEmpty {
                    predicted += 1
                } else {
                    neutral += 1
                }
            }
        }
        let recall = Double(found) / Double(max(gold, 1))
        let precision = Double(predictedRight) / Double(max(predicted, 1))
        let sourceAccuracy = Double(sourceRight) / Double(max(found, 1))
        print(String(format: "Attribution (GUM news, communication): content recall %.3f (%d/%d), precision %.3f (%d/%d, %d neutral), "
            + "source right on %.3f of found, negated right on %d/%d",
            recall, found, gold, precision, predictedRight, predicted, neutral, sourceAccuracy, negatedRight, found))
        #expect(gold == 179)
        #expect(recall >= 0.5)
        #expect(precision >= 0.5)
        #expect(sourceAccuracy >= 0.7)
    }
}
