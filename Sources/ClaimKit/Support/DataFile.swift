import Foundation

/// A parsed tab-separated data file: `#` comment lines (the first of them
/// `# key: value` metadata), one header line naming the columns, then rows.
///
/// Shared by the lexicons and the gazetteers, so that every data file of
/// ClaimKit follows one format and reports its problems the same way.
struct DataFile: Sendable {
    /// One data line, with its 1-based line number in the file. The fields
    /// are split when asked for, so a file of a million lines holds no
    /// million arrays; read `fields` once per row.
    struct Row: Sendable {
        let line: Int
        let text: Substring

        var fields: [Substring] {
            text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
        }
    }

    let path: String
    let metadata: [String: String]
    let columns: [String]
    let rows: [Row]
    /// Lines that could not be read, reported and skipped.
    let issues: [DataFileIssue]

    /// Reads and parses a file.
    init(contentsOf url: URL) throws(DataFileIssue) {
        let text: String
        do {
            // The bytes are dropped as soon as they are decoded: large files are not held twice.
            text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw DataFileIssue(file: url.path, line: nil, field: nil, message: "cannot be read: \(error.localizedDescription)")
        }
        self.init(text: text, path: url.path)
    }

    /// Parses a file's text; `path` names it in issues.
    init(text: String, path: String) {
        self.path = path
        var metadata: [String: String] = [:]
        var columns: [String] = []
        var rows: [Row] = []
        var issues: [DataFileIssue] = []
        // Split on bytes: String.split walks grapheme clusters, many times slower.
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            if line.isEmpty { continue }
            if line.utf8.first == 0x23 {
                if columns.isEmpty, let colon = line.firstIndex(of: ":") {
                    let key = Self.trimmed(line[line.index(after: line.startIndex)..<colon])
                    let value = Self.trimmed(line[line.index(after: colon)...])
                    if !key.isEmpty, !key.contains(" ") { metadata[String(key)] = String(value) }
                }
                continue
            }
            if columns.isEmpty {
                columns = Row(line: lineNumber, text: line).fields.map { String(Self.trimmed($0)) }
                continue
            }
            let fieldCount = line.utf8.reduce(1) { $1 == 0x09 ? $0 + 1 : $0 }
            if fieldCount != columns.count {
                issues.append(DataFileIssue(
                    file: path, line: lineNumber, field: nil,
                    message: "has \(fieldCount) tab-separated fields; the header names \(columns.count)"))
                continue
            }
            rows.append(Row(line: lineNumber, text: line))
        }
        if columns.isEmpty {
            issues.append(DataFileIssue(file: path, line: nil, field: nil, message: "has no header line naming its columns"))
        }
        self.metadata = metadata
        self.columns = columns
        self.rows = rows
        self.issues = issues
    }

    /// The index of a column, or an issue naming the missing column.
    func column(_ name: String) throws(DataFileIssue) -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw DataFileIssue(file: path, line: nil, field: name, message: "has no column named \"\(name)\" in its header")
        }
        return index
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.utf8.first, first == 0x20 || first == 0x09 { text = Substring(text.utf8.dropFirst()) }
        while let last = text.utf8.last, last == 0x20 || last == 0x09 { text = Substring(text.utf8.dropLast()) }
        return text
    }

    /// The items of a `|`-separated list field, trimmed, empty ones left out.
    static func list(_ field: Substring) -> [Substring] {
        field.utf8.split(separator: 0x7C).map { trimmed(Substring($0)) }.filter { !$0.isEmpty }
    }

    /// A field read as a number, or an issue naming its line and column.
    func number(_ text: Substring, _ row: Row, field: String) throws(DataFileIssue) -> Double {
        guard let value = Double(text) else {
            throw DataFileIssue(file: path, line: row.line, field: field, message: "is \"\(text)\"; expected a number")
        }
        return value
    }

    /// A field read as one of a closed set of names, or an issue naming its line and column.
    func value<T: RawRepresentable<String>>(_ text: Substring, as type: T.Type, _ row: Row, field: String) throws(DataFileIssue) -> T {
        guard let value = T(rawValue: String(text)) else {
            throw DataFileIssue(file: path, line: row.line, field: field, message: "is \"\(text)\"; not a known \(field)")
        }
        return value
    }

    /// The `word`/`class` rows of a context lexicon as sets of key hashes per class;
    /// a class not in `known` is an issue naming its line.
    func classSets(_ known: [String]) throws(DataFileIssue) -> [String: Set<UInt64>] {
        let word = try column("word")
        let kind = try column("class")
        var sets: [String: Set<UInt64>] = [:]
        for row in rows {
            let fields = row.fields
            let name = String(fields[kind])
            guard known.contains(name) else {
                throw DataFileIssue(
                    file: path, line: row.line, field: "class",
                    message: "is \"\(name)\"; expected one of \(known.joined(separator: ", "))")
            }
            sets[name, default: []].insert(KeyHash.hash(fields[word].lowercased()))
        }
        return sets
    }

    /// The index of a column a file may omit.
    func optionalColumn(_ name: String) -> Int? {
        columns.firstIndex(of: name)
    }
}

/// A problem found in a data file: which file, line and field, and what is
/// wrong, so that it can be fixed.
public struct DataFileIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line number, or nil for a problem with the whole file.
    public var line: Int?
    /// The column name, where the problem is in one field.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field "x" message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field \"\(field)\" " }
        return text + message
    }
}
