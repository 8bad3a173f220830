import ClaimKit
import Foundation
import Testing

/// One case of quantulum3's English tests (../shared/corpora/quantulum3).
struct QuantulumCase: Decodable, Sendable {
    struct Expected: Decodable, Sendable {
        let surface: String
        let start: Int
        let end: Int
        let value: Double
        let uncertainty: Double?
        let unit: String
        let entity: String
    }
    let id: Int
    let text: String
    let quantities: [Expected]
}

/// quantulum3's `quantities.jsonl`, the cases in ClaimKit's scope: money,
/// percentages, counts of a named thing and measures in the units of
/// `units.tsv`. A case passes when every expected quantity is found (span
/// overlap, equal value or bounds) and nothing else is.
@Suite("quantulum3 cases", .enabled(if: Shared.exists("corpora/quantulum3/quantities.jsonl")))
struct Quantulum3Tests {
    /// quantulum3's unit names that ClaimKit reads as measures.
    static let newsUnits: Set<String> = [
        "metre", "kilometre", "mile", "foot", "inch", "kilogram", "tonne", "litre", "gallon", "day", "week", "month",
        "year", "hour", "minute", "second", "square kilometre", "square mile", "kilometre per hour", "centimetre",
    ]

    static func exclusion(_ item: QuantulumCase) -> String? {
        for quantity in item.quantities {
            if quantity.value != quantity.value.rounded(), !quantity.surface.contains(".") { return "fractions and scientific notation" }
            if quantity.unit == "dozen" { return "dozen as a unit (ClaimKit: a dozen is 12 of the thing)" }
            switch quantity.entity {
            case "currency":
                if quantity.value < 0 || ["penny", "cent", "dime"].contains(quantity.unit) { return "negative amounts and sub-units" }
            case "dimensionless":
                if quantity.unit == "percentage" { continue }
                if quantity.value != quantity.value.rounded() { return "fractions and scientific notation" }
                if quantity.value >= 1000 && quantity.value < 2200 && !quantity.surface.contains(",") { return "years and decades" }
                guard RecognizersScope.countsSomething(item.text, after: quantity.end) else { return "bare numbers (no counted thing)" }
            default:
                guard newsUnits.contains(quantity.unit) else { return "units outside news (science and data units)" }
            }
            if quantity.surface.contains("/") || quantity.surface.contains("^") || quantity.surface.contains("×") {
                return "fractions and scientific notation"
            }
        }
        return nil
    }

    static func passes(_ item: QuantulumCase) -> (Bool, String) {
        let got = TestExtractor.extractor.extract(item.text).quantities
        let description = got.map { "\($0.text)=\($0.value ?? .nan)[\($0.low ?? .nan),\($0.high ?? .nan)]" }.joined(separator: "; ")
        guard got.count == item.quantities.count else { return (false, description) }
        let ok = zip(got, item.quantities).allSatisfy { have, want in
            guard (have.range.start..<have.range.end).overlaps(want.start..<want.end) else { return false }
            if let uncertainty = want.uncertainty {
                return have.low == want.value - uncertainty && have.high == want.value + uncertainty
            }
            return abs((have.value ?? .nan) - want.value) <= 1e-6 * max(1, abs(want.value))
        }
        return (ok, description)
    }

    @Test("at least 80% of the in-scope cases pass")
    func score() {
        let cases = Shared.jsonLines("corpora/quantulum3/quantities.jsonl", as: QuantulumCase.self)
        var skipped: [String: Int] = [:]
        var inScope = 0
        var passed = 0
        for item in cases {
            if let reason = Self.exclusion(item) {
                skipped[reason, default: 0] += 1
                continue
            }
            inScope += 1
            let (ok, got) = Self.passes(item)
            if ok { passed += 1 } else { print("  fails #\(item.id) \(item.text.prefix(70)) → \(got)") }
        }
        print("quantulum3: \(passed)/\(inScope) in scope pass; skipped \(skipped.sorted { $0.key < $1.key })")
        #expect(inScope > 0)
        #expect(Double(passed) >= 0.8 * Double(inScope))
    }

    @Test("malformed inputs do not crash the extractor")
    func errors() {
        for item in Shared.jsonLines("corpora/quantulum3/errors.jsonl", as: QuantulumError.self) {
            _ = TestExtractor.extractor.extract(item.text)
        }
    }
}

struct QuantulumError: Decodable, Sendable {
    let text: String
}
