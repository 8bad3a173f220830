import ClaimKit
import Foundation
import Testing

@Suite("Gazetteer loading", .serialized)
struct GazetteerTests {
    /// A folder holding one file with the given lines.
    static func folder(_ name: String, _ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return url
    }

    static let people = [
        "# kind: people",
        "# as-of: 2026-11-01",
        "id\tcanonical\taliases\tsurnames\trole\tstate\tpriority",
        "person:aldric-vennholt\tAldric Vennholt\tA. Vennholt\tVennholt\tMinister of Defence\tRUS\t0",
        "person:short\tShort Line",
        "\tNo Identifier\t\t\t\t\t",
        "person:bad-state\tBad State\t\t\t\tusa\t0",
        "person:bad-priority\tBad Priority\t\t\t\tUSA\tzero",
        "person:mira-ostrand\tMira Ostrand\t\tOstrand\tEnvoy\t\t1",
    ]

    @Test("the bundled gazetteers hold what the issue asks for")
    func bundledCounts() throws {
        let gazetteer = try Gazetteer.bundled()
        #expect(gazetteer.issues.isEmpty, "\(gazetteer.issues)")
        let counts = Dictionary(grouping: gazetteer.entries, by: \.kind).mapValues(\.count)
        #expect(counts[.state, default: 0] >= 197)
        #expect(counts[.person, default: 0] >= 1000)
        #expect(counts[.weapon, default: 0] >= 500)
        #expect(counts[.agency, default: 0] >= 500)
        #expect(Set(gazetteer.entries.map(\.id)).count == gazetteer.entries.count)
    }

    @Test("a user's file is merged with the bundled data and its people are found")
    func merged() throws {
        let folder = try Self.folder("people.tsv", Self.people)
        let extractor = try Extractor(configuration: Extractor.Configuration(gazetteerDirectories: [folder]))
        let mentions = extractor.extract("Aldric Vennholt met Vladimir Putin. Vennholt left.").entities
        #expect(mentions.map(\.canonical) == ["Aldric Vennholt", "Vladimir Putin", "Aldric Vennholt"])
        #expect(mentions.map(\.entryID).first == "person:aldric-vennholt")
    }

    @Test("each malformed line is reported with file, line and field; the rest still loads")
    func malformedLines() throws {
        let folder = try Self.folder("people.tsv", Self.people)
        let gazetteer = try Gazetteer(directories: [folder], includeBundled: false)
        #expect(gazetteer.entries.map(\.id) == ["person:aldric-vennholt", "person:mira-ostrand"])
        let issues = gazetteer.issues.map { "\($0.line ?? 0) \($0.field ?? "-")" }
        #expect(issues == ["5 -", "6 id", "7 state", "8 priority"])
        #expect(gazetteer.issues.allSatisfy { $0.file.hasSuffix("people.tsv") })
        #expect(gazetteer.issues[2].description.contains("people.tsv:7: field \"state\" is \"usa\""))
    }

    @Test("blank names, in ASCII or not, are skipped without shifting the names after them")
    func blankNames() throws {
        let folder = try Self.folder("people.tsv", [
            "# kind: people",
            "id\tcanonical\taliases\tsurnames",
            "person:blank\tBrannoc Tulle\t  | \u{A0}\u{A0} |\u{2003}|\tTulle",
            "person:next\tIsella Marrow\tI. Marrow\tMarrow",
        ])
        let extractor = try Extractor(configuration: Extractor.Configuration(gazetteerDirectories: [folder], replaceBundledGazetteers: true))
        let mentions = extractor.extract("Brannoc Tulle met Isella Marrow. Marrow left, and I. Marrow returned.").entities
        #expect(mentions.map(\.entryID) == ["person:blank", "person:next", "person:next", "person:next"])
        #expect(mentions.map(\.text) == ["Brannoc Tulle", "Isella Marrow", "Marrow", "I. Marrow"])
    }

    @Test("strict mode throws on the first malformed line")
    func strict() throws {
        let folder = try Self.folder("people.tsv", Self.people)
        #expect(throws: ExtractorError.self) { try Gazetteer(directories: [folder], includeBundled: false, strict: true) }
    }

    @Test("replacing the bundled data leaves only the user's entries")
    func replacing() throws {
        let folder = try Self.folder("people.tsv", Self.people)
        let extractor = try Extractor(
            configuration: Extractor.Configuration(gazetteerDirectories: [folder], replaceBundledGazetteers: true))
        #expect(extractor.gazetteer.entries.count == 2)
        #expect(extractor.extract("Vladimir Putin met Mira Ostrand in Russia.").entities.map(\.text) == ["Mira Ostrand"])
    }

