import Foundation

/// Articles done and articles per second on standard error, when it is a terminal.
struct Progress {
    let enabled: Bool
    private let started = Date()
    private var last = Date.distantPast
    private var done = 0

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func count(_ articles: Int) {
        done += articles
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.25 else { return }
        last = now
        show(now)
    }

    func finish() {
        guard enabled, done > 0 else { return }
        show(Date())
        Diagnostics.write("\n")
    }

    private func show(_ now: Date) {
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / seconds
        Diagnostics.write("\r\(done) articles, \(Int(rate.rounded())) articles/s")
    }
}
