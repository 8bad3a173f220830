import Foundation

/// Messages on standard error, prefixed with the command's name.
enum Diagnostics {
    static func error(_ message: String) {
        write("claimkit: error: \(message)\n")
    }

    static func warning(_ message: String) {
        write("claimkit: warning: \(message)\n")
    }

    /// A failure to write to standard error is ignored: there is nowhere left to report it.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = POSIXWrite.all(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Whether standard error is a terminal, where progress is shown.
    static var isTerminal: Bool { isatty(2) == 1 }
}
