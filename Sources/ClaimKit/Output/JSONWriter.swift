/// Writes documents as ClaimKit's JSON output, byte by byte.
///
/// Foundation's `JSONEncoder` is several times slower than extraction, so the
/// CLI writes its output with this writer; a test pins that both give the same
/// JSON. Keys follow the order of the documented layout.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.write(document)
/// FileHandle.standardOutput.write(Data(writer.bytes))
/// ```
public struct JSONWriter: Sendable {
    /// Layout options.
    public struct Options: Sendable, Hashable {
        /// Include the document's text as `text`.
        public var includeText: Bool
        /// Indent nested values, one key a line.
        public var pretty: Bool

        /// Creates options.
        public init(includeText: Bool = false, pretty: Bool = false) {
            self.includeText = includeText
            self.pretty = pretty
        }
    }

    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// The layout options.
    public var options: Options
    private var depth = 0

    /// Creates a writer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Removes the bytes written so far, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
    }

    /// Writes a document followed by a line break.
    public mutating func write(_ document: Document) {
        beginObject()
        key("id", first: true)
        if let id = document.id { string(id) } else { raw("null") }
        key("schema_version")
        integer(Document.schemaVersion)
        if options.includeText {
            key("text")
            string(document.text)
        }
        key("sentences")
        array(document.sentences) { writer, sentence in
            writer.beginObject()
            writer.span(sentence.range, sentence.text)
            writer.endObject()
        }
        if let tokens = document.tokens {
            key("tokens")
            array(tokens) { writer, token in
                writer.beginObject()
                writer.key("start", first: true)
                writer.integer(token.range.start)
                writer.key("end")
                writer.integer(token.range.end)
                writer.key("kind")
                writer.string(token.kind.rawValue)
                writer.key("key")
                writer.string(token.key)
                writer.endObject()
            }
        }
        key("entities")
        array(document.entities) { writer, mention in
            writer.beginObject()
            writer.span(mention.range, mention.text)
            writer.key("kind")
            writer.string(mention.kind.rawValue)
            writer.key("canonical")
            writer.string(mention.canonical)
            writer.key("entry_id")
            writer.string(mention.entryID)
            writer.key("iso3")
            writer.optionalString(mention.iso3)
            writer.key("via")
            writer.string(mention.via.rawValue)
            writer.key("role")
            writer.optionalString(mention.role)
            writer.key("confidence")
            writer.number(mention.confidence)
            writer.key("sentence")
            writer.integer(mention.sentence)
            writer.endObject()
        }
        key("quantities")
        array(document.quantities) { writer, quantity in
            writer.beginObject()
            writer.span(quantity.range, quantity.text)
            writer.key("value")
            writer.optionalNumber(quantity.value)
            writer.key("low")
            writer.optionalNumber(quantity.low)
            writer.key("high")
            writer.optionalNumber(quantity.high)
            writer.key("qualifier")
            writer.string(quantity.qualifier.rawValue)
            writer.key("unit")
            writer.optionalString(quantity.unit)
            writer.key("kind")
            writer.string(quantity.kind.rawValue)
            writer.key("item")
            writer.optionalString(quantity.item)
            writer.key("weapon")
            writer.optionalString(quantity.weapon)
            writer.key("sentence")
            writer.integer(quantity.sentence)
            writer.endObject()
        }
        key("claims")
        array(document.claims) { writer, claim in
            writer.beginObject()
            writer.key("start", first: true)
            writer.integer(claim.range.start)
            writer.key("end")
            writer.integer(claim.range.end)
            writer.key("source")
            writer.optionalSpan(claim.source)
            writer.key("source_type")
            writer.string(claim.sourceType.rawValue)
            writer.key("source_entity")
            writer.optionalString(claim.sourceEntity)
            writer.key("resolved_source")
            writer.optionalString(claim.resolvedSource)
            writer.key("cue")
            writer.optionalSpan(claim.cue)
            writer.key("cue_kind")
            writer.string(claim.cueKind.rawValue)
            writer.key("content")
            writer.optionalSpan(claim.content)
            writer.key("hedged")
            writer.raw(claim.hedged ? "true" : "false")
            writer.key("negated")
            writer.raw(claim.negated ? "true" : "false")
            writer.key("citing")
            writer.optionalSpan(claim.citing)
            writer.key("direct_quote")
            writer.raw(claim.directQuote ? "true" : "false")
            writer.key("sentence")
            writer.integer(claim.sentence)
            writer.key("entities")
            writer.array(claim.entities) { writer, index in writer.integer(index) }
            writer.key("quantities")
            writer.array(claim.quantities) { writer, index in writer.integer(index) }
            writer.endObject()
        }
        endObject()
        bytes.append(0x0A)
    }

    /// Writes an error record for an input line that could not be read:
    /// `{"id": null, "line": 7, "error": "…"}`.
    public mutating func writeError(line: Int?, id: String?, message: String) {
        beginObject()
        key("id", first: true)
        if let id { string(id) } else { raw("null") }
        if let line {
            key("line")
            integer(line)
        }
        key("error")
        string(message)
        endObject()
        bytes.append(0x0A)
    }

    // MARK: - Building blocks

    mutating func span(_ range: TextRange, _ text: some StringProtocol) {
        key("start", first: true)
        integer(range.start)
        key("end")
        integer(range.end)
        key("text")
        string(text)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
    }

    mutating func endObject() {
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        guard !elements.isEmpty else {
            bytes.append(UInt8(ascii: "]"))
            return
        }
        depth += 1
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            body(&self, element)
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if options.pretty { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func newline() {
        guard options.pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func optionalString(_ value: (some StringProtocol)?) {
        if let value { string(value) } else { raw("null") }
    }

    /// `{"start": …, "end": …, "text": …}` or `null`.
    mutating func optionalSpan(_ span: Claim.Span?) {
        guard let span else {
            raw("null")
            return
        }
        beginObject()
        self.span(span.range, span.text)
        endObject()
    }

    mutating func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    mutating func integer(_ value: Int) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// Integral values as integers (`15000`), others in Swift's shortest form.
    mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else if value.isFinite {
            bytes.append(contentsOf: "\(value)".utf8)
        } else {
            raw("null")
        }
    }

    mutating func string(_ value: some StringProtocol) {
        bytes.append(UInt8(ascii: "\""))
        // A slice of a native string is read in place; anything else is copied once.
        if value.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var copy = String(value)
            copy.withUTF8 { escaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 with JSON's escapes, copying runs that need none whole.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var i = 0
        while i < count {
            // Eight bytes at a time while none is a control character, `"` or `\`.
            while i + 8 <= count, !Self.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < count else { break }
            let byte = base[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                runStart = i + 1
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0xF))
                }
            }
            i += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// Whether any of eight bytes is below 0x20, `"` or `\` (exact: the
    /// borrow tricks give no false positive when asked only whether any byte matches).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeros = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
        return control | zeros != 0
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }
}
