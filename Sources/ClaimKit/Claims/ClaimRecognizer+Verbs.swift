/// Verb cues: where their source and content lie around them — source first,
/// content first, inverted, apposition and relative-clause subjects, coordinated
/// and participle cues.
extension ClaimRecognizer.Pass {
    func verbClaim(_ range: Range<Int>, _ cue: ClaimLexicon.Cue, in index: Int, barrier: Int) -> Draft? {
        let sentence = sentences[index]
        var cueStart = range.lowerBound
        let cueEnd = range.upperBound
        // A cue word after a determiner or `to` is a noun or an infinitive: `the claims`, `declined to say`.
        if cueStart > sentence.lowerBound {
            let before = key(cueStart - 1)
            if lexicon.determiners.contains(before) || before == keys.to || before == keys.possessive { return nil }
        }
        guard cueStart > sentence.lowerBound else { return nil }
        // Auxiliaries, adverbs and a negation between the subject and the cue.
        var negated = cue.negated
        var k = cueStart - 1
        var negationAt: Int?
        while k >= max(sentence.lowerBound, barrier), k > sentence.lowerBound || records[k].kind == .word,
            lexicon.auxiliaries.contains(key(k)) || lexicon.adverbs.contains(key(k)) || lexicon.negations.contains(key(k))
        {
            if lexicon.negations.contains(key(k)) { negationAt = k }
            k -= 1
        }
        // `were twice denied visas`: a passive cue has no source before it.
        if (k + 1..<cueStart).contains(where: { keys.be.contains(key($0)) }), !endsWith(range.upperBound - 1, "ing") { return nil }
        if let negationAt {
            negated = true
            var start = negationAt
            while start - 1 > k, lexicon.auxiliaries.contains(key(start - 1)) { start -= 1 }
            cueStart = start
        }
        let cueSpan = cueStart..<cueEnd
        var draft = Draft(
            source: nil, cue: cueSpan, kind: negated && cue.kind != .denial ? .denial : cue.kind, content: nil,
            hedged: cue.hedged, negated: negated, citing: nil, sentence: index)
        if negated, cue.kind == .denial { draft.kind = .denial }

        // What follows the cue: a listener (`told Reuters`), a time phrase, `, citing Y,`, `that`.
        var p = cueEnd
        if keys.tell.contains(key(range.upperBound - 1)) {
            while p < sentence.upperBound, p - cueEnd < 3,
                entityAt[p] >= 0 || lexicon.listeners.contains(key(p)) || records[p].flags.contains(.capitalized) && records[p].kind == .word
            {
                p += 1
            }
        }
        var q = p
        while q < sentence.upperBound, q - p < 4, lexicon.timeWords.contains(key(q)) || records[q].flags.contains(.capitalized) && records[q].kind == .word {
            q += 1
        }
        if let citing = citingSegment(at: q, in: sentence) {
            draft.citing = citing.span
            p = citing.next
        } else if let citing = citingSegment(at: p, in: sentence) {
            draft.citing = citing.span
            p = citing.next
        }
        let afterThat = thatClause(from: p, in: sentence)
        if let afterThat {
            p = afterThat
        } else if p + 1 < sentence.upperBound, key(p) == keys.colon || key(p) == keys.comma, isOpeningQuote(p + 1) {
            // Direct speech after the cue: `said: "…"`, `said, "…"`.
            p += 1
        } else if p < sentence.upperBound, key(p) == keys.colon {
            p += 1
        }
        let end = contentEnd(from: p, in: index)
        // `…, the ministry said, adding that …` and `…, the ministry said on Telegram.` put the content first.
        let trivial = isTrivial(p..<end.token) || p < end.token && key(p) == keys.comma

        if k >= max(sentence.lowerBound, barrier), key(k) == keys.comma, endsWith(range.upperBound - 1, "ing") {
            // `Zelensky renewed his call, saying that …`: the participle's source opens the sentence,
            // or is the source of the claim just made (`…, the ministry said, adding that …`).
            guard !trivial else { return nil }
            if let last = claims.last, last.sentence == index, let source = last.source {
                draft.source = source
            } else {
                guard let subject = clauseSubject(before: k, in: sentence, barrier: barrier, overCommas: true) else { return nil }
                draft.source = subject
            }
            draft.content = p..<end.token
            return draft
        }
        if k >= max(sentence.lowerBound, barrier), key(k) == keys.comma, !isInverted(after: cueEnd, in: sentence),
            let subject = subjectBeforeApposition(endingAt: k, in: sentence, barrier: barrier)
        {
            // `Gen. X, a spokesman for the army, said …`; `The official, who spoke on condition of anonymity, said …`
            draft.source = subject
            draft.anonymous = (subject.upperBound..<k).contains { lexicon.anonymityMarkers.contains(key($0)) }
            guard !trivial else { return nil }
            draft.content = p..<end.token
            return draft
        }
        if k > max(sentence.lowerBound, barrier), key(k) == keys.who || key(k) == keys.which, key(k - 1) == keys.comma {
            // `Putin, who said the war would end, met Xi`: a claim of its own, its content up to the clause's end.
            var start = k - 1
            while start > max(sentence.lowerBound, barrier), k - start < Self.longestSource, !isBoundary(start - 1) { start -= 1 }
            guard start < k - 1, key(k) == keys.who, !trivial else { return nil }
            draft.source = start..<(k - 1)
            draft.content = p..<min(end.token, clauseEnd(from: p, in: sentence, stopAtComma: true))
            return draft
        }
        let coordinated = k >= max(sentence.lowerBound, barrier) && (key(k) == keys.and || key(k) == keys.but)
        if k < max(sentence.lowerBound, barrier) || isBoundary(k) && !coordinated {
            // No subject before the cue: `"…," said Gen. X.` or `…, said the ministry.`
            guard k >= sentence.lowerBound, key(k) == keys.comma || isClosingQuote(k) else { return nil }
            let source = sourceAfter(cueEnd, in: sentence)
            guard !source.isEmpty, let content = contentBefore(k, in: index) else { return nil }
            draft.source = source
            draft.content = content
            return draft
        }
        if lexicon.prepositions.contains(key(k)) { return nil }
        if coordinated {
            // `Maduro condemned X and vowed to Y`: the source of the claim before, else the
            // subject that opens the clause (`The president has expressed support … and has accused …`).
            if let last = claims.last, last.sentence == index, let source = last.source {
                draft.source = source
                draft.sharedSource = true
            } else {
                guard let subject = clauseSubject(before: k, in: sentence, barrier: barrier, overCommas: true) else { return nil }
                draft.source = subject
            }
        } else {
            let subject = subjectEnding(at: k, in: sentence, barrier: barrier)
            guard !subject.isEmpty else { return nil }
            draft.source = subject
        }
        // `"A," Zelensky said, "B."`: a quote before the source makes the content its first segment.
        let quoteFirst = draft.source.map { source in
            source.lowerBound > sentence.lowerBound
                && (isClosingQuote(source.lowerBound - 1)
                    || key(source.lowerBound - 1) == keys.comma && source.lowerBound - 2 >= sentence.lowerBound
                        && isClosingQuote(source.lowerBound - 2))
        } ?? false
        if trivial || quoteFirst && !draft.sharedSource {
            // Content first: `…, The Washington Post reported, citing documents.`
            guard !draft.sharedSource, let source = draft.source, source.lowerBound > sentence.lowerBound,
                key(source.lowerBound - 1) == keys.comma || isClosingQuote(source.lowerBound - 1),
                let content = contentBefore(source.lowerBound - 1, in: index)
            else { return nil }
            draft.content = content
            return draft
        }
        if p < end.token, records[p].kind == .punctuation, !isQuote(p) { return nil }
        // `reports to the supreme leader`: a preposition after the cue makes it no verb of saying.
        if cue.frame == .verb || cue.frame == .verbThat, afterThat == nil, p < end.token, lexicon.prepositions.contains(key(p)) {
            return nil
        }
        switch cue.frame {
        case .verbThat:
            // `wrote that …`, or direct speech: `tweeted: "…"`.
            guard afterThat != nil || p < end.token && isOpeningQuote(p) else { return nil }
        case .objectAs:
            guard (p..<end.token).contains(where: { key($0) == keys.as }) else { return nil }
        case .objectOf:
            guard (p..<end.token).contains(where: { key($0) == keys.of }) else { return nil }
        case .infinitive:
            guard p < sentence.upperBound, key(p) == keys.to || afterThat != nil else { return nil }
        default: break
        }
        var contentEnd = end.token
        if let source = draft.source, source.lowerBound - 2 >= sentence.lowerBound, key(source.lowerBound - 1) == keys.which,
            key(source.lowerBound - 2) == keys.comma
        {
            // `The strike, which the ministry said killed 12 people, hit a school.`
            contentEnd = min(contentEnd, clauseEnd(from: p, in: sentence, stopAtComma: true))
        }
        if end.sentence == index, let cut = (p..<contentEnd).first(where: { key($0) == keys.comma && $0 + 1 < contentEnd && keys.contrast.contains(key($0 + 1)) }) {
            // `12 people died, while the mayor said 15 died`: the contrast is another statement.
            contentEnd = cut
        }
        guard contentEnd > p else { return nil }
        draft.content = p..<contentEnd
        return draft
    }

