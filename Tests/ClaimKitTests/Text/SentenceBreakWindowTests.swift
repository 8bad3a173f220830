import CICU
import Foundation
import Testing

/// The splitter runs ICU's sentence break only from the word before each
/// paragraph's first terminator (`ck_sentence_break_next`). These tests hold
/// it against ICU run over the whole text: it must give every boundary ICU
/// gives except those right after a line feed, which the splitter marks as
/// line starts itself, and the end of the text; and no boundary ICU does not
/// give.
@Suite("Sentence break windows")
struct SentenceBreakWindowTests {
    private static func boundaries(_ text: [UInt16], windowed: Bool) -> [Int32] {
        var found: [Int32] = []
        text.withUnsafeBufferPointer { units in
            guard let base = units.baseAddress, ck_break_begin(CK_BREAK_SENTENCE, base, Int32(units.count)) == 0 else { return }
            var chunk = [Int32](repeating: 0, count: 7)
            while true {
                let count = chunk.withUnsafeMutableBufferPointer {
                    Int(windowed ? ck_sentence_break_next($0.baseAddress, 7) : ck_break_next(CK_BREAK_SENTENCE, $0.baseAddress, nil, 7))
                }
                if count == 0 { break }
                found += chunk[..<count]
            }
        }
        return found
    }

    /// What the windowed run gets wrong against the full one, as readable text.
    private static func differences(_ string: String) -> [String] {
        let text = Array(string.utf16)
        let full = boundaries(text, windowed: false)
        let windowed = boundaries(text, windowed: true)
        var problems: [String] = []
        func context(_ b: Int32) -> String {
            let at = Int(b)
            return String(decoding: text[max(0, at - 12)..<at], as: UTF16.self) + "|" + String(decoding: text[at..<min(text.count, at + 12)], as: UTF16.self)
        }
        if windowed != windowed.sorted() || Set(windowed).count != windowed.count { problems.append("boundaries out of order") }
        let fullSet = Set(full)
        for b in windowed where !fullSet.contains(b) { problems.append("extra boundary \(context(b))") }
        let windowedSet = Set(windowed)
        for b in full where !windowedSet.contains(b) && !(b > 0 && text[Int(b) - 1] == 0x0A) && b != Int32(text.count) {
            problems.append("missing boundary \(context(b))")
        }
        return problems
    }

    @Test("gives ICU's boundaries on news-like text with abbreviations, quotes, numbers and odd line ends", arguments: [
        "Mr. Smith went to Washington. He said \"No.\" Then he left!\nA headline without a stop\nGen. Lee arrived at 5 p.m. on Jan. 3. The U.S. Army's 3.5 million troops?",
        "No terminator here\nnor here\n\nbut here. And after it",
        "Windows line ends.\r\nSecond line\r\nThird line. Yes.\r\n",
        "Old Mac line ends.\rSecond\rThird. Fourth",
        "Paragraph\u{2029}separators. Next\u{2028}line sep\u{85}NEL. End",
        "Unicode stops。Chinese full stop！Fullwidth？ Devanagari danda। ok‼ Ellipsis… next. Small﹒stop",
        "“Quoted.” ‘Single.’ (Bracketed.) [Square.] Closed.)) Then lower. case e.g. this i.e. that.",
        "Trailing abbreviation at the end: Inc.",
        "   Leading spaces. And\ttabs.\tHere\u{0B}vertical\u{0C}form feed. Done",
        "AT&T's Q3 results: revenue rose 4.5% to $31.2bn. See https://example.com/a.b?c=d. Email press@example.org.",
        "1. First item\n2. Second item\na) lettered\n• bullet. Another\n",
        "Emoji 🙂. Surrogates 𝐀𝐁. Combining é́. End",
        ".Starts with a stop. ..Two. ...Three.... Four?! Five?!?",
        "",
        "x",
        ".",
        "\n\n\n",
    ])
    func samples(_ text: String) {
        #expect(Self.differences(text) == [])
    }

    /// Pieces random texts are made of: words, abbreviations, numbers,
    /// terminators of several scripts, closing marks, every kind of line end
    /// and space, marks and surrogate pairs.
    static let pieces = [
        "word", "Word", "the", "The", "said", "I", "a", "X", "Mr.", "Dr.", "U.S.", "U.S", "e.g.", "i.e.", "a.m.", "No.",
        "Jan.", "Gen.", "Inc.", "etc.", "Ph.D.", "xMr.", "mr.", "A.", "b.", "3.5", "1.", ".5", "5.", "$31.2bn", "4.5%",
        "1,000", "example.com", ".", ".", "..", "...", "!", "?", "?!", "\"", "'", "(", ")", "[", "]", "“", "”", "‘", "’",
        "«", "»", " ", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\n\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{B}",
        "\u{C}", "\u{A0}", "\u{3000}", "。", "！", "？", "‼", "।", "؟", "․", "﹒", "．", "…", "🙂", "𝐀", "\u{301}", "\u{200D}",
        "\u{AD}", "\u{FEFF}", ",", ";", ":", "-", "—", "été", "Мос", "中文", ".)", ".\"", "?”", ".’", "!)",
    ]

    @Test("gives ICU's boundaries on 3,000 random texts of those pieces")
    func randomTexts() {
        var generator = SplitMix(seed: 20_261_207)
        var failures: [String] = []
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) { text += " " }
            }
            if !Self.differences(text).isEmpty { failures.append(text) }
        }
        #expect(failures.isEmpty, "\(failures.count) texts differ, first \(failures.prefix(3).map { $0.debugDescription })")
    }

    @Test("gives ICU's boundaries on the seed article and the sample article")
    func articles() throws {
        for url in [PackageRoot.url.appendingPathComponent("Examples/sample-article.txt"), Shared.url("fixtures/seed-article.txt")] {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            #expect(Self.differences(text) == [], "\(url.lastPathComponent)")
        }
    }

    @Test("gives ICU's boundaries on the 21 MB benchmark corpus", .enabled(if: Shared.exists("corpora/bench-text/sotu.txt")))
    func benchCorpus() throws {
        let folder = Shared.url("corpora/bench-text")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let problems = Self.differences(text)
            #expect(problems.isEmpty, "\(name): \(problems.count) differences, first \(problems.prefix(5))")
        }
    }
}

