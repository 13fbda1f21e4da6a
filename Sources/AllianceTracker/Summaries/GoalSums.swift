/// The sum behind a goal's public counts (`on_track`, `off_track`, `achieved`,
/// `no_data`): its commitments in the summary's year, an element each naming the
/// country, the commitment and its status (`FR=12:on_track`), so that a commitment
/// added, withdrawn or changing status between two releases changes the set.
enum GoalSums {
    static func of(_ goal: Int, year: Int, progress: [CommitmentProgress]) -> ReleaseFigure? {
        let elements = progress.filter { $0.goal == goal }.map { "\($0.country)=\($0.id):\($0.status.rawValue)" }
        guard !elements.isEmpty else { return nil }
        return ReleaseFigure(Quantity(goal: goal, year: year), Set(elements))
    }
}
