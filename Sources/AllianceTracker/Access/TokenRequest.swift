import Foundation

/// What a new token is for: the secretariat, or one country; a note on whom; and,
/// optionally, when it stops working.
public struct TokenRequest: Sendable, Decodable {
    public var role: Identity.Role
    public var country: String?
    public var label: String?
    /// From this time on the token is refused (401, expired); nil: never.
    public var expiresAt: Date?

    public init(role: Identity.Role, country: String?, label: String?, expiresAt: Date? = nil) {
        self.role = role
        self.country = country
        self.label = label
        self.expiresAt = expiresAt
    }

    /// The rules for a new token, for the API and the command line alike; `now` is the clock's.
    func validate(now: Date) throws {
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
        if let expiresAt, expiresAt <= now {
            problems.append(.init(field: "expires_at", code: .notInFuture, message: "must be a time in the future"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
