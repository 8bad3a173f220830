import ClaimKit
import Foundation
import Testing

@Suite("Compiled gazetteers")
struct CompiledGazetteerTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-\(UUID().uuidString).ckg")
    }

    @Test("a compiled gazetteer finds exactly what the data files find")
    func roundTrip() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try TestExtractor.extractor.gazetteer.write(compiledTo: url)
        let compiled = try Gazetteer(compiledFrom: url)
        #expect(compiled.entries == TestExtractor.extractor.gazetteer.entries)
        let extractor = try Extractor(gazetteer: compiled)
        let text = Fixtures.text("../../../Examples/sample-article.txt")
        #expect(extractor.extract(text) == TestExtractor.extractor.extract(text))
    }

    @Test("a truncated compiled file is a typed error naming the file", arguments: [0, 3, 20, 5000, 100_000])
    func truncated(_ length: Int) throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try TestExtractor.extractor.gazetteer.write(compiledTo: url)
        try Data(try Data(contentsOf: url).prefix(length)).write(to: url)
        do {
            _ = try Gazetteer(compiledFrom: url)
            Issue.record("a truncated file was accepted")
        } catch let ExtractorError.invalidData(issue) {
            #expect(issue.file == url.path)
        }
    }

    @Test("a file that is not a compiled gazetteer is a typed error")
    func notCompiled() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("id\tcanonical\n".utf8).write(to: url)
        #expect(throws: ExtractorError.self) { try Gazetteer(compiledFrom: url) }
    }
}
