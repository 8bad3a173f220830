/// The thing an amount counts: the counted phrase after the number and its head.
extension QuantityRecognizer.Pass {
    struct Counted {
        var start: Int
        var head: Int
        var end: Int
        var weapon: Int?
    }

    /// The counted phrase after a number: modifiers up to the head noun.
    /// A plural count's head is the first plural noun not followed by another
    /// (`police officers` → `officers`); a singular's is the last noun
    /// before a verb, adverb or function word.
    func countedPhrase(from start: Int, limit: Int, singular: Bool) -> Counted? {
        var k = start
        // `2,000 more troops`, `Thousands more people`: more of the same thing.
        if k + 1 < limit, recognizer.moreKeys.contains(records[k].keyHash) { k += 1 }
        var elements = 0
        var head: (start: Int, end: Int)?
        var weapon: Int?
        var lastElement: (start: Int, end: Int)?
        while k < limit, elements < 6 {
            var elementEnd: Int
            let owner = entityAt[k]
            var headStart = k
            if owner >= 0, entities.spans[Int(owner)].lowerBound == k {
                elementEnd = entities.spans[Int(owner)].upperBound
                // The head of `155mm artillery shells` is `shells`.
                headStart = elementEnd - 1
                if weapon == nil, entities.mentions[Int(owner)].kind == .weapon { weapon = Int(owner) }
            } else if isModifierWord(k) {
                elementEnd = k + 1
                // `ultra-Orthodox`, `air-defense`
                while elementEnd + 1 < limit, records[elementEnd].keyHash == recognizer.hyphenKey,
                    !records[elementEnd].flags.contains(.spaceBefore), !records[elementEnd + 1].flags.contains(.spaceBefore),
                    records[elementEnd + 1].kind == .word
                {
                    elementEnd += 2
                }
            } else if records[k].kind == .number, reader.parseDigits(k)?.unit != nil {
                // `20,000 155mm shells`: the calibre modifies the counted thing.
                elementEnd = k + 1
            } else if elements > 0, k + 1 < limit, records[k].keyHash == recognizer.andKey || records[k].keyHash == recognizer.orKey,
                lastElement.map({ entityAt[$0.start] >= 0 }) ?? false, entityAt[k + 1] >= 0
            {
                // `1,000 T-72B3 and T-90M tanks`: named weapons coordinated before their noun.
                k += 1
                continue
            } else {
                break
            }
            let last = elementEnd - 1
            if singular {
                // `the third missile hit`: a rank or a single thing is its first noun; a demonym
                // or an adjective before it (`the third Russian missile`) lets the phrase go on.
                if elements > 0, looksLikeVerbOrAdverb(last) || !isModifier(lastElement) { break }
            } else if isPlural(last) {
                if let found = head, found.end == k {
                    head = (headStart, elementEnd)
                } else if head == nil {
                    head = (headStart, elementEnd)
                } else {
                    break
                }
            } else if head != nil {
                break
            }
            lastElement = (headStart, elementEnd)
            elements += 1
            k = elementEnd
        }
        if singular {
            guard let lastElement else { return nil }
            return Counted(start: start, head: lastElement.start, end: lastElement.end, weapon: weapon)
        }
        if let head {
            return Counted(start: start, head: head.start, end: head.end, weapon: weapon)
        }
        // A count of a named weapon with no noun after it: `5,000 Igla-S`.
        if let weapon, let lastElement, entities.spans[weapon].upperBound == lastElement.end {
            return Counted(start: start, head: lastElement.start, end: lastElement.end, weapon: weapon)
        }
        return nil
    }

    /// Whether an element of a counted phrase modifies the next one: a state mention
    /// (`Russian`), a word with an adjective's ending (`ballistic`, `naval`, `armored`).
    func isModifier(_ element: (start: Int, end: Int)?) -> Bool {
        guard let element else { return true }
        let owner = entityAt[element.start]
        if owner >= 0 { return entities.mentions[Int(owner)].kind == .state }
        let record = records[element.end - 1]
        guard record.kind == .word, record.flags.contains(.capitalized) == false else { return record.kind == .word }
        if element.end - element.start > 1 { return true }
        // Adjective endings, read from the key's bytes: -al, -ic, -ive, -ary, -ous, -ian, -ern, -ed.
        let keys = reader.keys
        let end = Int(record.keyEnd)
        let length = Int(record.keyEnd - record.keyStart)
        func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard length > count else { return false }
            for i in 0..<count where keys[end - count + i] != suffix.utf8Start[i] { return false }
            return true
        }
        return endsWith("al") || endsWith("ic") || endsWith("ive") || endsWith("ary") || endsWith("ous") || endsWith("ian")
            || endsWith("ern") || endsWith("ed")
    }

    func isModifierWord(_ k: Int) -> Bool {
        let record = records[k]
        return record.kind == .word && !lexicon.stops.contains(record.keyHash) && record.keyHash != recognizer.possessiveKey
            && lexicon.words[record.keyHash]?.kind != .unit
    }

    /// A plural noun by its form: `soldiers`, `Israelis`, `people`; not `Igla-S`, `news`, `class`.
    func isPlural(_ k: Int) -> Bool {
        let record = records[k]
        if lexicon.pluralNouns.contains(record.keyHash) { return true }
        let length = Int(record.keyEnd - record.keyStart)
        guard length >= 3, record.kind == .word else { return false }
        let keys = reader.keys
        let end = Int(record.keyEnd)
        guard keys[end - 1] == 0x73 else { return false }
        let previous = keys[end - 2]
        if previous == 0x73 || previous == 0x75 || previous == 0x2D || previous == 0x27 { return false }
        // `crisis`, `analysis`; but `Israelis`, `Iraqis`.
        if previous == 0x69, length >= 4, keys[end - 3] == 0x73 { return false }
        // A capital final S belongs to a designation (`Igla-S`).
        return buffer.units[Int(record.end) - 1] == 0x73
    }

    /// Ends the singular counted phrase: `the third missile launched`.
    func looksLikeVerbOrAdverb(_ k: Int) -> Bool {
        let record = records[k]
        let length = Int(record.keyEnd - record.keyStart)
        guard record.kind == .word, length > 4 else { return false }
        let keys = reader.keys
        let end = Int(record.keyEnd)
        if keys[end - 2] == 0x65 && keys[end - 1] == 0x64 { return true }
        if keys[end - 2] == 0x6C && keys[end - 1] == 0x79 { return true }
        return keys[end - 3] == 0x69 && keys[end - 2] == 0x6E && keys[end - 1] == 0x67
    }
}
