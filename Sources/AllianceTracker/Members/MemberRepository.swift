import PostgresNIO

/// The SQL of the secretariat's changes to countries and their membership periods.
struct MemberRepository: Sendable {
    /// Adds a country; false when its code is taken.
    func insert(_ country: CountryInput, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows(
            """
            INSERT INTO countries (code, name, region, iso_official, eu_member_at_launch, founding_member, note)
            VALUES (\(country.code), \(country.name), \(country.region), \(country.isoOfficial), \(country.euMemberAtLaunch),
                    \(country.foundingMember), \(country.note))
            ON CONFLICT (code) DO NOTHING RETURNING 1
            """
        ).isEmpty
    }

    /// Whether another country than `code` has this name.
    func nameTaken(_ name: String, except code: String, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows("SELECT 1 FROM countries WHERE name = \(name) AND code <> \(code)").isEmpty
    }

    /// The country, locked until the transaction ends, so that changes to it and to
    /// its periods run one at a time; nil when there is none.
    func lock(_ code: String, in session: DatabaseSession) async throws -> CountryInput? {
        let rows = try await session.rows(
            """
            SELECT code::text, name, region, iso_official, eu_member_at_launch, founding_member, note
            FROM countries WHERE code = \(code) FOR UPDATE
            """
        )
        return try rows.first.map { row in
            let (code, name, region, iso, eu, founding, note) = try row.decode((String, String, String, Bool, Bool, Bool, String?).self)
            return CountryInput(code: code, name: name, region: region, isoOfficial: iso, euMemberAtLaunch: eu, foundingMember: founding, note: note)
        }
    }

    func update(_ country: CountryInput, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE countries SET name = \(country.name), region = \(country.region), iso_official = \(country.isoOfficial),
                   eu_member_at_launch = \(country.euMemberAtLaunch), founding_member = \(country.foundingMember), note = \(country.note)
            WHERE code = \(country.code)
            """
        )
    }

    /// The country's periods, oldest first.
    func memberships(_ code: String, in session: DatabaseSession) async throws -> [MembershipPeriod] {
        try await session.rows(
            "SELECT id, joined_on::text, left_on::text FROM memberships WHERE country = \(code) ORDER BY joined_on"
        ).map { row in
            let (id, joined, left) = try row.decode((Int64, String, String?).self)
            return MembershipPeriod(id: id, joinedOn: joined, leftOn: left)
        }
    }

    /// Opens a period; the database's own rules (no overlap) are the backstop.
    func insertMembership(_ code: String, joinedOn: String, leftOn: String?, in session: DatabaseSession) async throws -> MembershipPeriod {
        let rows = try await Self.refusingOverlap {
            try await session.rows(
                "INSERT INTO memberships (country, joined_on, left_on) VALUES (\(code), \(joinedOn)::date, \(leftOn)::date) RETURNING id"
            )
        }
        guard let id = try rows.first?.decode(Int64.self) else { throw MissingRow() }
        return MembershipPeriod(id: id, joinedOn: joinedOn, leftOn: leftOn)
    }

    func setLeftOn(_ id: Int64, _ leftOn: String, in session: DatabaseSession) async throws {
        _ = try await Self.refusingOverlap {
            try await session.rows("UPDATE memberships SET left_on = \(leftOn)::date WHERE id = \(id) RETURNING id")
        }
    }

    /// An overlap the service did not see (a race) is the exclusion constraint's
    /// 23P01 or the unique key's 23505: `overlapping_membership`, never a 500.
    private static func refusingOverlap(_ body: () async throws -> [PostgresRow]) async throws -> [PostgresRow] {
        do {
            return try await body()
        } catch let error as PSQLError where ["23P01", "23505"].contains(error.serverInfo?[.sqlState] ?? "") {
            throw DomainError.overlappingMembership
        }
    }
}
