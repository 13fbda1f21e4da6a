import Foundation

/// A token as `GET /v1/tokens` lists it: who it is for and its life, never its
/// secret or the secret's hash. Every field is present, `null` when unset.
struct TokenListing: Sendable, Encodable, Equatable {
    let id: Int64
    let role: Identity.Role
    let country: Nullable<String>
    let label: Nullable<String>
    let createdAt: Date
    let lastUsedAt: Nullable<Date>
    let expiresAt: Nullable<Date>
    let revokedAt: Nullable<Date>
}

/// The body of `GET /v1/tokens`: every token, by id.
struct TokenList: Sendable, Encodable {
    let tokens: [TokenListing]
}
