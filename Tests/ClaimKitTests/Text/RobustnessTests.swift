import Foundation
import ClaimKit
import Testing

@Suite("Robustness")
struct RobustnessTests {
    /// Pieces that exercise every repair: periods, list markers, ellipses,
    /// quotes, hyphens, possessives, line breaks, surrogate pairs.
    static let pieces = [
        ".", " ", "\n", "1", "2", "a", "b", ")", "U.S.", "Gen.", "No.", "“", "”", "\"", "'", "’s", "•", "⁃", "-", "—",
        "Su", "30MK2", "S", "I", "The", "MOSCOW", ",", "(", "AP", "/", "TASS", "?", "!", "…", "🇺🇦", "é", "\u{301}",
        "$", "%", "15,000", "[", "]", "\r\n", "\t", "ﬁ", "ǅ",
    ]

    @Test("random mixes of tricky pieces never crash and give exact, trimmed sentences", arguments: 0..<8)
    func randomMixes(_ seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        for _ in 0..<300 {
            let count = Int(generator.next() % 40)
            var text = ""
            for _ in 0..<count { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            let document = TestExtractor.extractor.extract(text)
            var previousEnd = 0
            for sentence in document.sentences {
                #expect(sentence.range.start >= previousEnd)
                #expect(String(document.text(in: sentence.range)) == sentence.text)
                #expect(!sentence.text.isEmpty)
                #expect(sentence.text == sentence.text.trimmingCharacters(in: .whitespacesAndNewlines))
                previousEnd = sentence.range.end
            }
            for mention in document.entities { #expect(String(document.text(in: mention.range)) == mention.text) }
            for quantity in document.quantities { #expect(String(document.text(in: quantity.range)) == quantity.text) }
            for claim in document.claims {
                for span in [claim.source, claim.cue, claim.content, claim.citing].compactMap({ $0 }) {
                    #expect(String(document.text(in: span.range)) == span.text)
                }
            }
        }
    }

    @Test("every span's text is the document's text over its range, whatever the characters before it")
    func spanTextsMatchRanges() {
        let prefixes = ["", "é ", "🇺🇦 ", "“Naïve” — ", "\u{301}e ", "ǅ ﬁ 😀😀 "]
        for prefix in prefixes {
            let text = prefix + "Gen. Smith said about 15,000 Russian soldiers crossed, the U.S. Army’s report said. "
                + "“We will not stop,” Putin told reporters in Moscow."
            let document = TestExtractor.extractor.extract(text)
            #expect(document.sentences.count == 2, "\(prefix)")
            #expect(!document.entities.isEmpty && !document.quantities.isEmpty && !document.claims.isEmpty, "\(prefix)")
            for sentence in document.sentences { #expect(String(document.text(in: sentence.range)) == sentence.text) }
            for mention in document.entities { #expect(String(document.text(in: mention.range)) == mention.text) }
            for quantity in document.quantities { #expect(String(document.text(in: quantity.range)) == quantity.text) }
            for claim in document.claims {
                for span in [claim.source, claim.cue, claim.content].compactMap({ $0 }) {
                    #expect(String(document.text(in: span.range)) == span.text, "\(prefix)")
                }
            }
        }
    }
}

/// A small deterministic generator, so a failing mix can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
