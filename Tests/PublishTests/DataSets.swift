import Dataset
import Publish
import SeekCore

/// Small scripted versions of the published data files, written the way the generator writes
/// them (canonical JSON), for before/after report tests.
enum DataSets {
    static func bytes(_ value: JSONValue) -> [UInt8] { CanonicalJSON.encode(value) }

    /// A `models.json` row with every field of the schema (through the Dataset's codec).
    static func model(_ name: String, params: Double = 100.0, active: Double = 10.0, architecture: String = "MoE",
                      context: Int? = 131_072, precision: String? = "FP8", license: String? = "MIT") -> JSONValue {
        let spec = ModelSpec(modelName: name, learnableParamsB: params, activeParamsB: active, architecture: architecture,
                             contextLength: context, precision: precision, attentionType: nil, numHiddenLayers: nil,
                             hiddenSize: nil, numExperts: nil, expertsPerToken: nil, numKVLayers: nil, numKVHeads: nil,
                             headDim: nil, routedExpertParamsB: nil, kvLoraRank: nil, qkRopeHeadDim: nil,
                             kvElemsPerToken: nil, hfModelID: nil, modelURL: nil, licenseName: license, licenseURL: nil)
        return DataFiles.models.json([spec])[0] ?? .null
    }

    /// A `gpu_specs.json` row with every field of the schema.
    static func gpuSpec(_ name: String, memory: Double = 80.0, bandwidth: Double = 3.35,
                        architecture: String = "Hopper") -> JSONValue {
        let spec = GPUSpec(gpuName: name, memorySizeGB: .double(memory), fp16TFLOPS: .double(989.4),
                           memoryBandwidthTBps: .double(bandwidth), pcieBandwidthGBps: .double(64.0), nvlinkBandwidthGBps: nil,
                           fp8Multiplier: 2, architecture: architecture, interconnectTier: .nvswitch, memoryType: "HBM3")
        return DataFiles.gpuSpecs.json([spec])[0] ?? .null
    }

    static let categories = [("overall", "Overall"), ("frontend", "Frontend"), ("greenfield", "Greenfield"),
                             ("information_gathering", "Information Gathering"),
                             ("issue_resolution", "Issue Resolution"), ("testing", "Testing")]

    /// `benchmarks.json`: per model its scores by benchmark name (ranks by overall score).
    static func benchmarks(_ scores: [(model: String, openness: String, scores: [String: Double])]) -> JSONValue {
        var rows: [JSONValue] = []
        for (benchmark, display) in categories {
            let ranked = scores.filter { $0.scores[benchmark] != nil }
                .sorted { ($0.scores[benchmark] ?? 0) > ($1.scores[benchmark] ?? 0) }
            for (index, entry) in ranked.enumerated() {
                rows.append(.object(JSONObject([
                    ("model_name", .string(entry.model)),
                    ("benchmark_name", .string(benchmark)),
                    ("benchmark_display_name", .string(display)),
                    ("score", .double(entry.scores[benchmark] ?? 0)),
                    ("rank", .int(index + 1)),
                    ("cost_per_task", .double(1.5)),
                    ("benchmark_group", .string("openhands")),
                    ("benchmark_group_display", .string("OpenHands Index")),
                    ("openness", .string(entry.openness)),
                ])))
            }
        }
        return .array(rows)
    }

    /// `sota_scores.json` from the same input: the best model per category.
    static func sota(_ scores: [(model: String, openness: String, scores: [String: Double])]) -> JSONValue {
        .array(categories.compactMap { benchmark, display in
            guard let best = scores.filter({ $0.scores[benchmark] != nil })
                .max(by: { ($0.scores[benchmark] ?? 0, $1.model) < ($1.scores[benchmark] ?? 0, $0.model) })
            else { return nil }
            return .object(JSONObject([
                ("benchmark_name", .string(benchmark)), ("benchmark_display_name", .string(display)),
                ("sota_model_name", .string(best.model)), ("sota_score", .double(best.scores[benchmark] ?? 0)),
            ]))
        })
    }

    static func index(_ dates: [String], commit: String) -> JSONValue {
        .object(JSONObject([
            ("snapshots", .array(dates.map(JSONValue.string))),
            ("latest", dates.last.map(JSONValue.string) ?? .null),
            ("index_commit", .string(commit)),
            ("config_digest", .string("c0ffee")),
            ("source_commits", .object(JSONObject())),
        ]))
    }

    /// The files of one snapshot day.
    static func snapshot(_ date: String, _ scores: [(model: String, openness: String, scores: [String: Double])])
        -> [String: [UInt8]] {
        ["snapshots/\(date)/benchmarks.json": bytes(benchmarks(scores)),
         "snapshots/\(date)/sota_scores.json": bytes(sota(scores))]
    }

    /// All five categories with the overall as their mean.
    static func all(_ frontend: Double, _ greenfield: Double, _ info: Double, _ issues: Double, _ testing: Double)
        -> [String: Double] {
        let mean = PythonMath.round((frontend + greenfield + info + issues + testing) / 5, places: 1)
        return ["overall": mean, "frontend": frontend, "greenfield": greenfield, "information_gathering": info,
                "issue_resolution": issues, "testing": testing]
    }

    static func offering(_ gpu: String, _ count: Int, _ price: Double, provider: String, instance: String,
                         location: String = "us-east-1", vram: Double = 80) -> JSONValue {
        .object(JSONObject([
            ("gpu_name", .string(gpu)), ("vram_gb", .double(vram)), ("gpu_count", .int(count)),
            ("total_vram_gb", .double(vram * Double(count))), ("price_per_hour", .double(price)),
            ("currency", .string("USD")), ("provider", .string(provider)), ("instance_name", .string(instance)),
            ("location", .string(location)), ("interconnect", .string(count > 1 ? "nvlink" : "pcie")),
        ]))
    }

    static func source(asOf: String, _ providers: [(name: String, version: String, stale: Bool, offerings: Int)]) -> JSONValue {
        .object(JSONObject([
            ("service_name", .string("gpuhunt")), ("service_url", .string("https://github.com/dstackai/gpuhunt")),
            ("description", .string("All regions considered.")), ("currency", .string("USD")),
            ("currency_symbol", .string("$")), ("as_of", .string(asOf)),
            ("providers", .array(providers.map { provider in
                .object(JSONObject([
                    ("provider", .string(provider.name)), ("catalog_version", .string(provider.version)),
                    ("stale", .bool(provider.stale)), ("offerings", .int(provider.offerings)),
                ]))
            })),
        ]))
    }

    static func apiPrice(lab: String, model: String, input: Double, output: Double, cacheWrite: Double?,
                         cacheRead: Double?, window: Int, extra: Bool = false) -> JSONValue {
        .object(JSONObject([
            ("model_name", .string(model)), ("lab", .string(lab)), ("litellm_id", .string(model)),
            ("input_cost_per_token", .double(input)), ("output_cost_per_token", .double(output)),
            ("cache_creation_input_token_cost", cacheWrite.map(JSONValue.double) ?? .null),
            ("cache_read_input_token_cost", cacheRead.map(JSONValue.double) ?? .null),
            ("context_window", .int(window)), ("max_output_tokens", .int(128_000)),
            ("supports_vision", .bool(extra)),
        ]))
    }

    /// A state from file contents given as JSON values.
    static func state(_ files: [String: JSONValue], plus raw: [String: [UInt8]] = [:]) -> DataState {
        DataState(files: files.mapValues(bytes).merging(raw) { $1 })
    }
}
