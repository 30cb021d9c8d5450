import SeekCore

/// A published data file and its one codec: `encode` writes today's canonical bytes (Python
/// `json.dumps(indent=2)` layout plus a final newline, decisions 8), `decode` reads strictly.
///
/// The descriptors live in ``DataFiles``; every stage that writes or reads a published file goes
/// through them, so a file written by one stage is read back by the next with the same rules.
public struct DataFile<Value: Sendable>: Sendable {
    /// The path below `web/public/data/`, e.g. `gpus.json` or `snapshots/index.json`.
    public let path: String
    let toJSON: @Sendable (Value) -> JSONValue
    let fromJSON: @Sendable (JSONValue, String) throws(DatasetError) -> Value

    init(path: String, toJSON: @escaping @Sendable (Value) -> JSONValue,
         fromJSON: @escaping @Sendable (JSONValue, String) throws(DatasetError) -> Value) {
        self.path = path
        self.toJSON = toJSON
        self.fromJSON = fromJSON
    }

    /// The file's bytes for `value`.
    public func encode(_ value: Value) -> [UInt8] {
        CanonicalJSON.encode(toJSON(value))
    }

    /// The file's JSON for `value`, before it is written out (e.g. to compare rows field by field).
    public func json(_ value: Value) -> JSONValue {
        toJSON(value)
    }

    /// The value of the file's bytes.
    /// - Parameter name: how errors name the file (default: ``path``), e.g. its path on disk.
    /// - Throws: ``DatasetError`` naming the file, row and field of the first problem.
    public func decode(_ bytes: [UInt8], name: String? = nil) throws(DatasetError) -> Value {
        let file = name ?? path
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw DatasetError(file: file, reason: "is not valid JSON (\(error))")
        }
        return try fromJSON(value, file)
    }
}

/// Every published data file's descriptor.
public enum DataFiles {
    /// `gpus.json`: the priced offerings.
    public static let offerings = DataFile<[Offering]>(path: "gpus.json", toJSON: OfferingCodec.json,
                                                      fromJSON: OfferingCodec.decode)
    /// `gpu_source.json`: where the prices come from, per provider.
    public static let gpuSource = DataFile<PriceSource>(path: "gpu_source.json", toJSON: PriceSourceCodec.json,
                                                       fromJSON: PriceSourceCodec.decode)
    /// `gpu_price_history.json`: the 8-GPU node price change-log.
    public static let priceHistory = DataFile<PriceHistory>(path: "gpu_price_history.json", toJSON: PriceHistoryCodec.json,
                                                           fromJSON: PriceHistoryCodec.decode)
    /// `gpu_specs.json`: the GPU datasheets.
    public static let gpuSpecs = DataFile<[GPUSpec]>(path: "gpu_specs.json", toJSON: GPUSpecCodec.json,
                                                    fromJSON: GPUSpecCodec.decode)
    /// `models.json`: the open-weights models' sizes and architectures.
    public static let models = DataFile<[ModelSpec]>(path: "models.json", toJSON: ModelSpecCodec.json,
                                                    fromJSON: ModelSpecCodec.decode)
    /// `unsized_models.json`: the leaderboard's open-weights models without a `models.json` row, and why.
    public static let unsizedModels = DataFile<[UnsizedModel]>(path: "unsized_models.json", toJSON: UnsizedModelCodec.json,
                                                              fromJSON: UnsizedModelCodec.decode)
    /// `api_pricing.json`: one closed model per lab, priced from LiteLLM.
    public static let apiPricing = DataFile<[APIPrice]>(path: "api_pricing.json", toJSON: APIPriceCodec.json,
                                                       fromJSON: APIPriceCodec.decode)
    /// `metadata.json`: which inputs the data is as of.
    public static let metadata = DataFile<DataMetadata>(path: "metadata.json", toJSON: DataMetadataCodec.json,
                                                       fromJSON: DataMetadataCodec.decode)
    /// `snapshots/index.json`: the published snapshot days and what they were built from.
    public static let snapshotIndex = DataFile<SnapshotIndex>(path: "snapshots/index.json", toJSON: SnapshotIndexCodec.json,
                                                             fromJSON: SnapshotIndexCodec.decode)

    /// `snapshots/DAY/benchmarks.json`: every row of one day's leaderboard.
    public static func benchmarks(_ day: Day) -> DataFile<[BenchmarkEntry]> {
        DataFile(path: "snapshots/\(day.iso)/benchmarks.json", toJSON: SnapshotCodec.benchmarksJSON,
                 fromJSON: SnapshotCodec.decodeBenchmarks)
    }

    /// `snapshots/DAY/sota_scores.json`: the rank-1 row of each category of one day.
    public static func sotaScores(_ day: Day) -> DataFile<[SOTAEntry]> {
        DataFile(path: "snapshots/\(day.iso)/sota_scores.json", toJSON: SnapshotCodec.sotaJSON,
                 fromJSON: SnapshotCodec.decodeSOTA)
    }

    /// The files whose content is one of the types above, snapshot days excluded.
    public static let fixedPaths = [offerings.path, gpuSource.path, priceHistory.path, gpuSpecs.path, models.path,
                                    apiPricing.path, metadata.path, snapshotIndex.path]
}
