import ClaimKit

/// One input line of `--jsonl`: `{"id": …, "text": …}`.
struct JSONLRecord {
    let id: String?
    let text: String

    /// What reading one line gave: the record or why there is none, and the
    /// byte offsets of what was replaced, for warnings.
    struct Parsed {
        var record: JSONLRecord?
        var error: String?
        /// Invalid UTF-8 sequences, replaced with U+FFFD before the line was read as JSON.
        var invalidOffsets: [Int] = []
        /// Lone surrogate escapes (`\ud800`) in `id` or `text`, replaced with U+FFFD.
        var surrogateOffsets: [Int] = []
    }

    /// Reads one line, repairing invalid UTF-8 and lone surrogate escapes.
    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        // Most lines are valid JSON in valid UTF-8, which one scan settles.
        let (parsed, checked) = scan(line)
        if checked { return parsed }
        let decoded = DecodedText(bytes: line)
        guard !decoded.invalidByteOffsets.isEmpty else { return parsed }
        var repaired = scan(Array(decoded.text.utf8)[...]).parsed
        repaired.invalidOffsets = decoded.invalidByteOffsets
        return repaired
    }

    /// The line read as JSON, and whether that also showed it to be valid
    /// UTF-8: no syntax error, and every string beyond ASCII checked.
    private static func scan(_ line: ArraySlice<UInt8>) -> (parsed: Parsed, checked: Bool) {
        line.withUnsafeBufferPointer { bytes in
            var scanner = JSONLineScanner(bytes)
            let members: (id: JSONLineScanner.Member, text: JSONLineScanner.Member)?
            do {
                members = try scanner.scanRecord()
            } catch {
                return (Parsed(error: "not valid JSON"), false)
            }
            var parsed = Parsed(surrogateOffsets: scanner.loneSurrogates.sorted())
            (parsed.record, parsed.error) = record(from: members)
            return (parsed, !scanner.utf8Unchecked)
        }
    }

    /// The record of a line's top-level members, or why they make none.
    private static func record(
        from members: (id: JSONLineScanner.Member, text: JSONLineScanner.Member)?
    ) -> (JSONLRecord?, String?) {
        guard let members else { return (nil, "not a JSON object") }
        let text: String
        switch members.text {
        case .absent:
            return (nil, "no \"text\" field")
        case .string(let string):
            text = string
        default:
            return (nil, "\"text\" is not a string")
        }
        switch members.id {
        case .absent, .null:
            return (JSONLRecord(id: nil, text: text), nil)
        case .string(let id):
            return (JSONLRecord(id: id, text: text), nil)
        case .number(let written):
            return (JSONLRecord(id: identifier(number: written), text: text), nil)
        case .other:
            return (nil, "\"id\" is neither a string nor a number")
        }
    }

    /// A numeric id as text. An integer written in digits keeps them, however
    /// long, so that distinct ids stay distinct; `7.0` and `7e0` are `7`;
    /// other numbers are in Swift's shortest form, or as written when a
    /// Double cannot hold them (`1e400`).
    private static func identifier(number written: String) -> String {
        let digits = written.utf8.dropFirst(written.hasPrefix("-") ? 1 : 0)
        if digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Int(written).map { String($0) } ?? written
        }
        guard let value = Double(written), value.isFinite else { return written }
        if let integer = Int(exactly: value) { return String(integer) }
        return String(value)
    }
}
