import ConfigKit
import Foundation
import Sizing
import Yams

extension DeploySpec {
    /// The spec file's name in a repository root.
    public static let fileName = ".seekgpu.yaml"

    static let keys = [
        "model", "revision", "workload", "engine", "engine_version", "accelerator", "accelerator_count", "nodes",
        "vram_per_gpu_gb", "vram_needed_per_gpu_gb", "precision", "kv_cache_dtype", "tensor_parallel_size",
        "pipeline_parallel_size", "enable_expert_parallel", "max_model_len", "max_num_seqs", "gpu_memory_utilization",
        "serving_args", "base_image", "workdir", "setup", "run", "env", "secrets", "ports", "asset_links", "providers", "offering", "sizing",
    ]
    static let offeringKeys = ["provider", "instance", "region", "price_per_hour"]
    static let sizingKeys = ["vllm_release", "weights_gib_per_gpu", "reserve_gib_per_gpu", "kv_cache_gib_per_gpu",
                             "kv_cache_tokens", "max_concurrency", "memory_margin_gib", "checkpoint_gb"]

    /// The `.seekgpu.yaml` text: every field set, in the order of ``keys``; figures rounded to 2 decimals.
    public var yaml: String {
        let head = "# seekgpu deploy spec (schemas/seekgpu-deploy.schema.json). Commit it: `seekgpu recommend --repo DIR`\n"
            + "# reads it back and renders the same recipes.\n"
        return head + tree.yaml
    }

