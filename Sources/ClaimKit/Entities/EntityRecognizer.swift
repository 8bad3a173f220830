import Foundation

/// Finds the people, states, weapons and agencies a document names: the
/// gazetteer's names matched leftmost-longest, then the context rules a
/// gazetteer alone gets wrong.
///
/// - A capital is a state only where it stands for the government: not after
///   a place preposition (`in Caracas`), in `London-based` or `Kyiv time`, or
///   as a dateline.
/// - A state word fused into a longer proper name is no mention
///   (`Ukraine Defense Contact Group`, `Michael Jordan`), except before a
///   title or an institution (`Venezuelan President`, `U.S. Navy`).
/// - A demonym after `ethnic` is no state.
/// - A state word before a generic institution gives the agency too:
///   `Russia's Defense Ministry` → `Ministry of Defence of Russia`.
/// - A surname alone is a person when the full name occurs in the article,
///   or right after a title.
/// - Titles stay outside the span and fill the person's role; a title before
///   capitalised words finds a person the gazetteer does not list.
struct EntityRecognizer: Sendable {
    let gazetteer: Gazetteer
    let titles: NameTrie
    let context: EntityContext
    let starters: SentenceStarters
    /// Per gazetteer entry: whether it is a place that stands for an institution (`Kremlin`).
    let institutionPlaces: [Bool]
    private let possessiveKey = KeyHash.hash("'s")
    private let hyphenKey = KeyHash.hash("-")
    private let commaKey = KeyHash.hash(",")
    private let andKey = KeyHash.hash("and")
    private let orKey = KeyHash.hash("or")

    init(gazetteer: Gazetteer, lexicons: Lexicons, tokenizer: Tokenizer) {
        self.gazetteer = gazetteer
        institutionPlaces = gazetteer.entries.map { $0.kind == .agency && $0.role == "institution" }
        context = lexicons.entityContext
        starters = lexicons.sentenceStarters
        var titleNames = NameTrie.Builder()
        for (index, title) in lexicons.titles.enumerated() {
            let tokens = tokenizer.tokenize(title)
            var mask: UInt64 = 0
            for (k, record) in tokens.records.enumerated() where record.flags.contains(.capitalized) {
                mask |= 1 << UInt64(k)
            }
            let name = NameTrie.Name(
                target: Int32(index), via: .pattern, tokenCount: tokens.count, capitalMask: mask, exactIndex: -1,
                priority: 0, kindRank: 0, order: index)
            titleNames.add(keys: tokens.records.map(\.keyHash), name: name, exact: nil)
        }
        titles = titleNames.build()
    }

    /// A mention being worked out, in token indices.
    struct Candidate {
        var start: Int
        var end: Int
        var kind: EntityKind
        /// The gazetteer entry, or -1 for a mention made by a pattern.
        var entry: Int32
        var via: MentionSource
        var canonical: String
        var entryID: String
        var iso3: String?
        var role: String?
        var confidence: Double
        var sentence: Int
    }

    /// The mentions of one document and, for the later stages, the tokens each covers.
    struct Recognized {
        var mentions: [EntityMention]
        /// Per mention, its token range.
        var spans: [Range<Int>]
        /// Per token, the index of the mention that covers it, or -1: made once for every later stage.
        var owners: [Int32] = []
    }

    func recognize(_ tokens: TokenizedText, sentences: [Range<Int>]) -> Recognized {
        withExtendedLifetime(tokens) {
            tokens.buffer.units.withUnsafeBufferPointer { units in
                var pass = Pass(recognizer: self, records: tokens.records, units: units, buffer: tokens.buffer)
                return pass.run(sentences)
            }
        }
    }

