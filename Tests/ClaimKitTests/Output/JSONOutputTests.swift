import ClaimKit
import Foundation
import Testing

@Suite("JSON output")
struct JSONOutputTests {
    static let texts = [
        Fixtures.text("../../../Examples/sample-article.txt"),
        "Quotes “like this” and \"this\", a tab\there, a backslash \\ and control \u{1} chars.",
        "",
        "🇺🇦 Zelenskyy’s U.S. visit.\nSecond line.",
    ]

    @Test("the byte-level writer and JSONEncoder give the same JSON", arguments: 0..<texts.count)
    func writerMatchesEncoder(_ index: Int) throws {
        let document = TestExtractor.extractor.extract(Self.texts[index], id: "doc-\(index)")
        var writer = JSONWriter(options: JSONWriter.Options(includeText: true))
        writer.write(document)
        let written = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? NSDictionary
        #expect(written != nil)
        #expect(written == encoded)
        #expect(writer.bytes.last == 0x0A)
        #expect(writer.bytes.dropLast().contains(0x0A) == false)
    }

    /// Numbers the writer formats itself (integers, two-decimal values) and
    /// those it leaves to Swift, near each switch between the forms.
    static let numbers: [Double] = [
        0, 1, -1, 9, 10, 99, 100, 101, 999, 1_000, 12_345, 15_000, 1e14, 999_999_999_999_999, 1e15, 1e16, 1e300,
        -15_000, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.07, 0.01, 0.1, 0.2, 0.25, 0.3, 0.1 + 0.2, 1.5, 2.5, 4.5,
        3.7, 1.05, 10.01, 99.99, 123.45, 999_999.99, 1e6 + 0.5, -0.25, -2.5, -0.01, 0.005, 0.009, 0.015, 0.001,
        2.5e-05, 1.0 / 3.0, 2.0 / 3.0, 0.123, 12.345, 1.005, 0.29, 0.57, 1.1, 1.15, 100.25, 4_503_599_627_370_496.5,
        .pi, -.pi, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ] + (0..<2_000).map { Double($0) / 100 } + (0..<300).map { Double($0) * 1.37 }

    @Test("numbers are written as Swift's shortest form writes them, integral ones without a fraction")
    func numberForms() throws {
        var document = TestExtractor.extractor.extract("Venezuela mobilized about 15,000 soldiers.", id: "n")
        try #require(document.quantities.count == 1)
        for value in Self.numbers {
            document.quantities[0].value = value
            var writer = JSONWriter()
            writer.write(document)
            let text = String(decoding: writer.bytes, as: UTF8.self)
            let expected = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            #expect(text.contains("\"value\":\(expected),"), "\(value): \(text.prefix(200))")
        }
    }

    @Test("a document survives a JSON round trip")
    func roundTrip() throws {
        let document = TestExtractor.extractor.extract(Self.texts[0], id: "sample")
        let decoded = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(document))
        #expect(decoded == document)
    }

    @Test("keys are snake_case and in the documented order")
    func keyOrder() {
        var writer = JSONWriter()
        writer.write(TestExtractor.extractor.extract("One.", id: "a"))
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"id":"a","schema_version":1,"sentences":[{"start":0,"end":4,"text":"One."}]"#))
    }

    @Test("pretty output indents two spaces a level and puts a space after each colon")
    func prettyLayout() {
        var writer = JSONWriter(options: JSONWriter.Options(pretty: true))
        writer.write(TestExtractor.extractor.extract("One.", id: "a"))
        let expected = """
            {
              "id": "a",
              "schema_version": 1,
              "sentences": [
                {
                  "start": 0,
                  "end": 4,
                  "text": "One."
                }
              ],
              "tokens": [
                {
                  "start": 0,
                  "end": 3,
                  "kind": "word",
                  "key": "one"
                },
                {
                  "start": 3,
                  "end": 4,
                  "kind": "punctuation",
                  "key": "."
                }
              ],
              "entities": [],
              "quantities": [],
              "claims": []
            }

            """
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    /// Every character JSON must escape, and some it must not, at each offset
    /// within and across the eight-byte words the writer scans.
    @Test("strings come back unchanged whatever they hold and wherever it sits",
        arguments: ["\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", " ", "é", "’", "🇺🇦"])
    func escaping(_ special: String) throws {
        for offset in 0..<20 {
            for length in [0, 1, 7, 8, 9, 16, 23] where offset <= length {
                let padding = String(repeating: "x", count: length)
                var message = padding
                message.insert(contentsOf: special, at: message.index(message.startIndex, offsetBy: offset))
                var writer = JSONWriter()
                writer.writeError(line: nil, id: nil, message: message)
                let object = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
                #expect(object?["error"] as? String == message, "\(special.unicodeScalars.map { $0.value }) at \(offset)")
                #expect(!writer.bytes.dropLast().contains { $0 < 0x20 }, "raw control byte written")
            }
        }
    }

    @Test("an error record names the line")
    func errorRecord() {
        var writer = JSONWriter()
        writer.writeError(line: 7, id: nil, message: "not valid JSON")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"id":null,"line":7,"error":"not valid JSON"}"# + "\n")
    }
}

@Suite("Decoding input bytes")
struct DecodedTextTests {
    @Test("valid UTF-8 is kept as it is")
    func valid() {
        let decoded = DecodedText(bytes: Array("Erdoğan’s “visit”".utf8))
        #expect(decoded.text == "Erdoğan’s “visit”")
        #expect(decoded.invalidByteOffsets.isEmpty)
    }

    @Test("invalid sequences are replaced with U+FFFD at their byte offsets")
    func invalid() {
        let decoded = DecodedText(bytes: [0x41, 0xFF, 0x42, 0xE2, 0x82, 0x43])
        #expect(decoded.text == "A\u{FFFD}B\u{FFFD}C")
        #expect(decoded.invalidByteOffsets == [1, 3])
    }
}

@Suite("Extractor")
struct ExtractorTests {
    @Test("a batch comes back in input order and equals one-by-one extraction")
    func batchOrder() {
        let texts = (0..<200).map { "Article \($0). It says \(String(repeating: "more ", count: $0 % 17))." }
        let batch = TestExtractor.extractor.extract(batch: texts, jobs: 2)
        #expect(batch == texts.map { TestExtractor.extractor.extract($0) })
    }

    @Test("without includeTokens no tokens are kept")
    func withoutTokens() throws {
        let extractor = try Extractor(configuration: Extractor.Configuration(includeTokens: false))
        #expect(extractor.extract("One. Two.").tokens == nil)
        #expect(TestExtractor.extractor.extract("One. Two.").tokens?.count == 4)
    }

    @Test("a long article of several megabytes is processed whole")
    func longArticle() {
        let paragraph = "Russia's Defense Ministry said on Friday that its troops advanced. The U.S. Army's base was hit.\n"
        let text = String(repeating: paragraph, count: 30_000)
        let document = TestExtractor.extractor.extract(text)
        #expect(document.sentences.count == 60_000)
        #expect(document.sentences.last?.range.end == text.unicodeScalars.count - 1)
    }
}
