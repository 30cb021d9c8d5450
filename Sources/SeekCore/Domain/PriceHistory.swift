/// `gpu_price_history.json`: a change-log of the cheapest 8-GPU node price per serving GPU.
///
/// A point is added only when some node's price changed since the point before it, so the
/// file grows with real price moves only. Unlike the reference it has no `generated_at`
/// (decisions 9); a point's date is the date of the catalogs it was read from.
public struct PriceHistory: Sendable, Hashable {
    /// The cheapest price of one node, in USD per node-hour.
    public struct NodePrice: Sendable, Hashable {
        /// The serving GPU, e.g. `H100`.
        public var gpuName: String
        /// USD per hour for a whole 8-GPU node.
        public var usdPerNodeHour: Double

        /// Creates a price.
        public init(gpuName: String, usdPerNodeHour: Double) {
            self.gpuName = gpuName
            self.usdPerNodeHour = usdPerNodeHour
        }
    }

    /// One recorded point.
    public struct Point: Sendable, Hashable {
        /// The date of the catalogs the prices come from.
        public var date: Day
        /// Node prices in serving-node order; nodes without an 8-GPU offer are left out.
        public var prices: [NodePrice]

        /// Creates a point.
        public init(date: Day, prices: [NodePrice]) {
            self.date = date
            self.prices = prices
        }

        /// GPU name → USD per node-hour; a GPU listed twice keeps its first price.
        public var usdPerNodeHour: [String: Double] {
            Dictionary(prices.map { ($0.gpuName, $0.usdPerNodeHour) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// GPUs in one logged node (8).
    public static let gpusPerNode = 8

    /// The unit of every price, `usd_per_node_hour`.
    public static let unit = "usd_per_node_hour"

    /// The points, ascending by date.
    public private(set) var series: [Point]

    /// A history with these points (sorted by date).
    public init(series: [Point] = []) {
        self.series = series.sorted { $0.date < $1.date }
    }

    /// Records `prices` as of `date`: replaces a point of the same date, and adds the point only
    /// when it differs from the point before it. A date before the last point is ignored: the
    /// past is never rewritten (e.g. a run pinned to an older catalog version).
    /// - Returns: true when the series changed.
    @discardableResult
    public mutating func record(_ prices: [NodePrice], on date: Day) -> Bool {
        if let last = series.last, date < last.date { return false }
        let before = series
        series.removeAll { $0.date == date }
        if series.last?.prices != prices {
            series.append(Point(date: date, prices: prices))
        }
        return series != before
    }
}
