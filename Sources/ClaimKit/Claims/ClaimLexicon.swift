/// The language data of the claim stage, compiled once per ``Extractor``
/// from `claim-cues.tsv` (and the user's cue files), `claim-context.tsv` and
/// `claim-sources.tsv`.
final class ClaimLexicon: Sendable {
    /// How a cue relates its source and content; see `claim-cues.tsv`.
    enum Frame: String, Sendable {
        case verb
        case verbThat = "verb-that"
        case objectAs = "object-as"
        case objectOf = "object-of"
        case infinitive
        case accordingTo = "according-to"
        case citing
        case hedgeAdverb = "hedge-adverb"
        case hedgePassive = "hedge-passive"
        case noClaim = "no-claim"
        case hedgeAfter = "hedge-after"
    }

    struct Cue: Sendable {
        let kind: CueKind
        let frame: Frame
        let hedged: Bool
        let negated: Bool
    }

    /// What a source's head word says about it; see `claim-sources.tsv`.
    enum SourceClass: String, Sendable {
        case official, anonymous, document, government, media, organization
        case anonymityMarker = "anonymity-marker"
        case personDescription = "person-description"
        case mediaDescription = "media-description"
    }

    let cues: PhraseTable<Cue>
    let clauseBreaks: KeySet
    let prepositions: KeySet
    let auxiliaries: KeySet
    let adverbs: KeySet
    let negations: KeySet
    let determiners: KeySet
    let timeWords: KeySet
    let listeners: KeySet
    let personPronouns: KeySet
    let pronouns: KeySet
    /// Head words of unnamed sources by their source type.
    let sourceTypes: KeyMap<SourceType>
    let anonymityMarkers: KeySet
    let personDescriptions: KeySet
    let mediaDescriptions: KeySet

    static let contextClasses = [
        "clause-break", "preposition", "auxiliary", "adverb", "negation", "determiner", "time-word", "listener",
        "person-pronoun", "pronoun",
    ]

    init(cueFiles: [DataFile], context: DataFile, sources: DataFile, tokenizer: Tokenizer) throws(DataFileIssue) {
        var cues = PhraseTable<Cue>()
        for file in cueFiles {
            let phrase = try file.column("phrase")
            let kind = try file.column("kind")
            let frame = try file.column("frame")
            let hedged = try file.column("hedged")
            let negated = try file.column("negated")
            for row in file.rows {
                let fields = row.fields
                guard fields.count > max(phrase, kind, frame, hedged, negated) else {
                    throw DataFileIssue(file: file.path, line: row.line, field: nil, message: "has \(fields.count) fields; expected 5")
                }
                let cue = Cue(
                    kind: try file.value(fields[kind], as: CueKind.self, row, field: "kind"),
                    frame: try file.value(fields[frame], as: Frame.self, row, field: "frame"),
                    hedged: try Self.flag(fields[hedged], row, file, field: "hedged"),
                    negated: try Self.flag(fields[negated], row, file, field: "negated"))
                cues.add(fields[phrase], cue, tokenizer: tokenizer)
            }
        }
        self.cues = cues

        let sets = try context.classSets(Self.contextClasses)
        clauseBreaks = KeySet(sets["clause-break"] ?? [])
        prepositions = KeySet(sets["preposition"] ?? [])
        auxiliaries = KeySet(sets["auxiliary"] ?? [])
        adverbs = KeySet(sets["adverb"] ?? [])
        negations = KeySet(sets["negation"] ?? [])
        determiners = KeySet(sets["determiner"] ?? [])
        timeWords = KeySet(sets["time-word"] ?? [])
        listeners = KeySet(sets["listener"] ?? [])
        personPronouns = KeySet(sets["person-pronoun"] ?? [])
        pronouns = KeySet(sets["pronoun"] ?? [])

        let sourceSets = try sources.classSets([
            "official", "anonymous", "document", "government", "media", "organization", "anonymity-marker",
            "person-description", "media-description",
        ])
        var types: [UInt64: SourceType] = [:]
        for (name, type) in [
            ("official", SourceType.official), ("anonymous", .anonymous), ("document", .document),
            ("government", .government), ("media", .media), ("organization", .organization),
        ] {
            for key in sourceSets[name] ?? [] { types[key] = type }
        }
        sourceTypes = KeyMap(types)
        anonymityMarkers = KeySet(sourceSets["anonymity-marker"] ?? [])
        personDescriptions = KeySet(sourceSets["person-description"] ?? [])
        mediaDescriptions = KeySet(sourceSets["media-description"] ?? [])
    }


    private static func flag(_ text: Substring, _ row: DataFile.Row, _ file: DataFile, field: String) throws(DataFileIssue) -> Bool {
        switch text {
        case "yes": return true
        case "no", "": return false
        default: throw DataFileIssue(file: file.path, line: row.line, field: field, message: "is \"\(text)\"; expected yes or no")
        }
    }

}
