import Foundation

/// Reads gazetteer files into entries and the names the tries are built from.
struct GazetteerLoader {
    let tokenizer: Tokenizer
    let strict: Bool
    private(set) var entries: [GazetteerEntry] = []
    private(set) var issues: [DataFileIssue] = []
    var names = NameTrie.Builder()
    var surnames = NameTrie.Builder()
    var heads = NameTrie.Builder()
    private(set) var institutionHeads: [Gazetteer.InstitutionHead] = []
    /// Where each id was defined, and whether that was a bundled file.
    private var defined: [String: (index: Int32, file: Int32, line: Int32, bundled: Bool)] = [:]
    /// The files read so far, so that `defined` keeps an index, not a path per entry.
    private var files: [String] = []
    /// Entries replaced by a user's entry of the same id; their names are dropped.
    private var replaced: Set<Int32> = []
    private var order = 0

    init(tokenizer: Tokenizer, strict: Bool) {
        self.tokenizer = tokenizer
        self.strict = strict
    }

    mutating func load(directory: URL, bundled: Bool) throws(ExtractorError) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".tsv") }.sorted()
        } catch {
            let issue = DataFileIssue(file: directory.path, line: nil, field: nil, message: "is not a readable folder")
            if bundled { throw ExtractorError.missingResource(name: "gazetteers", searched: [directory.path]) }
            try report(issue)
            return
        }
        if bundled && files.isEmpty {
            throw ExtractorError.missingResource(name: "gazetteers", searched: [directory.path])
        }
        // States first: the other files refer to them, and demonyms must exist for heads.
        let ranked = files.sorted { Self.rank($0) < Self.rank($1) }
        for name in ranked {
            let url = directory.appendingPathComponent(name)
            let file: DataFile
            do {
                file = try DataFile(contentsOf: url)
            } catch {
                try report(error)
                continue
            }
            for issue in file.issues { try report(issue) }
            let kind = file.metadata["kind"] ?? String(name.dropLast(4))
            try load(file, kind: kind, bundled: bundled)
        }
    }

    private static func rank(_ file: String) -> Int {
        ["states.tsv", "people.tsv", "agencies.tsv", "weapons.tsv", "institution-heads.tsv"].firstIndex(of: file) ?? 5
    }

    private mutating func report(_ issue: DataFileIssue) throws(ExtractorError) {
        if strict { throw ExtractorError.invalidData(issue) }
        issues.append(issue)
    }

    private mutating func load(_ file: DataFile, kind: String, bundled: Bool) throws(ExtractorError) {
        switch kind {
        case "states": try loadEntries(file, kind: .state, bundled: bundled)
        case "people": try loadEntries(file, kind: .person, bundled: bundled)
        case "weapons": try loadEntries(file, kind: .weapon, bundled: bundled)
        case "agencies": try loadEntries(file, kind: .agency, bundled: bundled)
        case "institution-heads": try loadHeads(file)
        default:
            try report(DataFileIssue(
                file: file.path, line: nil, field: "kind",
                message: "is \"\(kind)\"; expected states, people, weapons, agencies or institution-heads "
                    + "(as \"# kind: …\" or the file name)"))
        }
    }

    private mutating func loadEntries(_ file: DataFile, kind: EntityKind, bundled: Bool) throws(ExtractorError) {
        let columns: [String]
        let iso3Column: String?
        let roleColumn: String?
        switch kind {
        case .state: (columns, iso3Column, roleColumn) = (["iso3"], "iso3", nil)
        case .person: (columns, iso3Column, roleColumn) = ([], "state", "role")
        case .weapon: (columns, iso3Column, roleColumn) = ([], "origin", "category")
        case .agency: (columns, iso3Column, roleColumn) = ([], "state", "type")
        }
        let id: Int
        let canonical: Int
        do {
            id = try file.column("id")
            canonical = try file.column("canonical")
            for column in columns { _ = try file.column(column) }
        } catch {
            try report(error)
            return
        }
        let aliases = file.optionalColumn("aliases")
        let demonyms = file.optionalColumn("demonyms")
        let capitals = file.optionalColumn("capitals")
        let surnameColumn = file.optionalColumn("surnames")
        let iso3 = iso3Column.flatMap(file.optionalColumn)
        let role = roleColumn.flatMap(file.optionalColumn)
        let priorityColumn = file.optionalColumn("priority")
        for row in file.rows {
            let fields = row.fields
            func field(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = DataFile.trimmed(fields[index])
                return value.isEmpty ? nil : String(value)
            }
            func issue(_ name: String, _ message: String) -> DataFileIssue {
                DataFileIssue(file: file.path, line: row.line, field: name, message: message)
            }
            guard let entryID = field(id) else {
                try report(issue("id", "is empty"))
                continue
            }
            guard let name = field(canonical) else {
                try report(issue("canonical", "is empty"))
                continue
            }
            let code = field(iso3)
            if let value = code, !(value.utf8.count == 3 && value.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }) {
                try report(issue(iso3Column ?? "iso3", "is \"\(value)\"; expected three upper-case letters (ISO 3166-1 alpha-3)"))
                continue
            }
            if kind == .state, code == nil {
                try report(issue("iso3", "is empty; every state needs its ISO 3166-1 alpha-3 code"))
                continue
            }
            var priority = 0
            if let text = field(priorityColumn) {
                guard let value = Int(text) else {
                    try report(issue("priority", "is \"\(text)\"; expected an integer"))
                    continue
                }
                priority = value
            }
            if files.last != file.path { files.append(file.path) }
            if let earlier = defined[entryID] {
                if earlier.bundled && !bundled {
                    replaced.insert(earlier.index)
                } else {
                    try report(issue("id", "\"\(entryID)\" is already defined at \(files[Int(earlier.file)]):\(earlier.line)"))
                    continue
                }
            }
            let index = Int32(entries.count)
            defined[entryID] = (Int32(entries.count), Int32(files.count - 1), Int32(row.line), bundled)
            entries.append(GazetteerEntry(
                id: entryID, kind: kind, canonical: name, iso3: code, role: field(role), priority: priority))
            add(name, to: .names, target: index, via: .name, kind: kind, priority: priority)
            for alias in list(field(aliases)) {
                add(alias, to: .names, target: index, via: .alias, kind: kind, priority: priority)
            }
            for demonym in list(field(demonyms)) {
                add(demonym, to: .names, target: index, via: .demonym, kind: kind, priority: priority)
            }
            for capital in list(field(capitals)) {
                add(capital, to: .names, target: index, via: .capital, kind: kind, priority: priority - 1)
            }
            for surname in list(field(surnameColumn)) {
                add(surname, to: .surnames, target: index, via: .surname, kind: kind, priority: priority)
            }
        }
    }

    private mutating func loadHeads(_ file: DataFile) throws(ExtractorError) {
        let id: Int
        let template: Int
        let headsColumn: Int
        do {
            id = try file.column("id")
            template = try file.column("template")
            headsColumn = try file.column("heads")
        } catch {
            try report(error)
            return
        }
        let type = file.optionalColumn("type")
        let priorityColumn = file.optionalColumn("priority")
        for row in file.rows {
            let fields = row.fields
            let text = String(fields[template])
            guard text.contains("{state}") else {
                try report(DataFileIssue(file: file.path, line: row.line, field: "template", message: "has no {state} placeholder"))
                continue
            }
            let priority = priorityColumn.flatMap { Int(fields[$0]) } ?? 0
            let index = Int32(institutionHeads.count)
            for head in list(String(fields[headsColumn])) {
                add(head, to: .heads, target: index, via: .pattern, kind: .agency, priority: priority)
            }
            institutionHeads.append(Gazetteer.InstitutionHead(
                id: String(fields[id]), template: text, type: type.map { String(fields[$0]) } ?? "institution"))
        }
    }

    private func list(_ field: String?) -> [String] {
        guard let field else { return [] }
        return DataFile.list(Substring(field)).map(String.init)
    }

    /// Tokenizes a name and adds it (and, for weapons, its plural) to a trie's input.
    private enum Trie {
        case names, surnames, heads
    }

    /// A name waiting to be tokenized with all the others in one pass; its
    /// text is kept in `pendingText`, so a million names are not a million strings.
    private struct PendingName {
        let textStart: Int32
        let textEnd: Int32
        let exact: Bool
        let trie: Trie
        let target: Int32
        let via: MentionSource
        let kind: EntityKind
        let priority: Int32
        let order: Int32
    }

    private var pending: [PendingName] = []
    private var pendingText: [UInt8] = []

    private mutating func add(
        _ text: String, to trie: Trie, target: Int32, via: MentionSource, kind: EntityKind, priority: Int
    ) {
        let exact = text.hasPrefix("=")
        let written = exact ? String(text.dropFirst()) : text
        // Blank names would make no tokens and shift every later name in the joined pass.
        // Most names are ASCII, whose bytes answer without walking Characters.
        if written.utf8.allSatisfy({ $0 < 0x80 }) {
            guard written.utf8.contains(where: { $0 != 0x20 && ($0 < 0x09 || $0 > 0x0D) }),
                !written.utf8.contains(where: { $0 >= 0x0A && $0 <= 0x0D })
            else { return }
        } else {
            guard written.contains(where: { !$0.isWhitespace }), !written.contains(where: \.isNewline) else { return }
        }
        order += 1
        let start = Int32(pendingText.count)
        pendingText.append(contentsOf: written.utf8)
        pending.append(PendingName(
            textStart: start, textEnd: Int32(pendingText.count), exact: exact, trie: trie, target: target, via: via,
            kind: kind, priority: Int32(clamping: priority), order: Int32(clamping: order)))
    }

    /// Tokenizes the pending names in a few large passes — names joined by
    /// line breaks, which no token repair crosses — and fills the builders.
    mutating func compileNames() {
        pending.removeAll { $0.trie != .heads && replaced.contains($0.target) }
        var chunkStart = 0
        while chunkStart < pending.count {
            let chunk = pending[chunkStart..<min(pending.count, chunkStart + 50_000)]
            compile(chunk)
            chunkStart = chunk.endIndex
        }
        pending = []
        pendingText = []
    }

    private mutating func compile(_ chunk: ArraySlice<PendingName>) {
        var joined: [UInt8] = []
        for name in chunk {
            if !joined.isEmpty { joined.append(0x0A) }
            joined.append(contentsOf: pendingText[Int(name.textStart)..<Int(name.textEnd)])
        }
        let tokens = tokenizer.tokenize(String(decoding: joined, as: UTF8.self))
        let records = tokens.records
        var index = 0
        var keys: [UInt64] = []
        withExtendedLifetime(tokens) {
            for name in chunk {
                let first = index
                index += 1
                while index < records.count && !records[index].flags.contains(.lineStart) { index += 1 }
                let count = index - first
                guard count > 0, count <= 64 else { continue }
                keys.removeAll(keepingCapacity: true)
                var mask: UInt64 = 0
                var exactText: [[UInt16]] = []
                for k in 0..<count {
                    let record = records[first + k]
                    keys.append(record.keyHash)
                    let isThe = k == 0 && tokens.keyEquals(first, "the")
                    if record.flags.contains(.capitalized) && !isThe { mask |= 1 << UInt64(k) }
                    if name.exact { exactText.append(Array(tokens.string(first + k).utf16)) }
                }
                let compiled = NameTrie.Name(
                    target: name.target, via: name.via, tokenCount: count, capitalMask: name.exact ? 0 : mask,
                    exactIndex: -1, priority: Int(name.priority), kindRank: name.kind.rank, order: Int(name.order))
                add(keys, compiled, exact: name.exact ? exactText : nil, to: name.trie)
                // Weapons keep their plural as written ("Patriots", "F-16s").
                let last = records[index - 1]
                if name.kind == .weapon, !name.exact, last.kind == .word || last.kind == .number {
                    let lastKey = tokens.key(index - 1)
                    if !lastKey.hasSuffix("s") {
                        keys[keys.count - 1] = KeyHash.hash(lastKey + "s")
                        add(keys, compiled, exact: nil, to: name.trie)
                    }
                }
            }
        }
    }

    private mutating func add(_ keys: [UInt64], _ name: NameTrie.Name, exact: [[UInt16]]?, to trie: Trie) {
        switch trie {
        case .names: names.add(keys: keys, name: name, exact: exact)
        case .surnames: surnames.add(keys: keys, name: name, exact: exact)
        case .heads: heads.add(keys: keys, name: name, exact: exact)
        }
    }
}
