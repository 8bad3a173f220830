import ClaimKit
import Foundation

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
        // Messages go to standard error as inputs are read, so that errors and
        // warnings come in input order whatever the window; records wait for it.
        if case let .failure(_, _, message) = item { Diagnostics.error(message) }
        // One job gains nothing from a window: each input is analysed and
        // written while its text and tokens are still in cache.
        if jobs == 1 {
            if case .article(_, let text, _) = item {
                emit(item, extractor.extract(text))
            } else {
                emit(item, nil)
            }
            if output.pendingBytes >= 1 << 20 { output.flush() }
            return
        }
        items.append(item)
        if case .article(_, let text, _) = item { bytes += text.utf8.count }
        if items.count >= jobs * 32 || bytes >= 32 << 20 { flush() }
    }

    mutating func flush() {
        defer { output.flush() }
        guard !items.isEmpty else { return }
        var texts: [String] = []
        for case .article(_, let text, _) in items { texts.append(text) }
        var documents = extractor.extract(batch: texts, jobs: jobs).makeIterator()
        for item in items {
            if case .article = item { emit(item, documents.next()!) } else { emit(item, nil) }
        }
        items.removeAll(keepingCapacity: true)
        bytes = 0
    }

    /// Writes an input's document, or its error when it could not be read.
    private mutating func emit(_ item: Item, _ document: Document?) {
        switch item {
        case let .article(id, _, _):
            var document = document!
            document.id = id
            output.write(document)
            progress.count(1)
        case let .failure(id, line, message):
            output.writeError(line: line, id: id, message: message)
            failures += 1
        }
    }
}
