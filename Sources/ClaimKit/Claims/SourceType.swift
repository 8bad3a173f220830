/// What kind of source a claim is attributed to.
public enum SourceType: String, Sendable, Codable, CaseIterable {
    /// A news outlet: `The Associated Press`.
    case media
    /// A state, its capital, its government, ministries, militaries, police: `Washington`, `The government`.
    case government
    /// Unnamed officials, diplomats, spokespeople: `Venezuelan officials`.
    case official
    /// A named person: `Maduro`, `Gen. Smith`.
    case person
    /// A report, document or data: `the report`.
    case document
    /// UN bodies, alliances, armed groups, companies, think tanks.
    case organization
    /// Explicitly anonymous sources, residents, witnesses, analysts.
    case anonymous
    /// No named source: a hedge such as `reportedly`.
    case none
}
