import SeekCore

/// `unsized_models.json`: the open-weights models of the latest leaderboard without a `models.json` row,
/// sorted by name: `model_name`, `reason` (a ``UnsizedModel/Reason`` raw value), `detail` and `action`
/// (what a maintainer does; derived from the reason, published for readers of the file).
enum UnsizedModelCodec {
    static let keys = ["model_name", "reason", "detail", "action"]

    @Sendable static func json(_ rows: [UnsizedModel]) -> JSONValue {
        .array(rows.map { row in
            .object(JSONObject([
                ("model_name", .string(row.modelName)),
                ("reason", .string(row.reason.rawValue)),
                ("detail", .string(row.detail)),
                ("action", .string(row.reason.action)),
            ]))
        })
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> [UnsizedModel] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(keys)
            let text = try row.string("reason")
            guard let reason = UnsizedModel.Reason(rawValue: text), reason != .notFetched else {
                let known = UnsizedModel.Reason.allCases.filter { $0 != .notFetched }.map(\.rawValue)
                throw row.location.appending("reason").error("'\(text)' is not a known reason (known: \(known.joined(separator: ", ")))")
            }
            _ = try row.string("action")
            return UnsizedModel(modelName: try row.string("model_name"), reason: reason, detail: try row.string("detail"))
        }
    }
}