    /// One document's work over raw buffers.
    struct Pass {
        let recognizer: EntityRecognizer
        let records: UnsafeBufferPointer<TokenRecord>
        let units: UnsafeBufferPointer<UInt16>
        let buffer: TextBuffer
        let gazetteer: Gazetteer
        var candidates: [Candidate] = []
        /// The candidate covering each token, or -1.
        var owner: [Int32] = []
        /// The tokens, in order, that may start a title or a name the
        /// gazetteer does not list: capitalised ones and those that may start
        /// a title. The passes after the first visit only these.
        var unlistedStarts: [Int32] = []

        init(recognizer: EntityRecognizer, records: UnsafeBufferPointer<TokenRecord>, units: UnsafeBufferPointer<UInt16>, buffer: TextBuffer) {
            self.recognizer = recognizer
            self.records = records
            self.units = units
            self.buffer = buffer
            gazetteer = recognizer.gazetteer
        }

        mutating func run(_ sentences: [Range<Int>]) -> Recognized {
            owner = [Int32](repeating: -1, count: records.count)
            unlistedStarts.reserveCapacity(records.count / 4)
            var titleCase: [Bool] = []
            titleCase.reserveCapacity(sentences.count)
            for (index, sentence) in sentences.enumerated() {
                titleCase.append(matchNames(in: sentence, sentence: index))
            }
            for index in contextualDrops(sentences, titleCase) { drop(index) }
            for index in candidates.indices where candidates[index].start >= 0 && candidates[index].kind == .state {
                matchInstitution(after: candidates[index], in: sentences[candidates[index].sentence])
            }
            let bySentence = startsBySentence(sentences)
            matchSurnames(sentences, bySentence)
            for (index, sentence) in sentences.enumerated() {
                matchTitles(in: sentence, bySentence[index], titleCase: titleCase[index], sentence: index)
            }
            matchPatternSurnames(bySentence)
            // Indices are sorted, not candidates: each copy of a candidate retains its strings.
            let kept = candidates.indices.filter { candidates[$0].start >= 0 }.sorted { candidates[$0].start < candidates[$1].start }
            var recognized = Recognized(mentions: [], spans: [])
            recognized.mentions.reserveCapacity(kept.count)
            recognized.spans.reserveCapacity(kept.count)
            // A loop, not `map(mention)`: a method passed as a closure copies the whole pass per call.
            recognized.owners = [Int32](repeating: -1, count: records.count)
            for index in kept {
                let span = candidates[index].start..<candidates[index].end
                for k in span { recognized.owners[k] = Int32(recognized.mentions.count) }
                recognized.mentions.append(mention(index))
                recognized.spans.append(span)
            }
            return recognized
        }

        // MARK: Gazetteer names

        /// Matches the gazetteer's names in a sentence and, in the same walk,
        /// collects its ``unlistedStarts`` tokens and tells whether it is a
        /// headline in title case (see ``isTitleCase``).
        private mutating func matchNames(in sentence: Range<Int>, sentence index: Int) -> Bool {
            var words = 0
            var capitalizedWords = 0
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                let record = records[i]
                if mayStartUnlisted(record) { unlistedStarts.append(Int32(i)) }
                // The start filter first, inline: most tokens begin no name.
                guard gazetteer.names.mayStart(record),
                    let match = gazetteer.names.longestMatch(at: i, limit: sentence.upperBound, records, units)
                else {
                    if i > sentence.lowerBound, record.kind == .word, record.length >= 4 {
                        words += 1
                        if record.flags.contains(.capitalized) { capitalizedWords += 1 }
                    }
                    i += 1
                    continue
                }
                // Tokens inside a name count too: a context rule may drop the name later.
                for k in i + 1..<match.end where mayStartUnlisted(records[k]) { unlistedStarts.append(Int32(k)) }
                let name = gazetteer.names.names[match.name]
                let entry = gazetteer.entries[Int(name.target)]
                let confidence: Double
                switch name.via {
                case .capital: confidence = 0.8
                case .demonym: confidence = 0.9
                default: confidence = 1
                }
                add(Candidate(
                    start: i, end: match.end, kind: entry.kind, entry: name.target, via: name.via,
                    canonical: entry.canonical, entryID: entry.id, iso3: entry.iso3,
                    role: entry.kind == .person ? entry.role : nil, confidence: confidence, sentence: index))
                i = match.end
            }
            return Self.isTitleCase(words: words, capitalized: capitalizedWords)
        }

