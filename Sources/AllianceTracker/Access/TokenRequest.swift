/// What a new token is for: the secretariat, or one country; and a note on whom.
public struct TokenRequest: Sendable, Decodable {
    public var role: Identity.Role
    public var country: String?
    public var label: String?

    public init(role: Identity.Role, country: String?, label: String?) {
        self.role = role
        self.country = country
        self.label = label
    }

    /// The rules for a new token, for the API and the command line alike.
    func validate() throws {
        var problems: [FieldError] = []
        switch (role, country) {
        case (.country, nil):
            problems.append(.init(field: "country", code: .missingCountry, message: "a country token needs its country"))
        case (.secretariat, .some):
            problems.append(.init(field: "country", code: .unexpectedCountry, message: "a secretariat token has no country"))
        case (.country, .some(let code)) where code.wholeMatch(of: /[A-Z]{2}/) == nil:
            problems.append(.init(field: "country", code: .unknownCountry, message: "must be an ISO 3166-1 alpha-2 code in capitals"))
        case (.country, .some), (.secretariat, nil):
            break
        }
        if let label, label.unicodeScalars.count > 200 {
            problems.append(.init(field: "label", code: .tooLong, message: "must be at most 200 characters"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
