import Foundation

/// Reads gazetteer files into entries and the names the tries are built from.
struct GazetteerLoader {
    let tokenizer: Tokenizer
    let strict: Bool
    private(set) var entries: [GazetteerEntry] = []
    private(set) var issues: [DataFileIssue] = []
    private(set) var names: [(keys: [UInt64], name: NameTrie.Name)] = []
    private(set) var surnames: [(keys: [UInt64], name: NameTrie.Name)] = []
    private(set) var heads: [(keys: [UInt64], name: NameTrie.Name)] = []
    private(set) var institutionHeads: [Gazetteer.InstitutionHead] = []
    /// Where each id was defined, and whether that was a bundled file.
    private var defined: [String: (index: Int, place: String, bundled: Bool)] = [:]
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
        names.removeAll { replaced.contains($0.name.target) }
        surnames.removeAll { replaced.contains($0.name.target) }
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
            func field(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = row.fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
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
            if let value = code, !(value.count == 3 && value.allSatisfy { $0.isASCII && $0.isUppercase }) {
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
            let place = "\(file.path):\(row.line)"
            if let earlier = defined[entryID] {
                if earlier.bundled && !bundled {
                    replaced.insert(Int32(earlier.index))
                } else {
                    try report(issue("id", "\"\(entryID)\" is already defined at \(earlier.place)"))
                    continue
                }
            }
            let index = Int32(entries.count)
            defined[entryID] = (entries.count, place, bundled)
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
            let text = String(row.fields[template])
            guard text.contains("{state}") else {
                try report(DataFileIssue(file: file.path, line: row.line, field: "template", message: "has no {state} placeholder"))
                continue
            }
            let priority = priorityColumn.flatMap { Int(row.fields[$0]) } ?? 0
            let index = Int32(institutionHeads.count)
            for head in list(String(row.fields[headsColumn])) {
                add(head, to: .heads, target: index, via: .pattern, kind: .agency, priority: priority)
            }
            institutionHeads.append(Gazetteer.InstitutionHead(
                id: String(row.fields[id]), template: text, type: type.map { String(row.fields[$0]) } ?? "institution"))
        }
    }

    private func list(_ field: String?) -> [String] {
        guard let field else { return [] }
        return field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Tokenizes a name and adds it (and, for weapons, its plural) to a trie's input.
    private enum Trie {
        case names, surnames, heads
    }

    private mutating func add(
        _ text: String, to trie: Trie, target: Int32, via: MentionSource, kind: EntityKind, priority: Int
    ) {
        var list: [(keys: [UInt64], name: NameTrie.Name)] = []
        defer {
            switch trie {
            case .names: names.append(contentsOf: list)
            case .surnames: surnames.append(contentsOf: list)
            case .heads: heads.append(contentsOf: list)
            }
        }
        let exact = text.hasPrefix("=")
        let written = exact ? String(text.dropFirst()) : text
        let tokens = tokenizer.tokenize(written)
        guard tokens.count > 0, tokens.count <= 64 else { return }
        var keys: [UInt64] = []
        var mask: UInt64 = 0
        var exactText: [[UInt16]] = []
        for (index, record) in tokens.records.enumerated() {
            keys.append(record.keyHash)
            let isThe = index == 0 && tokens.keyEquals(index, "the")
            if record.flags.contains(.capitalized) && !isThe { mask |= 1 << UInt64(index) }
            if exact { exactText.append(Array(tokens.string(index).utf16)) }
        }
        order += 1
        let name = NameTrie.Name(
            target: target, via: via, tokenCount: keys.count, capitalMask: exact ? 0 : mask,
            exact: exact ? exactText : nil, priority: priority, kindRank: kind.rank, order: order)
        list.append((keys, name))
        // Weapons keep their plural as written ("Patriots", "F-16s").
        if kind == .weapon, !exact, let last = tokens.records.last, last.kind == .word || last.kind == .number {
            let lastKey = tokens.key(tokens.count - 1)
            if !lastKey.hasSuffix("s") {
                var plural = keys
                plural[plural.count - 1] = KeyHash.hash(lastKey + "s")
                list.append((plural, name))
            }
        }
    }
}