        /// Whether a token may start a title, a surname or a name found by a
        /// title, whoever owns it now: the passes after the first need no
        /// other token.
        @inline(__always)
        private func mayStartUnlisted(_ record: TokenRecord) -> Bool {
            record.flags.contains(.capitalized) || recognizer.titles.mayStart(record)
        }

        /// ``unlistedStarts`` cut by sentence.
        private func startsBySentence(_ sentences: [Range<Int>]) -> [ArraySlice<Int32>] {
            var slices: [ArraySlice<Int32>] = []
            slices.reserveCapacity(sentences.count)
            var cursor = 0
            for sentence in sentences {
                while cursor < unlistedStarts.count, unlistedStarts[cursor] < Int32(sentence.lowerBound) { cursor += 1 }
                let start = cursor
                while cursor < unlistedStarts.count, unlistedStarts[cursor] < Int32(sentence.upperBound) { cursor += 1 }
                slices.append(unlistedStarts[start..<cursor])
            }
            return slices
        }

        private mutating func add(_ candidate: Candidate) {
            for k in candidate.start..<candidate.end {
                let previous = owner[k]
                if previous >= 0 { drop(Int(previous)) }
                owner[k] = Int32(candidates.count)
            }
            candidates.append(candidate)
        }

        private mutating func drop(_ index: Int) {
            let start = candidates[index].start
            guard start >= 0 else { return }
            for k in start..<candidates[index].end where owner[k] == Int32(index) { owner[k] = -1 }
            candidates[index].start = -1
        }

        // MARK: Context rules for states

        /// The candidates the context rules drop, worked out without changing
        /// anything (so no copy of the pass is made per candidate).
        private func contextualDrops(_ sentences: [Range<Int>], _ titleCase: [Bool]) -> [Int] {
            var drops: [Int] = []
            var places = Set<Int>()
            for index in candidates.indices where candidates[index].start >= 0 && isContextual(candidates[index]) {
                let candidate = candidates[index]
                if !keepsState(candidate, in: sentences[candidate.sentence], titleCase: titleCase[candidate.sentence], places: places) {
                    drops.append(index)
                    if candidate.via == .capital || candidate.kind == .agency { places.insert(candidate.end) }
                }
            }
            return drops
        }

        /// States, and places that stand for institutions (`Kremlin`, `Brussels`), follow the context rules.
        private func isContextual(_ candidate: Candidate) -> Bool {
            candidate.kind == .state || (candidate.entry >= 0 && recognizer.institutionPlaces[Int(candidate.entry)])
        }

        /// Whether a place preposition governs the name at `start`, perhaps
        /// across modifiers (`in central Kyiv`, `in The Hague`), or the name is
        /// coordinated with a place just dropped (`to Moscow and Beijing`).
        private func isPlace(_ start: Int, in sentence: Range<Int>, places: Set<Int>) -> Bool {
            let context = recognizer.context
            var k = start - 1
            while k > sentence.lowerBound, start - k <= 2, context.placeModifiers.contains(records[k].keyHash) { k -= 1 }
            guard k >= sentence.lowerBound else { return false }
            if context.placePrepositions.contains(records[k].keyHash) { return true }
            let joiner = records[k].keyHash
            return (joiner == recognizer.andKey || joiner == recognizer.orKey || joiner == recognizer.commaKey)
                && places.contains(k)
        }

