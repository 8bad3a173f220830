import CICU

/// A strict JSON scanner over one input line that keeps the top-level
/// object's `id` and `text` and checks every other value without building
/// it: `JSONDecoder` spent more time on a line than the analysis of a short
/// article. The strings it keeps it checks as UTF-8 while building them, so
/// a valid line is read once; ``utf8Unchecked`` says when that was not
/// enough and the caller must check the line itself.
struct JSONLineScanner {
    /// A member of the top-level object as found.
    enum Member: Equatable {
        case absent
        case null
        case string(String)
        /// A number as written (`7`, `-2.5e3`).
        case number(String)
        /// Anything else: `true`, an array, an object.
        case other
    }

    /// The line is not JSON.
    struct SyntaxError: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Byte offsets of the `\u` escapes of lone UTF-16 surrogates in `id` and
    /// `text`, which no Swift string can hold; each became U+FFFD.
    private(set) var loneSurrogates: [Int] = []
    /// Whether a string held bytes that were not UTF-8 (replaced with U+FFFD
    /// in what was kept) or bytes beyond ASCII that were skipped unchecked.
    private(set) var utf8Unchecked = false
    /// Nesting deeper than this is refused (as not valid JSON), so that a
    /// hostile line cannot exhaust the stack.
    private static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Scans the whole line as one JSON value: the `id` and `text` members
    /// when it is an object, nil when it is another value.
    mutating func scanRecord() throws(SyntaxError) -> (id: Member, text: Member)? {
        // A byte order mark, as editors save them at the start of a file.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipSpace()
        guard position < bytes.count else { throw SyntaxError() }
        var record: (id: Member, text: Member)?
        if bytes[position] == UInt8(ascii: "{") {
            record = try scanTopObject()
        } else {
            try skipValue(depth: 0)
        }
        skipSpace()
        guard position == bytes.count else { throw SyntaxError() }
        return record
    }

    // MARK: - Values

    private mutating func scanTopObject() throws(SyntaxError) -> (id: Member, text: Member) {
        var id = Member.absent
        var text = Member.absent
        // Lone surrogates count only in the values kept: the last `id` and `text`.
        var idSurrogates: [Int] = []
        var textSurrogates: [Int] = []
        try scanList(closing: UInt8(ascii: "}")) { scanner throws(SyntaxError) in
            let key = try scanner.scanKey(keep: true)
            scanner.loneSurrogates.removeAll()
            switch key {
            case "id":
                id = try scanner.scanMember()
                idSurrogates = scanner.loneSurrogates
            case "text":
                text = try scanner.scanMember()
                textSurrogates = scanner.loneSurrogates
            default:
                try scanner.skipValue(depth: 1)
            }
        }
        loneSurrogates = idSurrogates + textSurrogates
        return (id, text)
    }

    /// The elements of an array or the members of an object, from its
    /// opening bracket to `closing`.
    private mutating func scanList(
        closing: UInt8, _ element: (inout JSONLineScanner) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        position += 1
        skipSpace()
        if peek() == closing {
            position += 1
            return
        }
        while true {
            skipSpace()
            try element(&self)
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(closing)
            return
        }
    }

    /// A member's key and its colon.
    private mutating func scanKey(keep: Bool) throws(SyntaxError) -> String? {
        guard peek() == UInt8(ascii: "\"") else { throw SyntaxError() }
        let key = try scanString(keep: keep)
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return key
    }

    private mutating func scanMember() throws(SyntaxError) -> Member {
        guard let first = peek() else { throw SyntaxError() }
        switch first {
        case UInt8(ascii: "\""):
            return .string(try scanString(keep: true) ?? "")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try skipNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            try skipValue(depth: 1)
            return .other
        }
    }

