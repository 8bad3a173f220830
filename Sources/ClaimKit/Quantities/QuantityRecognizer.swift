/// Finds the amounts a document states: a number in digits or words, the
/// qualifier before it, a currency, a unit or the counted thing after it,
/// and a second number that makes a range.
///
/// - Vague words (`several`, `hundreds of thousands of`) have fixed bounds
///   from `vague-amounts.tsv`.
/// - A count needs a counted thing; its head is the first plural noun after
///   the number (`5,000 Igla-S portable air defense systems` → `systems`),
///   and a weapon mention inside it is linked.
/// - Dates, clock times, years, ages, codes and numbers inside names are no
///   amounts: a month or a time word next to the number, `-year-old`, a
///   designation word or a capitalised word before it, a four-digit number
///   without a unit, a calibre before a noun (`155mm shells`).
struct QuantityRecognizer: Sendable {
    let lexicon: QuantityLexicon
    let ofKey = KeyHash.hash("of")
    let toKey = KeyHash.hash("to")
    let andKey = KeyHash.hash("and")
    let orKey = KeyHash.hash("or")
    let hyphenKey = KeyHash.hash("-")
    let slashKey = KeyHash.hash("/")
    let colonKey = KeyHash.hash(":")
    let possessiveKey = KeyHash.hash("'s")
    let oldKey = KeyHash.hash("old")
    let ageKey = KeyHash.hash("age")
    let wordPrefixes = KeySet(["a", "us", "s", "r"].map { KeyHash.hash($0) })
    let moreKeys = KeySet(["more", "fewer", "additional", "other", "further", "extra"].map { KeyHash.hash($0) })
    let openings = KeySet(["(", "[", "{", "<"].map { KeyHash.hash($0) })
    let ageUnits = KeySet(["year", "years", "month", "months", "week", "weeks", "day", "days"].map { KeyHash.hash($0) })

    init(lexicon: QuantityLexicon) {
        self.lexicon = lexicon
    }

    /// The quantities of one document and, for the claim stage, the tokens each covers.
    struct Recognized {
        var quantities: [Quantity]
        var spans: [Range<Int>]
    }

    func recognize(_ tokens: TokenizedText, sentences: [Range<Int>], entities: EntityRecognizer.Recognized) -> Recognized {
        withExtendedLifetime(tokens) {
            let pass = Pass(recognizer: self, tokens: tokens, entities: entities)
            var found = Recognized(quantities: [], spans: [])
            for (index, sentence) in sentences.enumerated() { pass.scan(sentence, index: index, into: &found) }
            return found
        }
    }

    /// One document's work.
    struct Pass {
        let recognizer: QuantityRecognizer
        let lexicon: QuantityLexicon
        let records: UnsafeBufferPointer<TokenRecord>
        let buffer: TextBuffer
        let reader: NumberReader
        let entities: EntityRecognizer.Recognized
        /// Per token, the entity mention that covers it, or -1.
        let entityAt: [Int32]

        init(recognizer: QuantityRecognizer, tokens: TokenizedText, entities: EntityRecognizer.Recognized) {
            self.recognizer = recognizer
            lexicon = recognizer.lexicon
            records = tokens.records
            buffer = tokens.buffer
            reader = NumberReader(lexicon: recognizer.lexicon, records: tokens.records, keys: tokens.storage.keys)
            self.entities = entities
            entityAt = entities.owners
        }

        /// An amount being worked out, in token indices.
        struct Draft {
            var start: Int
            var end: Int
            var value: Double?
            var low: Double?
            var high: Double?
            var qualifier: QuantityQualifier = .exact
            /// Texts are kept as token ranges until the amount is emitted, so a
            /// draft is small to copy and costs no string for an amount dropped later.
            var unit: WrittenUnit?
            var item: Range<Int>?
            var kind: QuantityKind = .count
            /// The weapon mention's index.
            var weapon: Int?
        }

