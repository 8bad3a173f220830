import ClaimKit
import Foundation

// A generated gazetteer of a million names: built from .tsv files, written
// in compiled form and reloaded, each step in a fresh process of this
// program so that its peak memory is its own.

/// Peak resident memory of this process so far, from /proc (Linux).
func peakResidentMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
    }
    return -1
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The child steps: `--scale-build DIR OUT` and `--scale-reload FILE` print their numbers and exit.
func runScaleChild(_ arguments: [String]) -> Bool {
    let clock = ContinuousClock()
    if arguments.first == "--scale-build", arguments.count == 3 {
        var built: Gazetteer?
        let time = clock.measure { built = try? Gazetteer(directories: [URL(fileURLWithPath: arguments[1])], includeBundled: false) }
        guard let gazetteer = built else { exit(1) }
        let peak = peakResidentMB()
        let writeTime = clock.measure { try? gazetteer.write(compiledTo: URL(fileURLWithPath: arguments[2])) }
        print(String(format: "%.3f %.1f %.3f", seconds(time), peak, seconds(writeTime)))
        return true
    }
    if arguments.first == "--scale-reload", arguments.count == 2 {
        var gazetteer: Gazetteer?
        let time = clock.measure { gazetteer = try? Gazetteer(compiledFrom: URL(fileURLWithPath: arguments[1])) }
        guard gazetteer != nil else { exit(1) }
        print(String(format: "%.3f %.1f", seconds(time), peakResidentMB()))
        return true
    }
    return false
}

/// Generates the gazetteer, runs the two child steps and prints their figures against the goals.
func runGazetteerScale(names nameCount: Int) throws {
    let syllables = ["ka", "lo", "ver", "mi", "dan", "to", "ri", "sel", "an", "bor", "el", "qu", "zan", "pe", "th", "ul"]
    func word(_ seed: Int) -> String {
        var value = seed
        var text = ""
        repeat {
            text += syllables[value % syllables.count]
            value /= syllables.count
        } while value > 0
        return text.prefix(1).uppercased() + text.dropFirst()
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-scale-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Four distinct names per entry: a canonical name, two aliases and an exact-case acronym.
    let entryCount = nameCount / 4
    var lines = ["# kind: agencies", "# as-of: 2026-11-25", "id\tcanonical\taliases\ttype\tstate\tpriority"]
    for i in 0..<entryCount {
        let a = word(i * 7 + 3)
        let b = word(i * 13 + 5)
        let aliases = "\(a) \(b) Group \(i)|\(b) \(a) Foundation|=\(a.prefix(2).uppercased())\(b.prefix(2).uppercased())\(i)"
        lines.append("agency:gen-\(i)\t\(a) \(b) Institute of \(word(i))\t\(aliases)\tcompany\t\t0")
    }
    try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("agencies.tsv"), atomically: true, encoding: .utf8)
    lines = []

    func child(_ arguments: [String]) throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
    let compiled = folder.appendingPathComponent("scale.ckg")
    let build = try child(["--scale-build", folder.path, compiled.path])
    let reload = try child(["--scale-reload", compiled.path])
    let size = (try? FileManager.default.attributesOfItem(atPath: compiled.path)[.size] as? Int) ?? 0
    print("generated gazetteer: \(entryCount) entries, \(nameCount) names; each step in a fresh process")
    if build.count == 3 {
        print(String(format: "  build from .tsv:      %6.2f s   peak resident %5.0f MB   goal ≤ 10 s, ≤ 300 MB: %@",
            build[0], build[1], build[0] <= 10 && build[1] <= 300 ? "met" : "NOT MET"))
        print(String(format: "  write compiled form:  %6.2f s   %.0f MB on disk", build[2], Double(size) / 1e6))
    } else {
        print("  build failed")
    }
    if reload.count == 2 {
        print(String(format: "  reload compiled:      %6.2f s   peak resident %5.0f MB   goal ≤ 1 s, ≤ 300 MB: %@",
            reload[0], reload[1], reload[0] <= 1 && reload[1] <= 300 ? "met" : "NOT MET"))
    } else {
        print("  reload failed")
    }
}