    private mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth < Self.maximumDepth, let first = peek() else { throw SyntaxError() }
        switch first {
        case UInt8(ascii: "\""):
            _ = try scanString(keep: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        case UInt8(ascii: "["):
            try scanList(closing: UInt8(ascii: "]")) { scanner throws(SyntaxError) in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "{"):
            try scanList(closing: UInt8(ascii: "}")) { scanner throws(SyntaxError) in
                _ = try scanner.scanKey(keep: false)
                try scanner.skipValue(depth: depth + 1)
            }
        default:
            throw SyntaxError()
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws(SyntaxError) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw SyntaxError() }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(), isDigit(digit) else { throw SyntaxError() }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), isDigit(digit) else { throw SyntaxError() }
            skipDigits()
        }
    }

    // MARK: - Strings

    /// The string at `position` (its opening quote), decoded when `keep`.
    private mutating func scanString(keep: Bool) throws(SyntaxError) -> String? {
        position += 1
        // Filled only once an escape is met; most strings are one run of bytes.
        var decoded: [UInt8]?
        var runStart = position
        while true {
            position = nextSpecial(from: position)
            guard position < bytes.count else { throw SyntaxError() }
            let byte = bytes[position]
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<position])
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard keep else {
                    if !utf8Unchecked, run.contains(where: { $0 >= 0x80 }) { utf8Unchecked = true }
                    return nil
                }
                guard var text = decoded else { return checkedString(run) }
                text.append(contentsOf: run)
                return text.withUnsafeBufferPointer { checkedString($0) }
            }
            // A raw control character is not JSON.
            guard byte == UInt8(ascii: "\\"), position + 1 < bytes.count else { throw SyntaxError() }
            if keep {
                if decoded == nil { decoded = [] }
                decoded!.append(contentsOf: run)
            } else if !utf8Unchecked, run.contains(where: { $0 >= 0x80 }) {
                utf8Unchecked = true
            }
            let escape = bytes[position + 1]
            let simple: UInt8? =
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
                case UInt8(ascii: "b"): 0x08
                case UInt8(ascii: "f"): 0x0C
                case UInt8(ascii: "n"): 0x0A
                case UInt8(ascii: "r"): 0x0D
                case UInt8(ascii: "t"): 0x09
                default: nil
                }
            if let simple {
                if keep { decoded!.append(simple) }
                position += 2
            } else {
                guard escape == UInt8(ascii: "u") else { throw SyntaxError() }
                let scalar = try unicodeEscape(keep: keep)
                if keep { Self.appendUTF8(scalar, to: &decoded!) }
            }
            runStart = position
        }
    }

    /// The string of `bytes`, checked as UTF-8: invalid sequences are replaced
    /// and noted in ``utf8Unchecked``.
    private mutating func checkedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        utf8Unchecked = true
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first offset from `start` on that holds a quote, a backslash or a control
    /// character, or the end.
    private func nextSpecial(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        return Int(ck_json_special(base, Int64(start), Int64(bytes.count)))
    }

    /// The scalar of a `\uXXXX` escape, or of a pair of them for a surrogate
    /// pair; a lone surrogate gives U+FFFD and its offset is kept.
    private mutating func unicodeEscape(keep: Bool) throws(SyntaxError) -> UInt32 {
        let escapeStart = position
        guard let unit = hex4(at: position + 2) else { throw SyntaxError() }
        position += 6
        switch unit {
        case 0xD800...0xDBFF:
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                let low = hex4(at: position + 2), (0xDC00...0xDFFF).contains(low)
            {
                position += 6
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            if keep { loneSurrogates.append(escapeStart) }
            return 0xFFFD
        case 0xDC00...0xDFFF:
            if keep { loneSurrogates.append(escapeStart) }
            return 0xFFFD
        default:
            return unit
        }
    }

    private func hex4(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[offset..<(offset + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Bytes

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard peek() == byte else { throw SyntaxError() }
        position += 1
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw SyntaxError() }
        for k in 0..<count where bytes[position + k] != word.utf8Start[k] { throw SyntaxError() }
        position += count
    }
}
