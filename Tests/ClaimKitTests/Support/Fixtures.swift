import Foundation

/// Reads the fixture tables in `Fixtures/`.
enum Fixtures {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures", isDirectory: true)
    }

    /// Decodes a JSON fixture table.
    static func table<Case: Decodable>(_ name: String, as type: [Case].Type = [Case].self) -> [Case] {
        let url = directory.appendingPathComponent(name)
        do {
            return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        } catch {
            fatalError("fixture table \(url.path) cannot be read: \(error)")
        }
    }

    /// The text of a fixture file.
    static func text(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}

/// The read-only corpora and seed files in `../shared` beside the repository.
enum Shared {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["CLAIMKIT_SHARED"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
            url.deleteLastPathComponent()
        }
        return url.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }

    static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    /// The JSON Lines records of a corpus file.
    static func jsonLines<Record: Decodable>(_ path: String, as type: Record.Type) -> [Record] {
        guard let data = try? Data(contentsOf: url(path)) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(Record.self, from: Data($0)) }
    }
}

/// The package root, where `.build` holds the built `claimkit` binary.
enum PackageRoot {
    static var url: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }
}