        private func keepsState(_ candidate: Candidate, in sentence: Range<Int>, titleCase: Bool, places: Set<Int>) -> Bool {
            let context = recognizer.context
            let before = candidate.start > sentence.lowerBound ? candidate.start - 1 : nil
            let after = candidate.end < sentence.upperBound ? candidate.end : nil
            if candidate.kind == .agency {
                if isPlace(candidate.start, in: sentence, places: places) { return false }
                if !titleCase, let after, isBareCapitalizedWord(after) { return false }
                return true
            }
            switch candidate.via {
            case .capital:
                if isPlace(candidate.start, in: sentence, places: places) { return false }
                if let after {
                    let next = records[after]
                    if context.placeFollowers.contains(next.keyHash) { return false }
                    if next.keyHash == recognizer.hyphenKey, after + 1 < sentence.upperBound,
                        context.placeFollowers.contains(records[after + 1].keyHash)
                    {
                        return false
                    }
                    // A dateline or an address: "KYIV, Ukraine", "Kyiv, the capital".
                    if next.keyHash == recognizer.commaKey,
                        candidate.start == sentence.lowerBound || records[candidate.start].flags.contains(.allCaps)
                    {
                        return false
                    }
                }
            case .demonym:
                if let before, context.notDemonymBefore.contains(records[before].keyHash) { return false }
                // A language, not a state: "Russian-speaking", "the Russian language".
                if let after {
                    let next = records[after].keyHash == recognizer.hyphenKey && after + 1 < sentence.upperBound ? after + 1 : after
                    if context.languageWords.contains(records[next].keyHash) { return false }
                }
            default:
                break
            }
            guard !titleCase else { return true }
            // A state word fused into a longer proper name: "Ukraine Defense Contact Group".
            if let after, isBareCapitalizedWord(after) { return false }
            // A given name before a state word or capital: "Michael Jordan", "George Washington".
            if candidate.end - candidate.start == 1, candidate.via != .demonym, let before, before > sentence.lowerBound,
                isBareCapitalizedWord(before)
            {
                return false
            }
            return true
        }

        /// A capitalised word that no name, title or institution claims and
        /// that does not start a sentence.
        private func isBareCapitalizedWord(_ index: Int) -> Bool {
            let record = records[index]
            guard record.kind == .word, record.flags.contains(.capitalized), owner[index] < 0 else { return false }
            if record.flags.contains(.abbreviation) { return false }
            if recognizer.starters.contains(keyHash: record.keyHash) { return false }
            let limit = min(records.count, index + 6)
            if recognizer.titles.longestMatch(at: index, limit: limit, records, units) != nil { return false }
            if gazetteer.heads.longestMatch(at: index, limit: limit, records, units) != nil { return false }
            return true
        }

        /// A headline in title case ("Venezuela Mobilizes Troops As Tensions Rise"):
        /// most words of four letters or more outside names are capitalised,
        /// past the first word.
        private static func isTitleCase(words: Int, capitalized: Int) -> Bool {
            words >= 3 && capitalized * 10 >= words * 7
        }

        // MARK: Institutions after a state word

        /// An institution named right after a state word: `Russia's Defense Ministry`.
        private mutating func matchInstitution(after state: Candidate, in sentence: Range<Int>) {
            var position = state.end
            if position < sentence.upperBound, records[position].keyHash == recognizer.possessiveKey { position += 1 }
            guard position < sentence.upperBound,
                let match = gazetteer.heads.longestMatch(at: position, limit: sentence.upperBound, records, units)
            else { return }
            let name = gazetteer.heads.names[match.name]
            // A lower-case head is an adjective unless a verb follows: "Venezuelan military facilities".
            if name.capitalMask == 0, match.end < sentence.upperBound {
                let next = records[match.end]
                if next.kind == .word, !next.flags.contains(.capitalized),
                    !recognizer.context.headVerbs.contains(next.keyHash)
                {
                    return
                }
            }
            let head = gazetteer.institutionHeads[Int(name.target)]
            let canonical = head.name(of: state.canonical)
            add(Candidate(
                start: position, end: match.end, kind: .agency, entry: -1, via: .pattern, canonical: canonical,
                entryID: "agency:\(head.id):\((state.iso3 ?? "").lowercased())", iso3: state.iso3, role: head.type,
                confidence: 0.9, sentence: state.sentence))
        }