    @Test("a user's entry with a bundled id replaces the bundled entry")
    func overriding() throws {
        let folder = try Self.folder("states.tsv", [
            "id\tcanonical\tiso3\taliases\tdemonyms\tcapitals\tpriority",
            "state:VEN\tBolivarian Republic of Venezuela\tVEN\tVenezuela\tVenezuelan\tCaracas\t0",
        ])
        let extractor = try Extractor(configuration: Extractor.Configuration(gazetteerDirectories: [folder]))
        #expect(extractor.gazetteerIssues.isEmpty)
        #expect(extractor.extract("Venezuela said no.").entities.map(\.canonical) == ["Bolivarian Republic of Venezuela"])
    }

    @Test("a file of an unknown kind is reported, not loaded")
    func unknownKind() throws {
        let folder = try Self.folder("ships.tsv", ["id\tcanonical", "ship:x\tX"])
        let gazetteer = try Gazetteer(directories: [folder], includeBundled: false)
        #expect(gazetteer.entries.isEmpty)
        #expect(gazetteer.issues.first?.field == "kind")
    }
}

@Suite("Gazetteer ties")
struct GazetteerTieTests {
    static func mentions(_ text: String, _ lines: [String], file: String = "agencies.tsv") throws -> [EntityMention] {
        let folder = try GazetteerTests.folder(file, lines)
        let extractor = try Extractor(
            configuration: Extractor.Configuration(gazetteerDirectories: [folder], replaceBundledGazetteers: true))
        return extractor.extract(text).entities
    }

    static let header = "id\tcanonical\taliases\ttype\tstate\tpriority"

    @Test("an institution template names the state at every {state}")
    func templateWithTwoPlaceholders() throws {
        let folder = try GazetteerTests.folder("institution-heads.tsv", [
            "# kind: institution-heads", "# as-of: 2026-11-25", "id\ttemplate\theads\ttype\tpriority",
            "frog-guard\t{state} Frog Guard ({state})\tFrog Guard\tmilitary\t0",
        ])
        let extractor = try Extractor(configuration: Extractor.Configuration(gazetteerDirectories: [folder]))
        let agencies = extractor.extract("Russia's Frog Guard said so.").entities.filter { $0.kind == .agency }
        #expect(agencies.map(\.canonical) == ["Russia Frog Guard (Russia)"])
    }

    @Test("among names of the same words the higher priority wins")
    func priority() throws {
        let found = try Self.mentions("Zorvan said so.", [Self.header, "agency:a\tAlpha Group\tZorvan\tcompany\t\t0", "agency:b\tBeta Group\tZorvan\tcompany\t\t2"])
        #expect(found.map(\.canonical) == ["Beta Group"])
    }

    @Test("at equal priority the earlier line of the file wins")
    func fileOrder() throws {
        let found = try Self.mentions("Zorvan said so.", [Self.header, "agency:a\tAlpha Group\tZorvan\tcompany\t\t0", "agency:b\tBeta Group\tZorvan\tcompany\t\t0"])
        #expect(found.map(\.canonical) == ["Alpha Group"])
    }

    @Test("at equal priority a person wins over an agency of the same name")
    func kindOrder() throws {
        let folder = try GazetteerTests.folder("agencies.tsv", [Self.header, "agency:z\tZorvan Holdings\tZorvan Quell\tcompany\t\t0"])
        try ([
            "id\tcanonical\taliases\tsurnames\trole\tstate\tpriority",
            "person:zorvan-quell\tZorvan Quell\t\tQuell\tEnvoy\t\t0",
        ].joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("people.tsv"), atomically: true, encoding: .utf8)
        let extractor = try Extractor(
            configuration: Extractor.Configuration(gazetteerDirectories: [folder], replaceBundledGazetteers: true))
        #expect(extractor.extract("Zorvan Quell said so.").entities.map(\.kind) == [.person])
    }

    @Test("the longest name wins over a shorter one inside it")
    func longest() throws {
        let found = try Self.mentions("The Zorvan Quell Institute said so.", [Self.header, "agency:a\tZorvan Quell Institute\t\tthink-tank\t\t0", "agency:b\tZorvan\t\tcompany\t\t5"])
        #expect(found.map(\.canonical) == ["Zorvan Quell Institute"])
    }
}
