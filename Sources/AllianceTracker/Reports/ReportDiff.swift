import Foundation

/// What changed from one version of a report to another (`GET …/diff`): every
/// indicator added, removed or changed in value, not-available reason, note,
/// source or nature, by indicator code; every goal whose narrative changed, by goal.
struct ReportDiff: Encodable, Sendable, Equatable {
    var country: String
    var year: Int
    var from: Int
    var to: Int
    var values: [ValueChange]
    var narratives: [NarrativeChange]

    enum Change: String, Encodable, Sendable {
        case added
        case removed
        case changed
    }

    /// One indicator: its state in `from` and in `to`; `null` where it is absent.
    struct ValueChange: Encodable, Sendable, Equatable {
        var indicator: String
        var change: Change
        var old: Nullable<ReportValue>
        var new: Nullable<ReportValue>
    }

    /// One goal's narrative: actions taken and planned in `from` and in `to`.
    struct NarrativeChange: Encodable, Sendable, Equatable {
        var goal: Int
        var change: Change
        var old: Nullable<Narrative>
        var new: Nullable<Narrative>
    }

    /// The diff from `old` to `new`, two versions of the same report.
    init(from old: ReportVersion, to new: ReportVersion) {
        country = new.country
        year = new.year
        from = old.version
        to = new.version
        values = Self.changes(old.values, new.values, key: \.indicator).map { key, change, before, after in
            ValueChange(indicator: key, change: change, old: Nullable(before), new: Nullable(after))
        }
        narratives = Self.changes(old.narratives, new.narratives, key: \.goal).map { key, change, before, after in
            NarrativeChange(goal: key, change: change, old: Nullable(before), new: Nullable(after))
        }
    }

    /// The items that differ between `old` and `new`, matched by `key`, in key order.
    private static func changes<Item: Equatable, Key: Comparable & Hashable>(
        _ old: [Item],
        _ new: [Item],
        key: KeyPath<Item, Key>
    ) -> [(Key, Change, Item?, Item?)] {
        let before = Dictionary(old.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { code in
            switch (before[code], after[code]) {
            case (nil, let added?): (code, .added, nil, added)
            case (let removed?, nil): (code, .removed, removed, nil)
            case (let was?, let now?): was == now ? nil : (code, .changed, was, now)
            case (nil, nil): nil
            }
        }
    }
}