        /// The pass is not mutated, so reading an amount borrows it instead of copying it.
        func scan(_ sentence: Range<Int>, index: Int, into found: inout Recognized) {
            let limit = sentence.upperBound
            var i = sentence.lowerBound
            var done = i
            while i < limit {
                let record = records[i]
                guard record.kind == .number || lexicon.isTrigger(record.keyHash) else {
                    i += 1
                    continue
                }
                // Numbers inside names (`Leopard 2`, `47th Mechanized Brigade`) are no amounts.
                let owner = entityAt[i]
                if owner >= 0, prefixCurrency(at: i, limit: limit) == nil {
                    i = entities.spans[Int(owner)].upperBound
                    done = i
                    continue
                }
                // The amount may start a few tokens back, at its qualifier or currency (`at least`, `US$`).
                var draft: Draft?
                var readEnd = i + 1
                let lookBack = i > done && lexicon.isEnder(records[i - 1].keyHash) ? max(done, i - 6) : i
                for start in lookBack..<i where lexicon.mayStart(records[start].keyHash) {
                    if let candidate = amount(at: start, in: sentence, readEnd: &readEnd), candidate.end > i {
                        draft = candidate
                        break
                    }
                }
                readEnd = i + 1
                if draft == nil { draft = amount(at: i, in: sentence, readEnd: &readEnd) }
                if let draft {
                    emit(draft, sentence: index, into: &found)
                    i = draft.end
                } else {
                    // Past a number that is no amount, so that its parts are not read again (`twenty-one` → not `one`).
                    i = max(readEnd, i + 1)
                }
                done = i
            }
        }

        func emit(_ draft: Draft, sentence: Int, into found: inout Recognized) {
            let start = Int(records[draft.start].start)
            let end = Int(records[draft.end - 1].end)
            // `if let`, not `map(written)`: a method or a closure over the pass would copy it.
            var unit: String?
            if let written = draft.unit { unit = self.written(written) }
            var item: Substring?
            if let span = draft.item { item = buffer.substring(Int(records[span.lowerBound].start), Int(records[span.upperBound - 1].end)) }
            var weapon: Substring?
            if let index = draft.weapon { weapon = entities.mentions[index].text }
            found.quantities.append(Quantity(
                range: buffer.range(start, end), text: buffer.substring(start, end), value: draft.value, low: draft.low,
                high: draft.high, qualifier: draft.qualifier, unit: unit, item: item, kind: draft.kind, weapon: weapon,
                sentence: sentence))
            found.spans.append(draft.start..<draft.end)
        }

        // MARK: Amounts

        /// The amount that starts at `start`; `readEnd` is set past the number read, amount or not.
        func amount(at start: Int, in sentence: Range<Int>, readEnd: inout Int) -> Draft? {
            let limit = sentence.upperBound
            var p = start
            var bound: QuantityLexicon.Bound?
            if let qualifier = lexicon.qualifiersBefore.match(at: p, limit: limit, records) {
                bound = qualifier.value
                p = qualifier.end
            }
            if let vague = lexicon.vague.match(at: p, limit: limit, records) {
                // `some` and the bounds qualify numbers, not vague words.
                guard bound == nil else { return nil }
                return vagueAmount(start: start, end: vague.end, vague.value, in: sentence)
            }
            var currency: (code: String, end: Int)?
            if let unit = prefixCurrency(at: p, limit: limit) {
                currency = unit
                p = unit.end
            }
            guard p < limit, reader.mayStart(p), var first = reader.read(at: p, limit: limit, signed: true) else { return nil }
            readEnd = first.end
            let qualified = bound != nil && bound != .rangeOpen || currency != nil
            if isNoAmount(first, in: sentence, qualified: qualified) { return nil }

            var draft = Draft(start: start, end: first.end, value: first.value)
            var unit = currency.map { (kind: QuantityLexicon.UnitKind.money, code: Optional($0.code), text: WrittenUnit.key($0.code), end: first.end) }
            if unit == nil, !first.ordinal { unit = unitAfter(first, limit: limit) }
            if let moneyScale = first.moneyScale, currency != nil || unit == nil {
                // `€500m`, `10M people`: m is a million here, not metres.
                first.value *= moneyScale
                first.scale = moneyScale
                draft.value = first.value
            }
            if let found = unit, found.kind == .calibre {
                return nil
            }

            // A second number makes a range: `10-15`, `10 to 15`, `between 10 and 15`.
            var end = unit?.end ?? first.end
            if let range = secondNumber(after: end, first: first, opener: bound, currency: currency != nil, limit: limit) {
                var low = first.value
                if let scale = range.number.scale, first.scale == nil, low * scale <= range.number.value { low *= scale }
                guard low < range.number.value else { return nil }
                draft.value = nil
                draft.low = low
                draft.high = range.number.value
                draft.qualifier = .range
                end = range.end
                if let second = range.unit { unit = second }
            } else if bound == .rangeOpen {
                // `between` and `from` without their second number qualify nothing.
                draft.start = firstTokenAfterQualifier(start, limit)
                bound = nil
            }
            if draft.qualifier != .range, let bound {
                apply(bound, to: &draft)
            }
            draft.end = end
            // `about 40 - 50 years old`: an age, whatever its form.
            if let unit, unit.kind == .measure, isAge(first.end, limit: limit) || isOld(end, limit: limit) { return nil }

            if let unit {
                switch unit.kind {
                case .money: draft.kind = .money
                case .percent: draft.kind = .percent
                case .measure, .calibre: draft.kind = .measure
                }
                draft.unit = unit.code.map(WrittenUnit.key) ?? unit.text
                if first.ordinal { return nil }
                afterQualifier(&draft, limit: limit)
                return draft
            }
            // A count or a rank needs the thing counted.
            if first.ordinal {
                guard isRank(first, in: sentence), let counted = countedPhrase(from: end, limit: limit, singular: true) else { return nil }
                draft.kind = .ordinal
                fill(&draft, counted)
                return draft
            }
            if end < limit, records[end].keyHash == recognizer.ofKey { return nil }
            if first.loneOne, first.start > sentence.lowerBound,
                lexicon.pronounDeterminers.contains(records[first.start - 1].keyHash)
            {
                return nil
            }
            // `10,000 or more soldiers`: the qualifier after the number, before its noun.
            var nounStart = end
            if draft.qualifier == .exact, let after = lexicon.qualifiersAfter.match(at: end, limit: limit, records) {
                apply(after.value, to: &draft)
                nounStart = after.end
            }
            let singular = draft.qualifier == .exact && first.value == 1
            guard let counted = countedPhrase(from: nounStart, limit: limit, singular: singular) else { return nil }
            fill(&draft, counted)
            afterQualifier(&draft, limit: limit)
            return draft
        }

