import CICU

/// Splits text into tokens with ICU's word break iterator, then repairs what
/// news text needs:
///
/// - abbreviations keep their final period (`U.S.`, `Gen.`, `a.m.`), from
///   `lexicons/abbreviations.tsv`, plus initialisms and single initials;
/// - a possessive `'s` or `’s` is a token of its own (`Army` `'s`);
/// - designations stay one token (`Su-30MK2`, `F-35A`, `Igla-S`, `AIM-120C-8`),
///   while `U.S.-Venezuela` stays three;
/// - numbers stay whole (`15,000`, `1,345th`); `$` and `%` are tokens of their own.
///
/// ```swift
/// let tokenizer = try Tokenizer()
/// let tokens = tokenizer.tokenize("Russia's S-400 systems")
/// tokens.map(\.key)   // ["russia", "'s", "s-400", "systems"]
/// ```
public struct Tokenizer: Sendable {
    let abbreviations: Abbreviations

    /// Creates a tokenizer with the bundled abbreviation list.
    public init() throws(ExtractorError) {
        self.init(lexicons: try Lexicons.bundled())
    }

    init(lexicons: Lexicons) {
        abbreviations = lexicons.abbreviations
    }

    /// Tokenizes `text`.
    public func tokenize(_ text: String) -> TokenizedText {
        tokenize(TextBuffer(text))
    }

    func tokenize(_ buffer: TextBuffer) -> TokenizedText {
        var records = RecordBuffer(capacity: buffer.count / 5 + 16)
        // ASCII keys are never longer than their tokens, so the arena rarely grows.
        var keys = KeyBuilder(capacity: buffer.count + 64)
        buffer.units.withUnsafeBufferPointer { units in
            segment(units, into: &records, &keys)
            while keys.finalized < records.count { keys.finalize(&records, units) }
        }
        let storage = TokenStorage(records: records.finish(), keys: keys.arena.finish())
        return TokenizedText(buffer: buffer, storage: storage)
    }

    // MARK: - Segmenting

    private func segment(
        _ units: UnsafeBufferPointer<UInt16>, into records: inout RecordBuffer, _ keys: inout KeyBuilder
    ) {
        guard units.count > 0, let base = units.baseAddress else { return }
        guard ck_break_begin(CK_BREAK_WORD, base, Int32(units.count)) == 0 else {
            // ICU could not start: fall back to one token per run of non-space.
            Self.segmentOnSpaces(units, into: &records)
            return
        }
        let capacity = 2048
        let boundaries = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let statuses = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        defer {
            boundaries.deallocate()
            statuses.deallocate()
        }
        var previous = 0
        var pending: TokenFlags = .lineStart
        while true {
            let count = Int(ck_word_break_next(boundaries, statuses, Int32(capacity)))
            if count == 0 { break }
            for i in 0..<count {
                let end = Int(boundaries[i])
                let status = statuses[i]
                let start = previous
                previous = end
                let first = units[start]
                if status < Int32(CK_WORD_NUMBER), Self.isSpace(first) {
                    pending.insert(.spaceBefore)
                    if first != 0x20 || end - start > 1 {
                        for j in start..<end where Self.isLineBreak(units[j]) {
                            pending.insert(.lineStart)
                            break
                        }
                    }
                    continue
                }
                let kind: TokenKind
                if status >= Int32(CK_WORD_NUMBER) {
                    // ICU calls "G7" a number; a number here is what starts with a digit.
                    kind = Self.isDigit(first) ? .number : .word
                } else {
                    kind = Self.isSymbol(first) ? .symbol : .punctuation
                }
                push(start: start, end: end, kind: kind, flags: pending, units, &records)
                pending = []
                // The last two tokens may still be merged; earlier ones are final,
                // and their keys are made while their text is still in cache.
                while keys.finalized + 2 < records.count { keys.finalize(&records, units) }
            }
        }
    }

    private static func segmentOnSpaces(_ units: UnsafeBufferPointer<UInt16>, into records: inout RecordBuffer) {
        var pending: TokenFlags = .lineStart
        var start = -1
        for i in 0...units.count {
            let space = i == units.count || isSpace(units[i])
            if space {
                if start >= 0 {
                    let kind: TokenKind = isDigit(units[start]) ? .number : .word
                    records.append(TokenRecord(start: Int32(start), end: Int32(i), kind: kind, flags: pending, first: units[start]))
                    pending = []
                    start = -1
                }
                if i < units.count {
                    pending.insert(.spaceBefore)
                    if isLineBreak(units[i]) { pending.insert(.lineStart) }
                }
            } else if start < 0 {
                start = i
            }
        }
    }

