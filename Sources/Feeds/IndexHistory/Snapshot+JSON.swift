import SeekCore

/// The published form of snapshots: `benchmarks.json` and `sota_scores.json`, keys in schema order.
extension Snapshot {
    /// `benchmarks.json` as a JSON value.
    public var benchmarksJSON: JSONValue {
        .array(entries.map { entry in
            .object(JSONObject([
                ("model_name", .string(entry.modelName)),
                ("benchmark_name", .string(entry.benchmarkName)),
                ("benchmark_display_name", .string(entry.benchmarkDisplayName)),
                ("score", .double(entry.score)),
                ("rank", .int(entry.rank)),
                ("cost_per_task", entry.costPerTask.map(JSONValue.double) ?? .null),
                ("benchmark_group", .string(entry.benchmarkGroup)),
                ("benchmark_group_display", .string(entry.benchmarkGroupDisplay)),
                ("openness", entry.openness.map(JSONValue.string) ?? .null),
            ]))
        })
    }

    /// `sota_scores.json` as a JSON value.
    public var sotaJSON: JSONValue {
        .array(sota.map { row in
            .object(JSONObject([
                ("benchmark_name", .string(row.benchmarkName)),
                ("benchmark_display_name", .string(row.benchmarkDisplayName)),
                ("sota_model_name", .string(row.sotaModelName)),
                ("sota_score", .double(row.sotaScore)),
            ]))
        })
    }

    /// Reads a snapshot back from its two published files; nil when a field is missing or
    /// has the wrong type (the reference then has no baseline either).
    public init?(day: Day, benchmarks: JSONValue, sota sotaValue: JSONValue) {
        guard let rows = benchmarks.arrayValue, let sotaRows = sotaValue.arrayValue else { return nil }
        var entries: [BenchmarkEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            guard let object = row.objectValue,
                  let model = object["model_name"]?.stringValue,
                  let name = object["benchmark_name"]?.stringValue,
                  let display = object["benchmark_display_name"]?.stringValue,
                  let score = object["score"]?.doubleValue,
                  case .int(let rank)? = object["rank"],
                  let cost = object["cost_per_task"], cost.isNull || cost.doubleValue != nil,
                  let group = object["benchmark_group"]?.stringValue,
                  let groupDisplay = object["benchmark_group_display"]?.stringValue,
                  let openness = object["openness"], openness.isNull || openness.stringValue != nil
            else { return nil }
            entries.append(BenchmarkEntry(modelName: model, benchmarkName: name, benchmarkDisplayName: display,
                                          score: score, rank: rank, costPerTask: cost.doubleValue,
                                          benchmarkGroup: group, benchmarkGroupDisplay: groupDisplay,
                                          openness: openness.stringValue))
        }
        var sota: [SOTAEntry] = []
        for row in sotaRows {
            guard let object = row.objectValue,
                  let name = object["benchmark_name"]?.stringValue,
                  let display = object["benchmark_display_name"]?.stringValue,
                  let model = object["sota_model_name"]?.stringValue,
                  let score = object["sota_score"]?.doubleValue
            else { return nil }
            sota.append(SOTAEntry(benchmarkName: name, benchmarkDisplayName: display, sotaModelName: model, sotaScore: score))
        }
        self.init(day: day, entries: entries, sota: sota)
    }
}
