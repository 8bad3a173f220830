import Foundation

/// Writes to a file descriptor with `write(2)`, retrying partial writes and
/// interruptions. `FileHandle.write(_:)` traps when a write fails (a full
/// disk, a closed descriptor); the CLI must say so and stop instead.
enum POSIXWrite {
    /// Writes all of `bytes`; returns nil, or the `errno` of the write that failed.
    static func all(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var pointer = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            pointer += written
            remaining -= written
        }
        return nil
    }

    /// Writes to standard output; when that fails, says why on standard
    /// error and exits with status 1, since nothing more can be delivered.
    static func standardOutput(_ bytes: UnsafeRawBufferPointer) {
        guard let failure = all(bytes, to: STDOUT_FILENO) else { return }
        Diagnostics.error("cannot write the output: \(String(cString: strerror(failure)))")
        exit(1)
    }
}
