import Foundation

extension Report {
    /// The report as `JSONCoding.encoder` writes it (sorted snake_case members, absent
    /// optionals left out), written by hand: every save answers with it, and through
    /// `JSONEncoder` it was a sixth of the service's time in a save (docs/benchmarks.md,
    /// "Filing"). `ReportJSONBodyTests` holds it to the encoder's bytes.
    var jsonBody: [UInt8] {
        var json = JSONBodyWriter(capacity: 512 + values.count * 160)
        json.object { json in
            json.member("accepted_at", ifPresent: acceptedAt)
            json.member("accepted_version", ifPresent: acceptedVersion)
            json.member("country", country)
            json.member("first_submitted_at", ifPresent: firstSubmittedAt)
            json.member("narratives", narratives)
            json.member("saved_at", savedAt)
            json.member("status", status)
            json.member("submitted_at", ifPresent: submittedAt)
            json.member("values", values.map(AnsweredValue.init))
            json.member("version", version)
            json.member("year", year)
        }
        return json.bytes
    }
}

/// A value as the API shows it: a boolean indicator's value as `true` or `false`, where
/// `ReportRepository` sends PostgreSQL the stored 1 or 0.
private struct AnsweredValue: JSONBodyValue {
    let value: ReportValue

    func write(to json: inout JSONBodyWriter) {
        json.object { json in
            json.member("indicator", value.indicator)
            json.member("nature", value.nature)
            json.member("not_available", ifPresent: value.notAvailable)
            json.member("note", ifPresent: value.note)
            json.member("source", ifPresent: value.source)
            json.member("value", ifPresent: value.value)
        }
    }
}

extension ReportedValue: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        switch self {
        case .number(let number): json.writeDecimal(number)
        case .bool(let flag): flag.write(to: &json)
        }
    }
}

extension ReportStatus: JSONBodyRawValue {}
extension ValueNature: JSONBodyRawValue {}
