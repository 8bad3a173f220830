import Foundation
import ClaimKit
import Testing

struct SentenceCase: Decodable, CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let sentences: [String]
    var testDescription: String { rule }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test("splits news text into the expected sentences", arguments: Fixtures.table("sentences.json", as: [SentenceCase].self))
    func sentences(_ fixture: SentenceCase) {
        #expect(TestExtractor.sentenceTexts(fixture.text) == fixture.sentences)
    }

    @Test("each sentence is the exact, trimmed substring at its range")
    func exactSubstrings() {
        let text = "  Héadline with 🇺🇦 flag\nCARACAS, Venezuela (AP) — Troops moved. “Go,” he said.  "
        let document = TestExtractor.extractor.extract(text)
        for sentence in document.sentences {
            #expect(String(document.text(in: sentence.range)) == sentence.text)
            #expect(sentence.text == sentence.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(document.sentences.count == 3)
    }

    @Test("empty input gives no sentences")
    func empty() {
        #expect(TestExtractor.sentenceTexts("").isEmpty)
        #expect(TestExtractor.sentenceTexts(" \n ").isEmpty)
    }
}
