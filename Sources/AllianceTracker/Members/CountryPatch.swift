/// A JSON merge patch (RFC 7396) of a country, with the reason for it.
enum CountryPatch {
    /// The country with the patch applied, and the reason; `code` and any other
    /// unknown field are 422 `unknown_field`, null for anything but `note` is 422 `invalid_type`.
    static func apply(_ patch: [String: JSONValue], to current: CountryInput) throws -> (CountryInput, String) {
        for key in patch.keys.sorted() where key != "reason" && !CountryInput.patchable.contains(key) {
            throw DomainError.invalid(key, .unknownField, key == "code" ? "cannot be changed" : "is not a field of a country")
        }
        let reason = try ChangeReason.check(text(patch["reason"]))
        var country = current
        for (key, value) in patch where key != "reason" {
            switch (key, value) {
            case ("note", .null): country.note = nil
            case ("note", .string(let text)): country.note = text
            case ("name", .string(let text)): country.name = text
            case ("region", .string(let text)): country.region = text
            case ("iso_official", .bool(let flag)): country.isoOfficial = flag
            case ("eu_member_at_launch", .bool(let flag)): country.euMemberAtLaunch = flag
            case ("founding_member", .bool(let flag)): country.foundingMember = flag
            case (_, .null), (_, .bool), (_, .number), (_, .string), (_, .array), (_, .object):
                let expected = ["name", "region", "note"].contains(key) ? "a string" : "true or false"
                throw DomainError.invalid(key, .invalidType, "must be \(expected)")
            }
        }
        return (country, reason)
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
