import Foundation

/// One membership period of a country, as the membership routes answer it: a
/// member on day d when `joined_on ≤ d < left_on`; `left_on` is null while open.
public struct MembershipPeriod: Encodable, Sendable, Equatable {
    public let id: Int64
    public let joinedOn: String
    let leftOn: Nullable<String>

    init(id: Int64, joinedOn: String, leftOn: String?) {
        self.id = id
        self.joinedOn = joinedOn
        self.leftOn = Nullable(leftOn)
    }

    public var left: String? { leftOn.value }

    /// Whether this period and [`from`, `until`) share a day; nil is open-ended.
    func overlaps(from: String, until: String?) -> Bool {
        (left.map { from < $0 } ?? true) && (until.map { joinedOn < $0 } ?? true)
    }

    /// The period as the audit log records it.
    var auditState: [String: JSONValue] {
        ["id": .number(Decimal(id)), "joined_on": .string(joinedOn), "left_on": left.map { .string($0) } ?? .null]
    }
}

/// The bodies of `POST …/memberships` and `PATCH …/memberships/{id}`.
struct JoinRequest: Decodable, Sendable {
    var joinedOn: String?
    /// Only to record a period that is over.
    var leftOn: String?
    var reason: String?
}

struct LeaveRequest: Decodable, Sendable {
    var leftOn: String?
    var reason: String?
}