    /// `, citing Y,` or `, quoting Y` right after a cue.
    func citingSegment(at p: Int, in sentence: Range<Int>) -> (span: Range<Int>, next: Int)? {
        guard p + 1 < sentence.upperBound, key(p) == keys.comma,
            let match = lexicon.cues.match(at: p + 1, limit: sentence.upperBound, records), match.value.frame == .citing
        else { return nil }
        let end = clauseEnd(from: match.end, in: sentence, stopAtComma: true, within: Self.longestSource)
        guard end > match.end else { return nil }
        var next = end
        if next < sentence.upperBound, key(next) == keys.comma { next += 1 }
        return (match.end..<end, next)
    }

    /// Where the content starts after `that`, when `that` follows within a
    /// few words of listener, time or place (`told reporters on Friday that`).
    func thatClause(from p: Int, in sentence: Range<Int>) -> Int? {
        var q = p
        while q < sentence.upperBound, q - p <= 8 {
            let k = key(q)
            if k == keys.that { return q + 1 }
            guard records[q].kind != .punctuation || k == keys.period && records[q].length > 1 else { return nil }
            guard lexicon.timeWords.contains(k) || lexicon.listeners.contains(k) || lexicon.prepositions.contains(k)
                || lexicon.determiners.contains(k) || records[q].flags.contains(.capitalized) || records[q].kind == .number
                || entityAt[q] >= 0
            else { return nil }
            q += 1
        }
        return nil
    }

