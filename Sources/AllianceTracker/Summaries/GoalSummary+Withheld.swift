extension GoalSummary {
    /// The counts withheld, each for `reason`: those the summary has (an `achieved`
    /// absent from an old summary stays absent).
    func withholding(_ reason: WithheldReason) -> GoalSummary {
        var view = self
        view.onTrack = nil
        view.offTrack = nil
        view.achieved = achieved.map { _ in nil }
        view.noData = nil
        var withheld: [WithheldFigure: WithheldReason] = [.onTrack: reason, .offTrack: reason, .noData: reason]
        if achieved != nil { withheld[.achieved] = reason }
        view.withheld = withheld
        return view
    }
}
