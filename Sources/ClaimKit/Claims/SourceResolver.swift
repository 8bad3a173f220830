/// Types a claim's source and resolves pronouns and descriptions to the
/// nearest earlier antecedent that fits: `he` to the last person named,
/// `the report` to the outlet that reported, `The government` to the last
/// source with the same head word, `the Venezuelan president` to the last
/// person of that state.
struct SourceResolver {
    let pass: ClaimRecognizer.Pass
    private var lexicon: ClaimLexicon { pass.lexicon }

    init(pass: ClaimRecognizer.Pass) {
        self.pass = pass
    }

    private func key(_ i: Int) -> UInt64 { pass.records[i].keyHash }

    /// The finished claim for a draft; `earlier` holds the claims before it.
    func claim(_ draft: ClaimRecognizer.Pass.Draft, earlier: [Claim]) -> Claim {
        var type = SourceType.none
        var entity: String?
        var resolved: String?
        if let source = draft.source {
            let head = headToken(of: source)
            entity = headEntity(source, head: head).map { pass.entities.mentions[$0].entryID }
            type = draft.anonymous ? .anonymous : sourceType(source, head: head)
            resolved = resolve(source, head: head, before: earlier.count)
        }
        var lower = draft.cue.lowerBound
        var upper = draft.cue.upperBound
        for part in [draft.source, draft.content, draft.citing] {
            guard let part else { continue }
            lower = min(lower, part.lowerBound)
            upper = max(upper, part.upperBound)
        }
        let content = draft.content
        return Claim(
            range: pass.span(lower..<upper).range,
            source: draft.source.map(pass.span),
            sourceType: type,
            sourceEntity: entity,
            resolvedSource: resolved,
            cue: pass.span(draft.cue),
            cueKind: draft.kind,
            content: content.map(pass.span),
            hedged: draft.hedged,
            negated: draft.negated,
            citing: draft.citing.map(pass.span),
            directQuote: content.map { pass.records[$0.lowerBound].keyHash == pass.keys.quote } ?? false,
            sentence: draft.sentence,
            entities: content.map { Self.inside($0, pass.entities.spans) } ?? [],
            quantities: content.map { Self.inside($0, pass.quantities.spans) } ?? [])
    }

    /// The indices of the spans (in text order) that start inside `range`, found by binary search.
    static func inside(_ range: Range<Int>, _ spans: [Range<Int>]) -> [Int] {
        var low = firstIndex(startingAtOrAfter: range.lowerBound, spans)
        var found: [Int] = []
        while low < spans.count, spans[low].lowerBound < range.upperBound {
            found.append(low)
            low += 1
        }
        return found
    }

    /// The first span (in text order) that starts at or after `position`.
    static func firstIndex(startingAtOrAfter position: Int, _ spans: [Range<Int>]) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lowerBound < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How far back an antecedent is looked for, in mentions and in claims: an article's
    /// antecedents are near, and a bound keeps a very long text linear.
    static let window = 200

    // MARK: Heads and types

    /// The head of the source's first noun phrase: `documents` in `the documents reviewed by …`,
    /// `authorities` in `local authorities and media`.
    func headToken(of source: Range<Int>) -> Int {
        var k = source.lowerBound
        while k + 1 < source.upperBound {
            let next = k + 1
            let record = pass.records[next]
            let nextKey = record.keyHash
            if pass.entityAt[k] >= 0, pass.entityAt[next] == pass.entityAt[k] {
                k = next
                continue
            }
            if lexicon.prepositions.contains(nextKey) || lexicon.clauseBreaks.contains(nextKey) || nextKey == pass.keys.and
                || nextKey == pass.keys.or || nextKey == pass.keys.comma || isParticiple(next)
            {
                break
            }
            k = next
        }
        // `Sources familiar with the matter`: the last word of the chunk that says what the source is.
        var head = k
        while head > source.lowerBound, pass.entityAt[head] < 0, !isSourceWord(key(head)) { head -= 1 }
        return pass.entityAt[head] >= 0 || isSourceWord(key(head)) ? head : k
    }

    private func isSourceWord(_ key: UInt64) -> Bool {
        lexicon.sourceTypes[key] != nil || lexicon.personDescriptions.contains(key) || lexicon.mediaDescriptions.contains(key)
    }

    private func isParticiple(_ k: Int) -> Bool {
        let record = pass.records[k]
        guard record.kind == .word, !record.flags.contains(.capitalized), pass.entityAt[k] < 0 else { return false }
        return record.length > 4 && (pass.endsWith(k, "ed") || pass.endsWith(k, "ing"))
    }

    /// The entity mention that names the source: the one holding the head, else the last in the span.
    func headEntity(_ source: Range<Int>, head: Int) -> Int? {
        let owner = pass.entityAt[head]
        if owner >= 0, pass.entities.mentions[Int(owner)].kind != .weapon { return Int(owner) }
        var found: Int?
        for k in source where pass.entityAt[k] >= 0 && pass.entities.mentions[Int(pass.entityAt[k])].kind != .weapon {
            found = Int(pass.entityAt[k])
        }
        return found
    }

    func sourceType(_ source: Range<Int>, head: Int) -> SourceType {
        if source.contains(where: { lexicon.anonymityMarkers.contains(key($0)) }) { return .anonymous }
        if source.count == 1, lexicon.personPronouns.contains(key(source.lowerBound)) { return .person }
        if pass.entityAt[head] >= 0 { return type(of: Int(pass.entityAt[head])) }
        // `the general`, `the Venezuelan leader`: one person, named or not.
        if lexicon.personDescriptions.contains(key(head)), key(source.lowerBound) != KeyHash.hash("a"),
            lexicon.determiners.contains(key(source.lowerBound))
        {
            return .person
        }
        if let type = lexicon.sourceTypes[key(head)] { return type }
        if let entity = headEntity(source, head: head) { return type(of: entity) }
        return pass.records[head].flags.contains(.capitalized) ? .person : .organization
    }

