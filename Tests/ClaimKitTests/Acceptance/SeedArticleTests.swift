import ClaimKit
import Foundation
import Testing

/// The evaluation-format gold answer of the seed article (see ANNOTATION.md).
struct SeedGold: Decodable {
    let sentences: [String]
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
}