        func firstTokenAfterQualifier(_ start: Int, _ limit: Int) -> Int {
            lexicon.qualifiersBefore.match(at: start, limit: limit, records)?.end ?? start
        }

        func apply(_ bound: QuantityLexicon.Bound, to draft: inout Draft) {
            switch bound {
            case .approximate: draft.qualifier = .approximate
            case .atLeast:
                draft.qualifier = .atLeast
                draft.low = draft.value
            case .moreThan:
                draft.qualifier = .moreThan
                draft.low = draft.value
            case .atMost:
                draft.qualifier = .atMost
                draft.high = draft.value
            case .lessThan:
                draft.qualifier = .lessThan
                draft.high = draft.value
            case .rangeOpen: break
            }
        }

        /// `15,000 soldiers or more`, `500 or so`.
        func afterQualifier(_ draft: inout Draft, limit: Int) {
            guard draft.qualifier == .exact, let after = lexicon.qualifiersAfter.match(at: draft.end, limit: limit, records) else { return }
            apply(after.value, to: &draft)
            draft.end = after.end
        }

        func vagueAmount(start: Int, end vagueEnd: Int, _ vague: QuantityLexicon.Vague, in sentence: Range<Int>) -> Draft? {
            let limit = sentence.upperBound
            var p = vagueEnd
            var low = vague.low
            var high = vague.high
            // `several thousand`, `a few hundred thousand`: the scale words multiply the bounds.
            while p < limit, let word = lexicon.words[records[p].keyHash], word.kind == .scale || word.kind == .hundred {
                low *= word.value
                high *= word.value
                p += 1
            }
            if p < limit, records[p].keyHash == recognizer.ofKey { p += 1 }
            var draft = Draft(start: start, end: p, value: nil, low: low, high: high, qualifier: .vague)
            if let unit = lexicon.units.match(at: p, limit: limit, records), unit.value.after, unit.value.kind != .calibre,
                unit.value.kind != .percent
            {
                draft.kind = unit.value.kind == .money ? .money : .measure
                draft.unit = unit.value.code.map(WrittenUnit.key) ?? .tokens(p..<unit.end)
                draft.end = unit.end
                return draft
            }
            guard let counted = countedPhrase(from: p, limit: limit, singular: false) else { return nil }
            fill(&draft, counted)
            return draft
        }

        func fill(_ draft: inout Draft, _ counted: Counted) {
            draft.end = counted.end
            draft.unit = .tokens(counted.head..<counted.end)
            draft.item = counted.start..<counted.end
            draft.weapon = counted.weapon
        }

        // MARK: Currencies and units

        func prefixCurrency(at p: Int, limit: Int) -> (code: String, end: Int)? {
            guard let match = lexicon.units.match(at: p, limit: limit, records), match.value.kind == .money, match.value.before,
                let code = match.value.code
            else { return nil }
            // Codes are written in capitals: `USD 200`, not the verb `try`.
            if match.value.isCode, !records[p].flags.contains(.allCaps) { return nil }
            // A prefix that starts with an English word is written together (`US$`, `A$`):
            // `a $5 million grant` is dollars, `gave us $5` too.
            if recognizer.wordPrefixes.contains(records[p].keyHash),
                (p + 1..<match.end).contains(where: { records[$0].flags.contains(.spaceBefore) })
            {
                return nil
            }
            return (code, match.end)
        }

