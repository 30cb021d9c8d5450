import SeekCore

/// `gpu_price_history.json`: `unit`, then `series` of dated node prices. The reference's file (with
/// a wall-clock `generated_at`, which is ignored) decodes too.
enum PriceHistoryCodec {
    @Sendable static func json(_ history: PriceHistory) -> JSONValue {
        .object(JSONObject([
            ("unit", .string(PriceHistory.unit)),
            ("series", .array(history.series.map { point in
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

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> PriceHistory {
        let fields = try Fields(value, at: Location(file: file))
        try fields.expect(["unit", "series"], optional: ["generated_at"])
        let unit = try fields.string("unit")
        guard unit == PriceHistory.unit else {
            throw fields.location.appending("unit").error("is '\(unit)'; only '\(PriceHistory.unit)' is known")
        }
        var points: [PriceHistory.Point] = []
        var previous: Day?
        for (index, item) in try fields.array("series").enumerated() {
            let point = try Fields(item, at: fields.location.appending("series").item(index))
            try point.expect(["date", "prices"])
            let date = try point.day("date")
            if let previous, date <= previous {
                throw point.location.appending("date").error("\(date.iso) is not after the point before it (\(previous.iso))")
            }
            previous = date
            var prices: [PriceHistory.NodePrice] = []
            for (position, entry) in try point.array("prices").enumerated() {
                let price = try Fields(entry, at: point.location.appending("prices").item(position))
                try price.expect(["gpu_name", "usd_per_node_hour"])
                prices.append(PriceHistory.NodePrice(
                    gpuName: try price.string("gpu_name"),
                    usdPerNodeHour: try price.double("usd_per_node_hour", in: 0...Double.greatestFiniteMagnitude, "a price (≥ 0)")))
            }
            points.append(PriceHistory.Point(date: date, prices: prices))
        }
        return PriceHistory(series: points)
    }
}
