import Foundation
import Gazetteers

/// Finds the folders SwiftPM bundles with ClaimKit, without the generated
/// `Bundle.module`, which stops the process when the bundle is missing.
enum BundledResources {
    /// The lexicon folder of the ClaimKit target.
    static func lexicons() throws(ExtractorError) -> URL {
        if let override = ProcessInfo.processInfo.environment["CLAIMKIT_LEXICONS"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return try locate(folder: "lexicons", bundleSuffix: "_ClaimKit.resources", what: "lexicons")
    }

    /// The data folder of the Gazetteers target.
    static func gazetteers() throws(ExtractorError) -> URL {
        if let url = GazetteerBundle.dataDirectory { return url }
        throw ExtractorError.missingResource(name: "gazetteers", searched: GazetteerBundle.searchedLocations)
    }

    private static func locate(folder: String, bundleSuffix: String, what: String) throws(ExtractorError) -> URL {
        let candidates = ResourceSearch.bundleDirectories(suffix: bundleSuffix)
        for bundle in candidates {
            let url = bundle.appendingPathComponent(folder, isDirectory: true)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw ExtractorError.missingResource(name: what, searched: ResourceSearch.searchRoots().map(\.path))
    }
}
