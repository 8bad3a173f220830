/// What an amount measures.
public enum QuantityKind: String, Sendable, Codable, CaseIterable {
    /// A number of things: `15,000 soldiers`, `seven villages`.
    case count
    /// An amount of money; the unit is an ISO 4217 code: `$4.5 billion`.
    case money
    /// A percentage or percentage points: `12%`, `40 percent`.
    case percent
    /// A length, weight, area, duration or other measure: `300 kilometers`, `24 hours`.
    case measure
    /// A rank: `third missile`, `its 1,345th day`.
    case ordinal
}
