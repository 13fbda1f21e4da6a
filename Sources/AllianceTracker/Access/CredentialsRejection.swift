/// Why a bearer token that was sent is not accepted: it decides the 401's detail.
public enum CredentialsRejection: Sendable, Equatable {
    /// Unknown, malformed, revoked, or a wrong secret.
    case invalid
    /// A valid token past its `expires_at`.
    case expired
}

/// What a bearer token stands for: an identity, or why it is refused.
enum TokenCheck: Sendable, Equatable {
    /// `summaryDataVersion`: the live summary's data version, read with the token.
    case accepted(Identity, summaryDataVersion: Int64?)
    case rejected(CredentialsRejection)
}
