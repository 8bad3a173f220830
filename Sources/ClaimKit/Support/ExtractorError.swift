/// Why an ``Extractor`` or one of its stages could not be made.
public enum ExtractorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A bundled resource folder is missing: the binary was copied away from
    /// the `*.resources` bundle built beside it.
    case missingResource(name: String, searched: [String])
    /// A data file has a problem that stops it from loading (in strict mode,
    /// any problem does).
    case invalidData(DataFileIssue)

    /// A message that says what is wrong and what to do.
    public var description: String {
        switch self {
        case let .missingResource(name, searched):
            return "ClaimKit's bundled \(name) were not found (looked in: \(searched.joined(separator: ", "))). "
                + "Keep the *.resources folders next to the claimkit binary, or pass --gazetteers DIR / "
                + "Extractor.Configuration(gazetteerDirectories:)."
        case let .invalidData(issue):
            return issue.description
        }
    }
}
