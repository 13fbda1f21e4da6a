import Foundation

extension AppClock {
    /// A clock stopped at `now`: the demo writes its history at the moments it tells.
    init(now: Date) {
        self.init { now }
    }
}
