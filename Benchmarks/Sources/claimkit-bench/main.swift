import BenchmarkCorpus
@_spi(Benchmarks) import ClaimKit
import Foundation

// Prints each stage's speed as a ratio to bare ICU break iteration measured in
// the same process on the same text, the gazetteer load time, and the
// build, compiled write and reload of a generated million-name gazetteer:
//   swift build -c release --product claimkit   # for the full-CLI figure
//   swift run -c release --package-path Benchmarks claimkit-bench [--rounds N] [--large-article MB]
// (`--only PREFIX[,PREFIX…]` runs the stages whose name starts with a PREFIX, for profiling,
// and the full CLI with "full" and "ICU word";
// `--scale-names N` sizes the generated gazetteer, 0 skips it.)

if runScaleChild(Array(CommandLine.arguments.dropFirst())) { exit(0) }

var rounds = 5
var largeArticleMB = 0
var only: [String]?
var scaleNames = 1_000_000
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--rounds": rounds = Int(arguments.next() ?? "") ?? rounds
    case "--large-article": largeArticleMB = Int(arguments.next() ?? "") ?? 50
    case "--only": only = arguments.next()?.split(separator: ",").map(String.init)
    case "--scale-names": scaleNames = Int(arguments.next() ?? "") ?? scaleNames
    default:
        FileHandle.standardError.write(Data("usage: claimkit-bench [--rounds N] [--large-article MB] [--only STAGE-PREFIX,…] [--scale-names N]\n".utf8))
        exit(2)
    }
}

guard let corpus = BenchmarkCorpus.load() else { exit(1) }
let articles = corpus.articles
let extractor = try Extractor(configuration: Extractor.Configuration(includeTokens: false))
let tokenizer = try Tokenizer()
let splitter = try SentenceSplitter()
let tokenized = articles.map(tokenizer.tokenize)
let prepared = articles.map(extractor.prepare)
let documents = articles.map { extractor.extract($0) }

/// Best-of-rounds time of one pass over the corpus; rounds of all stages are
/// interleaved so that machine noise hits them alike.
struct Stage {
    let name: String
    let baseline: String?
    let goal: Double?
    let run: () -> Int
    var best = Duration.seconds(1_000_000)
}

var sink = 0
var stages = [
    Stage(name: "ICU word break (baseline)", baseline: nil, goal: nil) { articles.reduce(0) { $0 + ICUBaseline.wordBoundaries($1) } },
    Stage(name: "tokenizer", baseline: "ICU word break (baseline)", goal: 0.7) { articles.reduce(0) { $0 + tokenizer.tokenize($1).count } },
    Stage(name: "ICU sentence break (baseline)", baseline: nil, goal: nil) { tokenized.reduce(0) { $0 + ICUBaseline.sentenceBoundaries($1) } },
    Stage(name: "sentence splitter, given tokens", baseline: "ICU sentence break (baseline)", goal: 0.7) { tokenized.reduce(0) { $0 + splitter.split($1).count } },
    Stage(name: "  its boundaries only, no strings", baseline: "ICU sentence break (baseline)", goal: 0.7) { tokenized.reduce(0) { $0 + extractor.sentenceBoundaries($1) } },
    Stage(name: "entity stage, given tokens and sentences", baseline: nil, goal: nil) { prepared.reduce(0) { $0 + extractor.recognizeEntities($1) } },
    Stage(name: "quantity stage, given entities", baseline: nil, goal: nil) { prepared.reduce(0) { $0 + extractor.recognizeQuantities($1) } },
    Stage(name: "claim stage, given quantities", baseline: nil, goal: nil) { prepared.reduce(0) { $0 + extractor.recognizeClaims($1) } },
    Stage(name: "extract, no tokens kept", baseline: "ICU word break (baseline)", goal: nil) { articles.reduce(0) { $0 + extractor.extract($1).sentences.count } },
    Stage(name: "JSON writing, given documents", baseline: nil, goal: nil) {
        var writer = JSONWriter()
        var total = 0
        for document in documents {
            writer.write(document)
            total += writer.bytes.count
            writer.reset()
        }
        return total
    },
]

let clock = ContinuousClock()
for _ in 0..<rounds {
    for index in stages.indices where only?.contains(where: stages[index].name.hasPrefix) ?? true {
        let elapsed = clock.measure { sink &+= stages[index].run() }
        stages[index].best = min(stages[index].best, elapsed)
    }
}