    /// Adds one ICU segment, applying the repairs that join or split segments.
    /// The common case — a segment after white space with no possessive —
    /// stays small enough to inline; the repairs live in `repair`.
    @inline(__always)
    private func push(
        start: Int, end: Int, kind: TokenKind, flags: TokenFlags,
        _ units: UnsafeBufferPointer<UInt16>, _ records: inout RecordBuffer
    ) {
        let attached = !flags.contains(.spaceBefore) && !flags.contains(.lineStart)
        let possessive = kind == .word && end - start > 2 && Self.isApostrophe(units[end - 2])
        if attached || possessive {
            repair(start: start, end: end, kind: kind, flags: flags, attached: attached, units, &records)
        } else {
            records.append(TokenRecord(start: Int32(start), end: Int32(end), kind: kind, flags: flags, first: units[start]))
        }
    }

    @inline(never)
    private func repair(
        start: Int, end: Int, kind: TokenKind, flags: TokenFlags, attached: Bool,
        _ units: UnsafeBufferPointer<UInt16>, _ records: inout RecordBuffer
    ) {
        let length = end - start
        if attached, let last = records.last, last.end == Int32(start) {
            // An abbreviation keeps its period: "U.S" + "." → "U.S.".
            if length == 1, units[start] == 0x2E, last.kind == .word, keepsPeriod(last, units) {
                records[records.count - 1].end = Int32(end)
                records[records.count - 1].flags.insert(.abbreviation)
                return
            }
            // A possessive after an abbreviation: "U.S." "'" "s" → "U.S." "'s".
            if length == 1, units[start] | 0x20 == 0x73, last.length == 1, Self.isApostrophe(last.first),
                !last.flags.contains(.spaceBefore), records.count >= 2, records[records.count - 2].end == last.start,
                records[records.count - 2].kind == .word
            {
                records[records.count - 1].end = Int32(end)
                records[records.count - 1].kind = .word
                return
            }
            // A designation stays whole: "Su" "-" "30MK2" → "Su-30MK2".
            if kind != .punctuation, kind != .symbol, last.length == 1, Self.isHyphen(last.first),
                records.count >= 2, !last.flags.contains(.spaceBefore)
            {
                let head = records[records.count - 2]
                if head.end == last.start, isDesignation(head: head, tailStart: start, tailEnd: end, units) {
                    records.removeLast()
                    records[records.count - 1].end = Int32(end)
                    records[records.count - 1].kind = .word
                    return
                }
            }
        }
        // A possessive is a token of its own: "Army's" → "Army" "'s".
        if kind == .word, length > 2, Self.isApostrophe(units[end - 2]), units[end - 1] | 0x20 == 0x73 {
            records.append(TokenRecord(start: Int32(start), end: Int32(end - 2), kind: .word, flags: flags, first: units[start]))
            records.append(TokenRecord(start: Int32(end - 2), end: Int32(end), kind: .word, flags: [], first: units[end - 2]))
            return
        }
        records.append(TokenRecord(start: Int32(start), end: Int32(end), kind: kind, flags: flags, first: units[start]))
    }

    /// Whether a word followed by a period is an abbreviation that keeps it:
    /// a single capital initial (`E`), an entry of the abbreviation list, or
    /// an initialism with inner periods (`U.S`, `a.m`).
    @inline(__always)
    private func keepsPeriod(_ word: TokenRecord, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        let start = Int(word.start)
        let end = Int(word.end)
        if end - start == 1 {
            let unit = units[start]
            if unit >= 0x41 && unit <= 0x5A { return true }
        }
        if abbreviations.role(hash: FNV.hash(units: units, start, end)) != nil { return true }
        // An initialism: letters in groups of one or two split by periods ("U.S", "Ph.D"),
        // which a file name or web address ("content.html") is not.
        var group = 0
        var sawPeriod = false
        for i in start..<end {
            if units[i] == 0x2E {
                guard group > 0 else { return false }
                sawPeriod = true
                group = 0
            } else {
                group += 1
                if group > 2 { return false }
            }
        }
        return sawPeriod && group > 0
    }