        typealias FoundUnit = (kind: QuantityLexicon.UnitKind, code: String?, text: WrittenUnit, end: Int)

        /// How a unit is written: on the digits (`km` of `300km`, by its key) or as tokens,
        /// whose text is copied only for the unit an amount keeps.
        enum WrittenUnit {
            case key(String)
            case tokens(Range<Int>)
        }

        func written(_ unit: WrittenUnit) -> String {
            switch unit {
            case .key(let text): text
            case .tokens(let span): buffer.string(Int(records[span.lowerBound].start), Int(records[span.upperBound - 1].end))
            }
        }

        /// The unit written on or after a number: `300km`, `40 percent`, `4.5 billion dollars`, `40-km`.
        func unitAfter(_ number: NumberReader.Number, limit: Int) -> FoundUnit? {
            if let attached = number.attachedUnit {
                if attached.unit.kind == .calibre {
                    // `155mm shells` names a calibre; `rainfall of 50mm` is a measure.
                    if number.end < limit, records[number.end].kind == .word { return (.calibre, nil, .key(attached.text), number.end) }
                    return (.measure, nil, .key(attached.text), number.end)
                }
                if number.moneyScale != nil, Tokenizer.isUpper(buffer.units[Int(records[number.end - 1].end) - 1]) {
                    // `10M`, `1MM`, `10G`: a capital letter scales; `1.8m`, `5g` are units.
                    return nil
                }
                return (attached.unit.kind, attached.unit.code, .key(attached.text), number.end)
            }
            var p = number.end
            // `40-km convoy`, `82,000-tonne`: the hyphenated measure alone.
            var hyphenated = false
            if p + 1 < limit, records[p].keyHash == recognizer.hyphenKey, !records[p].flags.contains(.spaceBefore) {
                hyphenated = true
                p += 1
            }
            // `20 (kg)`: a unit in brackets.
            var bracketed = false
            if !hyphenated, p + 2 < limit, Self.isOpening(records[p].keyHash, recognizer) {
                bracketed = true
                p += 1
            }
            guard let match = lexicon.units.match(at: p, limit: limit, records), match.value.after else { return nil }
            if hyphenated, match.value.kind != .measure && match.value.kind != .calibre { return nil }
            if bracketed {
                guard match.end < limit, records[match.end].kind != .word, records[match.end].length == 1 else { return nil }
                return (match.value.kind, match.value.code, .tokens(p..<match.end), match.end + 1)
            }
            if match.value.kind == .calibre, match.end < limit, records[match.end].kind == .word {
                return (.calibre, nil, .key(""), match.end)
            }
            return (match.value.kind, match.value.code, .tokens(p..<match.end), match.end)
        }

        /// The second number of a range after `end`, with its unit.
        func secondNumber(
            after end: Int, first: NumberReader.Number, opener: QuantityLexicon.Bound?, currency: Bool, limit: Int
        ) -> (number: NumberReader.Number, unit: FoundUnit?, end: Int)? {
            guard end + 1 < limit, !first.ordinal else { return nil }
            let joiner = records[end].keyHash
            // After `between` or `from`: and, to, a hyphen; otherwise a hyphen, to, or.
            guard joiner == recognizer.toKey || joiner == recognizer.hyphenKey
                || joiner == (opener == .rangeOpen ? recognizer.andKey : recognizer.orKey)
            else { return nil }
            var p = end + 1
            if let prefix = prefixCurrency(at: p, limit: limit) {
                guard currency else { return nil }
                p = prefix.end
            }
            guard p < limit, reader.mayStart(p), let second = reader.read(at: p, limit: limit), !second.ordinal else { return nil }
            // `2022-2023` and phone numbers are no ranges.
            if second.end < limit, records[second.end].keyHash == recognizer.hyphenKey, second.end + 1 < limit,
                records[second.end + 1].kind == .number
            {
                return nil
            }
            if isYear(first) && isYear(second) { return nil }
            let unit = unitAfter(second, limit: limit)
            if unit?.kind == .calibre { return nil }
            return (second, unit, unit?.end ?? second.end)
        }

        // MARK: What is no amount

        func isYear(_ number: NumberReader.Number) -> Bool {
            number.plainDigits && number.value >= 1000 && number.value < 2200
        }

        /// A whole number that can be a day of the month.
        func isDay(_ number: NumberReader.Number) -> Bool {
            number.value >= 1 && number.value <= 31 && number.value == number.value.rounded() || isYear(number)
        }

