import Foundation

/// Messages on standard error, prefixed with the command's name.
enum Diagnostics {
    static func error(_ message: String) {
        write("claimkit: error: \(message)\n")
    }

    static func warning(_ message: String) {
        write("claimkit: warning: \(message)\n")
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal, where progress is shown.
    static var isTerminal: Bool { isatty(2) == 1 }
}
