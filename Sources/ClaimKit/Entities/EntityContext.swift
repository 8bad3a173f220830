/// The words the entity rules look at around a name, by token key hash.
/// Loaded from `lexicons/entity-context.tsv`.
struct EntityContext: Sendable {
    /// A capital after one of these is a place (`in Caracas`).
    let placePrepositions: Set<UInt64>
    /// A capital before one of these is a place (`Kyiv time`, `London-based`).
    let placeFollowers: Set<UInt64>
    /// A demonym after one of these is an ethnic label (`ethnic Serbs`).
    let notDemonymBefore: Set<UInt64>
    /// A lower-case institution head before one of these is an agency (`Russia's military said`).
    let headVerbs: Set<UInt64>

    init(file: DataFile) throws(DataFileIssue) {
        let word = try file.column("word")
        let kind = try file.column("class")
        var sets: [String: Set<UInt64>] = [:]
        for row in file.rows {
            sets[String(row.fields[kind]), default: []].insert(KeyHash.hash(row.fields[word].lowercased()))
        }
        for name in sets.keys where !["place-preposition", "place-follower", "not-demonym-before", "head-verb"].contains(name) {
            let line = file.rows.first { String($0.fields[kind]) == name }?.line
            throw DataFileIssue(
                file: file.path, line: line, field: "class",
                message: "is \"\(name)\"; expected place-preposition, place-follower, not-demonym-before or head-verb")
        }
        placePrepositions = sets["place-preposition"] ?? []
        placeFollowers = sets["place-follower"] ?? []
        notDemonymBefore = sets["not-demonym-before"] ?? []
        headVerbs = sets["head-verb"] ?? []
    }
}
