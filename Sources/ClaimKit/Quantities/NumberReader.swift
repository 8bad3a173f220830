/// Reads one number written in digits, in words or in both (`15,000`,
/// `twenty-one`, `1.2 million`, `$4.5bn`'s `4.5bn`, `a dozen`, `1,345th`)
/// from token keys, never from characters of the text.
struct NumberReader {
    /// A number as read, in token indices.
    struct Number {
        var start: Int
        var end: Int
        var value: Double
        var ordinal = false
        /// The last scale word or suffix that multiplied it (`million` → 1e6).
        var scale: Double?
        /// One token of digits with no separator, decimals or letters: a year when it has four digits.
        var plainDigits = false
        /// Written with digits.
        var digits = false
        /// Written only with the word `one`: perhaps a pronoun.
        var loneOne = false
        /// A unit written on the digits (`300km`): its key text and entry.
        var attachedUnit: (text: String, unit: QuantityLexicon.Unit)?
        /// A letter suffix that scales only next to money (`€500m`); the value does not include it.
        var moneyScale: Double?
    }

    /// What the last word read was, to know what may follow.
    private enum Last {
        case none, article, digits, unit, teen, tens, hundred, scale, dozen, fraction, and
    }

    let lexicon: QuantityLexicon
    let records: UnsafeBufferPointer<TokenRecord>
    let keys: UnsafeBufferPointer<UInt8>
    let hyphenKey: UInt64
    let andKey: UInt64
    /// Reads codes with leading zeros (`0000`) as numbers, as a bare number parser must.
    let lenient: Bool

    init(lexicon: QuantityLexicon, records: UnsafeBufferPointer<TokenRecord>, keys: UnsafeBufferPointer<UInt8>, lenient: Bool = false) {
        self.lenient = lenient
        self.lexicon = lexicon
        self.records = records
        self.keys = keys
        hyphenKey = KeyHash.hash("-")
        andKey = KeyHash.hash("and")
    }

    @inline(__always)
    func word(_ index: Int, _ limit: Int) -> QuantityLexicon.NumberWord? {
        guard index < limit, records[index].kind == .word else { return nil }
        return lexicon.words[records[index].keyHash]
    }

    /// Whether the token at `index` starts a number.
    @inline(__always)
    func mayStart(_ index: Int) -> Bool {
        let record = records[index]
        return record.kind == .number || (record.kind == .word && lexicon.words[record.keyHash] != nil)
    }

