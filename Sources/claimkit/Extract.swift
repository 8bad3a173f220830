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

    @Option(
        name: .customLong("claim-cues"),
        help: ArgumentHelp("A cue file in the format of the bundled claim-cues.tsv, added to its cues (repeatable).", valueName: "file"))
    var claimCueFiles: [String] = []

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
                compiledGazetteer: compiledGazetteers.map { URL(fileURLWithPath: $0) },
                claimCueFiles: claimCueFiles.map { URL(fileURLWithPath: $0) }))
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
            do {
                let data = try FileHandle.standardInput.readToEnd() ?? Data()
                batch.add(.article(id: "-", text: decode(data, name: "standard input"), line: nil))
            } catch {
                batch.add(.failure(id: "-", line: nil, message: "cannot read standard input: \(Self.reason(error))"))
            }
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

    /// What the system said went wrong (`Is a directory`), not Foundation's wrapper around it.
    private static func reason(_ error: any Error) -> String {
        let wrapped = error as NSError
        if let underlying = wrapped.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return wrapped.localizedFailureReason ?? wrapped.localizedDescription
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
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
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
                batch.add(.failure(id: nil, line: nil, message: "cannot read \(name): \(Self.reason(error))"))
            }
        }
    }
}
