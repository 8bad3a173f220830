/// The memory of one text's tokens: the records and the key arena the
/// tokenizer filled, handed over without copying and freed with the last
/// ``TokenizedText`` that uses them. Never written after it is made.
final class TokenStorage: @unchecked Sendable {
    let records: UnsafeBufferPointer<TokenRecord>
    /// The keys' UTF-8 bytes, followed by eight bytes of slack.
    let keys: UnsafeBufferPointer<UInt8>

    init(records: UnsafeBufferPointer<TokenRecord>, keys: UnsafeBufferPointer<UInt8>) {
        self.records = records
        self.keys = keys
    }

    deinit {
        records.deallocate()
        keys.deallocate()
    }
}
