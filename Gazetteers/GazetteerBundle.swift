import Foundation

/// Where the bundled gazetteer files are.
///
/// SwiftPM's generated `Bundle.module` stops the process when its bundle is
/// missing; ClaimKit looks the bundle up itself so that a binary copied
/// without it gets a typed error instead.
public enum GazetteerBundle {
    /// The `data` folder of the bundled gazetteers, or nil when it is missing.
    public static var dataDirectory: URL? {
        for bundle in ResourceSearch.bundleDirectories(suffix: "_Gazetteers.resources") {
            let url = bundle.appendingPathComponent("data", isDirectory: true)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The folders searched, for error messages.
    public static var searchedLocations: [String] {
        ResourceSearch.searchRoots().map(\.path)
    }
}

/// Lists SwiftPM resource bundles (`PACKAGE_TARGET.resources`) next to the
/// running binary and in the folders a test runner or debugger uses.
public enum ResourceSearch {
    /// Folders that may hold resource bundles, most likely first.
    public static func searchRoots() -> [URL] {
        var roots: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CLAIMKIT_RESOURCES"] {
            roots.append(URL(fileURLWithPath: override, isDirectory: true))
        }
        roots.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            roots.append(executable.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            roots.append(bundle.bundleURL.deletingLastPathComponent())
        }
        var seen = Set<String>()
        return roots.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// Bundles whose folder name ends with `suffix` (the package part of the
    /// name depends on the folder the package was cloned into).
    public static func bundleDirectories(suffix: String) -> [URL] {
        var found: [URL] = []
        for root in searchRoots() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { continue }
            for name in names.sorted() where name.hasSuffix(suffix) {
                found.append(root.appendingPathComponent(name, isDirectory: true))
            }
        }
        return found
    }
}
