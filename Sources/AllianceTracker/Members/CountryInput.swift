import Foundation

/// A country as the secretariat adds or changes it: the fields `GET /v1/countries`
/// shows, without its membership periods. `iso_official` is true, and
/// `eu_member_at_launch` and `founding_member` false, when left out.
public struct CountryInput: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var region: String
    public var isoOfficial: Bool
    public var euMemberAtLaunch: Bool
    public var foundingMember: Bool
    public var note: String?

    public init(
        code: String,
        name: String,
        region: String,
        isoOfficial: Bool = true,
        euMemberAtLaunch: Bool = false,
        foundingMember: Bool = false,
        note: String? = nil
    ) {
        self.code = code
        self.name = name
        self.region = region
        self.isoOfficial = isoOfficial
        self.euMemberAtLaunch = euMemberAtLaunch
        self.foundingMember = foundingMember
        self.note = note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        region = try container.decode(String.self, forKey: .region)
        isoOfficial = try Self.flag(.isoOfficial, in: container) ?? true
        euMemberAtLaunch = try Self.flag(.euMemberAtLaunch, in: container) ?? false
        foundingMember = try Self.flag(.foundingMember, in: container) ?? false
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    /// A flag left out takes its default; `null` is refused like any other non-boolean,
    /// rather than read as "left out".
    private static func flag<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> Bool? {
        guard container.contains(key) else { return nil }
        if try container.decodeNil(forKey: key) {
            throw DecodingError.typeMismatch(
                Bool.self,
                .init(codingPath: container.codingPath + [key], debugDescription: "must be true or false, not null")
            )
        }
        return try container.decode(Bool.self, forKey: key)
    }

    /// The regions of the catalogue (`countries.region`).
    static let regions: Set<String> = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    /// The fields a merge patch may change: all but `code`.
    static let patchable: Set<String> = ["name", "region", "iso_official", "eu_member_at_launch", "founding_member", "note"]

    /// The rules that need no database.
    public func problems() -> [FieldError] {
        var problems: [FieldError] = []
        if !Country.isCode(code) {
            problems.append(.init(field: "code", code: .invalidCode, message: "must be two capital letters (ISO 3166-1 alpha-2), not '\(code)'"))
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || name.unicodeScalars.count > 200 {
            problems.append(.init(field: "name", code: .invalidName, message: "must be 1 to 200 characters, not blank"))
        }
        if !Self.regions.contains(region) {
            problems.append(.init(field: "region", code: .invalidRegion, message: "must be one of Africa, Americas, Asia, Europe, Oceania"))
        }
        if (note ?? "").unicodeScalars.count > 2000 {
            problems.append(.init(field: "note", code: .tooLong, message: "must be at most 2000 characters"))
        }
        return problems
    }
}

/// The body of `POST /v1/countries`: a country and why it is added.
struct NewCountryRequest: Decodable, Sendable {
    let country: CountryInput
    let reason: String?

    private enum CodingKeys: String, CodingKey { case reason }

    init(from decoder: any Decoder) throws {
        country = try CountryInput(from: decoder)
        reason = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .reason)
    }
}
