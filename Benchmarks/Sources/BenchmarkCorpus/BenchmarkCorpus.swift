import Foundation

/// The benchmark text in `../shared/corpora/bench-text`: 21 MB of distinct
/// English articles, split on blank lines.
public struct BenchmarkCorpus: Sendable {
    /// One file's articles.
    public struct File: Sendable {
        public let name: String
        public let articles: [String]
        public let bytes: Int
        public let words: Int
    }

    public let files: [File]

    /// Every article of every file.
    public var articles: [String] { files.flatMap(\.articles) }
    public var bytes: Int { files.reduce(0) { $0 + $1.bytes } }
    public var words: Int { files.reduce(0) { $0 + $1.words } }

    /// The folder the corpus is read from: `CLAIMKIT_BENCH_TEXT`, else
    /// `shared/corpora/bench-text` beside the repository.
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["CLAIMKIT_BENCH_TEXT"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpora/bench-text", isDirectory: true)
    }

    /// Loads the corpus, or returns nil (saying why on stderr) when it is absent.
    public static func load() -> BenchmarkCorpus? {
        let directory = directory
        let names = ["wikipedia-current-events.txt", "gum-wikinews.txt", "re3d.txt", "sotu.txt", "cia-world-factbook.txt"]
        var files: [File] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let articles = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            files.append(File(name: name, articles: articles, bytes: text.utf8.count, words: words))
        }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("""
                The benchmark text is absent: no bench-text files in \(directory.path).
                Put ../shared/corpora/bench-text beside the repository or set CLAIMKIT_BENCH_TEXT.

                """.utf8))
            return nil
        }
        return BenchmarkCorpus(files: files)
    }
}
