import Foundation
import Testing

/// The `--jsonl` reader's handling of every JSON form a line may take: one
/// run of the binary reads the whole table, one line per case.
@Suite("claimkit --jsonl input", .serialized)
struct JSONLInputTests {
    /// What a line must give: the record's id and first sentence, or an error.
    enum Expected {
        case record(id: String?, sentence: String)
        case error(String)
    }

    static let cases: [(line: String, expected: Expected)] = [
        (#"{"text": "Plain."}"#, .record(id: nil, sentence: "Plain.")),
        (#"{"id": "x", "text": "With id."}"#, .record(id: "x", sentence: "With id.")),
        (#"{"text": "Id after.", "id": "y"}"#, .record(id: "y", sentence: "Id after.")),
        (#"{"id": 7, "text": "Integer id."}"#, .record(id: "7", sentence: "Integer id.")),
        (#"{"id": 7.0, "text": "Whole decimal id."}"#, .record(id: "7", sentence: "Whole decimal id.")),
        (#"{"id": -3e2, "text": "Exponent id."}"#, .record(id: "-300", sentence: "Exponent id.")),
        (#"{"id": 2.5, "text": "Fraction id."}"#, .record(id: "2.5", sentence: "Fraction id.")),
        (#"{"id": null, "text": "Null id."}"#, .record(id: nil, sentence: "Null id.")),
        ("  {\"id\" : \"s\" ,\t\"text\":\"Spaced.\"}  ", .record(id: "s", sentence: "Spaced.")),
        (#"{"meta": {"a": [1, 2.5e-3, true, false, null, "q\"r", {}], "b": []}, "text": "Nested skipped.", "id": "m"}"#,
            .record(id: "m", sentence: "Nested skipped.")),
        (#"{"text": "Caf\u00e9 \/ \\ \"q\" done."}"#, .record(id: nil, sentence: #"Café / \ "q" done."#)),
        (#"{"id": "\ud83c\udf0d", "text": "Pair id."}"#, .record(id: "🌍", sentence: "Pair id.")),
        ("\u{FEFF}" + #"{"id": "bom", "text": "After a byte order mark."}"#, .record(id: "bom", sentence: "After a byte order mark.")),
        (#"{"id": 1e400, "text": "Id past a Double."}"#, .record(id: "1e400", sentence: "Id past a Double.")),
        (#"{"id": -9223372036854775809, "text": "Id past an Int."}"#, .record(id: "-9223372036854775809", sentence: "Id past an Int.")),
        (#"{"id": 12345678901234567890123, "text": "Long id."}"#, .record(id: "12345678901234567890123", sentence: "Long id.")),
        (#"{"id": 12345678901234567890124, "text": "Next long id."}"#, .record(id: "12345678901234567890124", sentence: "Next long id.")),
        (#"{"id": 1e20, "text": "Exponent past an Int."}"#, .record(id: "1e+20", sentence: "Exponent past an Int.")),
        (#"{"\ud800": 1, "text": "Surrogate in a key."}"#, .record(id: nil, sentence: "Surrogate in a key.")),
        (#"{"text": "\ud800 dropped.", "text": "Last text kept."}"#, .record(id: nil, sentence: "Last text kept.")),
        (#"{"id": true, "text": "Bad id."}"#, .error(#""id" is neither a string nor a number"#)),
        (#"{"id": [1], "text": "Array id."}"#, .error(#""id" is neither a string nor a number"#)),
        (#"{"text": null}"#, .error(#""text" is not a string"#)),
        (#"{"text": ["a"]}"#, .error(#""text" is not a string"#)),
        (#"{"id": "no text"}"#, .error(#"no "text" field"#)),
        (#"{}"#, .error(#"no "text" field"#)),
        (#""a string""#, .error("not a JSON object")),
        (#"[{"text": "In an array."}]"#, .error("not a JSON object")),
        (#"42"#, .error("not a JSON object")),
        (#"{"text": "Trailing comma.",}"#, .error("not valid JSON")),
        (#"{"text": "No comma." "id": "x"}"#, .error("not valid JSON")),
        (#"{"text": "Extra."} x"#, .error("not valid JSON")),
        (#"{"text": "Unterminated.}"#, .error("not valid JSON")),
        ("{\"text\": \"Raw\ttab.\"}", .error("not valid JSON")),
        (#"{"text": "Bad \x escape."}"#, .error("not valid JSON")),
        (#"{"text": "Short \u12 escape."}"#, .error("not valid JSON")),
        (#"{"id": 01, "text": "Leading zero."}"#, .error("not valid JSON")),
        (#"{"id": 1., "text": "Bare point."}"#, .error("not valid JSON")),
        (#"{"id": tru, "text": "Cut literal."}"#, .error("not valid JSON")),
        (#"{'text': 'Single quotes.'}"#, .error("not valid JSON")),
        (String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000), .error("not valid JSON")),
    ]

    @Test("each JSON form of a line gives its record or its error, and the other lines are still read, with one job or several", arguments: ["1", "2"])
    func everyForm(jobs: String) throws {
        let input = Self.cases.map(\.line).joined(separator: "\n") + "\n"
        let result = try CLIRunner.run(["extract", "--jsonl", "--jobs", jobs], stdin: Data(input.utf8))
        #expect(result.status == 1)
        // No line keeps a lone surrogate in its id or text; one in a key or a dropped value is no warning.
        #expect(!result.stderr.contains("lone surrogate"), "\(result.stderr)")
        let records = result.records
        try #require(records.count == Self.cases.count)
        for (index, (line, expected)) in Self.cases.enumerated() {
            let record = records[index]
            switch expected {
            case let .record(id, sentence):
                #expect(record["error"] == nil, "line \(index + 1) \(line.prefix(60)): \(record["error"] ?? "")")
                #expect(record["id"] as? String == id, "line \(index + 1) \(line.prefix(60))")
                let sentences = record["sentences"] as? [[String: Any]]
                #expect(sentences?.first?["text"] as? String == sentence, "line \(index + 1) \(line.prefix(60))")
            case let .error(message):
                #expect(record["line"] as? Int == index + 1, "line \(index + 1) \(line.prefix(60))")
                #expect(record["error"] as? String == "line \(index + 1) of standard input: \(message)",
                    "line \(index + 1) \(line.prefix(60))")
            }
        }
    }

    @Test("lines holding only spaces, tabs or a carriage return are skipped, the last one too")
    func blankLines() throws {
        let input = "{\"text\": \"First.\"}\n \t\r\n\n{\"text\": \"Second.\"}\n\r"
        let result = try CLIRunner.run(["extract", "--jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.records.count == 2)
    }
}