    var tree: YAMLTree {
        .map([
            ("model", .text(model)), ("revision", .text(revision)), ("workload", .text(workload.rawValue)),
            ("engine", .text(engine)), ("engine_version", .text(engineVersion)), ("accelerator", .text(accelerator)),
            ("accelerator_count", .int(acceleratorCount)), ("nodes", .int(nodes)),
            ("vram_per_gpu_gb", vramPerGPUGB.map { .number(Self.rounded($0)) }),
            ("vram_needed_per_gpu_gb", vramNeededPerGPUGB.map { .number(Self.rounded($0)) }),
            ("precision", .text(precision.rawValue)), ("kv_cache_dtype", .text(kvCacheDType)),
            ("tensor_parallel_size", .int(tensorParallelSize)), ("pipeline_parallel_size", .int(pipelineParallelSize)),
            ("enable_expert_parallel", enableExpertParallel ? .bool(true) : nil),
            ("max_model_len", .int(maxModelLen)), ("max_num_seqs", .int(maxNumSeqs)),
            ("gpu_memory_utilization", gpuMemoryUtilization.map(YAMLTree.number)),
            ("serving_args", .texts(servingArgs)), ("base_image", .text(baseImage)), ("workdir", .text(workdir)),
            ("setup", .texts(setup)), ("run", .texts(run)),
            ("env", env.isEmpty ? nil : .map(env.map { ($0.name, .text($0.value)) })),
            ("secrets", .texts(secrets)), ("ports", ports.isEmpty ? nil : .list(ports.map(YAMLTree.int))),
            ("asset_links", .texts(assetLinks)), ("providers", .texts(providers)),
            ("offering", offering.map { offering in
                .map([("provider", .text(offering.provider)), ("instance", .text(offering.instance)),
                      ("region", .text(offering.region)), ("price_per_hour", .number(offering.pricePerHour))])
            }),
            ("sizing", sizing.map { sizing in
                .map([("vllm_release", .text(sizing.vllmRelease)),
                      ("weights_gib_per_gpu", .number(Self.rounded(sizing.weightsGiBPerGPU))),
                      ("reserve_gib_per_gpu", .number(Self.rounded(sizing.reserveGiBPerGPU))),
                      ("kv_cache_gib_per_gpu", .number(Self.rounded(sizing.kvCacheGiBPerGPU))),
                      ("kv_cache_tokens", .int(sizing.kvCacheTokens)),
                      ("max_concurrency", .number(Self.rounded(sizing.maxConcurrency))),
                      ("memory_margin_gib", .number(Self.rounded(sizing.memoryMarginGiB))),
                      ("checkpoint_gb", .number(Self.rounded(sizing.checkpointGB)))])
            }),
        ])
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// Reads a spec file's text; `path` only names the file in errors.
    ///
    /// - Throws: ``ConfigFileError`` with every problem as `FILE:LINE:COLUMN: message`: invalid YAML, an unknown
    ///   key (with the closest known one), a missing `workload`, `accelerator` or `accelerator_count`, an
    ///   inference spec without `model`, a value of the wrong type or out of range.
    public static func parse(yaml: String, path: String) throws -> DeploySpec {
        let reader = ConfigReader()
        let required = ["workload", "accelerator", "accelerator_count"]
        guard let root = reader.document(yaml, empty: "the file is empty; it needs \(required.joined(separator: ", "))"),
              let top = reader.mapping(root, at: "the spec", allowed: keys, required: required),
              let workload = reader.choice(top["workload"], "workload", as: Workload.self),
              let accelerator = reader.nonEmptyString(top["accelerator"], "accelerator"),
              let count = reader.int(top["accelerator_count"], "accelerator_count")
        else { throw reader.error(file: path) }
        func text(_ key: String) -> String? { reader.given(top[key]).flatMap { reader.nonEmptyString($0, key) } }
        func whole(_ key: String, atLeast minimum: Int = 1) -> Int? {
            guard let value = reader.given(top[key]).flatMap({ reader.int($0, key) }) else { return nil }
            if value < minimum { reader.report("\(key) must be at least \(minimum), not \(value)", at: top[key]) }
            return value
        }
        func texts(_ key: String) -> [String] { reader.strings(reader.given(top[key]), key)?.map(\.value) ?? [] }

        var spec = DeploySpec(model: text("model"), workload: workload, accelerator: accelerator, acceleratorCount: count)
        if count < 1 { reader.report("accelerator_count must be at least 1, not \(count)", at: top["accelerator_count"]) }
        if workload == .inference, spec.model == nil {
            reader.report("an inference spec needs 'model', the Hugging Face repository to serve (e.g. Qwen/Qwen3-8B)", at: root)
        }
        if let model = spec.model, model.split(separator: "/", omittingEmptySubsequences: false).count != 2 || model.contains(" ") {
            reader.report("model '\(model)' is not a Hugging Face repository id such as Qwen/Qwen3-8B", at: top["model"])
        }
        spec.revision = text("revision")
        if let engine = text("engine") {
            if engine != "vllm" { reader.report("engine '\(engine)' is not one seekgpu renders (vllm)", at: top["engine"]) }
            spec.engine = engine
        }
        spec.engineVersion = text("engine_version")
        spec.nodes = whole("nodes") ?? 1
        spec.vramPerGPUGB = reader.given(top["vram_per_gpu_gb"]).flatMap { reader.number($0, "vram_per_gpu_gb") }
        spec.vramNeededPerGPUGB = reader.given(top["vram_needed_per_gpu_gb"]).flatMap { reader.number($0, "vram_needed_per_gpu_gb") }
        spec.precision = reader.given(top["precision"]).flatMap { reader.choice($0, "precision", as: ServingQuantization.self) } ?? .checkpoint
        if let kv = text("kv_cache_dtype") {
            if !["auto", "fp8"].contains(kv) { reader.report("kv_cache_dtype '\(kv)' is not auto or fp8", at: top["kv_cache_dtype"]) }
            spec.kvCacheDType = kv
        }
        spec.tensorParallelSize = whole("tensor_parallel_size")
        spec.pipelineParallelSize = whole("pipeline_parallel_size")
        spec.enableExpertParallel = reader.given(top["enable_expert_parallel"]).flatMap { reader.bool($0, "enable_expert_parallel") } ?? false
        spec.maxModelLen = whole("max_model_len")
        spec.maxNumSeqs = whole("max_num_seqs")
        if let node = reader.given(top["gpu_memory_utilization"]), let value = reader.number(node, "gpu_memory_utilization") {
            if !(value > 0 && value <= 1) { reader.report("gpu_memory_utilization must be in (0, 1], not \(value)", at: node) }
            spec.gpuMemoryUtilization = value
        }
        spec.servingArgs = texts("serving_args")
        spec.baseImage = text("base_image")
        spec.workdir = text("workdir")
        spec.setup = texts("setup")
        spec.run = texts("run")
        spec.env = (reader.stringPairs(reader.given(top["env"]), "env") ?? []).map { EnvironmentVariable(name: $0.key, value: $0.value) }
        spec.secrets = texts("secrets")
        for (index, item) in (reader.sequence(reader.given(top["ports"]), "ports") ?? []).enumerated() {
            guard let port = reader.int(item, "ports[\(index)]") else { continue }
            if !(1...65535).contains(port) { reader.report("ports[\(index)] must be 1 to 65535, not \(port)", at: item) }
            spec.ports.append(port)
        }
        spec.assetLinks = texts("asset_links")
        spec.providers = texts("providers")
        for (link, node) in reader.strings(reader.given(top["asset_links"]), "asset_links") ?? [] where !link.contains(":") {
            reader.report("asset_links entry '\(link)' is not REMOTE:LOCAL", at: node)
        }
        if let node = reader.given(top["offering"]),
           let fields = reader.mapping(node, at: "offering", allowed: offeringKeys, required: ["provider", "price_per_hour"]),
           let provider = reader.nonEmptyString(fields["provider"], "offering.provider"),
           let price = reader.number(fields["price_per_hour"], "offering.price_per_hour") {
            spec.offering = Offering(provider: provider,
                                     instance: reader.given(fields["instance"]).flatMap { reader.string($0, "offering.instance") } ?? "",
                                     region: reader.given(fields["region"]).flatMap { reader.string($0, "offering.region") } ?? "",
                                     pricePerHour: price)
        }
        if let node = reader.given(top["sizing"]),
           let fields = reader.mapping(node, at: "sizing", allowed: sizingKeys, required: sizingKeys) {
            let n = { (key: String) in reader.number(fields[key], "sizing.\(key)") }
            if let release = reader.nonEmptyString(fields["vllm_release"], "sizing.vllm_release"),
               let weights = n("weights_gib_per_gpu"), let reserve = n("reserve_gib_per_gpu"), let kv = n("kv_cache_gib_per_gpu"),
               let tokens = reader.int(fields["kv_cache_tokens"], "sizing.kv_cache_tokens"),
               let concurrency = n("max_concurrency"), let margin = n("memory_margin_gib"), let disk = n("checkpoint_gb") {
                spec.sizing = Sizing(vllmRelease: release, weightsGiBPerGPU: weights, reserveGiBPerGPU: reserve,
                                     kvCacheGiBPerGPU: kv, kvCacheTokens: tokens, maxConcurrency: concurrency,
                                     memoryMarginGiB: margin, checkpointGB: disk)
            }
        }
        try reader.check(file: path)
        return spec
    }
}
