import ArgumentParser
import ClaimKit
import Foundation

/// `claimkit extract`: one JSON object per input article, one per line.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse articles and write one JSON object per article.",
        discussion: """
            Without --jsonl each FILE is one article (its path is the record's id); \
            with --jsonl each input line is {"id": …, "text": …} and output lines come \
            in input order. Standard input is read when no FILE is given.
            """
    )

    /// How documents are written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, table
    }

    @Argument(help: "Article files (plain text, or JSON Lines with --jsonl). Standard input when none.")
    var files: [String] = []

    @Flag(help: "Read JSON Lines records {\"id\": …, \"text\": …} instead of one article per file.")
    var jsonl = false

    @Option(help: "Articles analysed in parallel (default: all cores).")
    var jobs: Int?

    @Option(help: "Output: jsonl (compact, one line per article), json (indented) or table (for reading).")
    var format: Format = .jsonl

    @Flag(help: "Include every token in the output.")
    var tokens = false

    @Flag(name: .customLong("include-text"), help: "Include each article's text in the output.")
    var includeText = false

    @Option(
        name: .customLong("gazetteers"),
        help: ArgumentHelp("A folder of gazetteer .tsv files to load besides the bundled ones (repeatable).", valueName: "dir"))
    var gazetteerDirectories: [String] = []

    @Flag(help: "Use only the --gazetteers folders, not the bundled gazetteers.")
    var replaceGazetteers = false

    @Flag(help: "Stop at the first malformed gazetteer line instead of skipping it with a warning.")
    var strictGazetteers = false

    @Option(help: ArgumentHelp("A gazetteer compiled by `claimkit compile-gazetteers`, used instead of the .tsv files.", valueName: "file"))
    var compiledGazetteers: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if compiledGazetteers != nil && (!gazetteerDirectories.isEmpty || replaceGazetteers) {
            throw ValidationError("--compiled-gazetteers already holds every list; compile --gazetteers folders into it instead")
        }
        if replaceGazetteers && gazetteerDirectories.isEmpty {
            throw ValidationError("--replace-gazetteers needs at least one --gazetteers folder")
        }
        for directory in gazetteerDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--gazetteers \(directory) is not a folder")
            }
        }
    }

    func run() throws {
        let extractor: Extractor
        do {
            extractor = try Extractor(configuration: Extractor.Configuration(
                includeTokens: tokens,
                gazetteerDirectories: gazetteerDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) },
                replaceBundledGazetteers: replaceGazetteers, strictGazetteers: strictGazetteers,
                compiledGazetteer: compiledGazetteers.map { URL(fileURLWithPath: $0) }))
        } catch {
            Diagnostics.error(error.description)
            throw ExitStatus(code: 1)
        }
        for issue in extractor.gazetteerIssues { Diagnostics.warning("\(issue) (line skipped)") }
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var batch = Batch(
            extractor: extractor, jobs: jobs,
            output: Output(format: format, options: JSONWriter.Options(includeText: includeText, pretty: format == .json)),
            progress: Progress(enabled: Diagnostics.isTerminal))
        if jsonl {
            readJSONL(into: &batch)
        } else {
            readFiles(into: &batch)
        }
        batch.flush()
        batch.progress.finish()
        if batch.failures > 0 { throw ExitStatus(code: 1) }
    }

    private func readFiles(into batch: inout Batch) {
        if files.isEmpty {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            batch.add(.article(id: "-", text: decode(data, name: "standard input"), line: nil))
            return
        }
        for path in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                batch.add(.article(id: path, text: decode(data, name: path), line: nil))
            } catch {
                var isDirectory: ObjCBool = false
                let reason: String
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                    reason = "no such file"
                } else if isDirectory.boolValue {
                    reason = "it is a folder, not a file"
                } else {
                    reason = "not readable (\((error as NSError).localizedFailureReason ?? error.localizedDescription))"
                }
                batch.add(.failure(id: path, line: nil, message: "cannot read \(path): \(reason)"))
            }
        }
    }

    private func decode(_ data: Data, name: String) -> String {
        let decoded = DecodedText(bytes: data)
        warnInvalid(decoded.invalidByteOffsets, in: name)
        return decoded.text
    }

    private func warnInvalid(_ offsets: [Int], in name: String) {
        guard let first = offsets.first else { return }
        let more = offsets.count > 1 ? " and \(offsets.count - 1) more" : ""
        Diagnostics.warning("\(name): invalid UTF-8 at byte offset \(first)\(more), replaced with U+FFFD")
    }

    private func readJSONL(into batch: inout Batch) {
        let inputs = files.isEmpty ? ["-"] : files
        for path in inputs {
            let handle: FileHandle
            if path == "-" {
                handle = FileHandle.standardInput
            } else if let opened = FileHandle(forReadingAtPath: path) {
                handle = opened
            } else {
                batch.add(.failure(id: path, line: nil, message: "cannot read \(path): no such file or not readable"))
                continue
            }
            let name = path == "-" ? "standard input" : path
            let reader = LineReader(handle: handle)
            do {
                while let line = try reader.next() {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    let parsed = JSONLRecord.parse(line)
                    warnInvalid(parsed.invalidOffsets, in: "\(name) line \(reader.lineNumber)")
                    if let first = parsed.surrogateOffsets.first {
                        Diagnostics.warning(
                            "\(name) line \(reader.lineNumber): lone surrogate escape at byte offset \(first), replaced with U+FFFD")
                    }
                    if let record = parsed.record {
                        batch.add(.article(id: record.id, text: record.text, line: reader.lineNumber))
                    } else {
                        let message = "line \(reader.lineNumber) of \(name): \(parsed.error ?? "unreadable")"
                        batch.add(.failure(id: nil, line: reader.lineNumber, message: message))
                    }
                }
            } catch {
                batch.add(.failure(id: nil, line: nil, message: "reading \(name) failed: \(error.localizedDescription)"))
            }
        }
    }
}

