import Foundation

/// Reads a file or standard input line by line in fixed-size chunks, so that
/// memory holds one chunk and the current line, whatever the input's size.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private let chunkSize: Int
    /// The 1-based number of the last line returned.
    private(set) var lineNumber = 0

    init(handle: FileHandle, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line without its line break, or nil at the end of input.
    func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = nextLineFeed() {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[position..<end]
                position = newline + 1
                lineNumber += 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                lineNumber += 1
                return line
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
        }
    }

    /// The index of the next line feed from `position`: memchr, where a
    /// generic search went byte by byte.
    private func nextLineFeed() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, position < bytes.count,
                let found = memchr(base + position, 0x0A, bytes.count - position)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
