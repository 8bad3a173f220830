/// Text decoded from bytes that should be UTF-8, with every invalid
/// sequence replaced by U+FFFD and its byte offset kept for a warning.
///
/// ```swift
/// let decoded = DecodedText(bytes: [0x41, 0xFF, 0x42])
/// decoded.text                 // "A\u{FFFD}B"
/// decoded.invalidByteOffsets   // [1]
/// ```
public struct DecodedText: Sendable, Hashable {
    /// The text, with U+FFFD where the bytes were not UTF-8.
    public let text: String
    /// The byte offset of each invalid sequence that was replaced.
    public let invalidByteOffsets: [Int]

    /// Decodes `bytes`, replacing invalid UTF-8.
    public init(bytes: some Collection<UInt8>) {
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            invalidByteOffsets = []
            return
        }
        var offsets: [Int] = []
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                offsets.append(offset)
                scalars.append("\u{FFFD}")
                offset += length
            case .emptyInput:
                break loop
            }
        }
        text = String(scalars)
        invalidByteOffsets = offsets
    }
}
