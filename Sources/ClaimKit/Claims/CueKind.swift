/// How a claim is attributed.
public enum CueKind: String, Sendable, Codable, CaseIterable {
    /// A verb of saying: `said`, `told reporters`, `warned`, `vowed`.
    case speech
    /// A verb of reporting: `reported`, `announced`, `confirmed`.
    case report
    /// `according to X`.
    case accordingTo = "according_to"
    /// `citing X`, `quoting X`.
    case citing
    /// A hedge with no named source: `reportedly`, `is believed to`.
    case hedge
    /// A denial or a refusal to confirm: `denied`, `rejected`, `has not confirmed`.
    case denial
    /// A belief: `believe`, `think`, `expects`.
    case belief
}
