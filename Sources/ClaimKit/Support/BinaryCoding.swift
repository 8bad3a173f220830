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

/// Reads what ``BinaryWriter`` wrote; every read checks the bounds and
/// throws instead of reading past the end.
struct BinaryReader {
    struct Truncated: Error {}

    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        offset = data.startIndex
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= data.endIndex else { throw Truncated() }
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { target in
            data.copyBytes(to: target.bindMemory(to: UInt8.self), from: offset..<(offset + size))
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func string() throws(Truncated) -> String? {
        let length = try integer(UInt32.self)
        if length == UInt32.max { return nil }
        guard offset + Int(length) <= data.endIndex else { throw Truncated() }
        let text = String(decoding: data[offset..<(offset + Int(length))], as: UTF8.self)
        offset += Int(length)
        return text
    }

    mutating func array<T>(_: T.Type = T.self) throws(Truncated) -> [T] {
        let count = Int(try integer(UInt64.self))
        let size = count * MemoryLayout<T>.stride
        guard count >= 0, size >= 0, offset + size <= data.endIndex else { throw Truncated() }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt8.self), from: offset..<(offset + size))
            initialized = count
        }
        offset += size
        return values
    }
}
