/// The members area's refusals and audit actions.
extension DomainError {
    static func countryExists(_ code: String) -> DomainError {
        DomainError(.alreadyExists, "There is already a country with the code '\(code)'.")
    }

    static func nameTaken(_ name: String) -> DomainError {
        DomainError(.alreadyExists, "There is already a country named '\(name)'.")
    }

    static func unknownMembership(_ id: Int64) -> DomainError {
        DomainError(.unknownMembership, "This country has no membership period \(id).")
    }

    static func noOpenMembership(_ code: String) -> DomainError {
        DomainError.invalid("left_on", .notAMember, "\(code) has no open membership period to close")
    }

    static let overlappingMembership = DomainError(
        .overlappingMembership,
        "Membership periods of one country may not overlap; an open period covers every day from its start."
    )

    static func overlaps(_ period: MembershipPeriod) -> DomainError {
        DomainError(
            .overlappingMembership,
            "This would overlap membership period \(period.id) (from \(period.joinedOn) to \(period.left ?? "now, still open")); "
                + "periods of one country may not overlap."
        )
    }

    static func leftBeforeJoining(_ left: String, _ joined: String) -> DomainError {
        DomainError.invalid("left_on", .invalidDates, "must be after joined_on (\(joined)), not '\(left)'")
    }
}

extension AuditAction {
    static let countryCreated = AuditAction("country.created", on: "country")
    static let countryChanged = AuditAction("country.changed", on: "country")
    static let membershipJoined = AuditAction("membership.joined", on: "membership")
    static let membershipChanged = AuditAction("membership.left_on_changed", on: "membership")
}
