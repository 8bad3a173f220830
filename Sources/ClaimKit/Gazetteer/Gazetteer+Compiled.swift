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
        let reader: BinaryReader
        do {
            reader = try BinaryReader(url: url)
        } catch {
            throw invalid("cannot be read: \(error.localizedDescription)")
        }
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
            names = try NameTrie(reading: reader)
            surnames = try NameTrie(reading: reader)
            heads = try NameTrie(reading: reader)
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
        writer.array(terminalOffsets)
        writer.array(terminals)
        writer.array(names)
        writer.array(exactUnits)
        writer.array(exactOffsets)
    }

    init(reading reader: BinaryReader) throws {
        let keys = try reader.array(UInt64.self)
        let values = try reader.array(Int32.self)
        let shift = try reader.integer(UInt64.self)
        guard keys.count == values.count, keys.count > 0, keys.count.nonzeroBitCount == 1,
            shift == UInt64(64 - keys.count.trailingZeroBitCount)
        else { throw BinaryReader.Truncated() }
        table = TransitionTable(keys: keys, values: values, shift: shift)
        anyStarts = try reader.array(UInt64.self)
        lowercaseStarts = try reader.array(UInt64.self)
        terminalOffsets = try reader.array(Int32.self)
        terminals = try reader.array(Int32.self)
        names = try reader.array(Name.self)
        exactUnits = try reader.array(UInt16.self)
        exactOffsets = try reader.array(Int32.self)
        // A damaged file must fail here, not index out of bounds while matching.
        var valid = anyStarts.count == 1024 && lowercaseStarts.count == 1024 && !terminalOffsets.isEmpty
        valid = valid && terminalOffsets.first == 0 && Int(terminalOffsets.last ?? -1) == terminals.count
        let nodes = terminalOffsets.count - 1
        var previous: Int32 = 0
        for offset in terminalOffsets where valid {
            valid = offset >= previous
            previous = offset
        }
        for value in values where valid { valid = value >= 0 && Int(value) < nodes }
        let nameCount = Int32(names.count)
        for terminal in terminals where valid { valid = terminal >= 0 && terminal < nameCount }
        valid = valid && !exactOffsets.isEmpty && exactOffsets.first == 0 && Int(exactOffsets.last ?? -1) == exactUnits.count
        let exactTokens = exactOffsets.count - 1
        for name in names where valid {
            valid = Int(name.viaCode) < MentionSource.allCases.count && name.tokenCount > 0
                && (name.exactIndex < 0 || Int(name.exactIndex) + Int(name.tokenCount) <= exactTokens)
        }
        for k in 0..<exactTokens where valid { valid = exactOffsets[k] <= exactOffsets[k + 1] }
        guard valid else { throw BinaryReader.Truncated() }
    }
}
