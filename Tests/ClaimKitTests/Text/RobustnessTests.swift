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
