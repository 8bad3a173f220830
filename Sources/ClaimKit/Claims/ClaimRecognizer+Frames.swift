/// The frames that need no verb before them: `according to X`, hedges with
/// no source, and headlines that attribute by punctuation.
extension ClaimRecognizer.Pass {
    func accordingTo(_ range: Range<Int>, _ cue: ClaimLexicon.Cue, in index: Int) -> Draft? {
        let sentence = sentences[index]
        let sourceEnd = clauseEnd(from: range.upperBound, in: sentence, stopAtComma: true, within: Self.longestSource)
        guard sourceEnd > range.upperBound else { return nil }
        var draft = Draft(
            source: range.upperBound..<sourceEnd, cue: range, kind: .accordingTo, content: nil, hedged: cue.hedged,
            negated: cue.negated, citing: nil, sentence: index)
        if range.lowerBound == sentence.lowerBound || isBoundary(range.lowerBound - 1) && key(range.lowerBound - 1) != keys.comma {
            // `According to X, content.`
            guard sourceEnd < sentence.upperBound, key(sourceEnd) == keys.comma else { return nil }
            let end = contentEnd(from: sourceEnd + 1, in: index)
            guard end.token > sourceEnd + 1 else { return nil }
            draft.content = (sourceEnd + 1)..<end.token
        } else {
            // `content, according to X` attributes what comes before it.
            guard key(range.lowerBound - 1) == keys.comma, let content = contentBefore(range.lowerBound - 1, in: index) else { return nil }
            draft.content = content
        }
        return draft
    }

    /// `Maduro reportedly requested …`: the clause that holds the hedge, from the start
    /// of its noun phrase to the clause's end.
    func hedgeAdverb(_ range: Range<Int>, _ cue: ClaimLexicon.Cue, in index: Int) -> Draft? {
        let sentence = sentences[index]
        if range.upperBound < sentence.upperBound, key(range.upperBound) == keys.comma,
            range.lowerBound == sentence.lowerBound || key(range.lowerBound - 1) == keys.comma
        {
            // `Reportedly, Maduro requested …`: the clause after it, hedge word included.
            let end = clauseEnd(from: range.upperBound + 1, in: sentence, stopAtComma: true)
            guard end > range.upperBound + 1 else { return nil }
            return Draft(
                source: nil, cue: range, kind: .hedge, content: range.lowerBound..<end, hedged: true, negated: cue.negated,
                citing: nil, sentence: index)
        }
        var start = range.lowerBound
        while start > sentence.lowerBound, range.lowerBound - start < Self.longestSource, !isBoundary(start - 1),
            !lexicon.prepositions.contains(key(start - 1)), key(start - 1) != keys.and, !isPastVerb(start - 1)
        {
            start -= 1
        }
        let end = clauseEnd(from: range.upperBound, in: sentence, stopAtComma: true)
        guard end - start >= 2 else { return nil }
        return Draft(
            source: nil, cue: range, kind: .hedge, content: start..<end, hedged: true, negated: cue.negated, citing: nil,
            sentence: index)
    }

    /// `Venezuelan authorities are also believed to have asked …`: the whole clause.
    func hedgePassive(_ range: Range<Int>, _ cue: ClaimLexicon.Cue, in index: Int) -> Draft? {
        let sentence = sentences[index]
        var k = range.lowerBound - 1
        while k > sentence.lowerBound, lexicon.adverbs.contains(key(k)) { k -= 1 }
        guard k >= sentence.lowerBound, keys.be.contains(key(k)) else { return nil }
        var start = k
        while start > sentence.lowerBound, k - start < Self.longestSource, !isBoundary(start - 1) { start -= 1 }
        let end = clauseEnd(from: range.upperBound, in: sentence, stopAtComma: true)
        guard end > range.upperBound, start < k else { return nil }
        return Draft(
            source: nil, cue: range, kind: .hedge, content: start..<end, hedged: true, negated: cue.negated, citing: nil,
            sentence: index)
    }

    /// A headline attributes by punctuation: `Kremlin: talks …`, `… — Defense Ministry`.
    mutating func headlineClaim(in index: Int) {
        let sentence = sentences[index]
        // A headline has no final stop, not even inside an abbreviation (`… A.Ş.`).
        let lastUnit = buffer.units[Int(records[sentence.upperBound - 1].end) - 1]
        guard sentence.count >= 4, ![keys.period, keys.question, keys.exclamation].contains(key(sentence.upperBound - 1)),
            lastUnit != 0x2E
        else { return }
        let first = sentence.lowerBound
        // `Zelensky: "We will not retreat"`: one to three capitalised words before a colon.
        var nameEnd = first
        // Labels in capitals (`LEGAL WARNING:`, `UPDATE:`) are no speakers.
        while nameEnd < sentence.upperBound, nameEnd - first < 3, records[nameEnd].kind == .word,
            records[nameEnd].flags.contains(.capitalized), !records[nameEnd].flags.contains(.allCaps)
        {
            nameEnd += 1
        }
        // Without a listed name, only a quote after the colon (`Zelensky: "…"`): `Terrain: coral atoll` is a label.
        if entityAt[first] < 0, nameEnd > first, nameEnd + 1 < sentence.upperBound, key(nameEnd) == keys.colon,
            isOpeningQuote(nameEnd + 1)
        {
            claims.append(Draft(
                source: first..<nameEnd, cue: nameEnd..<(nameEnd + 1), kind: .speech,
                content: (nameEnd + 1)..<sentence.upperBound, hedged: false, negated: false, citing: nil, sentence: index))
            return
        }
        if let owner = entityAt[first] as Int32?, owner >= 0 {
            let span = entities.spans[Int(owner)]
            if span.upperBound < sentence.upperBound - 1, key(span.upperBound) == keys.colon {
                claims.append(Draft(
                    source: span, cue: span.upperBound..<(span.upperBound + 1), kind: .speech,
                    content: (span.upperBound + 1)..<sentence.upperBound, hedged: false, negated: false, citing: nil,
                    sentence: index))
                return
            }
        }
        // `… — Russian Defense Ministry`: a short named tail after a spaced dash.
        var start = sentence.upperBound
        while start > first + 1, sentence.upperBound - start < 5,
            entityAt[start - 1] >= 0 || key(start - 1) == keys.possessive || records[start - 1].flags.contains(.capitalized)
        {
            start -= 1
        }
        let dash = start - 1
        guard start < sentence.upperBound, dash > first, key(dash) == keys.dash, records[dash].flags.contains(.spaceBefore),
            (start..<sentence.upperBound).contains(where: { entityAt[$0] >= 0 })
        else { return }
        claims.append(Draft(
            source: start..<sentence.upperBound, cue: dash..<start, kind: .speech, content: first..<dash, hedged: false,
            negated: false, citing: nil, sentence: index))
    }
}
