/// Where contents and clauses end, and what bounds them: stops, commas,
/// clause words and quote marks.
extension ClaimRecognizer.Pass {
    /// The content that ends before the token `stop` (a comma or closing quote before the source):
    /// from the sentence's start, or from the opening quote an earlier sentence holds.
    func contentBefore(_ stop: Int, in index: Int) -> Range<Int>? {
        let sentence = sentences[index]
        guard stop > sentence.lowerBound || isClosingQuote(stop) else { return nil }
        var end = stop
        if isClosingQuote(stop) { end = stop + 1 }
        var start = sentence.lowerBound
        // A quote closed here but opened in an earlier sentence.
        if isClosingQuote(end - 1) || (end - 2 >= start && isClosingQuote(end - 2)) {
            var opened = false
            for q in start..<end where isOpeningQuote(q) { opened = true }
            if !opened {
                var s = index - 1
                while s >= 0, s >= index - 10 {
                    if let q = sentences[s].first(where: { isOpeningQuote($0) }) {
                        start = q
                        break
                    }
                    s -= 1
                }
            }
        }
        guard end > start else { return nil }
        return start..<end
    }

    /// Where the content that starts at `p` ends: the sentence's end without its stop, before
    /// `, according to` or `, citing`; a quote that is still open runs on to the sentence that closes it.
    func contentEnd(from p: Int, in index: Int) -> (token: Int, sentence: Int) {
        let sentence = sentences[index]
        var end = sentence.upperBound
        // The first `, according to` or `, citing` after `p`, from the sentence's cues found once.
        if let cut = contentCuts.first(where: { $0 >= p && $0 < sentence.upperBound }) { end = cut }
        if end == sentence.upperBound {
            end = trimmedEnd(sentence)
            // `He said: "A. B."` over several sentences.
            if p < end, isOpeningQuote(p), !(p + 1..<sentence.upperBound).contains(where: { isClosingQuote($0) }) {
                var s = index + 1
                while s < sentences.count, s <= index + 10 {
                    if sentences[s].contains(where: { isClosingQuote($0) }) { return (sentences[s].upperBound, s) }
                    s += 1
                }
            }
        }
        return (max(end, p), index)
    }

    /// The sentence's end without a final stop outside quotes.
    func trimmedEnd(_ sentence: Range<Int>) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound, [keys.period, keys.question, keys.exclamation, keys.comma, keys.colon].contains(key(end - 1)) {
            end -= 1
        }
        return end
    }

    /// The end of the clause that starts at `p`: a semicolon, dash or the sentence's
    /// end; with `stopAtComma`, a comma too.
    /// With `within`, a clause longer than that many tokens is none: `p` comes back, so that
    /// a run of cues in one endless sentence costs linear time.
    func clauseEnd(from p: Int, in sentence: Range<Int>, stopAtComma: Bool, within: Int = .max) -> Int {
        var q = p
        let end = trimmedEnd(sentence)
        while q < end {
            let k = key(q)
            if k == keys.semicolon || k == keys.dash && records[q].flags.contains(.spaceBefore) || stopAtComma && k == keys.comma { break }
            q += 1
            if q - p > within { return p }
        }
        return q
    }

    /// The longest source or citing source, in tokens.
    static let longestSource = 40

    /// Whether the token's written text ends with `suffix` (ASCII).
    func endsWith(_ k: Int, _ suffix: String) -> Bool {
        let record = records[k]
        let units = Array(suffix.utf16)
        guard record.length > units.count else { return false }
        let end = Int(record.end)
        for (offset, unit) in units.enumerated() where buffer.units[end - units.count + offset] | 0x20 != unit { return false }
        return true
    }

    /// A lower-case word in `-ed` that is no name: `raided` in `Police raided depots allegedly …`.
    func isPastVerb(_ k: Int) -> Bool {
        let record = records[k]
        guard record.kind == .word, !record.flags.contains(.capitalized), entityAt[k] < 0, record.length > 4 else { return false }
        let end = Int(record.end)
        return buffer.units[end - 2] == 0x65 && buffer.units[end - 1] == 0x64
    }

    func isBoundary(_ k: Int) -> Bool {
        let record = records[k]
        if record.kind == .punctuation {
            return key(k) != keys.possessive && !(key(k) == keys.dash && !record.flags.contains(.spaceBefore))
                && !(key(k) == keys.period)
        }
        return lexicon.clauseBreaks.contains(record.keyHash) && entityAt[k] < 0
    }

    func isQuote(_ k: Int) -> Bool { key(k) == keys.quote }

    /// Per token of a sentence, whether a quote opened before it closes after it; made once per sentence.
    func insideQuotes(_ sentence: Range<Int>) -> [Bool] {
        var inside = [Bool](repeating: false, count: sentence.count)
        guard sentence.contains(where: { isQuote($0) }) else { return inside }
        var lastClosing = -1
        for q in sentence where isClosingQuote(q) { lastClosing = q }
        var open = false
        for q in sentence {
            inside[q - sentence.lowerBound] = open && q < lastClosing
            if isQuote(q) { open = isOpeningQuote(q) }
        }
        return inside
    }

    /// A quote mark that opens: after a space, a line start, a bracket or at the text's start.
    func isOpeningQuote(_ k: Int) -> Bool {
        guard isQuote(k) else { return false }
        if k == 0 || records[k].flags.contains(.spaceBefore) || records[k].flags.contains(.lineStart) { return true }
        let before = key(k - 1)
        return before == keys.openBracket || before == keys.colon || before == keys.dash
    }

    func isClosingQuote(_ k: Int) -> Bool { isQuote(k) && !isOpeningQuote(k) }
}
