import ClaimKit
import Foundation
import Testing

/// The evaluation-format gold answer of the seed article (see ANNOTATION.md).
struct SeedGold: Decodable {
    struct Entity: Decodable {
        let text: String
        let type: EntityKind
        let canonical: String
        let iso3: String?
        let alt: [String]?
    }

    struct Quantity: Decodable {
        let text: String
        let value: Double?
        let low: Double?
        let high: Double?
        let qualifier: QuantityQualifier
        let unit: String?
        let kind: QuantityKind
        let weapon: String?
    }

    struct Claim: Decodable {
        let source: String?
        let resolved_source: String?
        let source_type: SourceType
        let cue: String
        let content: String
        let hedged: Bool
        let negated: Bool
        let citing: String?
    }

    let sentences: [String]
    let entities: [Entity]
    let quantities: [Quantity]
    let claims: [Claim]
}

/// The seed article carries a rights notice, so it is read from ../shared and never copied here.
@Suite("Seed article", .enabled(if: Shared.exists("fixtures/seed-article.txt") && Shared.exists("fixtures/seed-gold.json")))
struct SeedArticleTests {
    static var text: String {
        (try? String(contentsOf: Shared.url("fixtures/seed-article.txt"), encoding: .utf8)) ?? ""
    }

    static var gold: SeedGold? {
        guard let data = try? Data(contentsOf: Shared.url("fixtures/seed-gold.json")) else { return nil }
        return try? JSONDecoder().decode(SeedGold.self, from: data)
    }

    @Test("its sentences match the gold sentences exactly")
    func sentences() throws {
        let gold = try #require(Self.gold)
        let got = TestExtractor.extractor.extract(Self.text).sentences.map { String($0.text) }
        for (index, pair) in zip(got, gold.sentences).enumerated() where pair.0 != pair.1 {
            print("sentence \(index): got \(pair.0.debugDescription), want \(pair.1.debugDescription)")
        }
        #expect(got == gold.sentences)
    }

    @Test("entity precision and recall against the gold mentions")
    func entities() throws {
        let gold = try #require(Self.gold)
        let predicted = TestExtractor.extractor.extract(Self.text).entities
        let score = EntityScore(gold: gold.entities, predicted: predicted)
        print(String(format: "Seed entities: precision %.3f, recall %.3f (%d gold, %d predicted, %d matched)",
            score.precision, score.recall, gold.entities.count, predicted.count, score.matched))
        for miss in score.missed { print("  missed: \(miss)") }
        for extra in score.extra { print("  extra: \(extra)") }
        #expect(score.recall >= 0.98)
        #expect(score.precision >= 0.95)
    }
}

extension SeedArticleTests {
    @Test("every gold quantity is found with its value, bounds, qualifier, unit, kind and weapon; nothing else is")
    func quantities() throws {
        let gold = try #require(Self.gold)
        let predicted = TestExtractor.extractor.extract(Self.text).quantities
        var matched = 0
        for want in gold.quantities {
            let found = predicted.first { $0.text == want.text }
            if let found, found.value == want.value, found.low == want.low, found.high == want.high,
                found.qualifier == want.qualifier, found.unit == want.unit, found.kind == want.kind, found.weapon.map({ String($0) }) == want.weapon
            {
                matched += 1
            } else {
                Issue.record("quantity \(want.text): got \(found.map { "\($0)" } ?? "nothing")")
            }
        }
        print("Seed quantities: \(matched)/\(gold.quantities.count) gold found exactly; \(predicted.count) predicted")
        #expect(predicted.count == gold.quantities.count)
    }
}

extension SeedArticleTests {
    @Test("every gold claim is found with its source, type, resolution, cue, content, hedging, negation and citing")
    func claims() throws {
        let gold = try #require(Self.gold)
        let predicted = TestExtractor.extractor.extract(Self.text).claims
        var used = Set<Int>()
        var matched = 0
        for want in gold.claims {
            let found = predicted.indices.first { index in
                !used.contains(index) && predicted[index].cue.text == want.cue && predicted[index].content.map({ String($0.text) }) == want.content
            }
            guard let found else {
                Issue.record("claim \(want.cue) “\(want.content.prefix(60))” not found")
                continue
            }
            used.insert(found)
            let claim = predicted[found]
            let fields: [(String, String?, String?)] = [
                ("source", claim.source.map { String($0.text) }, want.source), ("resolved_source", claim.resolvedSource, want.resolved_source),
                ("source_type", claim.sourceType.rawValue, want.source_type.rawValue), ("citing", claim.citing.map { String($0.text) }, want.citing),
                ("hedged", "\(claim.hedged)", "\(want.hedged)"), ("negated", "\(claim.negated)", "\(want.negated)"),
            ]
            let wrong = fields.filter { $0.1 != $0.2 }
            if wrong.isEmpty { matched += 1 }
            for field in wrong { Issue.record("claim \(want.cue) “\(want.content.prefix(40))”: \(field.0) is \(field.1 ?? "nil"), want \(field.2 ?? "nil")") }
        }
        let precision = Double(matched) / Double(max(predicted.count, 1))
        let recall = Double(matched) / Double(gold.claims.count)
        print(String(format: "Seed claims: precision %.3f, recall %.3f (%d gold, %d predicted, %d right in every field)",
            precision, recall, gold.claims.count, predicted.count, matched))
        for (index, claim) in predicted.enumerated() where !used.contains(index) {
            Issue.record("extra claim: \(claim.cue.text) “\(claim.content?.text.prefix(60) ?? "")”")
        }
    }
}

/// Matches predicted mentions to gold ones by kind, text (a leading "The"
/// ignored, or one of the gold's `alt` spans) and canonical name, each used once.
struct EntityScore {
    var matched = 0
    var missed: [String] = []
    var extra: [String] = []
    let goldCount: Int
    let predictedCount: Int

    init(gold: [SeedGold.Entity], predicted: [EntityMention]) {
        goldCount = gold.count
        predictedCount = predicted.count
        var used = [Bool](repeating: false, count: predicted.count)
        for entity in gold {
            let texts = Set(([entity.text] + (entity.alt ?? [])).map(Self.normalize))
            let found = predicted.indices.first { index in
                !used[index] && predicted[index].kind == entity.type && texts.contains(Self.normalize(String(predicted[index].text)))
                    && predicted[index].canonical == entity.canonical
            }
            if let found {
                used[found] = true
                matched += 1
            } else {
                missed.append("\(entity.type.rawValue) \(entity.text) → \(entity.canonical)")
            }
        }
        for (index, mention) in predicted.enumerated() where !used[index] {
            extra.append("\(mention.kind.rawValue) \(mention.text) → \(mention.canonical) [\(mention.via.rawValue)]")
        }
    }

    static func normalize(_ text: String) -> String {
        text.hasPrefix("The ") || text.hasPrefix("the ") ? String(text.dropFirst(4)) : text
    }

    var precision: Double { predictedCount == 0 ? 1 : Double(matched) / Double(predictedCount) }
    var recall: Double { goldCount == 0 ? 1 : Double(matched) / Double(goldCount) }
}
