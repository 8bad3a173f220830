/// The language data of the quantity stage, compiled once per ``Extractor``
/// from `numbers.tsv`, `vague-amounts.tsv`, `quantity-qualifiers.tsv`,
/// `units.tsv` and `quantity-context.tsv`.
final class QuantityLexicon: Sendable {
    /// What a number word does when numbers are read.
    enum NumberClass: String, Sendable {
        case unit, teen, tens, hundred, scale, dozen, fraction, ordinal
        case ordinalScale = "ordinal-scale"
        case suffix
        case ordinalSuffix = "ordinal-suffix"
        case article, sign, point
    }

    struct NumberWord: Sendable {
        let value: Double
        let kind: NumberClass
    }

    enum UnitKind: String, Sendable {
        case money, percent, measure, calibre
    }

    struct Unit: Sendable {
        let kind: UnitKind
        /// The ISO code for money, `percent` for percentages; nil where the unit is reported as written.
        let code: String?
        let before: Bool
        let after: Bool
        /// A three-letter code (`USD`): before a number it counts only in capitals.
        let isCode: Bool
    }

    enum Bound: String, Sendable {
        case approximate, atLeast = "at_least", moreThan = "more_than", atMost = "at_most", lessThan = "less_than"
        case rangeOpen = "range-open"
    }

    struct Vague: Sendable {
        let low: Double
        let high: Double
    }

    /// Number words by key hash (`twenty`, `million`, `third`).
    let words: KeyMap<NumberWord>
    /// A bit per low 16 bits of every key that may start an amount: most tokens start none.
    let starts: [UInt64]
    /// The same for the keys an amount cannot be without: number words (not `a`), vague
    /// words and currency symbols. The scan stops only at these and looks back for qualifiers.
    let triggers: [UInt64]
    /// The same for the keys that may stand right before a trigger inside an amount: the last
    /// word of a qualifier (`than`, `least`), a currency's tokens, an article. Only after one
    /// of these does the scan look back.
    let enders: [UInt64]
    /// Letters written on digits (`k` in `10k`, `th` in `1,345th`), by the hash of their text.
    let suffixes: KeyMap<NumberWord>
    /// Units of one token by the hash of their key, for units written on digits (`300km`).
    let attachedUnits: KeyMap<Unit>
    /// The ordinal suffixes, in the order `st`, `nd`, `rd`, `th`.
    private let ordinalSuffixes = ["st", "nd", "rd", "th"].map { KeyHash.hash($0) }
    let vague: PhraseTable<Vague>
    let qualifiersBefore: PhraseTable<Bound>
    let qualifiersAfter: PhraseTable<Bound>
    let units: PhraseTable<Unit>
    let months: KeySet
    let weekdays: KeySet
    let timeAfter: KeySet
    let designations: KeySet
    let ageBefore: KeySet
    let yearBefore: KeySet
    let pronounDeterminers: KeySet
    let ordinalDeterminers: KeySet
    let stops: KeySet
    let pluralNouns: KeySet

    static let contextClasses = [
        "month", "weekday", "time-after", "designation-before", "age-before", "year-before", "pronoun-determiner",
        "ordinal-determiner", "counted-stop", "plural-noun",
    ]

