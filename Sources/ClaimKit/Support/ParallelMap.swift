import Foundation
import Dispatch

/// Maps a collection on all cores, keeping input order.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], jobs: Int = 0, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let count = elements.count
        guard count > 1 else { return elements.map(transform) }
        let workers = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
        if workers <= 1 { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written by exactly one iteration, so the writes never overlap.
            nonisolated(unsafe) let output = buffer
            let chunks = min(count, workers * 4)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk * count / chunks
                let end = (chunk + 1) * count / chunks
                while index < end {
                    (output.baseAddress! + index).initialize(to: transform(elements[index]))
                    index += 1
                }
            }
            initialized = count
        }
    }
}
