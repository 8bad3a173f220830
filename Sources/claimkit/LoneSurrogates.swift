/// JSON may escape a lone UTF-16 surrogate (`"\ud800"`), which no Swift
/// string can hold, so the decoder rejects the whole line. Each lone
/// surrogate escape is replaced in place with `\ufffd` (the same six
/// bytes), as invalid UTF-8 is, and its byte offset kept for a warning.
enum LoneSurrogates {
    static func repair(_ line: inout [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        var pendingHigh: Int?
        while i + 5 < line.count {
            guard line[i] == 0x5C else {
                i += 1
                continue
            }
            guard line[i + 1] == 0x75, let value = hex(line, i + 2) else {
                if let high = pendingHigh { replace(&line, high, &offsets) }
                pendingHigh = nil
                i += 2
                continue
            }
            if (0xD800...0xDBFF).contains(value) {
                if let high = pendingHigh { replace(&line, high, &offsets) }
                pendingHigh = i
            } else if (0xDC00...0xDFFF).contains(value) {
                if let high = pendingHigh, high + 6 == i {
                    pendingHigh = nil
                } else {
                    if let high = pendingHigh { replace(&line, high, &offsets) }
                    pendingHigh = nil
                    replace(&line, i, &offsets)
                }
            } else if let high = pendingHigh {
                replace(&line, high, &offsets)
                pendingHigh = nil
            }
            i += 6
        }
        if let high = pendingHigh { replace(&line, high, &offsets) }
        return offsets.sorted()
    }

    private static func replace(_ line: inout [UInt8], _ at: Int, _ offsets: inout [Int]) {
        line.replaceSubrange(at..<(at + 6), with: Array("\\ufffd".utf8))
        offsets.append(at)
    }

    private static func hex(_ line: [UInt8], _ at: Int) -> Int? {
        var value = 0
        for byte in line[at..<(at + 4)] {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x41...0x46: digit = Int(byte - 0x41 + 10)
            case 0x61...0x66: digit = Int(byte - 0x61 + 10)
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }
}
