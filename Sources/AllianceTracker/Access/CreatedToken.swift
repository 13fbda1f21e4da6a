import Foundation

/// A token just made: the bearer secret is in it this once, and stored nowhere.
public struct CreatedToken: Sendable, Encodable {
    public let id: Int64
    /// The bearer token: shown once, never stored.
    public var token: String?
    public let role: Identity.Role
    public let country: String?
    public let label: String?
    public let createdAt: Date
    /// When the token stops working; absent when it never does.
    public let expiresAt: Date?
}
