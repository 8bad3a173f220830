import BenchmarkCorpus
import Foundation

/// Times the whole `claimkit` CLI on the bench text as JSON Lines with one
/// job, its JSON written to /dev/null, in a fresh process per round: the
/// figure users see in a pipeline. The binary is the root package's release
/// build (`swift build -c release --product claimkit`); without it the
/// benchmark says so and skips this step.
func runCLI(articles: [String], rounds: Int, baselineSeconds: Double) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let binary = root.appendingPathComponent(".build/release/claimkit")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        print("full CLI: skipped, \(binary.path) is missing (swift build -c release --product claimkit)")
        return
    }
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-bench-\(getpid()).jsonl")
    defer { try? FileManager.default.removeItem(at: input) }
    var lines = Data()
    for (index, article) in articles.enumerated() {
        lines.append(try JSONSerialization.data(withJSONObject: ["id": "a\(index)", "text": article]))
        lines.append(0x0A)
    }
    try lines.write(to: input)
    var best = Double.infinity
    for _ in 0..<max(rounds, 1) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["extract", "--jsonl", "--jobs", "1", input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else {
            print("full CLI: claimkit exited with status \(process.terminationStatus)")
            return
        }
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let ratio = baselineSeconds / best
    print(String(format: "full CLI (claimkit extract --jsonl --jobs 1, JSON written): %.2f s, %.2f× bare ICU word break (goal ≥ 0.30: %@)",
        best, ratio, ratio >= 0.3 ? "met" : "NOT MET"))
}