    /// Only a time or place phrase (`on Friday`, `in a statement`, `on Telegram,`) or nothing,
    /// up to the end or a comma.
    func isTrivial(_ span: Range<Int>) -> Bool {
        guard !span.isEmpty else { return true }
        guard lexicon.timeWords.contains(key(span.lowerBound)) else { return false }
        var q = span.lowerBound
        while q < span.upperBound, q - span.lowerBound < 6, records[q].kind != .punctuation {
            guard lexicon.timeWords.contains(key(q)) || lexicon.determiners.contains(key(q)) || records[q].flags.contains(.capitalized)
                || records[q].kind == .number
            else { return false }
            q += 1
        }
        return q == span.upperBound || key(q) == keys.comma
    }

    /// The subject before a cue: back to the clause's start, past a relative
    /// clause (`a senior official, who spoke on condition of anonymity,`).
    func subjectEnding(at last: Int, in sentence: Range<Int>, barrier: Int) -> Range<Int> {
        var start = last
        let floor = max(sentence.lowerBound, barrier)
        while start > floor, last - start < Self.longestSource, !isBoundary(start - 1) { start -= 1 }
        // `a senior official who spoke on condition of anonymity said`: the relative clause belongs to the subject.
        if start - 1 > floor, key(start - 1) == keys.who || key(start - 1) == keys.which {
            var outer = start - 1
            while outer > floor, start - outer < Self.longestSource, !isBoundary(outer - 1) { outer -= 1 }
            if outer < start - 1 { start = outer }
        }
        while start <= last, key(start) == keys.and || key(start) == keys.or { start += 1 }
        // A long run is no subject but a clause; keep its last words.
        if last - start > 11 { start = last - 5 }
        return start..<(last + 1)
    }

