import SeekCore

/// `metrics`: one JSON object —
/// `{"metrics": {NAME: {"type", "field", "value"} | {"type", "field", "group_by", "groups": [{"key": {…}, "value"}]}},
///   "timestamp"?, "collection_info"?}`. Groups are sorted by their key values (nulls first, numbers
/// numerically, text in byte order), so the output is deterministic.
enum MetricsTransformer {
    static func render(_ records: [ExportRecord], options: MetricsTransformerOptions, context: TransformContext) -> [UInt8] {
        var metrics: [(String, JSONValue)] = []
        for metric in options.metrics {
            var pairs: [(String, JSONValue)] = [("type", .string(metric.aggregate.rawValue))]
            if let field = metric.field { pairs.append(("field", .string(field))) }
            if metric.groupBy.isEmpty {
                pairs += aggregate(metric, over: records)
            } else {
                pairs.append(("group_by", .array(metric.groupBy.map(JSONValue.string))))
                let groups = Dictionary(grouping: records) { record in metric.groupBy.map { record[field: $0] } }
                let keys = groups.keys.sorted { precedes($0, $1) }
                pairs.append(("groups", .array(keys.map { key in
                    let keyObject = JSONObject(zip(metric.groupBy, key).map { ($0, $1?.json ?? .null) })
                    return .object(JSONObject([("key", .object(keyObject))] + aggregate(metric, over: groups[key] ?? [])))
                })))
            }
            metrics.append((metric.name, .object(JSONObject(pairs))))
        }
        var document: [(String, JSONValue)] = [("metrics", .object(JSONObject(metrics)))]
        if options.includeTimestamp {
            document.append(("timestamp", .int(Int(context.runTime.timeIntervalSince1970.rounded(.down)))))
        }
        if options.includeCollectionInfo {
            let versions = context.catalogVersions.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let collected = versions.compactMap { ExportRecord.collectedAt(version: $0.value) }.max()
            document.append(("collection_info", .object(JSONObject([
                ("source", .string("gpuhunt")),
                ("catalog_versions", .object(JSONObject(versions.map { ($0.key, JSONValue.string($0.value)) }))),
                ("collected_at", collected.map { .int(Int($0)) } ?? .null),
                ("input_records", .int(context.inputCount)),
                ("filtered_records", .int(records.count)),
            ]))))
        }
        return CanonicalJSON.encode(.object(JSONObject(document)))
    }

    /// `value` (and `values` for unique) of one metric over `records`.
    static func aggregate(_ metric: MetricConfig, over records: [ExportRecord]) -> [(String, JSONValue)] {
        guard let field = metric.field else { return [("value", .int(records.count))] }
        let values = records.compactMap { $0[field: field] }
        switch metric.aggregate {
        case .count:
            return [("value", .int(values.count))]
        case .unique:
            let distinct = Array(Set(values)).sorted { precedes([$0], [$1]) }
            return [("value", .int(distinct.count)), ("values", .array(distinct.map(\.json)))]
        case .sum, .min, .max, .avg:
            let integers = values.compactMap { value -> Int64? in if case .int(let v) = value { v } else { nil } }
            let numbers = values.compactMap(\.number)
            guard !numbers.isEmpty else { return [("value", .null)] }
            let allIntegers = integers.count == values.count
            let result: JSONValue = switch metric.aggregate {
            case .sum: allIntegers ? .int(Int(integers.reduce(0, +))) : .double(numbers.reduce(0, +))
            case .min: allIntegers ? .int(Int(integers.min() ?? 0)) : .double(numbers.min() ?? 0)
            case .max: allIntegers ? .int(Int(integers.max() ?? 0)) : .double(numbers.max() ?? 0)
            default: .double(numbers.reduce(0, +) / Double(numbers.count))
            }
            return [("value", result)]
        }
    }

    /// Order of group keys: position by position, null first, then numbers numerically, then text by bytes.
    static func precedes(_ a: [ExportValue?], _ b: [ExportValue?]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                if let p = x.number, let q = y.number { if p != q { return p < q } else { continue } }
                if x.number != nil { return true }
                if y.number != nil { return false }
                return x.text.utf8.lexicographicallyPrecedes(y.text.utf8)
            }
        }
        return a.count < b.count
    }
}
