import GitKit
import SeekCore

/// Which commit each published day is read from. Pure.
///
/// A commit belongs to the UTC day of its committer time (decisions 2). The days are those
/// with at least one commit since `since` 00:00:00 UTC (decisions 3); the snapshot of day D
/// is the tree of the newest commit, by committer time, at or before D 23:59:59 UTC. Commits
/// dated after the run's start (a skewed clock) are left out, so no day after today is
/// scheduled (decisions 20).
public enum SnapshotSchedule {
    /// One day to evaluate and the commit to read it from.
    public struct Item: Sendable, Equatable {
        /// The UTC day.
        public var day: Day
        /// The newest commit at or before the end of `day`.
        public var commit: ObjectID
    }

    /// The days of `history` (any order; ties in time go to the commit listed first) from `since` on, ascending.
    /// - Parameter now: the run's start, seconds since 1970-01-01 UTC; later commits are ignored.
    public static func items(history: [CommitSummary], since: Day, now: Int64) -> [Item] {
        let ascending = history.reversed().enumerated()
            .filter { $0.element.committerTime <= now }
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

extension SnapshotSchedule {
    /// The commits of `history` dated after `now`, oldest first: a skewed clock wrote them, and
    /// they are never published (decisions 20).
    public static func futureCommits(in history: [CommitSummary], now: Int64) -> [CommitSummary] {
        history.filter { $0.committerTime > now }.sorted { $0.committerTime < $1.committerTime }
    }
}
