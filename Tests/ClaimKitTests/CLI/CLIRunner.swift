import Foundation

/// Runs the built `claimkit` binary and captures what it writes.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Each stdout line parsed as a JSON object.
        var records: [[String: Any]] {
            stdoutText.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    static var binary: URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(PackageRoot.url.appendingPathComponent(".build/debug"))
        for directory in candidates {
            for base in [directory, directory.deletingLastPathComponent()] {
                let url = base.appendingPathComponent("claimkit")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Runs the binary; `stdout` names a device to write to instead of a
    /// captured file (`/dev/full`, to see a failing write), `stdinPath` a
    /// path to read standard input from instead of `stdin`.
    static func run(
        _ arguments: [String], stdin: Data? = nil, binary: URL? = nil, stdout device: String? = nil, stdinPath: String? = nil
    ) throws -> Result {
        guard let binary = binary ?? Self.binary else { throw CLIRunnerError.binaryNotFound }
        // Files rather than pipes: nothing can block on a full pipe buffer.
        let input = try temporaryFile(stdin ?? Data(), suffix: ".in")
        let output = try device.map { URL(fileURLWithPath: $0) } ?? temporaryFile(Data(), suffix: ".out")
        let errors = try temporaryFile(Data(), suffix: ".err")
        defer {
            for url in [input, errors] + (device == nil ? [output] : []) { try? FileManager.default.removeItem(at: url) }
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = PackageRoot.url
        process.standardInput = try stdinPath.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
            ?? FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: device == nil ? try Data(contentsOf: output) : Data(),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    /// A temporary file holding `bytes`.
    static func temporaryFile(_ bytes: Data, suffix: String = ".txt") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("claimkit-test-\(UUID().uuidString)\(suffix)")
        try bytes.write(to: url)
        return url
    }
}

enum CLIRunnerError: Error {
    case binaryNotFound
}
