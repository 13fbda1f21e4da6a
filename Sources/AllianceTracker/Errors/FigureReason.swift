/// Why a figure of the summary is null: said out loud beside it, never a guess.
/// The OpenAPI document lists the same set (`FigureReason`).
enum FigureReason: String, CaseIterable, Codable, Sendable {
    /// The baseline year has no accepted value of the indicator (or the indicator none at all).
    case noBaselineData = "no_baseline_data"
    /// The year is the baseline year or earlier: there is no span to compare over.
    case notAfterBaseline = "not_after_baseline"
    /// No country has an accepted value both in the baseline year and this year.
    case noCommonCountries = "no_common_countries"
    /// Compound growth from a baseline of 0 (or to a negative level) has no value.
    case baselineZero = "baseline_zero"
}
