import ClaimKit
import Foundation
import Testing

/// One case of Microsoft Recognizers-Text's English number specs (../shared/corpora/recognizers-number).
struct RecognizersCase: Decodable, Sendable {
    struct Result: Decodable, Sendable {
        struct Resolution: Decodable, Sendable {
            let value: String?
            let unit: String?
            let isoCurrency: String?
            let subtype: String?
        }
        let text: String
        let start: Int
        let endExclusive: Int
        let typeName: String
        let resolution: Resolution
    }
    let id: Int
    let input: String
    let results: [Result]
    let notSupported: [String]
    let supportedByDotnet: Bool
    let tokenizedLowercase: Bool
}

/// Runs the Recognizers-Text specs in ClaimKit's scope: bare numbers and
/// ordinals through ``NumberParser``, percents, ranges, currency and
/// dimensions through ``Extractor/extract(_:id:)``. A case passes when every
/// expected result is found (span overlap, equal value) and nothing else is.
/// The scope decisions are ``RecognizersScope``'s, listed in the README.
@Suite("Recognizers-Text number specs", .enabled(if: Shared.exists("corpora/recognizers-number/NumberModel.jsonl")))
struct RecognizersNumberTests {
    static let files = [
        "NumberModel", "OrdinalModel", "PercentModel", "NumberRangeModel", "CurrencyModel", "DimensionModel", "AgeModel",
    ]

    static func cases(_ file: String) -> [RecognizersCase] {
        Shared.jsonLines("corpora/recognizers-number/\(file).jsonl", as: RecognizersCase.self)
    }

    @Test("at least 90% of the in-scope cases pass, per file and overall")
    func score() {
        var inScope = 0
        var passed = 0
        for file in Self.files {
            var fileScope = 0
            var filePassed = 0
            var skipped: [String: Int] = [:]
            var failures: [String] = []
            for item in Self.cases(file) {
                if let reason = RecognizersScope.exclusion(item, file: file) {
                    skipped[reason, default: 0] += 1
                    continue
                }
                fileScope += 1
                let outcome = RecognizersScope.check(item, file: file)
                if outcome.passed { filePassed += 1 } else { failures.append("#\(item.id) \(item.input.prefix(70)) → \(outcome.got)") }
            }
            inScope += fileScope
            passed += filePassed
            print("Recognizers \(file): \(filePassed)/\(fileScope) in scope pass; skipped \(skipped.sorted { $0.key < $1.key })")
            for failure in failures { print("  fails \(failure)") }
        }
        print("Recognizers overall: \(passed)/\(inScope) = \(String(format: "%.1f", 100 * Double(passed) / Double(max(inScope, 1))))%")
        #expect(inScope > 0)
        #expect(Double(passed) >= 0.9 * Double(inScope))
    }
}

/// What is in ClaimKit's scope in the Recognizers-Text specs, and how a case is checked.
enum RecognizersScope {
    /// Upstream's typeName for each file ClaimKit scores, and the quantity kind it maps to.
    static let kinds: [String: QuantityKind] = [
        "PercentModel": .percent, "NumberRangeModel": .count, "CurrencyModel": .money, "DimensionModel": .measure,
    ]

    /// Upstream currency names ClaimKit resolves, by ISO code.
    static let currencies: [String: String] = [
        "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP", "British pound": "GBP",
        "Japanese yen": "JPY", "Chinese yuan": "CNY", "Canadian dollar": "CAD", "Turkish lira": "TRY",
        "Mexican peso": "MXN", "Australian dollar": "AUD", "New Zealand dollar": "NZD",
    ]

    /// Upstream dimension units with a news unit in `units.tsv`.
    static let newsUnits: Set<String> = [
        "Kilometer", "Mile", "Meter", "Foot", "Inch", "Kilogram", "Ton", "Metric ton", "Liter", "Square kilometer",
        "Hectare", "Acre", "Gallon", "Barrel", "Yard", "Centimeter", "Square mile",
    ]

    /// ClaimKit measures that upstream's dimension model does not report.
    static let nonDimensions: Set<String> = [
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
        "years", "year", "decades", "centuries", "degrees", "degree", "°",
    ]

    /// Why a case is out of scope, or nil when it is scored.
    static func exclusion(_ item: RecognizersCase, file: String) -> String? {
        if item.tokenizedLowercase { return "lower-cased tokenized newswire" }
        if !item.supportedByDotnet || item.notSupported.contains("dotnet") { return "unsupported upstream" }
        let input = item.input
        if input.range(of: #"\d[./:-]\d+[./:-]\d"#, options: .regularExpression) != nil || input.contains("+1") || input.contains("http") {
            return "codes, dates and addresses"
        }
        for result in item.results {
            if result.typeName == "ordinal.relative" { return "relative ordinals" }
            if result.resolution.value == nil || result.resolution.value == "null" { return "no value" }
            if result.resolution.subtype == "fraction" || result.resolution.subtype == "power" { return "fractions and powers" }
            if result.text.range(of: #"\d[ \u202F\u00A0]+\d|\d,\d{1,2}\b|\d,\d\d,\d{3}|\d\.\d{3},"#, options: .regularExpression) != nil {
                return "non-English digit grouping"
            }
            if result.text.contains("/") { return "fractions and powers" }
            // `3 dollars 50 cents`, `5 feet 2 inches`: one amount in two units.
            if let value = Double(result.resolution.value ?? ""), value != value.rounded(), !result.text.contains("."),
                file == "CurrencyModel" || file == "DimensionModel"
            {
                return "amounts in two units (dollars and cents, feet and inches)"
            }
            if file == "PercentModel", result.text.lowercased().hasPrefix("per") { return "percent written before its number" }
            let prefix = input.unicodeScalars.prefix(result.start)
            if let last = prefix.last, last == "-", prefix.dropLast().last.map({ CharacterSet.letters.contains($0) }) == true {
                return "numbers inside names"
            }
        }
        switch file {
        case "NumberRangeModel":
            // A bare number is no ClaimKit quantity: only ranges of a counted thing or unit are scored.
            for result in item.results where !countsSomething(input, after: result.endExclusive) { return "bare numbers (no counted thing)" }
            if item.results.isEmpty { return "bare numbers (no counted thing)" }
        case "CurrencyModel":
            for result in item.results {
                guard let unit = result.resolution.unit, currencies[unit] != nil || result.resolution.isoCurrency != nil else {
                    return "sub-units, crypto and currencies outside units.tsv"
                }
                if let iso = result.resolution.isoCurrency, !currencies.values.contains(iso) {
                    return "sub-units, crypto and currencies outside units.tsv"
                }
            }
        case "DimensionModel":
            for result in item.results where !newsUnits.contains(result.resolution.unit ?? "") {
                return "units outside news (information, cooking, angles, micro units)"
            }
        default: break
        }
        return nil
    }

