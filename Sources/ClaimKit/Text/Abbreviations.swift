import Foundation

/// The abbreviations that keep their final period as part of the token, and
/// how each behaves at a sentence boundary. Loaded from
/// `lexicons/abbreviations.tsv`.
struct Abbreviations: Sendable {
    /// How an abbreviation behaves before a possible sentence boundary.
    enum Role: UInt8, Sendable {
        /// Precedes a name (`Gen.`, `Mr.`): never ends a sentence.
        case title
        /// Precedes a number (`No. 5`, `p. 55`): no boundary before a number.
        case number
        /// May end a sentence (`U.S.`, `Inc.`) when the next word starts one.
        case general
    }

    /// Role by the FNV hash of the abbreviation's UTF-16 text without its final period.
    private let roles: [UInt64: Role]

    init(file: DataFile) throws(DataFileIssue) {
        let wordColumn = try file.column("abbreviation")
        let classColumn = try file.column("class")
        var roles: [UInt64: Role] = [:]
        for row in file.rows {
            var word = row.fields[wordColumn]
            guard word.hasSuffix("."), word.count > 1 else {
                throw DataFileIssue(file: file.path, line: row.line, field: "abbreviation", message: "must end with a period")
            }
            word = word.dropLast()
            let role: Role
            switch row.fields[classColumn] {
            case "title": role = .title
            case "number": role = .number
            case "general": role = .general
            case let other:
                throw DataFileIssue(
                    file: file.path, line: row.line, field: "class",
                    message: "is \"\(other)\"; expected title, number or general")
            }
            roles[FNV.hash(utf16: word)] = role
            // Sentence-initial capitals: "Etc." as well as "etc.".
            if let first = word.first, first.isLowercase {
                roles[FNV.hash(utf16: first.uppercased() + word.dropFirst()), default: role] = role
            }
        }
        self.roles = roles
    }

    /// The role of the abbreviation whose text (without its period) hashes to `hash`.
    @inline(__always)
    func role(hash: UInt64) -> Role? { roles[hash] }
}

/// Capitalised words that begin a sentence after an abbreviation that can end
/// one. Loaded from `lexicons/sentence-starters.tsv`; matched on token keys.
struct SentenceStarters: Sendable {
    private let keys: Set<UInt64>

    init(file: DataFile) throws(DataFileIssue) {
        let column = try file.column("word")
        keys = Set(file.rows.map { KeyHash.hash($0.fields[column].lowercased()) })
    }

    @inline(__always)
    func contains(keyHash: UInt64) -> Bool { keys.contains(keyHash) }
}
