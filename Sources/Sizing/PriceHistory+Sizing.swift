import SeekCore

/// What the 8-GPU node price change-log (`gpu_price_history.json`, §3.5) implies for offerings at a
/// past date (§2.20, decisions.md 18).
extension PriceHistory {
    /// Node prices in effect on a day: the newest point on or before it, or `nil` before the log starts.
    ///
    /// - Parameter day: The day.
    public func prices(on day: Day) -> Point? {
        series.last { $0.date <= day }
    }

    /// Offerings as priced on a day: node offerings (``PriceHistory/gpusPerNode`` GPUs) of a logged GPU take
    /// the logged node price; all others keep today's price.
    ///
    /// - Parameters:
    ///   - offerings: Today's offerings.
    ///   - day: The day.
    /// - Returns: Offerings and, per `gpu_name|gpu_count`, whether the price is historical.
    public func offerings(_ offerings: [Offering], on day: Day) -> (offerings: [Offering], historical: Set<String>) {
        guard let point = prices(on: day) else { return (offerings, []) }
        let logged = point.usdPerNodeHour
        var keys: Set<String> = []
        let priced = offerings.map { o -> Offering in
            guard o.gpuCount == Self.gpusPerNode, let price = logged[o.gpuName] else { return o }
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
        series.map { p in (p.date, p.usdPerNodeHour.mapValues { $0 * assumptions.hoursPerMonth }) }
    }
}
