/// Finds who says what: every statement the text attributes to a source.
///
/// One pass per sentence over the cues of `claim-cues.tsv`:
/// - a verb cue takes the clause before it as its source and what follows
///   (after `that`, a listener or a time phrase) as its content; with nothing
///   but a time phrase after it, the content comes first (`…, the ministry
///   said`), and with no subject before it the source follows (`…, said Gen. X`);
/// - `according to X` attributes the rest of the sentence, or what comes
///   before it; `, citing Y` fills the claim's `citing`;
/// - a hedge with no source (`reportedly`, `is believed to`) keeps the clause
///   that holds it; a denial or a cue after `not` is negated;
/// - a quote that runs over several sentences stays one content;
/// - pronouns and descriptions (`he`, `the report`, `the Venezuelan president`)
///   resolve to the nearest earlier antecedent that fits.
struct ClaimRecognizer: Sendable {
    let lexicon: ClaimLexicon
    /// Per gazetteer entry id: the state it belongs to, for people (to fit `the Venezuelan president`).
    let personStates: [String: String]
    /// Per gazetteer entry id: an agency's type (`media`, `ministry`).
    let agencyTypes: [String: String]
    let keys = Keys()

    init(lexicon: ClaimLexicon, gazetteer: Gazetteer) {
        self.lexicon = lexicon
        var states: [String: String] = [:]
        var types: [String: String] = [:]
        for entry in gazetteer.entries {
            if entry.kind == .person, let iso3 = entry.iso3 { states[entry.id] = iso3 }
            if entry.kind == .agency, let role = entry.role { types[entry.id] = role }
        }
        personStates = states
        agencyTypes = types
    }

    /// Key hashes of the punctuation and words the rules test by identity.
    struct Keys: Sendable {
        let comma = KeyHash.hash(",")
        let semicolon = KeyHash.hash(";")
        let colon = KeyHash.hash(":")
        let dash = KeyHash.hash("-")
        let quote = KeyHash.hash("\"")
        let openBracket = KeyHash.hash("(")
        let closeBracket = KeyHash.hash(")")
        let that = KeyHash.hash("that")
        let and = KeyHash.hash("and")
        let but = KeyHash.hash("but")
        let tell: Set<UInt64> = Set(["told", "tells", "tell", "telling"].map { KeyHash.hash($0) })
        let contrast: Set<UInt64> = Set(["while", "whereas", "although", "though"].map { KeyHash.hash($0) })
        let or = KeyHash.hash("or")
        let to = KeyHash.hash("to")
        let `as` = KeyHash.hash("as")
        let of = KeyHash.hash("of")
        let who = KeyHash.hash("who")
        let which = KeyHash.hash("which")
        let possessive = KeyHash.hash("'s")
        let period = KeyHash.hash(".")
        let question = KeyHash.hash("?")
        let exclamation = KeyHash.hash("!")
        let be: Set<UInt64> = Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re"].map { KeyHash.hash($0) })
    }

    func recognize(
        _ tokens: TokenizedText, sentences: [Range<Int>], entities: EntityRecognizer.Recognized,
        quantities: QuantityRecognizer.Recognized
    ) -> [Claim] {
        withExtendedLifetime(tokens) {
            var pass = Pass(recognizer: self, tokens: tokens, sentences: sentences, entities: entities, quantities: quantities)
            for index in sentences.indices { pass.scan(index) }
            return pass.finish()
        }
    }

    /// One document's work.
    struct Pass {
        let recognizer: ClaimRecognizer
        let lexicon: ClaimLexicon
        let keys: Keys
        let records: UnsafeBufferPointer<TokenRecord>
        let buffer: TextBuffer
        let sentences: [Range<Int>]
        let entities: EntityRecognizer.Recognized
        let quantities: QuantityRecognizer.Recognized
        /// Per token, the entity mention that covers it, or -1.
        let entityAt: [Int32]
        var claims: [Draft] = []
        /// The current sentence's commas and semicolons right before an `according to` or `citing` cue.
        var contentCuts: [Int] = []

        init(
            recognizer: ClaimRecognizer, tokens: TokenizedText, sentences: [Range<Int>],
            entities: EntityRecognizer.Recognized, quantities: QuantityRecognizer.Recognized
        ) {
            self.recognizer = recognizer
            lexicon = recognizer.lexicon
            keys = recognizer.keys
            records = tokens.records
            buffer = tokens.buffer
            self.sentences = sentences
            self.entities = entities
            self.quantities = quantities
            entityAt = entities.owners
        }

        /// A claim being worked out, in token ranges.
        struct Draft {
            var source: Range<Int>?
            var cue: Range<Int>
            var kind: CueKind
            var content: Range<Int>?
            var hedged: Bool
            var negated: Bool
            var citing: Range<Int>?
            var sentence: Int
            /// A claim that shares the source of the claim before it (`… and vowed to …`).
            var sharedSource = false
            /// The words around the source say it is anonymous (`, speaking on condition of anonymity,`).
            var anonymous = false
        }

        @inline(__always) func key(_ i: Int) -> UInt64 { records[i].keyHash }

        /// The most claims one sentence gives.
        static let claimsPerSentence = 24

        // MARK: Sentences

