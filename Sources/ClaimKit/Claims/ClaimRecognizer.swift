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
                // The start filter inline, before the call: most tokens begin no cue.
                guard lexicon.cues.mayStart(records[i].keyHash),
                    let match = lexicon.cues.match(at: i, limit: sentence.upperBound, records)
                else {
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

        // MARK: Sources and output

        func finish() -> [Claim] {
            var output: [Claim] = []
            output.reserveCapacity(claims.count)
            let resolver = SourceResolver(pass: self)
            for draft in claims {
                output.append(resolver.claim(draft, earlier: output))
            }
            return output
        }

        func span(_ range: Range<Int>) -> Claim.Span {
            let start = Int(records[range.lowerBound].start)
            let end = Int(records[range.upperBound - 1].end)
            return Claim.Span(range: buffer.range(start, end), text: buffer.substring(start, end))
        }
    }
}
