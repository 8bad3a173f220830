import Benchmark
import BenchmarkCorpus
@_spi(Benchmarks) import ClaimKit

// Wall clock, throughput and allocations of each stage over the whole
// benchmark text: `swift package --allow-writing-to-package-directory benchmark`.
let benchmarks: @Sendable () -> Void = {
    guard let corpus = BenchmarkCorpus.load() else { return }
    let articles = corpus.articles
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    Benchmark("ICU word break (baseline)") { benchmark in
        for article in articles { blackHole(ICUBaseline.wordBoundaries(article)) }
    }

    Benchmark("Tokenizer") { benchmark, tokenizer in
        for article in articles { blackHole(tokenizer.tokenize(article).count) }
    } setup: {
        try Tokenizer()
    }

    Benchmark("Sentence splitter, given tokens") { (benchmark: Benchmark, input: (SentenceSplitter, [TokenizedText])) in
        for tokens in input.1 { blackHole(input.0.split(tokens).count) }
    } setup: {
        let tokenizer = try Tokenizer()
        return (try SentenceSplitter(), articles.map(tokenizer.tokenize))
    }

    Benchmark("Extract") { benchmark, extractor in
        for article in articles { blackHole(extractor.extract(article).sentences.count) }
    } setup: {
        try Extractor(configuration: Extractor.Configuration(includeTokens: false))
    }
}