    init(
        numbers: DataFile, vagueAmounts: DataFile, qualifiers: DataFile, units unitFile: DataFile, context: DataFile,
        tokenizer: Tokenizer
    ) throws(DataFileIssue) {
        var words: [UInt64: NumberWord] = [:]
        var suffixes: [UInt64: NumberWord] = [:]
        let word = try numbers.column("word")
        let value = try numbers.column("value")
        let kind = try numbers.column("class")
        for row in numbers.rows {
            let fields = row.fields
            let number = try numbers.number(fields[value], row, field: "value")
            let numberClass = try numbers.value(fields[kind], as: NumberClass.self, row, field: "class")
            let entry = NumberWord(value: number, kind: numberClass)
            let text = fields[word].lowercased()
            if numberClass == .suffix || numberClass == .ordinalSuffix {
                suffixes[KeyHash.hash(text)] = entry
            } else {
                words[KeyHash.hash(text)] = entry
            }
        }
        self.words = KeyMap(words)
        self.suffixes = KeyMap(suffixes)
        var starts = [UInt64](repeating: 0, count: 1024)
        var triggers = [UInt64](repeating: 0, count: 1024)
        var enders = [UInt64](repeating: 0, count: 1024)
        func markEnder(_ key: UInt64) {
            let bit = Int(key & 0xFFFF)
            enders[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        func mark(_ key: UInt64) {
            let bit = Int(key & 0xFFFF)
            starts[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        func markTrigger(_ key: UInt64) {
            let bit = Int(key & 0xFFFF)
            triggers[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        let articles = Set(words.filter { $0.value.kind == .article }.map(\.key))
        let of = KeyHash.hash("of")

        var vague = PhraseTable<Vague>()
        let phrase = try vagueAmounts.column("phrase")
        let low = try vagueAmounts.column("low")
        let high = try vagueAmounts.column("high")
        for row in vagueAmounts.rows {
            let fields = row.fields
            let keys = tokenizer.tokenize(String(fields[phrase])).records.map(\.keyHash)
            mark(keys.first ?? 0)
            for key in keys where !articles.contains(key) && key != of { markTrigger(key) }
            for key in keys { markEnder(key) }
            vague.add(
                fields[phrase],
                Vague(
                    low: try vagueAmounts.number(fields[low], row, field: "low"),
                    high: try vagueAmounts.number(fields[high], row, field: "high")),
                tokenizer: tokenizer)
        }
        self.vague = vague

        var before = PhraseTable<Bound>()
        var after = PhraseTable<Bound>()
        let qualifierPhrase = try qualifiers.column("phrase")
        let qualifier = try qualifiers.column("qualifier")
        let position = try qualifiers.column("position")
        for row in qualifiers.rows {
            let fields = row.fields
            let bound = try qualifiers.value(fields[qualifier], as: Bound.self, row, field: "qualifier")
            let qualifierKeys = tokenizer.tokenize(String(fields[qualifierPhrase])).records.map(\.keyHash)
            mark(qualifierKeys.first ?? 0)
            markEnder(qualifierKeys.last ?? 0)
            switch fields[position] {
            case "before": before.add(fields[qualifierPhrase], bound, tokenizer: tokenizer)
            case "after": after.add(fields[qualifierPhrase], bound, tokenizer: tokenizer)
            default:
                throw DataFileIssue(
                    file: qualifiers.path, line: row.line, field: "position",
                    message: "is \"\(fields[position])\"; expected before or after")
            }
        }
        qualifiersBefore = before
        qualifiersAfter = after

        var units = PhraseTable<Unit>()
        var attached: [UInt64: Unit] = [:]
        let unitPhrase = try unitFile.column("phrase")
        let unitKind = try unitFile.column("kind")
        let unitCode = try unitFile.column("unit")
        let unitPosition = try unitFile.column("position")
        for row in unitFile.rows {
            let fields = row.fields
            let kind = try unitFile.value(fields[unitKind], as: UnitKind.self, row, field: "kind")
            let placement = fields[unitPosition]
            guard ["before", "after", "both"].contains(placement) else {
                throw DataFileIssue(
                    file: unitFile.path, line: row.line, field: "position",
                    message: "is \"\(placement)\"; expected before, after or both")
            }
            let unit = Unit(
                kind: kind, code: fields[unitCode].isEmpty ? nil : String(fields[unitCode]),
                before: placement != "after", after: placement != "before",
                isCode: kind == .money && fields[unitPhrase].utf8.count == 3 && fields[unitPhrase].allSatisfy(\.isLetter))
            units.add(fields[unitPhrase], unit, tokenizer: tokenizer)
            if unit.before {
                let keys = tokenizer.tokenize(String(fields[unitPhrase])).records.map(\.keyHash)
                mark(keys.first ?? 0)
                markTrigger(keys.last ?? 0)
                for key in keys { markEnder(key) }
            }
            let text = fields[unitPhrase].lowercased()
            if unit.after, !text.contains(" ") { attached[KeyHash.hash(text)] = unit }
        }
        self.units = units
        attachedUnits = KeyMap(attached)
        for (key, word) in words {
            mark(key)
            if word.kind != .article { markTrigger(key) } else { markEnder(key) }
        }
        self.starts = starts
        self.triggers = triggers
        self.enders = enders

        let sets = try context.classSets(Self.contextClasses)
        months = KeySet(sets["month"] ?? [])
        weekdays = KeySet(sets["weekday"] ?? [])
        timeAfter = KeySet(sets["time-after"] ?? [])
        designations = KeySet(sets["designation-before"] ?? [])
        ageBefore = KeySet(sets["age-before"] ?? [])
        yearBefore = KeySet(sets["year-before"] ?? [])
        pronounDeterminers = KeySet(sets["pronoun-determiner"] ?? [])
        ordinalDeterminers = KeySet(sets["ordinal-determiner"] ?? [])
        stops = KeySet(sets["counted-stop"] ?? [])
        pluralNouns = KeySet(sets["plural-noun"] ?? [])
    }

    /// `1st`, `2nd`, `3rd`, `11th`, `21st`: the suffix (its key hash) matches the number.
    func ordinalSuffixFits(_ value: Double, _ suffix: UInt64) -> Bool {
        let n = Int(value)
        let expected: Int
        if (11...13).contains(n % 100) {
            expected = 3
        } else {
            switch n % 10 {
            case 1: expected = 0
            case 2: expected = 1
            case 3: expected = 2
            default: expected = 3
            }
        }
        return ordinalSuffixes[expected] == suffix
    }

    /// Whether a token with this key may start an amount (numbers aside).
    @inline(__always)
    func mayStart(_ keyHash: UInt64) -> Bool {
        let bit = Int(keyHash & 0xFFFF)
        return starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Whether a token with this key may stand right before a trigger inside an amount.
    @inline(__always)
    func isEnder(_ keyHash: UInt64) -> Bool {
        let bit = Int(keyHash & 0xFFFF)
        return enders[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Whether an amount may hold a token with this key (numbers aside).
    @inline(__always)
    func isTrigger(_ keyHash: UInt64) -> Bool {
        let bit = Int(keyHash & 0xFFFF)
        return triggers[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }


}
