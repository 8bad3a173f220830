import Foundation

/// Appends little-endian values and raw arrays of plain values to a buffer,
/// for ClaimKit's compiled gazetteer files.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func string(_ value: String?) {
        guard let value else {
            integer(UInt32.max)
            return
        }
        let bytes = Array(value.utf8)
        integer(UInt32(bytes.count))
        data.append(contentsOf: bytes)
    }

    /// A count, then the elements' raw bytes; only for types without references.
    mutating func array<T>(_ values: [T]) {
        precondition(_isPOD(T.self), "only plain values are written raw")
        integer(UInt64(values.count))
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote straight from a file: small values
/// through a buffer, arrays into their own storage, so a large file is never
/// held in memory twice. Every read checks for the end and throws there.
final class BinaryReader {
    struct Truncated: Error {}

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    deinit {
        try? handle.close()
    }

    /// Copies `count` bytes to `target`: first what the buffer holds, then from the file.
    private func read(into target: UnsafeMutableRawBufferPointer) throws(Truncated) {
        var filled = 0
        let buffered = min(buffer.count - position, target.count)
        if buffered > 0 {
            buffer.withUnsafeBytes { source in
                target.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: buffered)
            }
            position += buffered
            filled = buffered
        }
        while filled < target.count {
            let remaining = target.count - filled
            if remaining >= 1 << 16 {
                let chunk: Data
                do { chunk = try handle.read(upToCount: remaining) ?? Data() } catch { throw Truncated() }
                guard !chunk.isEmpty else { throw Truncated() }
                chunk.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: target[filled..<(filled + chunk.count)]))
                filled += chunk.count
            } else {
                let chunk: Data
                do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch { throw Truncated() }
                guard !chunk.isEmpty else { throw Truncated() }
                buffer = [UInt8](chunk)
                position = 0
                let take = min(buffer.count, remaining)
                buffer.withUnsafeBytes { source in
                    (target.baseAddress! + filled).copyMemory(from: source.baseAddress!, byteCount: take)
                }
                position = take
                filled += take
            }
        }
    }

    func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> T {
        var value = T.zero
        var failed = false
        withUnsafeMutableBytes(of: &value) { bytes in
            do { try read(into: bytes) } catch { failed = true }
        }
        if failed { throw Truncated() }
        return T(littleEndian: value)
    }

    func string() throws(Truncated) -> String? {
        let length = try integer(UInt32.self)
        if length == UInt32.max { return nil }
        guard length < 1 << 24 else { throw Truncated() }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        var failed = false
        bytes.withUnsafeMutableBytes { target in
            do { try read(into: target) } catch { failed = true }
        }
        if failed { throw Truncated() }
        return String(decoding: bytes, as: UTF8.self)
    }

    func array<T>(_: T.Type = T.self) throws(Truncated) -> [T] {
        let count = try integer(UInt64.self)
        guard count < 1 << 32 else { throw Truncated() }
        var failed = false
        let values = [T](unsafeUninitializedCapacity: Int(count)) { target, initialized in
            do {
                try read(into: UnsafeMutableRawBufferPointer(target))
                initialized = Int(count)
            } catch {
                failed = true
                initialized = 0
            }
        }
        if failed { throw Truncated() }
        return values
    }
}
