import SeekCore

/// One day of the 8-GPU node price change-log (gpu_price_history.json series point, §3.5).
public struct NodePricePoint: Sendable, Hashable {
    /// The day the prices were recorded.
    public var day: Day
    /// GPU name → USD per node-hour (8 GPUs); a node without a price that day has no key.
    public var usdPerNodeHour: [String: Double]

    /// Creates a point.
    public init(day: Day, usdPerNodeHour: [String: Double]) {
        self.day = day
        self.usdPerNodeHour = usdPerNodeHour
    }
}

/// The node price change-log and what it implies for offerings at a past date (§2.20, decisions.md 18).
public struct NodePriceHistory: Sendable, Hashable {
    /// Points in chronological order.
    public var points: [NodePricePoint]
    /// GPUs per node in the log (8).
    public var gpusPerNode: Int

    /// Creates a history.
    ///
    /// - Parameters:
    ///   - points: Series points (sorted by day here).
    ///   - gpusPerNode: GPUs per logged node (default 8).
    public init(points: [NodePricePoint], gpusPerNode: Int = 8) {
        self.points = points.sorted { $0.day < $1.day }
        self.gpusPerNode = gpusPerNode
    }

    /// Node prices in effect on a day: the newest point on or before it, or `nil` before the log starts.
    ///
    /// - Parameter day: The day.
    public func prices(on day: Day) -> NodePricePoint? {
        points.last { $0.day <= day }
    }

    /// Offerings as priced on a day: node offerings (`gpusPerNode` GPUs) of a logged GPU take the logged
    /// node price; all others keep today's price.
    ///
    /// - Parameters:
    ///   - offerings: Today's offerings.
    ///   - day: The day.
    /// - Returns: Offerings and, per `gpu_name|gpu_count`, whether the price is historical.
    public func offerings(_ offerings: [Offering], on day: Day) -> (offerings: [Offering], historical: Set<String>) {
        guard let point = prices(on: day) else { return (offerings, []) }
        var keys: Set<String> = []
        let priced = offerings.map { o -> Offering in
            guard o.gpuCount == gpusPerNode, let price = point.usdPerNodeHour[o.gpuName] else { return o }
            var copy = o
            copy.pricePerHour = price
            keys.insert("\(o.gpuName)|\(o.gpuCount)")
            return copy
        }
        return (priced, keys)
    }

    /// Monthly node cost per logged day: `usd_per_node_hour × 720` (§2.20 `computeGpuNodePriceTrend`).
    ///
    /// - Parameter assumptions: Hours per month.
    /// - Returns: One row per point; missing nodes have no key (a line gap).
    public func monthlyTrend(assumptions: SizingAssumptions = .reference) -> [(day: Day, monthlyCost: [String: Double])] {
        points.map { p in (p.day, p.usdPerNodeHour.mapValues { $0 * assumptions.hoursPerMonth }) }
    }
}
