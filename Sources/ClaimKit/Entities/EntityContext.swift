/// The words the entity rules look at around a name, by token key hash.
/// A class, so that reading it in a per-mention rule copies one reference, not seven sets.
/// Loaded from `lexicons/entity-context.tsv`.
final class EntityContext: Sendable {
    /// A capital after one of these is a place (`in Caracas`).
    let placePrepositions: Set<UInt64>
    /// A capital before one of these is a place (`Kyiv time`, `London-based`).
    let placeFollowers: Set<UInt64>
    /// A demonym after one of these is an ethnic label (`ethnic Serbs`).
    let notDemonymBefore: Set<UInt64>
    /// A lower-case institution head before one of these is an agency (`Russia's military said`).
    let headVerbs: Set<UInt64>
    /// A demonym before one of these names a language, not a state (`Russian-speaking`).
    let languageWords: Set<UInt64>
    /// Titles too general to pick one listed person by surname (`Ms.`, `Sgt.`).
    let honorifics: Set<UInt64>
    /// Words that may stand between a place preposition and a capital (`in central Kyiv`).
    let placeModifiers: Set<UInt64>

    init(file: DataFile) throws(DataFileIssue) {
        let sets = try file.classSets(Self.classes)
        placePrepositions = sets["place-preposition"] ?? []
        placeFollowers = sets["place-follower"] ?? []
        notDemonymBefore = sets["not-demonym-before"] ?? []
        headVerbs = sets["head-verb"] ?? []
        languageWords = sets["language-word"] ?? []
        honorifics = sets["honorific"] ?? []
        placeModifiers = sets["place-modifier"] ?? []
    }

    static let classes = ["place-preposition", "place-follower", "not-demonym-before", "head-verb", "language-word", "honorific", "place-modifier"]
}
