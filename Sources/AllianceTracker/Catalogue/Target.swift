import Foundation

/// A target as data: which figure of which indicator must meet which rule. Decoded
/// from the secretariat's body with `min_coverage_pct` 50 and `change` percent when
/// left out.
struct Target: Codable, Sendable, Equatable {
    var id: String
    var indicator: String
    var operationalGoal: String?
    var scope: TargetScope
    var country: String?
    var rule: TargetRule
    var threshold: Decimal?
    var basis: TargetBasis
    var baselineYear: Int?
    var description: String
    var source: String?
    /// Below this share of expected reporters with an accepted value, an alliance-wide
    /// level or `true` is undecided (`met` null).
    var minCoveragePct: Decimal
    var change: TargetChange

    static let defaultMinCoveragePct: Decimal = 50

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        indicator = try container.decode(String.self, forKey: .indicator)
        operationalGoal = try container.decodeIfPresent(String.self, forKey: .operationalGoal)
        scope = try container.decode(TargetScope.self, forKey: .scope)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        rule = try container.decode(TargetRule.self, forKey: .rule)
        threshold = try container.decodeIfPresent(Decimal.self, forKey: .threshold)
        basis = try container.decode(TargetBasis.self, forKey: .basis)
        baselineYear = try container.decodeIfPresent(Int.self, forKey: .baselineYear)
        description = try container.decode(String.self, forKey: .description)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        minCoveragePct = try container.decodeIfPresent(Decimal.self, forKey: .minCoveragePct) ?? Self.defaultMinCoveragePct
        change = try container.decodeIfPresent(TargetChange.self, forKey: .change) ?? .percent
    }

    init(
        id: String,
        indicator: String,
        operationalGoal: String?,
        scope: TargetScope,
        country: String?,
        rule: TargetRule,
        threshold: Decimal?,
        basis: TargetBasis,
        baselineYear: Int?,
        description: String,
        source: String?,
        minCoveragePct: Decimal,
        change: TargetChange
    ) {
        self.id = id
        self.indicator = indicator
        self.operationalGoal = operationalGoal
        self.scope = scope
        self.country = country
        self.rule = rule
        self.threshold = threshold
        self.basis = basis
        self.baselineYear = baselineYear
        self.description = description
        self.source = source
        self.minCoveragePct = minCoveragePct
        self.change = change
    }

    /// Every field a JSON merge patch names, written out (nulls included) for the
    /// merge and for the audit log.
    var fields: [String: JSONValue] {
        guard let data = try? JSONCoding.encoder.encode(self),
            case .object(var fields)? = try? JSONCoding.plainDecoder.decode(JSONValue.self, from: data)
        else { return [:] }
        for key in ["operational_goal", "country", "threshold", "baseline_year", "source"] where fields[key] == nil { fields[key] = .null }
        return fields
    }
}
