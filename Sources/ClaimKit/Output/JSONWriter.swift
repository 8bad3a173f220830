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

    /// Creates a writer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Removes the bytes written so far, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes a document followed by a line break.
    public mutating func write(_ document: Document) {
        // Written into a buffer of its own, then appended whole: the small
        // writes pay no array bookkeeping.
        var sink = JSONSink(pretty: options.pretty, capacity: document.text.utf8.count * 3 + 4096)
        sink.document(document, includeText: options.includeText)
        sink.withBytes { bytes.append(contentsOf: $0) }
    }

    /// Writes an error record for an input line that could not be read:
    /// `{"id": null, "line": 7, "error": "…"}`.
    public mutating func writeError(line: Int?, id: String?, message: String) {
        var sink = JSONSink(pretty: options.pretty, capacity: message.utf8.count * 2 + 256)
        sink.error(line: line, id: id, message: message)
        sink.withBytes { bytes.append(contentsOf: $0) }
    }
}

extension JSONSink {
    /// A document followed by a line break.
    mutating func document(_ document: Document, includeText: Bool) {
        beginObject()
        key("id", first: true)
        if let id = document.id { string(id) } else { raw("null") }
        key("schema_version")
        integer(Document.schemaVersion)
        if includeText {
            key("text")
            string(document.text)
        }
        key("sentences")
        array(document.sentences) { sink, sentence in
            sink.beginObject()
            sink.span(sentence.range, sentence.text)
            sink.endObject()
        }
        if let tokens = document.tokens {
            key("tokens")
            array(tokens) { sink, token in
                sink.beginObject()
                sink.key("start", first: true)
                sink.integer(token.range.start)
                sink.key("end")
                sink.integer(token.range.end)
                sink.key("kind")
                sink.string(token.kind.rawValue)
                sink.key("key")
                sink.string(token.key)
                sink.endObject()
            }
        }
        key("entities")
        array(document.entities) { sink, mention in
            sink.beginObject()
            sink.span(mention.range, mention.text)
            sink.key("kind")
            sink.string(mention.kind.rawValue)
            sink.key("canonical")
            sink.string(mention.canonical)
            sink.key("entry_id")
            sink.string(mention.entryID)
            sink.key("iso3")
            sink.optionalString(mention.iso3)
            sink.key("via")
            sink.string(mention.via.rawValue)
            sink.key("role")
            sink.optionalString(mention.role)
            sink.key("confidence")
            sink.number(mention.confidence)
            sink.key("sentence")
            sink.integer(mention.sentence)
            sink.endObject()
        }
        key("quantities")
        array(document.quantities) { sink, quantity in
            sink.beginObject()
            sink.span(quantity.range, quantity.text)
            sink.key("value")
            sink.optionalNumber(quantity.value)
            sink.key("low")
            sink.optionalNumber(quantity.low)
            sink.key("high")
            sink.optionalNumber(quantity.high)
            sink.key("qualifier")
            sink.string(quantity.qualifier.rawValue)
            sink.key("unit")
            sink.optionalString(quantity.unit)
            sink.key("kind")
            sink.string(quantity.kind.rawValue)
            sink.key("item")
            sink.optionalString(quantity.item)
            sink.key("weapon")
            sink.optionalString(quantity.weapon)
            sink.key("sentence")
            sink.integer(quantity.sentence)
            sink.endObject()
        }
        key("claims")
        array(document.claims) { sink, claim in
            sink.beginObject()
            sink.key("start", first: true)
            sink.integer(claim.range.start)
            sink.key("end")
            sink.integer(claim.range.end)
            sink.key("source")
            sink.optionalSpan(claim.source)
            sink.key("source_type")
            sink.string(claim.sourceType.rawValue)
            sink.key("source_entity")
            sink.optionalString(claim.sourceEntity)
            sink.key("resolved_source")
            sink.optionalString(claim.resolvedSource)
            sink.key("cue")
            sink.optionalSpan(claim.cue)
            sink.key("cue_kind")
            sink.string(claim.cueKind.rawValue)
            sink.key("content")
            sink.optionalSpan(claim.content)
            sink.key("hedged")
            sink.raw(claim.hedged ? "true" : "false")
            sink.key("negated")
            sink.raw(claim.negated ? "true" : "false")
            sink.key("citing")
            sink.optionalSpan(claim.citing)
            sink.key("direct_quote")
            sink.raw(claim.directQuote ? "true" : "false")
            sink.key("sentence")
            sink.integer(claim.sentence)
            sink.key("entities")
            sink.array(claim.entities) { sink, index in sink.integer(index) }
            sink.key("quantities")
            sink.array(claim.quantities) { sink, index in sink.integer(index) }
            sink.endObject()
        }
        endObject()
        raw("\n")
    }

    /// An error record followed by a line break.
    mutating func error(line: Int?, id: String?, message: String) {
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
        raw("\n")
    }
}
