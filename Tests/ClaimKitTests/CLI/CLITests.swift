import Foundation
import Testing

@Suite("claimkit CLI", .serialized)
struct CLITests {
    @Test("extract FILE writes one compact JSON object with the path as id and exits 0")
    func extractFile() throws {
        let result = try CLIRunner.run(["extract", "Examples/sample-article.txt"])
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try #require(result.records.first)
        #expect(record["id"] as? String == "Examples/sample-article.txt")
        #expect(record["schema_version"] as? Int == 1)
        let sentences = try #require(record["sentences"] as? [[String: Any]])
        #expect(sentences.count == 13)
        #expect(record["tokens"] == nil)
    }

    @Test("a missing file is named on stderr and as an error record; the other files are still processed; exit 1")
    func missingFile() throws {
        let good = try CLIRunner.temporaryFile(Data("Troops advanced. Officials said little.".utf8))
        defer { try? FileManager.default.removeItem(at: good) }
        let result = try CLIRunner.run(["extract", "/nonexistent/article.txt", good.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/article.txt"))
        let records = result.records
        #expect(records.count == 2)
        #expect(records.first?["id"] as? String == "/nonexistent/article.txt")
        #expect(records.first?["error"] is String)
        #expect(records.last?["id"] as? String == good.path)
        #expect((records.last?["sentences"] as? [Any])?.count == 2)
    }

    @Test("bad JSONL lines give error records with their line numbers; the rest is processed in order; exit 1")
    func badJSONLLines() throws {
        let input = """
            {"id": "a", "text": "First article."}
            this is not json
            {"id": "b"}
            {"id": "c", "text": 42}

            [1, 2]
            {"id": 7, "text": "Last article. Two sentences."}

            """
        let result = try CLIRunner.run(["extract", "--jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let records = result.records
        #expect(records.count == 6)
        #expect(records.map { $0["id"] as? String } == ["a", nil, nil, nil, nil, "7"])
        #expect(records.map { $0["line"] as? Int } == [nil, 2, 3, 4, 6, nil])
        #expect(records[1]["error"] as? String == "line 2 of standard input: not valid JSON")
        #expect(records[2]["error"] as? String == "line 3 of standard input: no \"text\" field")
        #expect(records[3]["error"] as? String == "line 4 of standard input: \"text\" is not a string")
        #expect(records[4]["error"] as? String == "line 6 of standard input: not a JSON object")
        #expect((records[5]["sentences"] as? [Any])?.count == 2)
        for line in [2, 3, 4, 6] { #expect(result.stderr.contains("line \(line) of standard input")) }
    }

    @Test("errors and warnings reach standard error in input order, with one job or several", arguments: ["1", "2"])
    func messageOrder(jobs: String) throws {
        var input = Data("{\"text\": \"Fine.\"}\nnot json\n{\"text\": \"bad ".utf8)
        input.append(0xFF)
        input.append(Data("\"}\n{\"id\": true, \"text\": \"x\"}\n".utf8))
        let result = try CLIRunner.run(["extract", "--jsonl", "--jobs", jobs], stdin: input)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("claimkit:") }
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first?.contains("line 2 of standard input: not valid JSON") == true)
        #expect(lines.dropFirst().first?.contains("standard input line 3: invalid UTF-8") == true)
        #expect(lines.last?.contains("line 4 of standard input") == true)
        #expect(result.records.map { $0["line"] as? Int } == [nil, 2, nil, 4])
    }

    @Test("JSONL lines longer than the reader's 1 MB chunk, across chunk ends, with CRLF and no final line feed, are read whole")
    func longLines() throws {
        let sizes = [600_000, 10, 1_100_000, 3]
        var input = ""
        for (index, size) in sizes.enumerated() {
            let text = String(repeating: "Troops advanced. ", count: size / 17 + 1)
            input += #"{"id": "l\#(index)", "text": "\#(text)"}"# + (index == sizes.count - 1 ? "" : index % 2 == 0 ? "\r\n" : "\n")
        }
        let result = try CLIRunner.run(["extract", "--jsonl", "--jobs", "1"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.records
        #expect(records.map { $0["id"] as? String } == sizes.indices.map { "l\($0)" })
        for (record, size) in zip(records, sizes) {
            #expect((record["sentences"] as? [Any])?.count == size / 17 + 1)
        }
    }

    @Test("JSONL output keeps input order, with one job streaming and across parallel jobs", arguments: ["1", "2"])
    func order(jobs: String) throws {
        let lines = (0..<300).map { #"{"id": "doc\#($0)", "text": "Article \#($0) says \#(String(repeating: "more ", count: $0 % 40))words."}"# }
        let result = try CLIRunner.run(["extract", "--jsonl", "--jobs", jobs], stdin: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 0)
        #expect(result.records.map { $0["id"] as? String } == (0..<300).map { "doc\($0)" })
    }

    @Test("invalid UTF-8 is replaced with U+FFFD and a warning names the input and byte offset")
    func invalidUTF8File() throws {
        var bytes = Data("Troops ".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(contentsOf: Data(" advanced.".utf8))
        let file = try CLIRunner.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["extract", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file.path): invalid UTF-8 at byte offset 7"))
        let sentences = try #require(result.records.first?["sentences"] as? [[String: Any]])
        #expect(sentences.first?["text"] as? String == "Troops \u{FFFD}\u{FFFD} advanced.")
    }

    @Test("invalid UTF-8 inside a JSONL line is replaced and warned about with its line number")
    func invalidUTF8Line() throws {
        var bytes = Data(#"{"id": "a", "text": "ok"}"#.utf8 + [0x0A])
        bytes.append(Data(#"{"id": "b", "text": "bad "#.utf8))
        bytes.append(0xC3)
        bytes.append(Data(#" byte"}"#.utf8 + [0x0A]))
        let result = try CLIRunner.run(["extract", "--jsonl"], stdin: bytes)
        #expect(result.status == 0)
        #expect(result.stderr.contains("standard input line 2: invalid UTF-8 at byte offset 25"))
        #expect(result.records.map { $0["id"] as? String } == ["a", "b"])
    }

    /// Where in a line invalid UTF-8 sits: each place must still be warned
    /// about, with the offset of the bad byte (0xFF).
    static let invalidPlaces: [(line: [UInt8], id: String?, error: String?)] = [
        (Array(#"{"id": "t", "text": "a\"b "#.utf8) + [0xFF] + Array(#" c"}"#.utf8), "t", nil),
        (Array(#"{"id": "i"#.utf8) + [0xFF] + Array(#"", "text": "Fine."}"#.utf8), "i\u{FFFD}", nil),
        (Array(#"{"id": "s", "title": "x"#.utf8) + [0xFF] + Array(#"", "text": "Fine."}"#.utf8), "s", nil),
        (Array(#"{"id": "k", "meta": {"x"#.utf8) + [0xFF] + Array(#"": 1}, "text": "Fine."}"#.utf8), "k", nil),
        (Array(#"{"id": "o", "text": "Fine."} "#.utf8) + [0xFF], nil, "not valid JSON"),
    ]

    @Test("invalid UTF-8 anywhere in a JSONL line is warned about: in the text after an escape, the id, a skipped value, a nested key, outside the object", arguments: invalidPlaces.indices)
    func invalidUTF8Places(_ index: Int) throws {
        let place = Self.invalidPlaces[index]
        let result = try CLIRunner.run(["extract", "--jsonl", "--jobs", "1"], stdin: Data(place.line + [0x0A]))
        let offset = try #require(place.line.firstIndex(of: 0xFF))
        #expect(result.stderr.contains("standard input line 1: invalid UTF-8 at byte offset \(offset),"), "\(result.stderr)")
        let record = try #require(result.records.first)
        if let error = place.error {
            #expect((record["error"] as? String)?.hasSuffix(error) == true)
        } else {
            #expect(record["id"] as? String == place.id)
            #expect(record["error"] == nil)
        }
    }

    @Test("empty input gives an empty document")
    func emptyInput() throws {
        let result = try CLIRunner.run(["extract"], stdin: Data())
        #expect(result.status == 0)
        let record = try #require(result.records.first)
        #expect(record["id"] as? String == "-")
        #expect((record["sentences"] as? [Any])?.isEmpty == true)
    }

    @Test("usage errors exit with status 2", arguments: [["extract", "--jobs", "0"], ["extract", "--no-such-flag"], ["extract", "--format", "xml"]])
    func usageErrors(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments, stdin: Data())
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test("--tokens adds the tokens with kinds and keys")
    func tokens() throws {
        let result = try CLIRunner.run(["extract", "--tokens"], stdin: Data("The U.S. Army's jets.".utf8))
        let tokens = try #require(result.records.first?["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["key"] as? String } == ["the", "u.s.", "army", "'s", "jets", "."])
        #expect(tokens[1]["kind"] as? String == "word")
        #expect(tokens[1]["start"] as? Int == 4)
        #expect(tokens[1]["end"] as? Int == 8)
    }

    @Test("--format json pretty-prints valid JSON")
    func prettyJSON() throws {
        let result = try CLIRunner.run(["extract", "--format", "json"], stdin: Data("One. Two.".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.split(separator: "\n").count > 3)
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect((object?["sentences"] as? [Any])?.count == 2)
    }

    @Test("--format table lists the sentences for a reader")
    func table() throws {
        let result = try CLIRunner.run(["extract", "--format", "table"], stdin: Data("One. Two.".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("Sentences"))
        #expect(result.stdoutText.contains("0-4"))
        #expect(result.stdoutText.contains("Two."))
    }
}

@Suite("claimkit CLI with gazetteers", .serialized)
struct CLIGazetteerTests {
    @Test("--gazetteers DIR adds the folder's entries and warns about malformed lines")
    func userGazetteers() throws {
        let folder = try GazetteerTests.folder("people.tsv", GazetteerTests.people)
        let result = try CLIRunner.run(["extract", "--gazetteers", folder.path], stdin: Data("Aldric Vennholt spoke.".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("people.tsv:6: field \"id\" is empty"))
        let entities = try #require(result.records.first?["entities"] as? [[String: Any]])
        #expect(entities.first?["canonical"] as? String == "Aldric Vennholt")
        #expect(entities.first?["entry_id"] as? String == "person:aldric-vennholt")
    }

    @Test("--strict-gazetteers stops at a malformed line with status 1")
    func strictGazetteers() throws {
        let folder = try GazetteerTests.folder("people.tsv", GazetteerTests.people)
        let result = try CLIRunner.run(["extract", "--strict-gazetteers", "--gazetteers", folder.path], stdin: Data("x".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("people.tsv:5"))
    }

    @Test("a --gazetteers path that is not a folder is a usage error")
    func notAFolder() throws {
        let result = try CLIRunner.run(["extract", "--gazetteers", "/nonexistent/lists"], stdin: Data())
        #expect(result.status == 2)
    }

    @Test("a binary copied away from its bundled data reports a typed error instead of crashing")
    func missingBundle() throws {
        let binary = try #require(CLIRunner.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-lonely-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("claimkit")
        try FileManager.default.copyItem(at: binary, to: copy)
        let result = try CLIRunner.run(["extract"], stdin: Data("x".utf8), binary: copy)
        #expect(result.status == 1)
        #expect(result.stderr.contains("were not found"))
        #expect(result.stderr.contains("resources"))
    }
}

@Suite("claimkit compile-gazetteers", .serialized)
struct CLICompileTests {
    @Test("compile-gazetteers writes a file that extract --compiled-gazetteers uses")
    func compileAndUse() throws {
        let folder = try GazetteerTests.folder("people.tsv", GazetteerTests.people)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-\(UUID().uuidString).ckg")
        defer { try? FileManager.default.removeItem(at: output) }
        let compile = try CLIRunner.run(["compile-gazetteers", folder.path, "--output", output.path])
        #expect(compile.status == 0)
        #expect(compile.stderr.contains("people.tsv:6"))
        let result = try CLIRunner.run(["extract", "--compiled-gazetteers", output.path], stdin: Data("Aldric Vennholt met Vladimir Putin.".utf8))
        #expect(result.status == 0)
        let entities = try #require(result.records.first?["entities"] as? [[String: Any]])
        #expect(entities.map { $0["canonical"] as? String } == ["Aldric Vennholt", "Vladimir Putin"])
    }
}

@Suite("claimkit CLI repairs", .serialized)
struct CLIRepairTests {
    @Test("a lone surrogate escape in a JSONL line is replaced with U+FFFD and warned about; the article is kept")
    func loneSurrogate() throws {
        let input = #"{"id": "c", "text": "Bad \ud800 char. Fine \ud83c\udf0d pair."}"# + "\n"
        let result = try CLIRunner.run(["extract", "--jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("standard input line 1: lone surrogate escape at byte offset 25"))
        let sentences = try #require(result.records.first?["sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["text"] as? String } == ["Bad \u{FFFD} char.", "Fine 🌍 pair."])
    }

    @Test("output that cannot be written (a full disk) is an error naming the cause, exit 1, no crash",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDisk() throws {
        for format in ["jsonl", "table"] {
            let result = try CLIRunner.run(["extract", "--format", format, "Examples/sample-article.txt"], stdout: "/dev/full")
            #expect(result.status == 1, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("claimkit: error: cannot write the output: No space left on device"), "\(format)")
        }
    }

    @Test("standard input that cannot be read (a folder) is an error naming the cause, exit 1, no crash", arguments: [false, true])
    func unreadableStandardInput(_ jsonl: Bool) throws {
        let result = try CLIRunner.run(["extract"] + (jsonl ? ["--jsonl"] : []), stdinPath: NSTemporaryDirectory())
        #expect(result.status == 1)
        #expect(result.stderr.contains("claimkit: error: cannot read standard input: Is a directory"), "\(result.stderr)")
        #expect(result.records.first?["error"] as? String == "cannot read standard input: Is a directory")
    }

    @Test("a folder given as a file is named as a folder")
    func folderAsFile() throws {
        let result = try CLIRunner.run(["extract", NSTemporaryDirectory()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is a folder, not a file"))
    }
}

@Suite("claimkit CLI inputs and listings", .serialized)
struct CLIInputTests {
    @Test("--jsonl reads JSON Lines from files, in the order of the files and their lines")
    func jsonlFiles() throws {
        let first = try CLIRunner.temporaryFile(Data(#"{"id": "a", "text": "One."}"#.utf8 + [0x0A] + #"{"id": "b", "text": "Two."}"#.utf8), suffix: ".jsonl")
        let second = try CLIRunner.temporaryFile(Data(#"{"id": "c", "text": "Three."}"#.utf8), suffix: ".jsonl")
        defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
        let result = try CLIRunner.run(["extract", "--jsonl", first.path, second.path])
        #expect(result.status == 0)
        #expect(result.records.map { $0["id"] as? String } == ["a", "b", "c"])
    }

    @Test("--format table lists the entities with kind, canonical name and how they were found")
    func tableEntities() throws {
        let result = try CLIRunner.run(["extract", "--format", "table"], stdin: Data("Russia's Defense Ministry denied it.".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("Entities"))
        #expect(result.stdoutText.contains("Ministry of Defence of Russia [pattern"))
        #expect(result.stdoutText.contains("Russia [name, RUS"))
    }
}

@Suite("claimkit CLI quantities and claims", .serialized)
struct CLIQuantityClaimTests {
    static let article = "The Associated Press reported that Venezuela mobilized about 15,000 soldiers."

    @Test("the JSON output holds quantities and claims with the keys of ANNOTATION.md")
    func json() throws {
        let result = try CLIRunner.run(["extract"], stdin: Data(Self.article.utf8))
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutText.utf8)) as? [String: Any])
        let quantity = try #require((object["quantities"] as? [[String: Any]])?.first)
        #expect(quantity["text"] as? String == "about 15,000 soldiers")
        #expect(quantity["value"] as? Double == 15000)
        #expect(quantity["qualifier"] as? String == "approximate")
        #expect(quantity["unit"] as? String == "soldiers")
        #expect(quantity["kind"] as? String == "count")
        #expect(quantity["low"] is NSNull && quantity["weapon"] is NSNull)
        let claim = try #require((object["claims"] as? [[String: Any]])?.first)
        #expect((claim["source"] as? [String: Any])?["text"] as? String == "The Associated Press")
        #expect(claim["source_type"] as? String == "media")
        #expect(claim["source_entity"] as? String == "agency:associated-press")
        #expect((claim["cue"] as? [String: Any])?["text"] as? String == "reported")
        #expect(claim["cue_kind"] as? String == "report")
        #expect((claim["content"] as? [String: Any])?["text"] as? String == "Venezuela mobilized about 15,000 soldiers")
        #expect(claim["hedged"] as? Bool == false && claim["negated"] as? Bool == false)
        #expect(claim["citing"] is NSNull && claim["resolved_source"] is NSNull)
        #expect(claim["quantities"] as? [Int] == [0])
    }

    @Test("--format table lists quantities and claims for a reader")
    func table() throws {
        let result = try CLIRunner.run(["extract", "--format", "table"], stdin: Data(Self.article.utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("Quantities"))
        #expect(result.stdoutText.contains("15000 approximate soldiers"))
        #expect(result.stdoutText.contains("Claims"))
        #expect(result.stdoutText.contains("The Associated Press"))
        #expect(result.stdoutText.contains("[media, report]"))
    }

    @Test("--claim-cues FILE adds the file's cues; a bad file is named with its line")
    func claimCues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-cli-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.tsv")
        try "phrase\tkind\tframe\thedged\tnegated\nmused\tspeech\tverb\tno\tno\n".write(to: good, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["extract", "--claim-cues", good.path], stdin: Data("The envoy mused that peace was near.".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("\"mused\""))
        let bad = folder.appendingPathComponent("bad.tsv")
        try "phrase\tkind\tframe\thedged\tnegated\nmused\tspeech\tverb\tmaybe\tno\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["extract", "--claim-cues", bad.path], stdin: Data("x".utf8))
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.tsv:2:") && failed.stderr.contains("hedged"))
    }
}
