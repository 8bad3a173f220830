import ClaimKit
import Foundation

// Builds a generated gazetteer of 1,000,000 names, writes its compiled form
// and reloads it in a fresh process, printing time and peak memory of each:
//   swift run -c release --package-path Benchmarks gazetteer-bench [--names N]

/// Peak resident memory of this process, from /proc (Linux).
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

let arguments = Array(CommandLine.arguments.dropFirst())
let clock = ContinuousClock()

if arguments.first == "--reload", arguments.count == 2 {
    // The child: time the reload alone, in a process that has done nothing else.
    var gazetteer: Gazetteer?
    let time = clock.measure { gazetteer = try? Gazetteer(compiledFrom: URL(fileURLWithPath: arguments[1])) }
    guard let gazetteer else {
        print("reload failed")
        exit(1)
    }
    print(String(format: "%.3f %.1f %d", seconds(time), peakResidentMB(), gazetteer.entries.count))
    exit(0)
}

if arguments.first == "--build", arguments.count == 3 {
    // The child: build from the .tsv folder and write the compiled form, in a process that has done nothing else.
    var built: Gazetteer?
    let time = clock.measure { built = try? Gazetteer(directories: [URL(fileURLWithPath: arguments[1])], includeBundled: false) }
    guard let gazetteer = built else {
        print("build failed")
        exit(1)
    }
    let peak = peakResidentMB()
    let writeTime = try clock.measure { try gazetteer.write(compiledTo: URL(fileURLWithPath: arguments[2])) }
    print(String(format: "%.3f %.1f %.3f %d", seconds(time), peak, seconds(writeTime), gazetteer.issues.count))
    exit(0)
}

/// Runs this program again with `arguments` and returns the numbers it prints.
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

var nameCount = 1_000_000
if let index = arguments.firstIndex(of: "--names"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    nameCount = value
}

// Four names per entry: a canonical name, two aliases and an acronym, all distinct.
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
let entryCount = nameCount / 4
do {
var lines = ["# kind: agencies", "# as-of: 2026-11-25", "id\tcanonical\taliases\ttype\tstate\tpriority"]
for i in 0..<entryCount {
    let a = word(i * 7 + 3)
    let b = word(i * 13 + 5)
    let canonical = "\(a) \(b) Institute of \(word(i))"
    let aliases = "\(a) \(b) Group \(i)|\(b) \(a) Foundation|=\(a.prefix(2).uppercased())\(b.prefix(2).uppercased())\(i)"
    lines.append("agency:gen-\(i)\t\(canonical)\t\(aliases)\tcompany\t\t0")
}
try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("agencies.tsv"), atomically: true, encoding: .utf8)
}

let compiled = folder.appendingPathComponent("scale.ckg")
let build = try child(["--build", folder.path, compiled.path])
let reload = try child(["--reload", compiled.path])
let size = (try? FileManager.default.attributesOfItem(atPath: compiled.path)[.size] as? Int) ?? 0

print("Generated gazetteer: \(entryCount) entries, \(nameCount) names; each step in a fresh process")
if build.count == 4 {
    print(String(format: "build from .tsv:      %6.2f s   peak resident %5.0f MB   goal ≤ 10 s, ≤ 300 MB: %@",
        build[0], build[1], build[0] <= 10 && build[1] <= 300 ? "met" : "NOT MET"))
    print(String(format: "write compiled form:  %6.2f s   %.0f MB on disk", build[2], Double(size) / 1e6))
} else {
    print("build failed")
}
if reload.count == 3 {
    print(String(format: "reload compiled:      %6.2f s   peak resident %5.0f MB   goal ≤ 1 s, ≤ 300 MB: %@",
        reload[0], reload[1], reload[0] <= 1 && reload[1] <= 300 ? "met" : "NOT MET"))
} else {
    print("reload failed")
}
