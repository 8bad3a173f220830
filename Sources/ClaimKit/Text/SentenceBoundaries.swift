import CICU

/// The sentence boundaries of one tokenized text, worked out over raw
/// buffers: ICU's boundaries first, then the repairs for news text.
struct SentenceBoundaries {
    let records: UnsafeBufferPointer<TokenRecord>
    let units: UnsafeBufferPointer<UInt16>
    /// Whether a sentence starts at each token.
    let starts: UnsafeMutableBufferPointer<Bool>
    let abbreviations: Abbreviations
    let starters: SentenceStarters

    @inline(__always)
    private func isCharacter(_ index: Int, _ unit: UInt16) -> Bool {
        let record = records[index]
        return record.end - record.start == 1 && record.first == unit
    }

    // MARK: - ICU boundaries

    /// Marks ICU's sentence boundaries. ICU reads only the paragraphs'
    /// stretches where a sentence may end (`ck_sentence_break_next`); the
    /// line starts it then leaves out, ``applyStructure(_:)`` marks. The walk
    /// from boundary to token visits every token, so it also picks out, for
    /// ``applyStructure(_:)``, the few tokens that pass must see: a second
    /// pass over all tokens cost as much as the rest of that pass.
    func applyICU() -> [Int32] {
        var candidates: [Int32] = []
        candidates.reserveCapacity(records.count / 4)
        var next = 0
        if let base = units.baseAddress, ck_break_begin(CK_BREAK_SENTENCE, base, Int32(units.count)) == 0 {
            let capacity = 512
            var boundaries = [Int32](repeating: 0, count: capacity)
            walk: while true {
                let found = boundaries.withUnsafeMutableBufferPointer {
                    Int(ck_sentence_break_next($0.baseAddress, Int32(capacity)))
                }
                if found == 0 { break }
                for k in 0..<found {
                    let boundary = boundaries[k]
                    while next < records.count && records[next].start < boundary {
                        if Self.mayMatter(records[next]) { candidates.append(Int32(next)) }
                        next += 1
                    }
                    if next >= records.count { break walk }
                    if next > 0 && keepsBreak(before: next) { starts[next] = true }
                }
            }
        }
        // Whatever ICU's boundaries did not reach (all of it, if ICU could not start).
        while next < records.count {
            if Self.mayMatter(records[next]) { candidates.append(Int32(next)) }
            next += 1
        }
        return candidates
    }

    /// Whether ``applyStructure(_:)`` can do anything at a token: a paragraph
    /// start, an abbreviation, a period that may open an ellipsis, or a short
    /// number, letter or bullet after white space that may mark a list item.
    /// Every other token it passes over unchanged.
    @inline(__always)
    private static func mayMatter(_ record: TokenRecord) -> Bool {
        if record.flags.contains(.lineStart) || record.flags.contains(.abbreviation) { return true }
        guard record.end - record.start <= 2 else { return false }
        if record.first == 0x2E { return true }
        guard record.flags.contains(.spaceBefore) else { return false }
        switch record.kind {
        case .number: return true
        case .word: return record.end - record.start == 1 && record.first &- 0x61 < 26
        default: return SentenceSplitter.isBullet(record.first)
        }
    }

    /// Whether an ICU boundary before token `next` is a real sentence end.
    private func keepsBreak(before next: Int) -> Bool {
        var last = next - 1
        while last > 0, SentenceSplitter.isClosing(records[last].first), records[last].length == 1,
            !records[last].flags.contains(.spaceBefore)
        {
            last -= 1
        }
        // An ellipsis in square brackets marks words left out, not a stop: "stairways [...]".
        if last < next - 1, (last + 1..<next).contains(where: { isCharacter($0, 0x5D) }),
            isCharacter(last, 0x2E)
        {
            return false
        }
        let record = records[last]
        if record.flags.contains(.abbreviation) {
            // A closing quote after the abbreviation shows the sentence ended there.
            if last != next - 1 { return true }
            let hash = FNV.hash(units: units, Int(record.start), Int(record.end) - 1)
            switch abbreviations.role(hash: hash) {
            case .title:
                return false
            case .number where records[next].kind == .number:
                return false
            default:
                return startsSentence(next)
            }
        }
        if record.length == 1 {
            let unit = record.first
            if unit == 0x2E, records[next].kind == .number, last > 0, !record.flags.contains(.spaceBefore) {
                // "N°. 1026", "Fig. 3": a short non-number before the stop marks an abbreviation.
                let before = records[last - 1]
                if before.kind == .symbol || (before.kind == .word && before.length <= 3) { return false }
            }
            if unit == 0x21 || unit == 0x3F {
                let first = records[next].first
                if first >= 0x61 && first <= 0x7A { return false }
            }
        }
        return true
    }