    /// Whether a word that can be counted follows a number (`700 contract workers`).
    static func countsSomething(_ input: String, after offset: Int) -> Bool {
        let rest = String(input.unicodeScalars.dropFirst(offset)).trimmingCharacters(in: .whitespaces)
        guard let word = rest.split(whereSeparator: { !$0.isLetter }).first, rest.first?.isLetter == true else { return false }
        let function: Set<String> = ["in", "and", "or", "is", "are", "the", "but", "of", "to", "apiece", "than", "equal", "years", "or", "by", "at", "for",
            "with", "from", "on", "as", "be", "was", "were",
        ]
        return !function.contains(word.lowercased())
    }

    /// Checks one in-scope case; `got` describes what ClaimKit found.
    static func check(_ item: RecognizersCase, file: String) -> (passed: Bool, got: String) {
        switch file {
        case "NumberModel", "OrdinalModel":
            let numbers = TestExtractor.numbers.numbers(in: item.input)
            let wanted = item.results.map { ($0.start..<$0.endExclusive, Double($0.resolution.value ?? "") ?? .nan) }
            let got = numbers.map { ($0.range.start..<$0.range.end, $0.value) }
            let ordinalsOnly = file == "OrdinalModel"
            // NumberModel specifies cardinals, OrdinalModel ordinals.
            let scored = numbers.filter { $0.isOrdinal == ordinalsOnly }.map { ($0.range.start..<$0.range.end, $0.value) }
            return (matches(wanted, scored), got.map { "\($0.1)@\($0.0)" }.joined(separator: ", "))
        case "AgeModel":
            // Ages are no quantities: nothing may overlap an age.
            let quantities = TestExtractor.extractor.extract(item.input).quantities
            let clash = quantities.filter { q in item.results.contains { overlaps(q.range.start..<q.range.end, $0.start..<$0.endExclusive) } }
            return (clash.isEmpty, clash.map(\.text).joined(separator: ", "))
        default:
            let kind = kinds[file]!
            // Durations and temperatures are measures for ClaimKit, not dimensions upstream.
            let quantities = TestExtractor.extractor.extract(item.input).quantities.filter { q in
                (kind == .count || q.kind == kind) && !(file == "DimensionModel" && nonDimensions.contains(q.unit ?? ""))
            }
            var wanted: [(Range<Int>, Double)] = []
            var bounds: [(Range<Int>, Double?, Double?)] = []
            for result in item.results {
                let span = result.start..<result.endExclusive
                let value = result.resolution.value ?? ""
                if file == "NumberRangeModel" {
                    bounds.append((span, interval(value).low, interval(value).high))
                } else {
                    wanted.append((span, Double(value.replacingOccurrences(of: "%", with: "")) ?? .nan))
                }
            }
            let got = quantities.map { "\($0.text)=\($0.value ?? .nan)[\($0.low ?? .nan),\($0.high ?? .nan)] \($0.unit ?? "")" }
                .joined(separator: "; ")
            if file == "NumberRangeModel" {
                let ok = quantities.count == bounds.count && zip(quantities, bounds).allSatisfy { q, want in
                    overlaps(q.range.start..<q.range.end, want.0) && q.low == want.1 && q.high == want.2
                }
                return (ok, got)
            }
            var ok = matches(wanted, quantities.map { ($0.range.start..<$0.range.end, $0.value ?? .nan) })
            if file == "CurrencyModel" {
                for (q, result) in zip(quantities, item.results) {
                    let code = result.resolution.isoCurrency ?? currencies[result.resolution.unit ?? ""]
                    if q.unit != code { ok = false }
                }
            }
            return (ok, got)
        }
    }

    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.overlaps(b) }

    /// Every wanted number found with its value, and nothing else.
    static func matches(_ wanted: [(Range<Int>, Double)], _ got: [(Range<Int>, Double)]) -> Bool {
        guard wanted.count == got.count else { return false }
        return zip(wanted, got).allSatisfy { want, have in
            overlaps(want.0, have.0) && abs(want.1 - have.1) <= 1e-9 * max(1, abs(want.1))
        }
    }

    /// `[20,30)` → 20 and 30; `(20,` → 20 and nil; `,30]` → nil and 30.
    static func interval(_ text: String) -> (low: Double?, high: Double?) {
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "[]()"))
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return (nil, nil) }
        return (Double(parts[0]), Double(parts[1]))
    }
}
