import Hummingbird

/// A member (or future member) of the Alliance with its membership periods.
struct Country: ResponseEncodable, Equatable {
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

    struct Membership: Codable, Equatable {
        var joinedOn: String
        var leftOn: String?
    }
}