        // MARK: Surnames and titles

        /// Surnames of people whose full name the article writes. Where several
        /// such people share the surname, the one named last before it wins,
        /// with a lower confidence.
        private mutating func matchSurnames(_ sentences: [Range<Int>], _ bySentence: [ArraySlice<Int32>]) {
            var fullMentions: [Int32: [Int]] = [:]
            for candidate in candidates where candidate.start >= 0 && candidate.kind == .person && candidate.entry >= 0 {
                fullMentions[candidate.entry, default: []].append(candidate.start)
            }
            guard !fullMentions.isEmpty else { return }
            for (index, sentence) in sentences.enumerated() {
                var resume = sentence.lowerBound
                for token in bySentence[index] where Int(token) >= resume {
                    let i = Int(token)
                    guard owner[i] < 0, records[i].flags.contains(.capitalized),
                        gazetteer.surnames.mayStart(records[i]),
                        let match = gazetteer.surnames.allMatches(at: i, limit: sentence.upperBound, records, units)
                    else { continue }
                    var people = Set<Int32>()
                    for name in match.names {
                        let person = gazetteer.surnames.names[name].target
                        if fullMentions[person] != nil { people.insert(person) }
                    }
                    guard !people.isEmpty else { continue }
                    // The person named last before this point; else the first named after it.
                    let position = i
                    let chosen = people.max { a, b in
                        Self.recency(fullMentions[a]!, before: position) < Self.recency(fullMentions[b]!, before: position)
                    }!
                    addSurname(chosen, i, match.end, confidence: people.count == 1 ? 0.9 : 0.6, sentence: index)
                    resume = match.end
                }
            }
        }

        /// How recently, before `position`, a person was named in full: the
        /// last such position, else minus the first one after it.
        private static func recency(_ positions: [Int], before position: Int) -> Int {
            if let last = positions.last(where: { $0 < position }) { return last }
            return -(positions.first ?? Int.max)
        }

        private mutating func addSurname(_ entryIndex: Int32, _ start: Int, _ end: Int, confidence: Double, sentence: Int) {
            let entry = gazetteer.entries[Int(entryIndex)]
            add(Candidate(
                start: start, end: end, kind: .person, entry: entryIndex, via: .surname, canonical: entry.canonical,
                entryID: entry.id, iso3: entry.iso3, role: entry.role, confidence: confidence, sentence: sentence))
        }

        /// Attaches titles to the people they precede, and finds people the
        /// gazetteer lacks after a title: `Defense Minister Andrei Belousov`.
        private mutating func matchTitles(
            in sentence: Range<Int>, _ tokens: ArraySlice<Int32>, titleCase: Bool, sentence index: Int
        ) {
            var resume = sentence.lowerBound
            for token in tokens where Int(token) >= resume {
                let i = Int(token)
                guard records[i].flags.contains(.capitalized) || records[i].flags.contains(.abbreviation) || records[i].kind == .word,
                    owner[i] < 0,
                    recognizer.titles.mayStart(records[i]),
                    let match = recognizer.titles.longestMatch(at: i, limit: sentence.upperBound, records, units)
                else { continue }
                let title = buffer.string(Int(records[i].start), Int(records[match.end - 1].end))
                let next = match.end
                guard next < sentence.upperBound else { break }
                let owned = owner[next]
                if owned >= 0 {
                    if candidates[Int(owned)].kind == .person, candidates[Int(owned)].start == next {
                        candidates[Int(owned)].role = title
                    }
                    resume = next
                    continue
                }
                // An office before a surname names that person ("President Maduro"), when only
                // one listed person has the surname; an honorific ("Ms.", "Sgt.") says too little.
                var honorific = false
                for k in i..<match.end where recognizer.context.honorifics.contains(records[k].keyHash) { honorific = true }
                if !honorific, let surname = gazetteer.surnames.allMatches(at: next, limit: sentence.upperBound, records, units) {
                    var people = Set<Int32>()
                    for name in surname.names { people.insert(gazetteer.surnames.names[name].target) }
                    if people.count == 1, let person = people.first {
                        addSurname(person, next, surname.end, confidence: 0.8, sentence: index)
                        candidates[candidates.count - 1].role = title
                        resume = surname.end
                        continue
                    }
                }
                // A headline in title case capitalises the words after a name too: take two at most there.
                let longest = titleCase ? 2 : 4
                var end = next
                while end < sentence.upperBound, end - next < longest, isNameWord(end), owner[end] < 0 || isLoneWeaponWord(end) {
                    end += 1
                }
                guard end > next, !titleCase || end - next >= 2 else {
                    resume = match.end
                    continue
                }
                let text = buffer.string(Int(records[next].start), Int(records[end - 1].end))
                add(Candidate(
                    start: next, end: end, kind: .person, entry: -1, via: .pattern, canonical: text,
                    entryID: "pattern:person:\(Self.slug(text))", iso3: nil, role: title,
                    confidence: end - next >= 2 ? 0.7 : 0.6, sentence: index))
                resume = end
            }
        }