        mutating func scan(_ index: Int) {
            let sentence = sentences[index]
            var cues: [(range: Range<Int>, cue: ClaimLexicon.Cue)] = []
            var silenced: [Range<Int>] = []
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                guard let match = lexicon.cues.match(at: i, limit: sentence.upperBound, records) else {
                    i += 1
                    continue
                }
                if match.value.frame == .noClaim { silenced.append(i..<match.end) } else { cues.append((i..<match.end, match.value)) }
                i = match.end
            }
            let first = claims.count
            guard !cues.isEmpty else {
                headlineClaim(in: index)
                return
            }
            var barrier = sentence.lowerBound
            var citings: [Range<Int>] = []
            let quoted = insideQuotes(sentence)
            contentCuts = cues.compactMap { cue in
                let before = cue.range.lowerBound - 1
                guard cue.cue.frame == .accordingTo || cue.cue.frame == .citing, before >= sentence.lowerBound,
                    key(before) == keys.comma || key(before) == keys.semicolon
                else { return nil }
                return before
            }
            for (range, cue) in cues {
                // Nested attributions repeat their content; a bound keeps pathological text linear.
                if claims.count - first >= Self.claimsPerSentence { break }
                // `declined to comment` gives no claim; nor does a cue inside a name.
                if silenced.contains(where: { $0.overlaps(range) }) { continue }
                if entityAt[range.lowerBound] >= 0 { continue }
                switch cue.frame {
                case .verb, .verbThat, .objectAs, .objectOf, .infinitive:
                    // `"I said no," the minister said`: a cue quoted inside a quote is the quote's words;
                    // one in capitals is a label (`LEGAL WARNING:`).
                    // A capitalised cue inside a sentence belongs to a name (`the Claims Commission`).
                    if quoted[range.lowerBound - sentence.lowerBound] || records[range.lowerBound].flags.contains(.allCaps)
                        || range.lowerBound > sentence.lowerBound && records[range.lowerBound].flags.contains(.capitalized)
                    {
                        continue
                    }
                    if let draft = verbClaim(range, cue, in: index, barrier: barrier) {
                        add(draft, sentenceStart: first)
                        barrier = max(barrier, draft.cue.upperBound)
                    }
                case .accordingTo:
                    if let draft = accordingTo(range, cue, in: index) {
                        add(draft, sentenceStart: first)
                        barrier = max(barrier, draft.source?.upperBound ?? range.upperBound)
                    }
                case .hedgeAdverb:
                    if let draft = hedgeAdverb(range, cue, in: index) { add(draft, sentenceStart: first) }
                case .hedgePassive:
                    if let draft = hedgePassive(range, cue, in: index) { add(draft, sentenceStart: first) }
                case .citing:
                    citings.append(range)
                case .hedgeAfter:
                    // `could not be independently verified` distances the text from the claim before it,
                    // and is no part of its content (`…, a claim that could not be independently verified`).
                    if let last = claims.indices.last, claims[last].sentence >= index - 1 {
                        claims[last].hedged = true
                        if let content = claims[last].content, content.contains(range.lowerBound),
                            let comma = (content.lowerBound..<range.lowerBound).last(where: { key($0) == keys.comma }), comma > content.lowerBound
                        {
                            claims[last].content = content.lowerBound..<comma
                        }
                    }
                case .noClaim:
                    break
                }
            }
            for citing in citings where !claims[first...].contains(where: { $0.citing?.lowerBound == citing.upperBound }) {
                let span = citing.upperBound..<clauseEnd(from: citing.upperBound, in: sentence, stopAtComma: true, within: Self.longestSource)
                guard !span.isEmpty else { continue }
                if let target = claims[first...].lastIndex(where: { $0.cue.lowerBound < citing.lowerBound }) ?? claims[first...].indices.first,
                    claims[target].citing == nil
                {
                    claims[target].citing = span
                }
            }
            if claims.count == first { headlineClaim(in: index) }
        }

        /// Adds a claim; a coordinated claim (`condemned X and vowed Y`) ends the content of the one before it.
        /// A draft with an empty part is a rule's dead end, not a claim.
        mutating func add(_ draft: Draft, sentenceStart: Int) {
            for part in [draft.source, draft.content, draft.citing, draft.cue] where part?.isEmpty ?? false { return }
            if draft.sharedSource, let last = claims.indices.last, last >= sentenceStart, let content = claims[last].content,
                content.contains(draft.cue.lowerBound) || content.upperBound > draft.cue.lowerBound
            {
                var end = draft.cue.lowerBound
                while end > content.lowerBound, isJoiner(end - 1) { end -= 1 }
                if end > content.lowerBound { claims[last].content = content.lowerBound..<end } else { claims.remove(at: last) }
            }
            claims.append(draft)
        }

        func isJoiner(_ k: Int) -> Bool {
            key(k) == keys.and || key(k) == keys.but || key(k) == keys.comma || lexicon.adverbs.contains(key(k))
                || lexicon.auxiliaries.contains(key(k))
        }

        // MARK: Verb cues

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
                if p < end, isOpeningQuote(p), !(p + 1..<sentence.upperBound).contains(where: isClosingQuote) {
                    var s = index + 1
                    while s < sentences.count, s <= index + 10 {
                        if sentences[s].contains(where: isClosingQuote) { return (sentences[s].upperBound, s) }
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
            guard sentence.contains(where: isQuote) else { return inside }
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

        // MARK: Sources and output

        func finish() -> [Claim] {
            var output: [Claim] = []
            output.reserveCapacity(claims.count)
            var resolver = SourceResolver(pass: self)
            for draft in claims {
                output.append(resolver.claim(draft, earlier: output))
            }
            return output
        }

        func span(_ range: Range<Int>) -> Claim.Span {
            let start = Int(records[range.lowerBound].start)
            let end = Int(records[range.upperBound - 1].end)
            return Claim.Span(range: buffer.range(start, end), text: buffer.string(start, end))
        }
    }
}
