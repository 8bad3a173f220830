import ClaimKit
import Foundation
import Testing

struct QuantityCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expected: Decodable, Sendable, Equatable, CustomStringConvertible {
        let text: String
        let value: Double?
        let low: Double?
        let high: Double?
        let qualifier: QuantityQualifier
        let unit: String?
        let kind: QuantityKind
        let item: String?
        let weapon: String?

        init(_ quantity: Quantity) {
            text = String(quantity.text)
            value = quantity.value
            low = quantity.low
            high = quantity.high
            qualifier = quantity.qualifier
            unit = quantity.unit
            kind = quantity.kind
            item = quantity.item.map { String($0) }
            weapon = quantity.weapon.map { String($0) }
        }

        var description: String {
            "\(text): \(value.map { "\($0)" } ?? "nil") [\(low.map { "\($0)" } ?? "")…\(high.map { "\($0)" } ?? "")] "
                + "\(qualifier.rawValue) \(unit ?? "nil") \(kind.rawValue) item \(item ?? "nil") weapon \(weapon ?? "nil")"
        }
    }

    let rule: String
    let text: String
    let quantities: [Expected]
    var testDescription: String { rule }
}

/// Every form and non-form of the quantity issue, with the full typed value checked.
@Suite("Quantity recognizer")
struct QuantityRecognizerTests {
    static let cases = Fixtures.table("quantities.json", as: [QuantityCase].self)

    @Test("each fixture gives exactly its quantities", arguments: cases)
    func fixture(_ item: QuantityCase) {
        let got = TestExtractor.extractor.extract(item.text).quantities.map(QuantityCase.Expected.init)
        #expect(got == item.quantities, "\(item.text)")
    }

    @Test("offsets cover the quantity's text and name its sentence")
    func offsets() {
        let document = TestExtractor.extractor.extract("Kyiv said so. Russia fired about 40 missiles.")
        let quantity = try! #require(document.quantities.first)
        #expect(String(document.text(in: quantity.range)) == "about 40 missiles")
        #expect(quantity.sentence == 1)
    }
}
