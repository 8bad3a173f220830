import Foundation

/// The entity lists an ``Extractor`` matches against, compiled once into
/// immutable tries over token keys.
///
/// The bundled lists cover states, people, weapon systems and agencies
/// (see `Gazetteers/README.md` for the file format). Add your own files in the
/// same format:
///
/// ```swift
/// let gazetteer = try Gazetteer(directories: [URL(fileURLWithPath: "my-lists")])
/// for issue in gazetteer.issues { print(issue) }   // file:line: field "iso3" …
/// let extractor = try Extractor(gazetteer: gazetteer)
/// ```
public struct Gazetteer: Sendable {
    /// Every entry, bundled first, then the user's files in the order given.
    public let entries: [GazetteerEntry]
    /// Lines that could not be read; each was skipped and the rest loaded.
    public let issues: [DataFileIssue]

    /// Names, aliases, demonyms, capitals and weapon plurals.
    let names: NameTrie
    /// People's surnames, which count only after the full name.
    let surnames: NameTrie
    /// Generic institutions named after a state word (`Defense Ministry`).
    let heads: NameTrie
    let institutionHeads: [InstitutionHead]

    /// A generic institution: `Ministry of Defence of {state}`.
    struct InstitutionHead: Sendable {
        let id: String
        let template: String
        let type: String
        /// The template's text around each `{state}`, split once.
        private let parts: [Substring]

        init(id: String, template: String, type: String) {
            self.id = id
            self.template = template
            self.type = type
            parts = template.split(separator: "{state}", omittingEmptySubsequences: false)
        }

        /// The institution's name for one state: `Ministry of Defence of Venezuela`.
        func name(of state: String) -> String {
            parts.joined(separator: state)
        }
    }

    /// The bundled gazetteers.
    public static func bundled() throws(ExtractorError) -> Gazetteer {
        try Gazetteer(directories: [])
    }

    /// Loads the bundled gazetteers (unless `includeBundled` is false) and
    /// every `.tsv` file in `directories`.
    ///
    /// - Parameter strict: throw on the first malformed line instead of
    ///   skipping it and reporting it in ``issues``.
    public init(directories: [URL], includeBundled: Bool = true, strict: Bool = false) throws(ExtractorError) {
        let lexicons = try Lexicons.bundled()
        var loader = GazetteerLoader(tokenizer: Tokenizer(lexicons: lexicons), strict: strict)
        if includeBundled {
            try loader.load(directory: try BundledResources.gazetteers(), bundled: true)
        }
        for directory in directories {
            try loader.load(directory: directory, bundled: false)
        }
        loader.compileNames()
        entries = loader.entries
        issues = loader.issues
        names = loader.names.build()
        surnames = loader.surnames.build()
        heads = loader.heads.build()
        institutionHeads = loader.institutionHeads
    }
}
