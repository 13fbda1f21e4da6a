/// A member (or future member) of the Alliance with its membership periods.
public struct Country: Encodable, Sendable, Equatable {
    var code: String
    var name: String
    var region: String
    /// False for user-assigned codes such as Kosovo's XK.
    var isoOfficial: Bool
    var euMemberAtLaunch: Bool
    var foundingMember: Bool
    /// A member today.
    var member: Bool
    var memberships: [Membership]
    var note: String?

    /// Whether `code` has the form of a country code: ISO 3166-1 alpha-2, in capitals.
    static func isCode(_ code: String) -> Bool {
        code.wholeMatch(of: /[A-Z]{2}/) != nil
    }

    struct Membership: Codable, Sendable, Equatable {
        var id: Int64
        var joinedOn: String
        var leftOn: String?
    }
}