/// An input waiting to be analysed, or one that could not be read.
enum Item {
    case article(id: String?, text: String, line: Int?)
    case failure(id: String?, line: Int?, message: String)
}

/// Collects inputs into a window, analyses the window in parallel and writes
/// the results in input order; memory is bounded by the window, not the input.
struct Batch {
    let extractor: Extractor
    let jobs: Int
    var output: Output
    var progress: Progress
    private(set) var failures = 0
    private var items: [Item] = []
    private var bytes = 0

    init(extractor: Extractor, jobs: Int, output: Output, progress: Progress) {
        self.extractor = extractor
        self.jobs = jobs
        self.output = output
        self.progress = progress
    }

    mutating func add(_ item: Item) {
        items.append(item)
        if case .article(_, let text, _) = item { bytes += text.utf8.count }
        if items.count >= jobs * 32 || bytes >= 32 << 20 { flush() }
    }

    mutating func flush() {
        guard !items.isEmpty else { return }
        var texts: [String] = []
        for case .article(_, let text, _) in items { texts.append(text) }
        var documents = extractor.extract(batch: texts, jobs: jobs).makeIterator()
        for item in items {
            switch item {
            case let .article(id, _, _):
                var document = documents.next()!
                document.id = id
                output.write(document)
                progress.count(1)
            case let .failure(id, line, message):
                Diagnostics.error(message)
                output.writeError(line: line, id: id, message: message)
                failures += 1
            }
        }
        output.flush()
        items.removeAll(keepingCapacity: true)
        bytes = 0
    }
}

/// Writes documents to standard output in the chosen format.
struct Output {
    let format: Extract.Format
    private var writer: JSONWriter
    private var text = ""

    init(format: Extract.Format, options: JSONWriter.Options) {
        self.format = format
        writer = JSONWriter(options: options)
    }

    mutating func write(_ document: Document) {
        if format == .table {
            text += TableFormatter().format(document) + "\n"
        } else {
            writer.write(document)
        }
    }

    mutating func writeError(line: Int?, id: String?, message: String) {
        if format == .table {
            text += "!! \(message)\n\n"
        } else {
            writer.writeError(line: line, id: id, message: message)
        }
    }

    mutating func flush() {
        if !writer.bytes.isEmpty {
            FileHandle.standardOutput.write(Data(writer.bytes))
            writer.reset()
        }
        if !text.isEmpty {
            FileHandle.standardOutput.write(Data(text.utf8))
            text = ""
        }
    }
}

/// Articles done and articles per second on standard error, when it is a terminal.
struct Progress {
    let enabled: Bool
    private let started = Date()
    private var last = Date.distantPast
    private var done = 0

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func count(_ articles: Int) {
        done += articles
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.25 else { return }
        last = now
        show(now)
    }

    func finish() {
        guard enabled, done > 0 else { return }
        show(Date())
        Diagnostics.write("\n")
    }

    private func show(_ now: Date) {
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / seconds
        Diagnostics.write("\r\(done) articles, \(Int(rate.rounded())) articles/s")
    }
}
