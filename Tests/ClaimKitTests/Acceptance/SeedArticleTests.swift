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

    let sentences: [String]
    let entities: [Entity]
    let quantities: [Quantity]
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
        let got = TestExtractor.extractor.extract(Self.text).sentences.map(\.text)
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
                found.qualifier == want.qualifier, found.unit == want.unit, found.kind == want.kind, found.weapon == want.weapon
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
                !used[index] && predicted[index].kind == entity.type && texts.contains(Self.normalize(predicted[index].text))
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