    /// Whether token `index` begins a new sentence after an abbreviation:
    /// a capitalised word from the sentence-starter list, or an opening quote
    /// or bracket before a capitalised word.
    private func startsSentence(_ index: Int) -> Bool {
        let record = records[index]
        if record.kind == .word {
            return record.flags.contains(.capitalized) && starters.contains(keyHash: record.keyHash)
        }
        if record.length == 1, SentenceSplitter.isOpening(record.first), index + 1 < records.count {
            return records[index + 1].flags.contains(.capitalized)
        }
        return false
    }

    // MARK: - Lines, datelines, lists and ellipses

    /// A list marker: an optional bullet, then a number of one or two digits
    /// or a lower-case letter, closed by `.`, `)` or `.)`, then white space.
    private struct Marker {
        let first: Int
        let last: Int
        let value: Int?
    }

    /// One pass over the candidate tokens for what ICU does not know of:
    /// line breaks, datelines, list items and spaced ellipses.
    func applyStructure(_ candidates: [Int32]) {
        var markers: [Marker] = []
        var paragraphStart = 0
        // The next token not yet passed; candidates before it were consumed by a jump.
        var i = 0
        for candidate in candidates where Int(candidate) >= i {
            i = Int(candidate)
            let record = records[i]
            if record.flags.contains(.lineStart) {
                if markers.count >= 2 { finishList(markers, paragraphStart) }
                markers.removeAll(keepingCapacity: true)
                paragraphStart = i
                starts[i] = true
                if record.flags.contains(.allCaps) { keepDateline(from: i) }
            }
            // ICU's own suppressions (Jan., Mr.) hide some ends: an abbreviation
            // that may end a sentence does so before a word that starts one.
            if record.flags.contains(.abbreviation), i + 1 < records.count,
                !records[i + 1].flags.contains(.lineStart), keepsBreak(before: i + 1)
            {
                starts[i + 1] = true
            }
            // List markers and ellipses are one or two characters long.
            guard record.length <= 2 else {
                i += 1
                continue
            }
            let unit = record.first
            if unit == 0x2E, i + 1 < records.count, records[i + 1].flags.contains(.spaceBefore),
                isCharacter(i + 1, 0x2E)
            {
                i = ellipsis(at: i)
                continue
            }
            guard i == 0 || record.flags.contains(.spaceBefore) else {
                i += 1
                continue
            }
            let isBullet = record.length == 1 && SentenceSplitter.isBullet(unit)
            let cursor = isBullet ? i + 1 : i
            if cursor < records.count, !(isBullet && records[cursor].flags.contains(.lineStart)),
                let marker = numberedMarker(at: cursor)
            {
                markers.append(Marker(first: i, last: marker.last, value: marker.value))
                i = marker.last + 1
                continue
            }
            if isBullet, cursor < records.count { markers.append(Marker(first: i, last: i, value: nil)) }
            i += 1
        }
        if markers.count >= 2 { finishList(markers, paragraphStart) }
    }

    @inline(__always)
    private func numberedMarker(at index: Int) -> (last: Int, value: Int)? {
        guard index + 2 < records.count else { return nil }
        let record = records[index]
        let start = Int(record.start)
        var value: Int
        if record.kind == .number, record.length <= 2 {
            value = 0
            for j in start..<Int(record.end) {
                let digit = units[j]
                guard digit >= 0x30 && digit <= 0x39 else { return nil }
                value = value * 10 + Int(digit - 0x30)
            }
        } else if record.kind == .word, record.length == 1, record.first >= 0x61, record.first <= 0x7A {
            value = Int(record.first - 0x60)
        } else {
            return nil
        }
        var last = index
        while last + 1 < records.count, last - index < 2 {
            let following = records[last + 1]
            guard following.length == 1, !following.flags.contains(.spaceBefore) else { break }
            let unit = following.first
            guard unit == 0x2E || unit == 0x29 else { break }
            last += 1
        }
        guard last > index, last + 1 < records.count, records[last + 1].flags.contains(.spaceBefore) else { return nil }
        return (last, value)
    }