    private func type(of mention: Int) -> SourceType {
        let found = pass.entities.mentions[mention]
        switch found.kind {
        case .person: return .person
        case .state: return .government
        case .weapon: return .organization
        case .agency:
            let role = found.role ?? pass.recognizer.agencyTypes[found.entryID] ?? ""
            if role == "media" { return .media }
            let governmental = ["military", "intelligence", "government", "ministry", "police", "security", "institution", "legislature", "court"]
            return governmental.contains(role) ? .government : .organization
        }
    }

    // MARK: Resolution

    /// What a pronoun or a description stands for, else nil.
    func resolve(_ source: Range<Int>, head: Int, before claimIndex: Int) -> String? {
        let first = key(source.lowerBound)
        if source.count == 1, lexicon.personPronouns.contains(first) {
            // The last person named: a listed or patterned person, or an earlier speaker the
            // gazetteer does not list (`"…," Syrskyi said. "…," he added.`).
            var speaker: (position: Int, text: String)?
            for index in stride(from: claimIndex - 1, through: max(0, claimIndex - Self.window), by: -1) {
                guard let part = pass.claims[index].source, part.upperBound <= source.lowerBound, part.count <= 4,
                    !lexicon.personPronouns.contains(key(part.lowerBound)), !lexicon.determiners.contains(key(part.lowerBound)),
                    sourceType(part, head: headToken(of: part)) == .person
                else { continue }
                speaker = (part.lowerBound, String(pass.span(part).text))
                break
            }
            let mention = nearestPersonMention(before: source.lowerBound, state: nil)
            if let speaker, mention.map({ speaker.position > $0.position }) ?? true {
                return mention.flatMap { $0.position >= speaker.position ? $0.canonical : nil } ?? speaker.text
            }
            return mention?.canonical
        }
        if source.count == 1, lexicon.pronouns.contains(first) {
            return pass.claims[..<claimIndex].last.flatMap { $0.source }.map { String(pass.span($0).text) }
        }
        guard lexicon.determiners.contains(first), pass.entityAt[head] < 0 else { return nil }
        // The last earlier source, citing source or mention with the same head word; one that also
        // has the description's other words (`The foreign ministry` → `Foreign Ministry`) comes first.
        let headKey = key(head)
        let modifiers = source.filter { $0 != head && !lexicon.determiners.contains(key($0)) && pass.entityAt[$0] < 0 }.map { key($0) }
        var best: (position: Int, text: String, full: Bool)?
        func consider(_ span: Range<Int>, _ text: @autoclosure () -> String) {
            let full = modifiers.allSatisfy { modifier in span.contains { key($0) == modifier } }
            guard let current = best else {
                best = (span.lowerBound, text(), full)
                return
            }
            if full && !current.full || full == current.full && span.lowerBound > current.position {
                best = (span.lowerBound, text(), full)
            }
        }
        for index in max(0, claimIndex - Self.window)..<claimIndex {
            let earlier = pass.claims[index]
            for part in [earlier.source, earlier.citing] {
                guard let part, part.upperBound <= source.lowerBound, part != source else { continue }
                if key(headToken(of: part)) == headKey { consider(part, String(pass.span(part).text)) }
            }
        }
        let before = Self.firstIndex(startingAtOrAfter: source.lowerBound, pass.entities.spans)
        for index in stride(from: before - 1, through: max(0, before - Self.window), by: -1) {
            let span = pass.entities.spans[index]
            guard span.upperBound <= source.lowerBound, key(span.upperBound - 1) == headKey else { continue }
            consider(span, pass.entities.mentions[index].canonical)
        }
        if let best { return best.text }
        if lexicon.personDescriptions.contains(headKey) {
            let state = source.lazy.compactMap { k -> String? in
                let owner = pass.entityAt[k]
                guard owner >= 0, self.pass.entities.mentions[Int(owner)].kind == .state else { return nil }
                return self.pass.entities.mentions[Int(owner)].iso3
            }.first
            return nearestPerson(before: source.lowerBound, state: state)
        }
        if lexicon.mediaDescriptions.contains(headKey) {
            for index in stride(from: claimIndex - 1, through: max(0, claimIndex - Self.window), by: -1) {
                let earlier = pass.claims[index]
                guard let part = earlier.source, part.upperBound <= source.lowerBound else { continue }
                let partHead = headToken(of: part)
                if sourceType(part, head: partHead) == .media {
                    return headEntity(part, head: partHead).map { pass.entities.mentions[$0].canonical } ?? String(pass.span(part).text)
                }
            }
        }
        return nil
    }

    /// The canonical name of the last person named before `position`, of `state` when given.
    private func nearestPerson(before position: Int, state: String?) -> String? {
        nearestPersonMention(before: position, state: state)?.canonical
    }

    /// The last person mention before `position`, of `state` when given.
    private func nearestPersonMention(before position: Int, state: String?) -> (position: Int, canonical: String)? {
        let before = Self.firstIndex(startingAtOrAfter: position, pass.entities.spans)
        for index in stride(from: before - 1, through: max(0, before - Self.window), by: -1) {
            let span = pass.entities.spans[index]
            let mention = pass.entities.mentions[index]
            guard span.upperBound <= position, mention.kind == .person else { continue }
            if let state, pass.recognizer.personStates[mention.entryID] != state { continue }
            return (span.lowerBound, mention.canonical)
        }
        return nil
    }
}
