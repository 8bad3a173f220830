import ClaimKit
import Testing

/// Thousands of short texts made from the words the rules look at — cues,
/// qualifiers, numbers, quotes, commas, names — in every order a seeded
/// generator gives. The debug build traps on any out-of-range read, so a rule
/// that walks off a sentence's edge fails here.
@Suite("Generated inputs")
struct GeneratedInputTests {
    static let words = [
        "said", "says", "Also", "Has", "Never", "not", "hasn't", ",", ".", ":", ";", "—", "-", "\"", "“", "”", "'", "(", ")",
        "according", "to", "citing", "reportedly", "is", "believed", "that", "who", "which", "and", "but", "the", "a",
        "about", "at", "least", "more", "than", "between", "from", "15,000", "12", "1,345th", "$", "4.5bn", "€", "percent", "%",
        "several", "hundreds", "of", "thousands", "dozen", "twenty", "-", "one", "soldiers", "people", "km", "years", "old",
        "Maduro", "Russia", "Russia's", "Defense", "Ministry", "Reuters", "he", "The", "report", "declined", "comment",
        "could", "be", "independently", "verified", "Jan.", "5", "2024", "p.m.", "Su-30MK2", "Igla-S", "\n",
    ]

    /// A small linear congruential generator: the same inputs on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("texts that start with a cue's neighbours or a comma give no crash", arguments: [
        "Also said the talks failed.", "Never said that.", "Has confirmed the strike.", ", the ministry said.",
        ", according to Reuters.", "\u{201D} he said.", "said", ",", "according to", "reportedly", "— Reuters",
    ])
    func edges(_ text: String) {
        let document = TestExtractor.extractor.extract(text)
        for claim in document.claims { #expect(claim.range.end <= text.unicodeScalars.count) }
    }

    @Test("no generated text crashes the extractor, and every record's offsets lie inside the text")
    func generated() {
        var generator = Generator(state: 2026)
        for _ in 0..<4000 {
            let count = 1 + generator.next(14)
            var text = ""
            for _ in 0..<count {
                let word = Self.words[generator.next(Self.words.count)]
                text += generator.next(3) == 0 ? word : word + " "
            }
            let document = TestExtractor.extractor.extract(text)
            let length = text.unicodeScalars.count
            for claim in document.claims {
                #expect(claim.range.start >= 0 && claim.range.end <= length, "\(text)")
                if let content = claim.content { #expect(content.range.start < content.range.end, "\(text)") }
            }
            for quantity in document.quantities { #expect(quantity.range.end <= length, "\(text)") }
        }
    }
}