    /// Whether `head` `-` `tail` is one designation: a capitalised head with
    /// no period followed by a number-led tail (`F-35A`, `Kh-101`), a tail
    /// after a head that already holds a digit (`AIM-120C-8`), or a short
    /// variant letter (`Igla-S`, `Buk-M2`).
    @inline(__always)
    private func isDesignation(
        head: TokenRecord, tailStart: Int, tailEnd: Int, _ units: UnsafeBufferPointer<UInt16>
    ) -> Bool {
        let headStart = Int(head.start)
        let headEnd = Int(head.end)
        guard head.kind == .word, headEnd - headStart <= 12, Self.isUpper(units[headStart]) else { return false }
        var headHasDigit = false
        for i in headStart..<headEnd {
            let unit = units[i]
            if unit == 0x2E { return false }
            if Self.isDigit(unit) { headHasDigit = true }
        }
        let tailFirst = units[tailStart]
        if Self.isDigit(tailFirst) { return true }
        guard Self.isUpper(tailFirst) else { return false }
        if headHasDigit { return true }
        // A variant letter, optionally with digits: "S", "M2", "S1".
        guard tailEnd - tailStart <= 3 else { return false }
        for i in (tailStart + 1)..<tailEnd where !Self.isDigit(units[i]) { return false }
        return true
    }

    // MARK: - Keys

    /// The key of a token with non-ASCII characters, through ICU's NFKC case
    /// folding and mark removal; returns its upper- and lower-case letter counts.
    static func foldedKey(
        _ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
        _ arena: inout ByteArena, _ scratch: inout [UInt16], _ flags: inout TokenFlags
    ) -> (upper: Int, lower: Int) {
        let length = end - start
        var upper = 0
        var lower = 0
        var needsFolding = false
        if scratch.count < length * 4 + 16 { scratch = [UInt16](repeating: 0, count: length * 4 + 16) }
        for i in 0..<length {
            let unit = unifiedPunctuation(units[start + i])
            scratch[i] = unit
            if unit >= 0x80 {
                needsFolding = true
                if let scalar = Unicode.Scalar(unit) {
                    if scalar.properties.isUppercase { upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
                }
            } else if isUpper(unit) {
                upper += 1
            } else if unit >= 0x61 && unit <= 0x7A {
                lower += 1
            } else if isDigit(unit) {
                flags.insert(.hasDigit)
            }
        }
        let first = units[start]
        if first < 0x80 ? isUpper(first) : (Unicode.Scalar(first)?.properties.isUppercase ?? false) {
            flags.insert(.capitalized)
        }
        var foldedLength = length
        var folded = Array(scratch[0..<length])
        if needsFolding {
            var destination = [UInt16](repeating: 0, count: length * 4 + 16)
            let written = folded.withUnsafeBufferPointer { source in
                destination.withUnsafeMutableBufferPointer { output in
                    Int(ck_fold(source.baseAddress, Int32(length), output.baseAddress, Int32(output.count)))
                }
            }
            if written >= 0 && written <= destination.count {
                folded = destination
                foldedLength = written
            }
        } else {
            for i in 0..<length where isUpper(folded[i]) { folded[i] |= 0x20 }
        }
        var iterator = folded[0..<foldedLength].makeIterator()
        var decoder = Unicode.UTF16()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            for byte in String(scalar).utf8 { arena.append(byte) }
        }
        return (upper, lower)
    }

    // MARK: - Characters

    @inline(__always)
    static func unifiedPunctuation(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0xFF07: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0xFF02: return 0x22
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
        default: return unit
        }
    }

    @inline(__always)
    static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x0B || unit == 0x0C || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    @inline(__always)
    static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    @inline(__always)
    static func isUpper(_ unit: UInt16) -> Bool { unit >= 0x41 && unit <= 0x5A }

    @inline(__always)
    static func isApostrophe(_ unit: UInt16) -> Bool { unit == 0x27 || unit == 0x2019 }

    @inline(__always)
    static func isHyphen(_ unit: UInt16) -> Bool { unit == 0x2D || unit == 0x2010 || unit == 0x2011 }

    private static func isSymbol(_ unit: UInt16) -> Bool {
        if unit < 0x80 {
            switch unit {
            case 0x23, 0x24, 0x25, 0x26, 0x2A, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x5E, 0x60, 0x7C, 0x7E: return true
            default: return false
            }
        }
        guard let scalar = Unicode.Scalar(unit) else { return true }
        switch scalar.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