    /// Whether a short name follows the cue to the sentence's end or a comma: `…, said Gen. X.`
    func isInverted(after cueEnd: Int, in sentence: Range<Int>) -> Bool {
        let source = sourceAfter(cueEnd, in: sentence)
        guard !source.isEmpty, source.count <= 8 else { return false }
        let first = records[source.lowerBound]
        guard first.flags.contains(.capitalized) || lexicon.determiners.contains(first.keyHash) else { return false }
        // `said the town was cut off` is a clause, not a name.
        if source.contains(where: { lexicon.auxiliaries.contains(key($0)) && key($0) != keys.possessive || isPastVerb($0) }) { return false }
        let end = trimmedEnd(sentence)
        return source.upperBound >= end || key(source.upperBound) == keys.comma || lexicon.timeWords.contains(key(source.upperBound))
    }

    /// The subject of `NAME, APPOSITION, cue`: the first comma-separated part after the barrier
    /// that is no adverbial; a relative clause (`, who …`) stays with it.
    func subjectBeforeApposition(endingAt comma: Int, in sentence: Range<Int>, barrier: Int) -> Range<Int>? {
        let floor = max(sentence.lowerBound, barrier)
        var start = comma
        while start > floor, comma - start < Self.longestSource,
            !isBoundary(start - 1) || [keys.comma, keys.who, keys.which].contains(key(start - 1))
        {
            start -= 1
        }
        while start < comma {
            var end = start
            while end < comma, key(end) != keys.comma { end += 1 }
            let first = key(start)
            if lexicon.prepositions.contains(first) || lexicon.adverbs.contains(first) || lexicon.clauseBreaks.contains(first)
                || lexicon.cues.match(at: start, limit: end, records) != nil || end == start
            {
                start = end + 1
                continue
            }
            if end + 1 < comma, key(end + 1) == keys.who || key(end + 1) == keys.which { return start..<comma }
            return start..<end
        }
        return nil
    }

    /// The noun phrase that opens the clause holding `k`, up to its first auxiliary or adverb.
    func clauseSubject(before k: Int, in sentence: Range<Int>, barrier: Int, overCommas: Bool = false) -> Range<Int>? {
        var start = k
        let floor = max(sentence.lowerBound, barrier)
        while start > floor, k - start < Self.longestSource, !isBoundary(start - 1) || overCommas && key(start - 1) == keys.comma {
            start -= 1
        }
        var end = start
        while end < k, !lexicon.auxiliaries.contains(key(end)) || key(end) == keys.possessive, !lexicon.adverbs.contains(key(end)),
            !lexicon.negations.contains(key(end)), !isPastVerb(end), end - start < 8
        {
            end += 1
        }
        guard end > start, end < k else { return nil }
        return start..<end
    }

    /// The source after an inverted cue: `said Gen. X on Monday.`
    func sourceAfter(_ p: Int, in sentence: Range<Int>) -> Range<Int> {
        var end = p
        while end < sentence.upperBound, records[end].kind != .punctuation || key(end) == keys.possessive || records[end].length > 1,
            end == p || !lexicon.timeWords.contains(key(end)) && !lexicon.prepositions.contains(key(end)) || entityAt[end] >= 0
        {
            end += 1
        }
        return p..<end
    }
}
