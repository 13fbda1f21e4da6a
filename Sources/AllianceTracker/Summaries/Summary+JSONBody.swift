import Foundation

/// The summary's JSON written by hand (`JSONBodyWriter`): the bytes `JSONCoding.encoder`
/// writes, members in its order (snake_case, sorted), at a fraction of its cost.
/// A member added to one of these types must be added here too; `JSONBodyWriterTests`
/// fails until it is.
extension Summary: JSONBodyValue {
    /// The body of a live summary.
    var jsonBody: [UInt8] {
        var json = JSONBodyWriter(capacity: 4_096 + indicators.count * 2_560)
        write(to: &json)
        return json.bytes
    }

    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("commitment_progress", ifPresent: commitmentProgress)
            json.member("completeness", completeness)
            json.member("computed_at", computedAt)
            json.member("demo", demo)
            json.member("goals", goals)
            json.member("indicators", indicators)
            json.member("latest_release", ifPresent: latestRelease)
            json.member("published_at", publishedAt)
            json.member("release", release)
            json.member("revised_since", ifPresent: revisedSince)
            json.member("targets", targets)
            json.member("year", year)
        }
    }
}

extension Completeness: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("acceptance_rate", acceptanceRate)
            json.member("accepted", accepted)
            json.member("expected", expected)
            json.member("on_time", onTime)
            json.member("on_time_rate", onTimeRate)
            json.member("submission_rate", submissionRate)
            json.member("submitted", submitted)
        }
    }
}

extension Rate: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("denominator", denominator)
            json.member("numerator", numerator)
            json.member("pct", pct)
        }
    }
}

extension IndicatorSummary: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("code", code)
            json.member("countries_reporting", countriesReporting)
            json.member("goal", goal)
            json.member("growth", growth)
            json.member("headline", headline)
            json.member("level", ifPresent: level)
            json.member("max", max)
            json.member("mean", mean)
            json.member("measure_kind", measureKind)
            json.member("median", median)
            json.member("min", min)
            json.member("not_available", notAvailable)
            json.member("previous", previous)
            json.member("previous_countries", previousCountries)
            json.member("share_pct", sharePct)
            json.member("since_baseline", sinceBaseline)
            json.member("suppressed", suppressed)
            json.member("total", total)
            json.member("unit", unit)
            json.member("withheld", ifPresent: withheld.map(WithheldMembers.init))
        }
    }
}

extension Growth: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("all_reporters", allReporters)
            json.member("like_for_like", likeForLike)
        }
    }
}

extension GrowthFigure: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("change_pp", ifPresent: changePp)
            json.member("countries", countries)
            json.member("current", current)
            json.member("pct", pct)
            json.member("previous", previous)
            json.member("previous_countries", previousCountries)
            json.member("suppressed", suppressed)
        }
    }
}

extension BaselineGrowth: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("baseline", baseline)
            json.member("baseline_year", baselineYear)
            json.member("cagr_pct", cagrPct)
            json.member("change_pp", ifPresent: changePp)
            json.member("countries", countries)
            json.member("current", current)
            json.member("panel", ifPresent: panel)
            json.member("reason", ifPresent: reason)
            json.member("suppressed", suppressed)
        }
    }
}

extension CumulativeLevel: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("baseline_year", baselineYear)
            json.member("countries", countries)
            json.member("current", current)
            json.member("growth_pct", growthPct)
            json.member("panel", panel)
            json.member("previous", previous)
            json.member("suppressed", suppressed)
        }
    }
}

extension TargetResult: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("basis", basis)
            json.member("change", change)
            json.member("countries", countries)
            json.member("country", country)
            json.member("coverage", coverage)
            json.member("current", current)
            json.member("id", id)
            json.member("indicator", indicator)
            json.member("met", met)
            json.member("min_coverage_pct", minCoveragePct)
            json.member("previous", previous)
            json.member("reason", reason)
            json.member("rule", rule)
            json.member("scope", scope)
            json.member("suppressed", suppressed)
            json.member("threshold", threshold)
            json.member("value", value)
            json.member("withheld", ifPresent: withheld.map(WithheldMembers.init))
        }
    }
}

extension GoalSummary: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("achieved", ifPresent: achieved)
            json.member("commitments", commitments)
            json.member("countries_reporting_actions", countriesReportingActions)
            json.member("goal", goal)
            json.member("no_data", noData)
            json.member("off_track", offTrack)
            json.member("on_track", onTrack)
            json.member("title", title)
            json.member("withheld", ifPresent: withheld.map(WithheldMembers.init))
        }
    }
}

extension CommitmentProgress: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("country", country)
            json.member("current", current)
            json.member("current_year", ifPresent: currentYear)
            json.member("expected", expected)
            json.member("goal", goal)
            json.member("id", id)
            json.member("indicator", ifPresent: indicator)
            json.member("status", status)
            json.member("title", title)
        }
    }
}

/// A `withheld` map: each figure by its JSON name, in the encoder's order (by name).
private struct WithheldMembers: JSONBodyValue {
    let reasons: [WithheldFigure: WithheldReason]

    init(_ reasons: [WithheldFigure: WithheldReason]) { self.reasons = reasons }

    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            for (figure, reason) in reasons.sorted(by: { $0.key.name < $1.key.name }) {
                json.member(dynamic: figure.name, reason)
            }
        }
    }
}

extension MeasureKind: JSONBodyRawValue {}
extension TargetRule: JSONBodyRawValue {}
extension TargetBasis: JSONBodyRawValue {}
extension TargetScope: JSONBodyRawValue {}
extension TargetChange: JSONBodyRawValue {}
extension TargetReason: JSONBodyRawValue {}
extension FigureReason: JSONBodyRawValue {}
extension CommitmentStatus: JSONBodyRawValue {}
extension WithheldReason: JSONBodyRawValue {}
