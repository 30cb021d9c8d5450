import Foundation
import SeekCore
@testable import Sizing

/// Minimal test-side decoders for the reference data files (/work/shared/data/reference), so the
/// Sizing tests need not depend on Feeds. Located from this file: Tests/SizingTests/ → repo root → ../shared/data.
enum ReferenceData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/reference").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("gpus.json").path) }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func objects(_ path: String) throws -> [JSONObject] {
        try (json(path).arrayValue ?? []).compactMap(\.objectValue)
    }

    static func offerings() throws -> [Offering] {
        try objects("gpus.json").map { o in
            Offering(gpuName: o["gpu_name"]?.stringValue ?? "", vramGB: o["vram_gb"]?.doubleValue ?? 0,
                     gpuCount: o["gpu_count"]?.intValue ?? 0, totalVramGB: o["total_vram_gb"]?.doubleValue ?? 0,
                     pricePerHour: o["price_per_hour"]?.doubleValue ?? 0, currency: o["currency"]?.stringValue ?? "",
                     provider: o["provider"]?.stringValue ?? "", instanceName: o["instance_name"]?.stringValue ?? "",
                     location: o["location"]?.stringValue ?? "", interconnect: o["interconnect"]?.stringValue ?? "")
        }
    }

    static func models() throws -> [ModelSpec] {
        try objects("models.json").map { o in
            ModelSpec(modelName: o["model_name"]?.stringValue ?? "", learnableParamsB: o["learnable_params_b"]?.doubleValue ?? 0,
                      activeParamsB: o["active_params_b"]?.doubleValue ?? 0,
                      architecture: o["architecture"]?.stringValue ?? "", contextLength: o["context_length"]?.intValue,
                      precision: o["precision"]?.stringValue, attentionType: o["attention_type"]?.stringValue,
                      numHiddenLayers: o["num_hidden_layers"]?.intValue, hiddenSize: o["hidden_size"]?.intValue,
                      numExperts: o["num_experts"]?.intValue, expertsPerToken: o["experts_per_token"]?.intValue,
                      numKVLayers: o["num_kv_layers"]?.intValue, numKVHeads: o["num_kv_heads"]?.intValue,
                      headDim: o["head_dim"]?.intValue, routedExpertParamsB: o["routed_expert_params_b"]?.doubleValue,
                      kvLoraRank: o["kv_lora_rank"]?.intValue, qkRopeHeadDim: o["qk_rope_head_dim"]?.intValue,
                      kvElemsPerToken: o["kv_elems_per_token"]?.intValue, hfModelID: o["hf_model_id"]?.stringValue,
                      modelURL: o["model_url"]?.stringValue, licenseName: o["license_name"]?.stringValue,
                      licenseURL: o["license_url"]?.stringValue)
        }
    }

    static func specs() throws -> [GPUSpec] {
        try objects("gpu_specs.json").map { o in
            func num(_ key: String) -> JSONNumber? { o[key].flatMap { JSONNumber($0) } }
            return GPUSpec(gpuName: o["gpu_name"]?.stringValue ?? "", memorySizeGB: num("memory_size_gb") ?? 0,
                           fp16TFLOPS: num("fp16_tflops") ?? 0, memoryBandwidthTBps: num("memory_bandwidth_tb_s") ?? 0,
                           pcieBandwidthGBps: num("pcie_bandwidth_gb_s"), nvlinkBandwidthGBps: num("nvlink_bandwidth_gb_s"),
                           fp8Multiplier: o["fp8_multiplier"]?.intValue ?? 1, architecture: o["architecture"]?.stringValue ?? "",
                           interconnectTier: GPUSpec.InterconnectTier(rawValue: o["interconnect_tier"]?.stringValue ?? "") ?? .pcieOnly,
                           memoryType: o["memory_type"]?.stringValue ?? "")
        }
    }

    static func apiPrices() throws -> [APIPrice] {
        try (json("api_pricing.json").arrayValue ?? []).compactMap(APIPrice.init(json:))
    }

    static func snapshot(_ date: String) throws -> Snapshot {
        let entries = try objects("snapshots/\(date)/benchmarks.json").compactMap { o -> BenchmarkEntry? in
            guard let score = o["score"]?.doubleValue else { return nil }
            return BenchmarkEntry(modelName: o["model_name"]?.stringValue ?? "", benchmarkName: o["benchmark_name"]?.stringValue ?? "",
                                  benchmarkDisplayName: o["benchmark_display_name"]?.stringValue ?? "", score: score,
                                  rank: o["rank"]?.intValue ?? 0, costPerTask: o["cost_per_task"]?.doubleValue,
                                  benchmarkGroup: o["benchmark_group"]?.stringValue ?? "",
                                  benchmarkGroupDisplay: o["benchmark_group_display"]?.stringValue ?? "",
                                  openness: o["openness"]?.stringValue)
        }
        let sota = try objects("snapshots/\(date)/sota_scores.json").map { o in
            SOTAEntry(benchmarkName: o["benchmark_name"]?.stringValue ?? "",
                      benchmarkDisplayName: o["benchmark_display_name"]?.stringValue ?? "",
                      sotaModelName: o["sota_model_name"]?.stringValue ?? "", sotaScore: o["sota_score"]?.doubleValue ?? 0)
        }
        return Snapshot(day: Day(iso: date) ?? Day(daysSinceEpoch: 0), entries: entries, sota: sota)
    }

    static func snapshots() throws -> [Snapshot] {
        let index = try json("snapshots/index.json").objectValue
        let dates = (index?["snapshots"]?.arrayValue ?? []).compactMap(\.stringValue)
        return try dates.map(snapshot)
    }

    static func priceHistory() throws -> NodePriceHistory {
        try NodePriceHistory(json: json("gpu_price_history.json")) ?? NodePriceHistory(points: [])
    }
}
