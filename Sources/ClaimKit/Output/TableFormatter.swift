import Foundation

/// Formats a document as a listing for a person at a terminal.
///
/// ```swift
/// print(TableFormatter().format(document))
/// ```
public struct TableFormatter: Sendable {
    /// The widest a text column grows before it is cut with `…`.
    public var textWidth: Int

    /// Creates a formatter.
    public init(textWidth: Int = 100) {
        self.textWidth = textWidth
    }

    /// The listing of one document.
    public func format(_ document: Document) -> String {
        var lines: [String] = []
        let title = document.id ?? "(stdin)"
        lines.append("== \(title): \(document.sentences.count) sentences")
        lines.append("")
        lines.append("Sentences")
        for (index, sentence) in document.sentences.enumerated() {
            lines.append(row([pad("\(index)", 4), pad("\(sentence.range.start)-\(sentence.range.end)", 11), cut(sentence.text)]))
        }
        if !document.entities.isEmpty {
            lines.append("")
            lines.append("Entities")
            for mention in document.entities {
                var detail = "\(mention.canonical) [\(mention.via.rawValue)"
                if let iso3 = mention.iso3 { detail += ", \(iso3)" }
                if let role = mention.role { detail += ", \(role)" }
                detail += String(format: ", %.2f]", mention.confidence)
                lines.append(row([
                    pad("\(mention.range.start)-\(mention.range.end)", 11), pad(mention.kind.rawValue, 7),
                    pad(cut(mention.text), 24), detail,
                ]))
            }
        }
        if !document.quantities.isEmpty {
            lines.append("")
            lines.append("Quantities")
            for quantity in document.quantities {
                lines.append(row([
                    pad("\(quantity.range.start)-\(quantity.range.end)", 11), pad(quantity.kind.rawValue, 8),
                    pad(cut(quantity.text), 32), describe(quantity),
                ]))
            }
        }
        if !document.claims.isEmpty {
            lines.append("")
            lines.append("Claims")
            for claim in document.claims {
                var source = claim.source?.text ?? "(no source)"
                if let resolved = claim.resolvedSource { source += " → \(resolved)" }
                var flags: [String] = [claim.sourceType.rawValue, claim.cueKind.rawValue]
                if claim.hedged { flags.append("hedged") }
                if claim.negated { flags.append("negated") }
                if claim.directQuote { flags.append("quote") }
                if let citing = claim.citing { flags.append("citing \(citing.text)") }
                lines.append(row([
                    pad("\(claim.range.start)-\(claim.range.end)", 11), pad(cut(source), 32), pad(cut(claim.cue.text), 18),
                    "[" + flags.joined(separator: ", ") + "]",
                ]))
                lines.append(row([pad("", 11), cut("  “" + (claim.content?.text ?? "") + "”")]))
            }
        }
        if let tokens = document.tokens {
            lines.append("")
            lines.append("Tokens")
            for token in tokens {
                lines.append(row([
                    pad("\(token.range.start)-\(token.range.end)", 11), pad(token.kind.rawValue, 11),
                    cut(String(document.text(in: token.range))), token.key,
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `15000 approximate soldiers`, `200000–999999 vague Israelis`, `weapon Igla-S`.
    func describe(_ quantity: Quantity) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        var parts: [String] = []
        if let value = quantity.value {
            parts.append(number(value))
        } else {
            parts.append("\(quantity.low.map(number) ?? "")–\(quantity.high.map(number) ?? "")")
        }
        parts.append(quantity.qualifier.rawValue)
        if let unit = quantity.unit { parts.append(unit) }
        if let weapon = quantity.weapon { parts.append("[weapon \(weapon)]") }
        return parts.joined(separator: " ")
    }

    func row(_ cells: [String]) -> String {
        "  " + cells.joined(separator: "  ")
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    func cut(_ text: some StringProtocol) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= textWidth ? flat : String(flat.prefix(textWidth - 1)) + "…"
    }
}
