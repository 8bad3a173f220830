/// What an entity mention names.
public enum EntityKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A named human being: `Nicolás Maduro`, later `Maduro`.
    case person
    /// A sovereign state, named directly, by demonym, short form or capital.
    case state
    /// A named organisation that acts or speaks: ministries, armed services,
    /// outlets, international bodies, armed groups, companies.
    case agency
    /// A named weapon system, platform or munition family.
    case weapon

    /// The order ties between kinds are broken in: person, state, agency, weapon.
    var rank: Int {
        switch self {
        case .person: 0
        case .state: 1
        case .agency: 2
        case .weapon: 3
        }
    }

    /// Orders kinds by tie-break rank.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rank < rhs.rank }
}

/// How a mention was found.
public enum MentionSource: String, Sendable, Codable, CaseIterable {
    /// The entry's canonical name.
    case name
    /// One of the entry's other names or short forms.
    case alias
    /// A state's demonym (`Venezuelan`, `Israelis`).
    case demonym
    /// A capital standing for its state's government (`Washington has not confirmed`).
    case capital
    /// A person's surname, after the full name occurs in the same article.
    case surname
    /// A title or institution pattern, not a gazetteer name (`Defense Minister Andrei Belousov`,
    /// `Russia's Defense Ministry`).
    case pattern
}
