import ClaimKit
import Foundation

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

    /// Bytes written since the last flush.
    var pendingBytes: Int { writer.bytes.count + text.utf8.count }

    mutating func flush() {
        if !writer.bytes.isEmpty {
            writer.bytes.withUnsafeBytes { POSIXWrite.standardOutput($0) }
            writer.reset()
        }
        if !text.isEmpty {
            text.withUTF8 { POSIXWrite.standardOutput(UnsafeRawBufferPointer($0)) }
            text = ""
        }
    }
}