    /// The number that starts at token `start`, ending by `limit`; `signed`
    /// reads a leading `minus`, `negative` or attached `-`.
    func read(at start: Int, limit: Int, signed: Bool = false) -> Number? {
        if signed, let decimal = leadingDecimal(at: start, limit: limit) { return decimal }
        var i = start
        var sign = 1.0
        if signed, i + 1 < limit {
            if let w = word(i, limit), w.kind == .sign, mayStart(i + 1) {
                sign = -1
                i += 1
            } else if records[i].keyHash == hyphenKey, records[i + 1].kind == .number,
                !records[i + 1].flags.contains(.spaceBefore) || !records[i].flags.contains(.spaceBefore) && i == 0
            {
                sign = -1
                i += 1
            }
        }
        var number = Number(start: start, end: i, value: 0)
        var total = 0.0
        var current = 0.0
        var last = Last.none
        var afterAnd = false
        var j = i
        read: while j < limit {
            let record = records[j]
            if record.kind == .number {
                guard last == .none || last == .scale || last == .and || last == .hundred && current.truncatingRemainder(dividingBy: 100) == 0,
                    let digits = parseDigits(j)
                else { break }
                if last == .none { number.plainDigits = digits.plain }
                number.digits = true
                current += digits.value
                number.end = j + 1
                j += 1
                if digits.ordinal {
                    number.ordinal = true
                    break read
                }
                if let unit = digits.unit {
                    number.attachedUnit = unit
                    number.moneyScale = digits.scale
                    break read
                }
                if let scale = digits.scale {
                    total += current * scale
                    current = 0
                    number.scale = scale
                    last = .scale
                    continue
                }
                last = .digits
                continue
            }
            if record.keyHash == hyphenKey, last == .tens, let next = word(j + 1, limit),
                next.kind == .unit || next.kind == .ordinal, next.value < 10
            {
                j += 1
                continue
            }
            if record.keyHash == andKey, last != .none, last != .article, last != .and {
                // `one and a half`, `three hundred and six`, `two million and five`
                let fractionFollows = word(j + 1, limit)?.kind == .article && word(j + 2, limit)?.kind == .fraction
                if fractionFollows || (last == .hundred || last == .scale) && j + 1 < limit && mayStart(j + 1) {
                    last = .and
                    j += 1
                    continue
                }
                break
            }
            guard let w = word(j, limit) else { break }
            switch w.kind {
            case .article:
                guard last == .none || last == .and, let next = word(j + 1, limit) else { break read }
                afterAnd = last == .and
                switch next.kind {
                case .hundred, .scale, .dozen: current = last == .and ? current : 0
                case .fraction: break
                default: break read
                }
                last = .article
                j += 1
                continue
            case .unit:
                guard last == .none || last == .tens && w.value > 0 || last == .hundred || last == .scale || last == .and else { break read }
                current += w.value
                last = .unit
            case .teen, .tens:
                guard last == .none || last == .hundred || last == .scale || last == .and else { break read }
                current += w.value
                last = w.kind == .teen ? .teen : .tens
            case .hundred:
                // One hundreds place per group: `3 hundred and 2 hundred` is two numbers.
                guard last == .article || last == .unit || last == .teen || last == .tens || last == .digits,
                    current < 100 || last == .digits
                else { break read }
                current = (last == .article ? 1 : current) * 100
                last = .hundred
            case .scale:
                guard last == .article || last == .unit || last == .teen || last == .tens || last == .hundred || last == .digits
                    || last == .fraction || last == .scale && current == 0 && total > 0
                else { break read }
                let base = last == .article ? 1 : current
                if last == .scale {
                    total *= w.value
                } else {
                    total += base * w.value
                }
                current = 0
                number.scale = w.value
                last = .scale
            case .dozen:
                // `dozens` alone is vague; after a number it multiplies (`three dozens`).
                guard last == .article || last == .unit || last == .teen || last == .tens || last == .hundred || last == .digits
                    || last == .fraction
                else { break read }
                current = (last == .article ? 1 : current) * w.value
                last = .dozen
            case .fraction:
                if last == .none, word(j + 1, limit)?.kind == .article, let after = word(j + 2, limit),
                    after.kind == .scale || after.kind == .dozen
                {
                    // `half a million`, `half a dozen`
                    current = w.value
                    last = .fraction
                    j += 2
                    continue
                }
                if last == .none || last == .article, let after = word(j + 1, limit), after.kind == .scale {
                    // `half million`, `a quarter million`; `one and a half million` adds to what came before.
                    current = (afterAnd ? current : 0) + w.value
                } else if last == .unit || last == .teen || last == .tens, let after = word(j + 1, limit), after.kind == .scale {
                    // `three quarters billion`
                    current *= w.value
                } else {
                    guard last == .article else { break read }
                    current += w.value
                }
                last = .fraction
            case .ordinal:
                guard last == .none || last == .tens && w.value < 10 || last == .hundred || last == .scale || last == .and else { break read }
                current += w.value
                number.ordinal = true
                number.end = j + 1
                break read
            case .ordinalScale:
                guard last == .none || last == .unit || last == .teen || last == .tens || last == .hundred || last == .digits
                else { break read }
                current = (last == .none ? 1 : current) * w.value
                number.ordinal = true
                number.end = j + 1
                break read
            case .point:
                guard last == .unit || last == .teen || last == .tens || last == .hundred || last == .scale || last == .digits,
                    let fraction = readDecimals(after: j, limit: limit)
                else { break read }
                current += fraction.value
                number.end = fraction.end
                j = fraction.end
                last = .digits
                continue
            case .sign, .suffix, .ordinalSuffix:
                break read
            }
            number.end = j + 1
            j += 1
        }
        guard number.end > i else { return nil }
        number.value = sign * (total + current)
        number.plainDigits = number.plainDigits && number.end - start == 1
        if number.end - start == 1, let w = word(start, limit), w.kind == .unit, w.value == 1 { number.loneOne = true }
        return number
    }

