import Foundation

/// The compiled form: the tries and entries as built, written once and read
/// back far faster than the data files can be parsed and tokenized again.
extension Gazetteer {
    private static let magic: UInt32 = 0x5A47_4B43  // "CKGZ"
    private static let version: UInt32 = 1

    /// A fingerprint of everything the compiled bytes depend on: the layout
    /// of a compiled name and the key hash function.
    private static var fingerprint: UInt64 {
        KeyHash.hash("claimkit compiled gazetteer") ^ UInt64(MemoryLayout<NameTrie.Name>.stride)
    }

    /// Writes the compiled gazetteer to `url`, for ``init(compiledFrom:)``.
    public func write(compiledTo url: URL) throws {
        var writer = BinaryWriter()
        writer.integer(Self.magic)
        writer.integer(Self.version)
        writer.integer(Self.fingerprint)
        writer.integer(UInt64(entries.count))
        for entry in entries {
            writer.string(entry.id)
            writer.integer(UInt8(entry.kind.rank))
            writer.string(entry.canonical)
            writer.string(entry.iso3)
            writer.string(entry.role)
            writer.integer(Int64(entry.priority))
        }
        writer.integer(UInt64(issues.count))
        for issue in issues {
            writer.string(issue.file)
            writer.integer(Int64(issue.line ?? -1))
            writer.string(issue.field)
            writer.string(issue.message)
        }
        for trie in [names, surnames, heads] { trie.write(to: &writer) }
        writer.integer(UInt64(institutionHeads.count))
        for head in institutionHeads {
            writer.string(head.id)
            writer.string(head.template)
            writer.string(head.type)
        }
        try writer.data.write(to: url, options: .atomic)
    }

    /// Reads a gazetteer written by ``write(compiledTo:)`` with this version of ClaimKit.
    public init(compiledFrom url: URL) throws(ExtractorError) {
        func invalid(_ message: String) -> ExtractorError {
            .invalidData(DataFileIssue(file: url.path, line: nil, field: nil, message: message))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw invalid("cannot be read: \(error.localizedDescription)")
        }
        var reader = BinaryReader(data)
        do {
            guard try reader.integer(UInt32.self) == Self.magic else { throw invalid("is not a compiled ClaimKit gazetteer") }
            guard try reader.integer(UInt32.self) == Self.version, try reader.integer(UInt64.self) == Self.fingerprint else {
                throw invalid("was compiled by another version of ClaimKit; compile it again from its .tsv files")
            }
            let kinds: [EntityKind] = [.person, .state, .agency, .weapon]
            let entryCount = Int(try reader.integer(UInt64.self))
            var entries: [GazetteerEntry] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                let id = try reader.string() ?? ""
                let rank = Int(try reader.integer(UInt8.self))
                guard rank < kinds.count else { throw invalid("holds an entry of an unknown kind") }
                entries.append(GazetteerEntry(
                    id: id, kind: kinds[rank], canonical: try reader.string() ?? "", iso3: try reader.string(),
                    role: try reader.string(), priority: Int(try reader.integer(Int64.self))))
            }
            var issues: [DataFileIssue] = []
            for _ in 0..<Int(try reader.integer(UInt64.self)) {
                let file = try reader.string() ?? ""
                let line = Int(try reader.integer(Int64.self))
                issues.append(DataFileIssue(
                    file: file, line: line < 0 ? nil : line, field: try reader.string(), message: try reader.string() ?? ""))
            }
            self.entries = entries
            self.issues = issues
            names = try NameTrie(reading: &reader)
            surnames = try NameTrie(reading: &reader)
            heads = try NameTrie(reading: &reader)
            var heads: [InstitutionHead] = []
            for _ in 0..<Int(try reader.integer(UInt64.self)) {
                heads.append(InstitutionHead(
                    id: try reader.string() ?? "", template: try reader.string() ?? "", type: try reader.string() ?? ""))
            }
            institutionHeads = heads
        } catch is BinaryReader.Truncated {
            throw invalid("is truncated")
        } catch let error as ExtractorError {
            throw error
        } catch {
            throw invalid("cannot be read: \(error)")
        }
        if names.names.contains(where: { Int($0.target) >= entries.count })
            || surnames.names.contains(where: { Int($0.target) >= entries.count })
            || heads.names.contains(where: { Int($0.target) >= institutionHeads.count })
        {
            throw invalid("refers to entries it does not hold")
        }
    }
}

extension NameTrie {
    func write(to writer: inout BinaryWriter) {
        writer.array(table.keys)
        writer.array(table.values)
        writer.integer(table.shift)
        writer.array(anyStarts)
        writer.array(lowercaseStarts)
        writer.array(terminalStart)
        writer.array(terminalCount)
        writer.array(terminals)
        writer.array(names)
        writer.integer(UInt64(exactTexts.count))
        for tokens in exactTexts {
            writer.integer(UInt64(tokens.count))
            for token in tokens { writer.array(token) }
        }
    }

    init(reading reader: inout BinaryReader) throws {
        let keys = try reader.array(UInt64.self)
        let values = try reader.array(Int32.self)
        let shift = try reader.integer(UInt64.self)
        guard keys.count == values.count, keys.count > 0, keys.count.nonzeroBitCount == 1,
            shift == UInt64(64 - keys.count.trailingZeroBitCount)
        else { throw BinaryReader.Truncated() }
        table = TransitionTable(keys: keys, values: values, shift: shift)
        anyStarts = try reader.array(UInt64.self)
        lowercaseStarts = try reader.array(UInt64.self)
        terminalStart = try reader.array(Int32.self)
        terminalCount = try reader.array(Int32.self)
        terminals = try reader.array(Int32.self)
        names = try reader.array(Name.self)
        var exactTexts: [[[UInt16]]] = []
        for _ in 0..<Int(try reader.integer(UInt64.self)) {
            var tokens: [[UInt16]] = []
            for _ in 0..<Int(try reader.integer(UInt64.self)) { tokens.append(try reader.array(UInt16.self)) }
            exactTexts.append(tokens)
        }
        self.exactTexts = exactTexts
        // A damaged file must fail here, not index out of bounds while matching.
        var valid = anyStarts.count == 1024 && lowercaseStarts.count == 1024 && terminalStart.count == terminalCount.count
        let nodes = terminalStart.count
        valid = valid && values.allSatisfy { Int($0) < nodes }
        let nameCount = Int32(names.count)
        valid = valid && terminals.allSatisfy { $0 >= 0 && $0 < nameCount }
        for node in 0..<nodes where valid {
            let start = Int(terminalStart[node])
            let count = Int(terminalCount[node])
            valid = start >= 0 && count >= 0 && start + count <= terminals.count
        }
        let exactCount = Int32(exactTexts.count)
        valid = valid && names.allSatisfy { $0.exactIndex < exactCount && Int($0.viaCode) < MentionSource.allCases.count }
        guard valid
        else { throw BinaryReader.Truncated() }
    }
}
