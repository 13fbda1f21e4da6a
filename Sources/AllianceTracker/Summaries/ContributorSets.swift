/// Per indicator, the countries whose accepted report gives a number for it this
/// year and last year: the contributor sets of a summary's figures.
struct ContributorSets: Sendable, Equatable {
    var current: [String: Set<String>] = [:]
    var previous: [String: Set<String>] = [:]
}
