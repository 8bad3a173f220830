import ClaimKit
import Testing

struct EntityCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expected: Decodable, Sendable {
        let text: String
        let kind: EntityKind
        let canonical: String?
        let iso3: String?
        let via: MentionSource?
        let role: String?
        let entry_id: String?

        func matches(_ mention: EntityMention) -> Bool {
            mention.text == text && mention.kind == kind && (canonical == nil || mention.canonical == canonical)
                && (iso3 == nil || mention.iso3 == iso3) && (via == nil || mention.via == via)
                && (role == nil || mention.role == role) && (entry_id == nil || mention.entryID == entry_id)
        }
    }

    let rule: String
    let text: String
    let mentions: [Expected]
    let absent: [String]?
    let exact: Bool?
    var testDescription: String { rule }
}

@Suite("Entity recognizer")
struct EntityRecognizerTests {
    @Test("finds the expected mentions and nothing it must not", arguments: Fixtures.table("entities.json", as: [EntityCase].self))
    func mentions(_ fixture: EntityCase) {
        let found = TestExtractor.extractor.extract(fixture.text).entities
        let described = found.map { "\($0.kind.rawValue) \($0.text) → \($0.canonical) [\($0.via.rawValue), \($0.role ?? "-")]" }
        for expected in fixture.mentions {
            #expect(found.contains(where: expected.matches), "missing \(expected.kind.rawValue) \(expected.text); found \(described)")
        }
        for text in fixture.absent ?? [] {
            #expect(!found.contains { $0.text == text }, "\(text) must not be a mention; found \(described)")
        }
        if fixture.exact == true {
            #expect(found.count == fixture.mentions.count, "expected exactly \(fixture.mentions.count) mentions; found \(described)")
            for (mention, expected) in zip(found, fixture.mentions) {
                #expect(expected.matches(mention), "mentions out of order or different: \(described)")
            }
        }
    }

    @Test("mention spans are exact substrings and lie in their sentence")
    func spans() {
        let document = TestExtractor.extractor.extract(Fixtures.text("../../../Examples/sample-article.txt"))
        #expect(!document.entities.isEmpty)
        for mention in document.entities {
            #expect(String(document.text(in: mention.range)) == mention.text)
            #expect(document.sentences[mention.sentence].range.contains(mention.range))
        }
        #expect(document.entities.map(\.range) == document.entities.map(\.range).sorted())
    }
}