    /// Splits before every marker of a numbered sequence (1, 2, … or a, b, …)
    /// and before every bullet when a paragraph holds two or more.
    private func finishList(_ markers: [Marker], _ paragraphStart: Int) {
        var inList = [Bool](repeating: false, count: markers.count)
        let bullets = markers.filter { $0.value == nil }.count
        for k in markers.indices {
            if markers[k].value == nil {
                inList[k] = bullets >= 2
                continue
            }
            if k + 1 < markers.count, let value = markers[k].value, markers[k + 1].value == value + 1 {
                inList[k] = true
                inList[k + 1] = true
            }
        }
        for k in markers.indices where inList[k] {
            let marker = markers[k]
            if marker.first > paragraphStart { starts[marker.first] = true }
            let after = marker.last + 1
            if marker.value != nil, after < starts.count, !records[after].flags.contains(.lineStart) {
                starts[after] = false
            }
        }
    }

    /// A run of spaced dots (`. . .`): three are an ellipsis inside a sentence;
    /// four before a capital end it, after the first dot when that dot is
    /// attached to the word before. Returns the index after the run.
    private func ellipsis(at first: Int) -> Int {
        var last = first
        while last + 1 < records.count, isCharacter(last + 1, 0x2E),
            records[last + 1].flags.contains(.spaceBefore), records[last + 1].start == records[last].end + 1
        {
            last += 1
        }
        let dots = last - first + 1
        guard dots >= 3 else { return last + 1 }
        let attached = first > 0 && !records[first].flags.contains(.spaceBefore)
            && !records[first].flags.contains(.lineStart)
        if attached { starts[first] = false }
        var j = first + 1
        while j <= last + 1 && j < records.count {
            if !records[j].flags.contains(.lineStart) { starts[j] = false }
            j += 1
        }
        if dots == 4, last + 1 < records.count, records[last + 1].flags.contains(.capitalized),
            !records[last + 1].flags.contains(.lineStart)
        {
            starts[attached ? first + 1 : last + 1] = true
        }
        return last + 1
    }

    /// Keeps `CARACAS, Venezuela (AP) —` and `MOSCOW, June 9. /TASS/.` in
    /// the sentence they open: a paragraph that starts with capitals and a
    /// comma, whose first fragment has no lower-case word, runs on.
    private func keepDateline(from p: Int) {
        var k = p
        while k < records.count, k - p < 4, records[k].kind == .word, records[k].flags.contains(.allCaps) { k += 1 }
        guard k < records.count, isCharacter(k, 0x2C) else { return }
        guard let first = nextStart(after: p), first - p <= 10,
            !(p..<first).contains(where: { records[$0].kind == .word && !records[$0].flags.contains(.capitalized) })
        else { return }
        starts[first] = false
        var fragment = first
        while let end = nextStart(after: fragment), isCredit(fragment..<end) {
            starts[end] = false
            fragment = end
        }
    }

    private func nextStart(after index: Int) -> Int? {
        var i = index + 1
        while i < records.count {
            if records[i].flags.contains(.lineStart) { return nil }
            if starts[i] { return i }
            i += 1
        }
        return nil
    }

    /// A short agency credit such as `/TASS/.` or `(AP).`: one word, the rest punctuation.
    private func isCredit(_ span: Range<Int>) -> Bool {
        guard span.count <= 5 else { return false }
        var words = 0
        for i in span {
            switch records[i].kind {
            case .word:
                guard records[i].flags.contains(.capitalized) else { return false }
                words += 1
            case .punctuation:
                continue
            default:
                return false
            }
        }
        return words == 1
    }
}
