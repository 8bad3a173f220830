import ClaimKit
import Testing

/// The README's Swift example, run as written: its printed lines are the
/// ones the README shows, so the documented API and output cannot drift.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("the README's Swift example prints what the README shows")
    func swiftExample() throws {
        let extractor = TestExtractor.extractor
        let document = extractor.extract("""
            KYIV, Ukraine (AP) — Gen. Oleksandr Syrskyi said the U.S. Army's HIMARS arrived. More followed.
            """)
        #expect(document.sentences.map { "\($0.range.start) \($0.range.end) \($0.text)" } == [
            "0 80 KYIV, Ukraine (AP) — Gen. Oleksandr Syrskyi said the U.S. Army's HIMARS arrived.",
            "81 95 More followed.",
        ])
        #expect(document.entities.map { "\($0.kind) \($0.text) → \($0.canonical) \($0.via) \($0.role ?? "")" } == [
            "state Ukraine → Ukraine name ",
            "agency AP → The Associated Press alias ",
            "person Oleksandr Syrskyi → Oleksandr Syrskyi name Gen.",
            "state U.S. → United States alias ",
            "agency Army → Army of United States pattern military",
            "weapon HIMARS → M142 HIMARS alias ",
        ])
        let report = extractor.extract("""
            The Associated Press reported that Venezuela has mobilized about 15,000 soldiers. \
            The government says the move is defensive.
            """)
        #expect(report.quantities.map { "\($0.text) \($0.value ?? 0) \($0.qualifier) \($0.unit ?? "") \($0.kind)" } == [
            "about 15,000 soldiers 15000.0 approximate soldiers count",
        ])
        #expect(report.claims.map { "\($0.source?.text ?? "–") \($0.sourceType) \($0.cue.text) → \($0.content?.text ?? "")" } == [
            "The Associated Press media reported → Venezuela has mobilized about 15,000 soldiers",
            "The government government says → the move is defensive",
        ])
    }

    @Test("the README's stage-by-stage example gives the keys and numbers it shows")
    func stagesAlone() throws {
        let tokens = try Tokenizer().tokenize("Russia's S-400 cost $4.5bn")
        #expect(tokens.map(\.key) == ["russia", "'s", "s-400", "cost", "$", "4.5bn"])
        #expect(try SentenceSplitter().split(tokens).map { String($0.text) } == ["Russia's S-400 cost $4.5bn"])
        let numbers = try NumberParser().numbers(in: "twenty-one trillion and three hundred, the 3rd")
        #expect(numbers.map(\.value) == [21000000000300.0, 3.0])
    }
}
