/// Where a commitment stands in a year against the path to its target (docs/statistics.md).
enum CommitmentStatus: String, Codable, Sendable, CaseIterable {
    case onTrack = "on_track"
    case offTrack = "off_track"
    /// The latest accepted value has reached the target, in the direction from baseline to target.
    case achieved
    /// No accepted value, or no path to compare it with.
    case noData = "no_data"
}
