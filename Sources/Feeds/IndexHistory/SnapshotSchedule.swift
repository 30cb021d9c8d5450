import GitKit
import SeekCore

/// Which commit each published day is read from. Pure.
///
/// A commit belongs to the UTC day of its committer time (decisions 2). The days are those
/// with at least one commit since `since` 00:00:00 UTC (decisions 3); the snapshot of day D
/// is the tree of the newest commit, by committer time, at or before D 23:59:59 UTC.
public enum SnapshotSchedule {
    /// One day to evaluate and the commit to read it from.
    public struct Item: Sendable, Equatable {
        /// The UTC day.
        public var day: Day
        /// The newest commit at or before the end of `day`.
        public var commit: ObjectID
    }

    /// The days of `history` (any order; ties in time go to the commit listed first) from `since` on, ascending.
    public static func items(history: [CommitSummary], since: Day) -> [Item] {
        let ascending = history.reversed().enumerated()
            .sorted { $0.element.committerTime != $1.element.committerTime
                ? $0.element.committerTime < $1.element.committerTime : $0.offset < $1.offset }
            .map(\.element)
        var days: [Day] = []
        for commit in ascending where commit.committerTime >= since.startUnixTime {
            let day = Day(containing: commit.committerTime)
            if days.last != day { days.append(day) }
        }
        var items: [Item] = []
        items.reserveCapacity(days.count)
        var next = 0
        var chosen: ObjectID?
        for day in days {
            while next < ascending.count, ascending[next].committerTime <= day.endUnixTime {
                chosen = ascending[next].id
                next += 1
            }
            if let chosen { items.append(Item(day: day, commit: chosen)) }
        }
        return items
    }
}
