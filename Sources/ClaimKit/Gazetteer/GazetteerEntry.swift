/// One entry of a gazetteer: a person, state, weapon or agency with its
/// canonical name and the facts the data file gives.
public struct GazetteerEntry: Sendable, Hashable {
    /// The stable identifier (`state:VEN`, `person:nicolas-maduro`).
    public var id: String
    /// What the entry is.
    public var kind: EntityKind
    /// The name ClaimKit returns for every mention of the entry.
    public var canonical: String
    /// ISO 3166-1 alpha-3: the state itself for states; the state served,
    /// of origin or of belonging for people, weapons and agencies.
    public var iso3: String?
    /// A person's office; a weapon's category; an agency's type.
    public var role: String?
    /// Breaks ties between entries that match the same words: higher wins.
    public var priority: Int

    /// Creates an entry.
    public init(id: String, kind: EntityKind, canonical: String, iso3: String?, role: String?, priority: Int) {
        self.id = id
        self.kind = kind
        self.canonical = canonical
        self.iso3 = iso3
        self.role = role
        self.priority = priority
    }
}
