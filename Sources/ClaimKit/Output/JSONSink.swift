import CICU

/// The JSON writer's building blocks, over a buffer that one `write` owns:
/// a write checks room once and stores its bytes, where an array append
/// checks uniqueness and capacity for every byte. Not copyable, so the
/// buffer has one owner and is freed with it.
struct JSONSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    // MARK: - Room and bytes

    @inline(__always)
    private mutating func reserve(_ additional: Int) {
        if count + additional > capacity { grow(to: count + additional) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let grown = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    @inline(__always)
    private mutating func bytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        reserve(buffer.count)
        Self.copy(source, to: base + count, count: buffer.count)
        count += buffer.count
    }

    /// Copies bytes: short runs (keys, literals, names) inline, where a call
    /// to memmove cost more than the copy.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int) {
        if count <= 16 {
            for i in 0..<count { destination[i] = source[i] }
        } else {
            destination.update(from: source, count: count)
        }
    }

    // MARK: - Structure

    mutating func beginObject() {
        byte(UInt8(ascii: "{"))
        depth += 1
    }

    mutating func endObject() {
        depth -= 1
        newline()
        byte(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ body: (inout JSONSink, Element) -> Void) {
        byte(UInt8(ascii: "["))
        guard !elements.isEmpty else {
            byte(UInt8(ascii: "]"))
            return
        }
        depth += 1
        var first = true
        for element in elements {
            if !first { byte(UInt8(ascii: ",")) }
            first = false
            newline()
            body(&self, element)
        }
        depth -= 1
        newline()
        byte(UInt8(ascii: "]"))
    }

    /// `,"name":` (without the comma for an object's first key).
    @inline(__always)
    mutating func key(_ name: StaticString, first: Bool = false) {
        guard !pretty else {
            prettyKey(name, first: first)
            return
        }
        // Compact output, the CLI's: one check for room, then plain stores.
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        var position = count
        if !first {
            base[position] = UInt8(ascii: ",")
            position += 1
        }
        base[position] = UInt8(ascii: "\"")
        Self.copy(name.utf8Start, to: base + position + 1, count: length)
        base[position + 1 + length] = UInt8(ascii: "\"")
        base[position + 2 + length] = UInt8(ascii: ":")
        count = position + length + 3
    }

    @inline(never)
    private mutating func prettyKey(_ name: StaticString, first: Bool) {
        if !first { byte(UInt8(ascii: ",")) }
        newline()
        raw("\"")
        raw(name)
        raw("\": ")
    }

    @inline(__always)
    private mutating func newline() {
        guard pretty else { return }
        byte(0x0A)
        for _ in 0..<depth {
            byte(0x20)
            byte(0x20)
        }
    }

    mutating func raw(_ text: StaticString) {
        bytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"start":…,"end":…,"text":…`.
    mutating func span(_ range: TextRange, _ text: some StringProtocol) {
        key("start", first: true)
        integer(range.start)
        key("end")
        integer(range.end)
        key("text")
        string(text)
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

    // MARK: - Values

    mutating func optionalString(_ value: (some StringProtocol)?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    mutating func integer(_ value: Int) {
        reserve(21)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        digits(value.magnitude)
    }

    /// The decimal digits of `magnitude`, written backwards two at a time
    /// into room already reserved.
    @inline(__always)
    private mutating func digits(_ magnitude: UInt) {
        var length = 1
        var bound: UInt = 10
        while length < 20, magnitude >= bound {
            length += 1
            bound = bound &* 10
        }
        var rest = magnitude
        var position = count + length
        while rest >= 100 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            position -= 2
            base[position] = Self.digitPairs[pair]
            base[position + 1] = Self.digitPairs[pair + 1]
        }
        if rest >= 10 {
            let pair = Int(rest) * 2
            base[position - 2] = Self.digitPairs[pair]
            base[position - 1] = Self.digitPairs[pair + 1]
        } else {
            base[position - 1] = UInt8(ascii: "0") + UInt8(rest)
        }
        count += length
    }

    /// "00", "01", … "99", one after another.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    /// Integral values as integers (`15000`), others in Swift's shortest form
    /// (`0.85`, `2.5e-05`).
    mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else if value.isFinite, abs(value) >= 0.01, abs(value) < 1e6, let hundredths = Self.hundredths(value) {
            // Confidences and most amounts have at most two decimals; their
            // shortest form is those digits, written without a String.
            reserve(12)
            if hundredths < 0 {
                base[count] = UInt8(ascii: "-")
                count += 1
            }
            let magnitude = hundredths.magnitude
            digits(magnitude / 100)
            base[count] = UInt8(ascii: ".")
            let fraction = magnitude % 100
            base[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            count += fraction % 10 == 0 ? 2 : 3
            if fraction % 10 != 0 { base[count - 1] = UInt8(ascii: "0") + UInt8(fraction % 10) }
        } else if value.isFinite {
            var text = "\(value)"
            text.withUTF8 { bytes($0) }
        } else {
            raw("null")
        }
    }

    /// `value` × 100 when that is a whole number whose division by 100 gives
    /// `value` back exactly, so that its two decimals are the shortest form.
    @inline(__always)
    private static func hundredths(_ value: Double) -> Int? {
        let scaled = (value * 100).rounded()
        return scaled / 100 == value ? Int(scaled) : nil
    }

    mutating func string(_ value: some StringProtocol) {
        byte(UInt8(ascii: "\""))
        // A slice of a native string is read in place; anything else is copied once.
        if value.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var copy = String(value)
            copy.withUTF8 { escaped($0) }
        }
        byte(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 with JSON's escapes, copying runs that need none whole.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        let length = utf8.count
        var runStart = 0
        while true {
            let i = Int(ck_json_special(source, Int64(runStart), Int64(length)))
            bytes(UnsafeBufferPointer(start: source + runStart, count: i - runStart))
            guard i < length else { return }
            let value = source[i]
            switch value {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                raw("\\u00")
                byte(Self.hexDigit(value >> 4))
                byte(Self.hexDigit(value & 0xF))
            }
            runStart = i + 1
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }
}
