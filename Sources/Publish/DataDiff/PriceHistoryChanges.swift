import SeekCore

/// New points of the 8-GPU node price change-log (`gpu_price_history.json`): a point is recorded
/// only when a node's cheapest price changes, so each new date is news.
public struct PriceHistoryChanges: Sendable, Equatable {
    /// One recorded date and its node prices (USD per node-hour), in file order.
    public struct Point: Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// `(gpu_name, usd_per_node_hour)` pairs.
        public var prices: [Price]
    }

    /// One node's price at a point.
    public struct Price: Sendable, Equatable {
        /// `gpu_name`.
        public var gpuName: String
        /// USD per node-hour.
        public var usdPerNodeHour: Double
    }

    /// Points whose date the old file does not have, ascending.
    public var addedPoints: [Point]
    /// The number of dates the old file has and the new one lacks (a rewritten history).
    public var removedPoints: Int

    init(old: PriceHistory?, new: PriceHistory?) {
        let before = Self.points(old), after = Self.points(new)
        let oldDates = Set(before.map(\.date)), newDates = Set(after.map(\.date))
        addedPoints = after.filter { !oldDates.contains($0.date) }.sorted { $0.date < $1.date }
        removedPoints = before.filter { !newDates.contains($0.date) }.count
    }

    /// True when the change-log has no new or dropped date.
    public var isEmpty: Bool { addedPoints.isEmpty && removedPoints == 0 }

    private static func points(_ history: PriceHistory?) -> [Point] {
        (history?.series ?? []).map { point in
            Point(date: point.date.iso, prices: point.prices.map { Price(gpuName: $0.gpuName, usdPerNodeHour: $0.usdPerNodeHour) })
        }
    }
}