        /// A one-word weapon name that a name may contain: "Gen. Creighton Abrams".
        private func isLoneWeaponWord(_ index: Int) -> Bool {
            let owned = owner[index]
            guard owned >= 0 else { return false }
            let candidate = candidates[Int(owned)]
            return candidate.kind == .weapon && candidate.end - candidate.start == 1
        }

        private func isNameWord(_ index: Int) -> Bool {
            let record = records[index]
            return record.kind == .word && record.flags.contains(.capitalized) && !record.flags.contains(.abbreviation)
                && !recognizer.starters.contains(keyHash: record.keyHash) && record.keyHash != recognizer.possessiveKey
        }

        /// Later mentions of people found by a title, by their last name.
        private mutating func matchPatternSurnames(_ bySentence: [ArraySlice<Int32>]) {
            var people: [UInt64: Int] = [:]
            for (index, candidate) in candidates.enumerated()
            where candidate.start >= 0 && candidate.entry < 0 && candidate.kind == .person && candidate.end - candidate.start >= 2 {
                people[records[candidate.end - 1].keyHash] = index
            }
            guard !people.isEmpty else { return }
            for (index, tokens) in bySentence.enumerated() {
                for token in tokens where owner[Int(token)] < 0 && isNameWord(Int(token)) {
                    let i = Int(token)
                    guard let person = people[records[i].keyHash] else { continue }
                    var candidate = candidates[person]
                    candidate.start = i
                    candidate.end = i + 1
                    candidate.via = .surname
                    candidate.role = nil
                    candidate.confidence = 0.6
                    candidate.sentence = index
                    add(candidate)
                }
            }
        }

        static func slug(_ text: String) -> String {
            var slug = ""
            // Names in ASCII, most of them, need no Unicode folding.
            let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.lowercased().decomposedStringWithCanonicalMapping
            for scalar in folded.unicodeScalars {
                let scalar = scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value | 0x20)! : scalar
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    slug.unicodeScalars.append(scalar)
                } else if scalar == " " || scalar == "-", slug.last != "-", !slug.isEmpty {
                    slug.append("-")
                }
            }
            return slug
        }

        private func mention(_ index: Int) -> EntityMention {
            let start = Int(records[candidates[index].start].start)
            let end = Int(records[candidates[index].end - 1].end)
            return EntityMention(
                range: buffer.range(start, end), text: buffer.substring(start, end), kind: candidates[index].kind,
                canonical: candidates[index].canonical, entryID: candidates[index].entryID,
                iso3: candidates[index].kind == .state ? candidates[index].iso3 : nil, via: candidates[index].via,
                role: candidates[index].role, confidence: candidates[index].confidence, sentence: candidates[index].sentence)
        }
    }
}
