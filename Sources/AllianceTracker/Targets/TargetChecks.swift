import Foundation

/// The rules of a target that need no database (docs/statistics.md "Targets").
extension Target {
    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        func add(_ field: String, _ code: FieldErrorCode, _ message: String) {
            problems.append(FieldError(field: field, code: code, message: message))
        }
        if id.isEmpty || id.count > 40 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }) {
            add("id", .invalidCode, "must be 1 to 40 letters, digits, '.', '-' or '_'")
        }
        switch (scope, country) {
        case (.country, nil): add("country", .missingCountry, "a country-scope target needs its country")
        case (.alliance, .some): add("country", .unexpectedCountry, "an alliance-wide target has no country")
        case (.country, .some(let code)) where !Country.isCode(code):
            add("country", .unknownCountry, "must be two capital letters (ISO 3166-1 alpha-2)")
        case (.country, .some), (.alliance, nil): break
        }
        switch (rule, threshold) {
        case (.true, .some(let share)) where share < 0 || share > 100: add("threshold", .outOfRange, "a share of yes answers, from 0 to 100")
        case (.annualGrowthAtLeast, nil), (.annualGrowthAtMost, nil), (.levelAtLeast, nil), (.levelAtMost, nil):
            add("threshold", .missingValue, "the rule needs a threshold")
        case (.true, _), (.annualGrowthAtLeast, .some), (.annualGrowthAtMost, .some), (.levelAtLeast, .some), (.levelAtMost, .some): break
        }
        if rule.isGrowth != [.likeForLike, .allReporters, .cumulativeLevel].contains(basis) {
            add(
                "basis",
                .invalidBasis,
                "a growth rule takes like_for_like, all_reporters or cumulative_level; a level or true rule takes total, mean, median or share"
            )
        }
        if minCoveragePct < 0 || minCoveragePct > 100 { add("min_coverage_pct", .outOfRange, "must be from 0 to 100") }
        if let year = baselineYear, !(2000...2100).contains(year) { add("baseline_year", .outOfRange, "must be from 2000 to 2100") }
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || description.unicodeScalars.count > 2000 {
            add("description", .tooLong, "must be 1 to 2000 characters, not blank")
        }
        if (source ?? "").unicodeScalars.count > 2000 { add("source", .tooLong, "must be at most 2000 characters") }
        return problems
    }
}

/// The body of `POST /v1/targets`: a target and why it is added.
struct NewTargetRequest: Decodable, Sendable {
    let target: Target
    let reason: String?

    private enum CodingKeys: String, CodingKey { case reason }

    init(from decoder: any Decoder) throws {
        target = try Target(from: decoder)
        reason = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .reason)
    }
}
