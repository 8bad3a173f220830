import BenchmarkCorpus
import Foundation

/// Times the whole `claimkit` CLI on the bench text as JSON Lines with one
/// job, its JSON written to /dev/null, in a fresh process per round: the
/// figure users see in a pipeline. The process is started with posix_spawn
/// and reaped with waitpid, so that the figure is the process's own. The
/// binary is the root package's release build (`swift build -c release
/// --product claimkit`); without it the benchmark says so and skips this step.
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
        let start = ContinuousClock.now
        let status = try spawnAndWait(binary.path, ["extract", "--jsonl", "--jobs", "1", input.path])
        let elapsed = ContinuousClock.now - start
        guard status == 0 else {
            print("full CLI: claimkit exited with status \(status)")
            return
        }
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let ratio = baselineSeconds / best
    print(String(format: "full CLI (claimkit extract --jsonl --jobs 1, JSON written): %.2f s, %.3f× bare ICU word break (goal ≥ 0.30: %@)",
        best, ratio, ratio >= 0.3 ? "met" : "NOT MET"))
}

/// Runs `path` with `arguments`, its output and errors sent to /dev/null,
/// and waits for it with waitpid(2): Foundation's `Process.waitUntilExit`
/// polls a run loop and can add tens of milliseconds to what it times.
private func spawnAndWait(_ path: String, _ arguments: [String]) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(path): \(String(cString: strerror(spawned)))"]) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}
