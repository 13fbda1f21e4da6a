import Hummingbird

extension AppRequestContext {
    /// `{year}`: a reporting year, 2012 (the Alliance's launch) to 2100.
    func yearParameter() throws -> Int {
        let raw = parameters.get("year") ?? ""
        guard let year = Int(raw), (2012...2100).contains(year) else {
            throw DomainError.invalidParameter("year", "must be a reporting year from 2012 to 2100, not '\(raw)'")
        }
        return year
    }

    /// `{cc}`: a country code as written in the path; whether it exists is the
    /// handler's to find out.
    func countryParameter() throws -> String {
        try parameters.require("cc")
    }
}

/// Calendar dates as the API writes them: `2025-03-31`.
enum CalendarDate {
    static func isValid(_ text: String) -> Bool {
        guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil,
            let date = AppClock.dayFormatter.date(from: text)
        else { return false }
        // the formatter is lenient (2025-02-30 becomes 2025-03-02): insist on a round trip
        return AppClock.dayFormatter.string(from: date) == text
    }
}
