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
        let decoded = DecodedText(bytes: line)
        guard decoded.invalidByteOffsets.isEmpty else {
            var parsed = parse(valid: Array(decoded.text.utf8)[...])
            parsed.invalidOffsets = decoded.invalidByteOffsets
            return parsed
        }
        return parse(valid: line)
    }

    private static func parse(valid line: ArraySlice<UInt8>) -> Parsed {
        line.withUnsafeBufferPointer { bytes in
            var scanner = JSONLineScanner(bytes)
            let members: (id: JSONLineScanner.Member, text: JSONLineScanner.Member)?
            do {
                members = try scanner.scanRecord()
            } catch {
                return Parsed(error: "not valid JSON")
            }
            var parsed = Parsed(surrogateOffsets: scanner.loneSurrogates.sorted())
            guard let members else {
                parsed.error = "not a JSON object"
                return parsed
            }
            let text: String
            switch members.text {
            case .absent:
                parsed.error = "no \"text\" field"
                return parsed
            case .string(let string):
                text = string
            default:
                parsed.error = "\"text\" is not a string"
                return parsed
            }
            switch members.id {
            case .absent, .null:
                parsed.record = JSONLRecord(id: nil, text: text)
            case .string(let id):
                parsed.record = JSONLRecord(id: id, text: text)
            case .number(let written):
                parsed.record = JSONLRecord(id: identifier(number: written), text: text)
            case .other:
                parsed.error = "\"id\" is neither a string nor a number"
            }
            return parsed
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