func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

print("ClaimKit benchmark: \(corpus.files.count) files, \(articles.count) articles, "
    + "\(String(format: "%.1f", Double(corpus.bytes) / 1e6)) MB, \(corpus.words) words; best of \(rounds) rounds, one core")
print(pad("stage", 34) + pad("seconds", 10, right: true) + pad("MB/s", 9, right: true)
    + pad("words/s", 12, right: true) + pad("× baseline", 12, right: true) + "  goal")
for stage in stages where stage.best < .seconds(1_000_000) {
    let time = seconds(stage.best)
    var ratio = ""
    var goal = ""
    if let baselineName = stage.baseline, let baseline = stages.first(where: { $0.name == baselineName }) {
        let value = seconds(baseline.best) / time
        ratio = String(format: "%.2f", value)
        if let target = stage.goal { goal = String(format: "≥ %.2f %@", target, value >= target ? "met" : "NOT MET") }
    }
    print(pad(stage.name, 34) + pad(String(format: "%.3f", time), 10, right: true)
        + pad(String(format: "%.1f", Double(corpus.bytes) / 1e6 / time), 9, right: true)
        + pad(String(format: "%.2fM", Double(corpus.words) / 1e6 / time), 12, right: true)
        + pad(ratio, 12, right: true) + "  " + goal)
}
/// Stage costs relative to the tokenizer's time, as the issues state their goals.
@MainActor func share(_ name: String) -> Double? {
    guard let stage = stages.first(where: { $0.name == name }), let tokenizer = stages.first(where: { $0.name == "tokenizer" }),
        stage.best < .seconds(1_000_000), tokenizer.best < .seconds(1_000_000)
    else { return nil }
    return seconds(stage.best) / seconds(tokenizer.best)
}
if let entities = share("entity stage, given tokens and sentences") {
    print(String(format: "entity stage adds %.0f%% to the tokenizer's time (goal ≤ 50%%: %@)", entities * 100, entities <= 0.5 ? "met" : "NOT MET"))
}
if let quantities = share("quantity stage, given entities") {
    print(String(format: "quantity stage adds %.0f%% to the tokenizer's time (goal ≤ 25%%: %@)", quantities * 100, quantities <= 0.25 ? "met" : "NOT MET"))
}
if let claims = share("claim stage, given quantities") {
    print(String(format: "claim stage adds %.0f%% to the tokenizer's time (goal ≤ 25%%: %@)", claims * 100, claims <= 0.25 ? "met" : "NOT MET"))
}
if only?.contains(where: "full CLI".hasPrefix) ?? true, let baseline = stages.first(where: { $0.name == "ICU word break (baseline)" }),
    baseline.best < .seconds(1_000_000)
{
    try runCLI(articles: articles, rounds: min(rounds, 3), baselineSeconds: seconds(baseline.best))
}
var loads: [Double] = []
for _ in 0..<max(rounds, 3) { loads.append(seconds(clock.measure { sink &+= ((try? Gazetteer.bundled())?.entries.count ?? 0) })) }
print(String(format: "bundled gazetteers load in %.1f ms (best of %d; goal ≤ 50 ms: %@)", loads.min()! * 1000, loads.count,
    loads.min()! <= 0.05 ? "met" : "NOT MET"))
for file in corpus.files where only == nil {
    let time = seconds(clock.measure { for article in file.articles { sink &+= extractor.extract(article).sentences.count } })
    print("  extract on \(pad(file.name, 30)) \(String(format: "%7.1f", Double(file.bytes) / 1e6 / time)) MB/s")
}

if largeArticleMB > 0 {
    var text = ""
    var index = 0
    let allArticles = corpus.articles
    while text.utf8.count < largeArticleMB * 1_000_000 {
        text += allArticles[index % allArticles.count] + "\n"
        index += 1
    }
    let before = peakResidentMB()
    var sentences = 0
    let time = seconds(clock.measure { sentences = extractor.extract(text).sentences.count })
    let after = peakResidentMB()
    print("one \(text.utf8.count / 1_000_000) MB article: \(String(format: "%.2f", time)) s, \(sentences) sentences, "
        + "peak resident \(Int(after)) MB (was \(Int(before)) MB before it)")
}
if scaleNames > 0 && only == nil { try runGazetteerScale(names: scaleNames) }
if sink == 42 { print("") }
