/// How the text qualifies an amount.
public enum QuantityQualifier: String, Sendable, Codable, CaseIterable {
    /// Stated as such: `seven villages`.
    case exact
    /// About, approximately, nearly, some, roughly, around: `about 15,000 soldiers`.
    case approximate
    /// At least, no fewer than: the value is the lower bound.
    case atLeast = "at_least"
    /// More than, over: the value is the lower bound, not included.
    case moreThan = "more_than"
    /// Up to, at most: the value is the upper bound.
    case atMost = "at_most"
    /// Less than, under, fewer than: the value is the upper bound, not included.
    case lessThan = "less_than"
    /// Two numbers: `between 10 and 15`, `10-15`; only the bounds are set.
    case range
    /// A vague word with fixed bounds: `several`, `dozens`, `hundreds of thousands`.
    case vague
}
