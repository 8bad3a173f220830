import CICU
import Testing

/// The tokenizer reads a segment's rule status band from its first character
/// where that character settles it (`ck_word_break_next`). These tests hold
/// that shortcut against the status ICU itself reports, so that an ICU with
/// other word rules fails here rather than mislabelling tokens.
@Suite("Word break status shortcut")
struct WordBreakStatusTests {
    /// Every segment's band as ICU reports it and as the shortcut gives it:
    /// word-like (a letter or number status) or not.
    private static func segments(of text: [UInt16]) -> [(start: Int, end: Int, icu: Bool, shortcut: Bool)] {
        func run(_ next: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, Int32) -> Int32) -> [(Int, Bool)] {
            var found: [(Int, Bool)] = []
            text.withUnsafeBufferPointer { units in
                guard ck_break_begin(CK_BREAK_WORD, units.baseAddress, Int32(units.count)) == 0 else { return }
                let boundaries = UnsafeMutablePointer<Int32>.allocate(capacity: 512)
                let statuses = UnsafeMutablePointer<Int32>.allocate(capacity: 512)
                defer { boundaries.deallocate(); statuses.deallocate() }
                while true {
                    let count = Int(next(boundaries, statuses, 512))
                    if count == 0 { break }
                    for i in 0..<count { found.append((Int(boundaries[i]), statuses[i] >= Int32(CK_WORD_NUMBER))) }
                }
            }
            return found
        }
        let icu = run { ck_break_next(CK_BREAK_WORD, $0, $1, $2) }
        let shortcut = run { ck_word_break_next($0, $1, $2) }
        #expect(icu.map(\.0) == shortcut.map(\.0), "the shortcut must not move a boundary")
        var start = 0
        return zip(icu, shortcut).map { pair in
            defer { start = pair.0.0 }
            return (start, pair.0.0, pair.0.1, pair.1.1)
        }
    }

    /// Printable ASCII, white space, and non-ASCII letters, marks, digits and
    /// punctuation a segment may continue into.
    private static let alphabet: [UInt16] = Array(0x20...0x7E) + [0x09, 0x0A, 0x0D, 0xE9, 0x301, 0x2019, 0x2014, 0x660, 0x3042, 0x4E00]

    @Test("agrees with ICU on every segment of all two-character sequences in context")
    func pairs() {
        var text: [UInt16] = []
        for a in Self.alphabet {
            for b in Self.alphabet {
                for c: [UInt16] in [[0x20], [0x61], [0x31], [0x2E, 0x61], [0x40, 0x62]] {
                    text += [0x20, a, b] + c + [0x20, 0x61, a, b] + c + [0x31, a, b]
                }
            }
        }
        let disagreements = Self.segments(of: text).filter { $0.icu != $0.shortcut }
        let shown = Set(disagreements.map { String(decoding: text[$0.start..<$0.end], as: UTF16.self) }).sorted().prefix(40)
        #expect(disagreements.count == 0, "segments the shortcut labels otherwise than ICU: \(shown)")
    }

    @Test("agrees with ICU on handles, e-mail addresses, web addresses and snake case", arguments: [
        "@POTUS said #breaking", "mail press@example.org now", "see https://example.com/a_b?x=1",
        "snake_case _leading trailing_ __init__ 3_000", "C++ and C# or .NET", "It's 'quoted' \"twice\"",
        "CO2 M23 F-35A 1,345th 4.5% $15,000", "e.g. i.e. U.S.-Venezuela a.m.",
    ])
    func samples(_ sample: String) {
        let text = Array(sample.utf16)
        let disagreements = Self.segments(of: text).filter { $0.icu != $0.shortcut }
        #expect(disagreements.count == 0, "\(disagreements.map { String(decoding: text[$0.start..<$0.end], as: UTF16.self) })")
    }
}
