/// Who a request acts for, from its bearer token.
public struct Identity: Sendable, Equatable {
    public enum Role: String, DatabaseEnum {
        case secretariat
        case country
    }

    public let tokenID: Int64
    public let role: Role
    /// The country a `country` token is bound to.
    public let country: String?

    /// May this identity read and write `country`'s data?
    func owns(_ country: String) -> Bool {
        role == .secretariat || self.country == country
    }
}

/// Who an audit entry names: a token's holder, or the secretariat at the command line.
public struct AuditActor: Sendable {
    public let tokenID: Int64?
    let role: ActorRole

    init(_ identity: Identity) {
        tokenID = identity.tokenID
        role =
            switch identity.role {
            case .secretariat: .secretariat
            case .country: .country
            }
    }

    private init(tokenID: Int64?, role: ActorRole) {
        self.tokenID = tokenID
        self.role = role
    }

    /// The secretariat acting through the `alliance` command line.
    public static let commandLine = AuditActor(tokenID: nil, role: .secretariat)
}
