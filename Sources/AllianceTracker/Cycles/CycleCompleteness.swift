/// One year of `GET /v1/cycles`: the cycle's dates and how its expected reporters
/// have fared, counted exactly as the summary's completeness.
struct CycleCompleteness: Encodable, Sendable {
    var year: Int
    var opensOn: String
    var dueOn: String
    var locksOn: String
    var completeness: Completeness
}
