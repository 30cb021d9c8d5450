import SeekCore

/// `gpu_price_history.json`: a change-log of the cheapest 8-GPU node price per serving GPU.
///
/// A point is added only when some node's price changed since the point before it, so the
/// file grows with real price moves only. Unlike the reference it has no `generated_at`
/// (decisions 9); a point's date is the date of the catalogs it was read from.
public struct PriceHistory: Sendable, Equatable {
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
    public struct Point: Sendable, Equatable {
        /// The date of the catalogs the prices come from.
        public var date: Day
        /// Node prices in serving-node order; nodes without an 8-GPU offer are left out.
        public var prices: [NodePrice]

        /// Creates a point.
        public init(date: Day, prices: [NodePrice]) {
            self.date = date
            self.prices = prices
        }
    }

    /// The unit of every price, `usd_per_node_hour`.
    public static let unit = "usd_per_node_hour"

    /// The points, ascending by date.
    public private(set) var series: [Point]

    /// A history with these points (sorted by date).
    public init(series: [Point] = []) {
        self.series = series.sorted { $0.date < $1.date }
    }

    /// The cheapest 8-GPU offering per serving node, in `nodes` order; a node that counts only
    /// with one memory size (A100: 80 GB) ignores the others.
    public static func nodePrices(of offerings: [Offering], nodes: [String], vramGB: [String: Double]) -> [NodePrice] {
        nodes.compactMap { node in
            offerings
                .filter { $0.gpuName == node && $0.gpuCount == 8 && matches(vramGB[node], $0.vramGB) }
                .map(\.pricePerHour)
                .min()
                .map { NodePrice(gpuName: node, usdPerNodeHour: $0) }
        }
    }

    private static func matches(_ required: Double?, _ actual: Double) -> Bool {
        required.map { $0 == actual } ?? true
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

    /// The file's JSON: `unit`, then `series`.
    public var json: JSONValue {
        .object(JSONObject([
            ("unit", .string(Self.unit)),
            ("series", .array(series.map { point in
                .object(JSONObject([
                    ("date", .string(point.date.iso)),
                    ("prices", .array(point.prices.map { price in
                        .object(JSONObject([("gpu_name", .string(price.gpuName)),
                                            ("usd_per_node_hour", .double(price.usdPerNodeHour))]))
                    })),
                ]))
            })),
        ]))
    }

    /// Reads the file's JSON (also the reference's, whose `generated_at` is ignored); nil when
    /// it is not this format or the unit differs.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, object["unit"]?.stringValue == Self.unit,
              let items = object["series"]?.arrayValue else { return nil }
        var points: [Point] = []
        for item in items {
            guard let text = item["date"]?.stringValue, let date = Day(iso: text),
                  let list = item["prices"]?.arrayValue else { return nil }
            var prices: [NodePrice] = []
            for entry in list {
                guard let name = entry["gpu_name"]?.stringValue, let price = entry["usd_per_node_hour"]?.doubleValue
                else { return nil }
                prices.append(NodePrice(gpuName: name, usdPerNodeHour: price))
            }
            points.append(Point(date: date, prices: prices))
        }
        self.init(series: points)
    }
}
