/// A span of a document's text, as Unicode scalar offsets, end exclusive.
///
/// Scalar offsets are what Python's `str`, and most tools outside Swift,
/// count, so another program can slice the original text with them:
///
/// ```swift
/// let range = document.sentences[0].range
/// print(range.start, range.end)   // 0 71
/// ```
public struct TextRange: Sendable, Hashable, Codable, Comparable {
    /// The offset of the first scalar in the span.
    public var start: Int
    /// The offset just past the last scalar in the span.
    public var end: Int

    /// Creates a range from scalar offsets; `end` must not be less than `start`.
    public init(start: Int, end: Int) {
        precondition(end >= start, "TextRange end \(end) is before its start \(start)")
        self.start = start
        self.end = end
    }

    /// The number of Unicode scalars the range covers.
    public var length: Int { end - start }

    /// Whether `other` lies entirely within this range.
    public func contains(_ other: TextRange) -> Bool {
        other.start >= start && other.end <= end
    }

    /// Whether the two ranges share at least one scalar.
    public func overlaps(_ other: TextRange) -> Bool {
        other.start < end && start < other.end
    }

    /// Orders ranges by start, then by end.
    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a span stored as `start` and `end` keys, rejecting an end before its start.
    func decodeRange(start: Key, end: Key) throws -> TextRange {
        let from = try decode(Int.self, forKey: start)
        let to = try decode(Int.self, forKey: end)
        guard to >= from else {
            throw DecodingError.dataCorruptedError(forKey: end, in: self, debugDescription: "end \(to) is before start \(from)")
        }
        return TextRange(start: from, end: to)
    }
}