    /// `.08`: a decimal written without its zero, the point a token of its own.
    private func leadingDecimal(at start: Int, limit: Int) -> Number? {
        guard start + 1 < limit, records[start].kind == .punctuation, records[start].length == 1,
            keys[Int(records[start].keyStart)] == 0x2E, records[start + 1].kind == .number,
            !records[start + 1].flags.contains(.spaceBefore), start == 0 || records[start].flags.contains(.spaceBefore)
        else { return nil }
        let record = records[start + 1]
        var value = 0.0
        var divisor = 1.0
        for k in Int(record.keyStart)..<Int(record.keyEnd) {
            let byte = keys[k]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            divisor *= 10
            value += Double(byte - 0x30) / divisor
        }
        return Number(start: start, end: start + 2, value: value, digits: true)
    }

    /// Spoken decimals after `point`: `point zero three`, `point seventy-one`.
    private func readDecimals(after point: Int, limit: Int) -> (value: Double, end: Int)? {
        var j = point + 1
        if let w = word(j, limit), w.kind == .teen || w.kind == .tens {
            var value = w.value
            j += 1
            if j + 1 < limit, records[j].keyHash == hyphenKey, let unit = word(j + 1, limit), unit.kind == .unit {
                value += unit.value
                j += 2
            } else if let unit = word(j, limit), unit.kind == .unit, w.kind == .tens {
                value += unit.value
                j += 1
            }
            return (value / 100, j)
        }
        var value = 0.0
        var divisor = 1.0
        while let w = word(j, limit), w.kind == .unit {
            divisor *= 10
            value += w.value / divisor
            j += 1
        }
        return j > point + 1 ? (value, j) : nil
    }

    /// A token of digits: `15,000`, `4.5`, `4.5bn`, `1,345th`, `300km`.
    /// Nil for codes, times, decades and malformed groups (`11:58`, `1990s`, `1,3`).
    func parseDigits(_ index: Int) -> (
        value: Double, plain: Bool, ordinal: Bool, scale: Double?, unit: (text: String, unit: QuantityLexicon.Unit)?
    )? {
        let record = records[index]
        let base = Int(record.keyStart)
        let count = Int(record.keyEnd - record.keyStart)
        var k = 0
        var integer = 0.0
        var digitsSinceComma = -1
        var sawComma = false
        var leadingZero = false
        var intDigits = 0
        while k < count {
            let byte = keys[base + k]
            if byte >= 0x30 && byte <= 0x39 {
                if intDigits == 0 && byte == 0x30 { leadingZero = true }
                integer = integer * 10 + Double(byte - 0x30)
                intDigits += 1
                if digitsSinceComma >= 0 { digitsSinceComma += 1 }
            } else if byte == 0x2C {
                guard intDigits > 0, digitsSinceComma == -1 || digitsSinceComma == 3, !leadingZero || lenient else { return nil }
                sawComma = true
                digitsSinceComma = 0
            } else {
                break
            }
            k += 1
        }
        guard intDigits > 0, digitsSinceComma == -1 || digitsSinceComma == 3 else { return nil }
        var value = integer
        var decimal = false
        if k < count, keys[base + k] == 0x2E {
            var divisor = 1.0
            var fraction = 0.0
            var j = k + 1
            while j < count, keys[base + j] >= 0x30, keys[base + j] <= 0x39 {
                divisor *= 10
                fraction = fraction * 10 + Double(keys[base + j] - 0x30)
                j += 1
            }
            guard j > k + 1 else { return nil }
            value += fraction / divisor
            decimal = true
            k = j
        }
        if leadingZero && intDigits > 1 && !decimal && !lenient { return nil }
        guard k < count else {
            return (value, !sawComma && !decimal, false, nil, nil)
        }
        for j in k..<count {
            let byte = keys[base + j]
            guard (byte >= 0x61 && byte <= 0x7A) || byte == 0x2F || byte == 0xC2 || byte == 0xB0 else { return nil }
        }
        // The key arena keeps slack after every key, as KeyHash needs.
        let letters = KeyHash.hash(keys.baseAddress! + base + k, count: count - k)
        let suffix = lexicon.suffixes[letters]
        if suffix?.kind == .ordinalSuffix {
            guard !decimal, lexicon.ordinalSuffixFits(integer, letters) else { return nil }
            return (value, false, true, nil, nil)
        }
        if let unit = lexicon.attachedUnits[letters] {
            let text = String(decoding: UnsafeBufferPointer(rebasing: keys[(base + k)..<(base + count)]), as: UTF8.self)
            return (value, false, false, suffix?.value, (text, unit))
        }
        if let suffix, suffix.kind == .suffix { return (value, false, false, suffix.value, nil) }
        return nil
    }

}