        func isNoAmount(_ number: NumberReader.Number, in sentence: Range<Int>, qualified: Bool) -> Bool {
            let limit = sentence.upperBound
            let before = number.start - 1
            let after = number.end
            if before >= sentence.lowerBound {
                let key = records[before].keyHash
                if lexicon.months.contains(key) && isDay(number) || lexicon.ageBefore.contains(key) {
                    return true
                }
                // `5/17`, `11:58`: parts of dates and times, written without spaces.
                if key == recognizer.slashKey || key == recognizer.colonKey, !records[number.start].flags.contains(.spaceBefore) {
                    return true
                }
                if records[before].kind == .number { return true }
                if !qualified, lexicon.designations.contains(key) { return true }
                if key == recognizer.hyphenKey, !records[number.start].flags.contains(.spaceBefore), before > sentence.lowerBound,
                    records[before - 1].kind == .number || records[before - 1].kind == .word
                {
                    return true
                }
                // A capitalised word before a number names a thing (`Boeing 737`, `Zapad 2025`),
                // except the sentence's first word.
                // After a preposition the capitalised word is a place or a time (`In Kharkiv 12 people`,
                // `Since March 300 soldiers`).
                if !qualified, records[before].kind == .word, records[before].flags.contains(.capitalized),
                    before > sentence.lowerBound, entityAt[before] < 0 || entities.mentions[Int(entityAt[before])].kind != .state,
                    !lexicon.months.contains(key), !lexicon.weekdays.contains(key), !lexicon.yearBefore.contains(records[before - 1].keyHash)
                {
                    return true
                }
            }
            if after < limit {
                let key = records[after].keyHash
                if lexicon.months.contains(key) && (isDay(number) || isYear(number)) || lexicon.timeAfter.contains(key) { return true }
                if key == recognizer.slashKey || key == recognizer.colonKey, after + 1 < limit, records[after + 1].kind == .number {
                    return true
                }
                if key == recognizer.ofKey, after + 1 < limit, lexicon.months.contains(records[after + 1].keyHash), isDay(number) {
                    return true
                }
                if isAge(after, limit: limit) { return true }
                // Phone numbers and codes: three numbers joined by hyphens.
                if key == recognizer.hyphenKey, after + 3 < limit, records[after + 1].kind == .number,
                    records[after + 2].keyHash == recognizer.hyphenKey, records[after + 3].kind == .number
                {
                    return true
                }
            }
            if isYear(number), !qualified {
                if let unit = unitAfter(number, limit: limit), unit.kind != .calibre, unit.kind != .measure || unit.end > after + 1 {
                    return false
                }
                if after < limit, let w = lexicon.words[records[after].keyHash], w.kind == .scale { return false }
                return true
            }
            return false
        }

        func isOld(_ p: Int, limit: Int) -> Bool {
            guard p < limit else { return false }
            if records[p].keyHash == recognizer.oldKey { return true }
            return records[p].keyHash == recognizer.ofKey && p + 1 < limit && records[p + 1].keyHash == recognizer.ageKey
        }

        static func isOpening(_ key: UInt64, _ recognizer: QuantityRecognizer) -> Bool {
            recognizer.openings.contains(key)
        }

        /// `67-year-old`, `67 years old`, `five years of age`.
        func isAge(_ after: Int, limit: Int) -> Bool {
            var p = after
            if p < limit, records[p].keyHash == recognizer.hyphenKey { p += 1 }
            guard p < limit, recognizer.ageUnits.contains(records[p].keyHash) else { return false }
            p += 1
            if p < limit, records[p].keyHash == recognizer.hyphenKey { p += 1 }
            guard p < limit else { return false }
            if records[p].keyHash == recognizer.oldKey { return true }
            return records[p].keyHash == recognizer.ofKey && p + 1 < limit && records[p + 1].keyHash == recognizer.ageKey
        }

        /// A spelled ordinal counts after a determiner (`the third missile`), a digit ordinal
        /// anywhere; neither inside a name (`Second World War`, `47th Mechanized Brigade`).
        func isRank(_ number: NumberReader.Number, in sentence: Range<Int>) -> Bool {
            let after = number.end
            if after < sentence.upperBound, records[after].kind == .word, records[after].flags.contains(.capitalized),
                entityAt[after] < 0 || entities.mentions[Int(entityAt[after])].kind != .state
            {
                return false
            }
            if number.digits { return true }
            guard number.start > sentence.lowerBound else { return false }
            return lexicon.ordinalDeterminers.contains(records[number.start - 1].keyHash)
        }
    }
}
