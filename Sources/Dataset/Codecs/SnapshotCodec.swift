import SeekCore

/// A snapshot's two files: `benchmarks.json` (every row) and `sota_scores.json` (rank 1 per category).
enum SnapshotCodec {
    static let benchmarkKeys = ["model_name", "benchmark_name", "benchmark_display_name", "score", "rank", "cost_per_task",
                                "benchmark_group", "benchmark_group_display", "openness"]
    static let sotaKeys = ["benchmark_name", "benchmark_display_name", "sota_model_name", "sota_score"]

    @Sendable static func benchmarksJSON(_ entries: [BenchmarkEntry]) -> JSONValue {
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

    @Sendable static func sotaJSON(_ rows: [SOTAEntry]) -> JSONValue {
        .array(rows.map { row in
            .object(JSONObject([
                ("benchmark_name", .string(row.benchmarkName)),
                ("benchmark_display_name", .string(row.benchmarkDisplayName)),
                ("sota_model_name", .string(row.sotaModelName)),
                ("sota_score", .double(row.sotaScore)),
            ]))
        })
    }

    /// A percentage as the leaderboard publishes it: a finite number in 0…100 (decisions 21).
    static let percent = 0.0...100.0

    @Sendable static func decodeBenchmarks(_ value: JSONValue, file: String) throws(DatasetError) -> [BenchmarkEntry] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(benchmarkKeys)
            let rank = try row.int("rank")
            guard rank >= 1 else { throw row.location.appending("rank").error("\(rank) is not a rank (≥ 1)") }
            return BenchmarkEntry(
                modelName: try row.string("model_name"), benchmarkName: try row.string("benchmark_name"),
                benchmarkDisplayName: try row.string("benchmark_display_name"),
                score: try row.double("score", in: percent, "a score in 0–100"), rank: rank,
                costPerTask: try cost(row),
                benchmarkGroup: try row.string("benchmark_group"), benchmarkGroupDisplay: try row.string("benchmark_group_display"),
                openness: try row.optionalString("openness"))
        }
    }

    private static func cost(_ row: Fields) throws(DatasetError) -> Double? {
        guard let cost = try row.optionalDouble("cost_per_task") else { return nil }
        guard cost >= 0 else { throw row.location.appending("cost_per_task").error("\(PythonFloat.repr(cost)) is not a cost (≥ 0)") }
        return cost
    }

    @Sendable static func decodeSOTA(_ value: JSONValue, file: String) throws(DatasetError) -> [SOTAEntry] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(sotaKeys)
            return SOTAEntry(benchmarkName: try row.string("benchmark_name"),
                             benchmarkDisplayName: try row.string("benchmark_display_name"),
                             sotaModelName: try row.string("sota_model_name"),
                             sotaScore: try row.double("sota_score", in: percent, "a score in 0–100"))
        }
    }
}

extension Snapshot {
    /// The snapshot of `day` from the bytes of its two files.
    /// - Parameters:
    ///   - names: how errors name the two files (default: their paths below `data/`).
    /// - Throws: ``DatasetError`` naming the file, row and field.
    public init(day: Day, benchmarks: [UInt8], sota: [UInt8], names: (benchmarks: String, sota: String)? = nil)
        throws(DatasetError) {
        self.init(day: day,
                  entries: try DataFiles.benchmarks(day).decode(benchmarks, name: names?.benchmarks),
                  sota: try DataFiles.sotaScores(day).decode(sota, name: names?.sota))
    }

    /// The bytes of `benchmarks.json`.
    public var benchmarksFile: [UInt8] { DataFiles.benchmarks(day).encode(entries) }

    /// The bytes of `sota_scores.json`.
    public var sotaFile: [UInt8] { DataFiles.sotaScores(day).encode(sota) }
}
