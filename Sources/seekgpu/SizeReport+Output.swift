import Foundation
import SeekCore

extension SizeReport {
    /// The JSON document: `weights_gib_per_gpu`, `available_kv_gib`, `kv_bytes_per_token_per_gpu`,
    /// `kv_cache_tokens`, `num_gpu_blocks`, `max_concurrency`, `fits` first, then the context
    /// (reserve, GPU, parallelism, settings, layer counts). GiB and concurrency rounded to 4 decimals.
    var json: String {
        let layers = JSONObject(layerCounts.map { ($0.kind, JSONValue.int($0.count)) })
        let object = JSONObject([
            ("weights_gib_per_gpu", weightsGiB.map { .double(Self.rounded($0)) } ?? .null),
            ("available_kv_gib", .double(Self.rounded(availableGiB))),
            ("kv_bytes_per_token_per_gpu", Self.number(capacity.bytesPerTokenPerGPU)),
            ("kv_cache_tokens", .int(capacity.kvCacheTokens)),
            ("num_gpu_blocks", .int(capacity.numBlocks)),
            ("max_concurrency", .double(Self.rounded(capacity.maxConcurrency))),
            ("fits", .bool(fits)),
            ("available_kv_source", .string(availableGiven ? "given" : "estimated")),
            ("reserve_gib_per_gpu", plan.map { .double(Self.rounded($0.reserveGiB)) } ?? .null),
            ("reserve_terms_gib", plan.map { .object(JSONObject($0.terms.map { ($0.name, .double(Self.rounded($0.gib))) })) } ?? .null),
            ("vllm_version", .string(release.name)),
            ("sampler_kernel", plan.map { .string($0.sampler.rawValue) } ?? .null),
            ("model", .string(inputs.source)),
            ("model_type", .string(inputs.modelType)),
            ("parameters", inputs.weights.map { .int($0.parameters) } ?? .null),
            ("weight_format", inputs.weights.map { .string(Self.format(of: $0)) } ?? .null),
            ("layers", .object(layers)),
            ("gpu", .string(inputs.gpu.gpuName)),
            ("gpu_memory_gib", .double(inputs.gpuMemoryGiB)),
            ("gpu_memory_source", .string(inputs.gpuMemorySource)),
            ("gpu_count", .int(gpuCount)),
            ("tensor_parallel_size", .int(settings.tensorParallel)),
            ("pipeline_parallel_size", .int(settings.pipelineParallel)),
            ("gpu_memory_utilization", .double(utilization)),
            ("kv_cache_dtype", .string(settings.kvCacheDType.rawValue)),
            ("block_size", .int(settings.blockSize)),
            ("max_model_len", .int(settings.maxModelLen)),
            ("max_num_batched_tokens", .int(settings.maxNumBatchedTokens)),
            ("max_num_seqs", .int(maxNumSeqs)),
            ("blocks_per_request", .int(capacity.blocksPerRequest)),
            ("padding_layers", .int(capacity.paddingLayers)),
        ])
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self)
    }

    /// The aligned two-column table.
    var table: String {
        let weights = weightsGiB.map { value in
            let detail = inputs.weights.map { " (\(Self.grouped($0.parameters)) params, \(Self.format(of: $0)), / TP×PP \(settings.tensorParallel * settings.pipelineParallel))" } ?? ""
            return Self.gib(value) + detail
        } ?? "unknown (\(inputs.weightsProblem ?? "?"))"
        let available = availableGiven
            ? Self.gib(availableGiB) + " (given)"
            : Self.gib(availableGiB) + " (\(Self.decimals(inputs.gpuMemoryGiB, 2)) GiB × \(utilization) − weights − reserve)"
        let rows: [(String, String)] = [
            ("model", "\(inputs.source) (\(inputs.modelType))"),
            ("layers", "\(inputs.architecture.layers.count): " + layerCounts.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")),
            ("GPUs", "\(gpuCount) × \(inputs.gpu.gpuName) (\(Self.decimals(inputs.gpuMemoryGiB, 2)) GiB as vLLM sees it), TP \(settings.tensorParallel) × PP \(settings.pipelineParallel)"),
            ("weights per GPU", weights),
            ("non-KV reserve per GPU", plan.map { plan in
                Self.gib(plan.reserveGiB) + " (vLLM \(release.name), \(plan.sampler) sampler: " + plan.terms.filter { $0.gib > 0.005 }
                    .map { "\($0.name) \(Self.decimals($0.gib, 2))" }.joined(separator: ", ") + ")"
            } ?? "unknown"),
            ("available KV per GPU", available),
            ("KV bytes per token per GPU", Self.grouped(Int(capacity.bytesPerTokenPerGPU.rounded()))
                + " (kv_cache_dtype \(settings.kvCacheDType.rawValue), block \(settings.blockSize))"),
            ("KV cache tokens", Self.grouped(capacity.kvCacheTokens)),
            ("num_gpu_blocks", Self.grouped(capacity.numBlocks)),
            ("max concurrency", "\(Self.decimals(capacity.maxConcurrency, 2))x at \(Self.grouped(settings.maxModelLen)) tokens per request"),
            ("fits", fits ? "yes" : "no: one request of \(Self.grouped(settings.maxModelLen)) tokens needs \(capacity.blocksPerRequest) blocks"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
    }

    /// The quantization's label, or the unquantized dtype (`16-bit`, `FP32`).
    static func format(of weights: CheckpointWeights) -> String {
        weights.quantization?.label ?? (weights.dtypeBytes == 4 ? "FP32" : "16-bit")
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// An integer when whole (bytes per token usually are), else a double.
    static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 9.0e15 ? .int(Int(value)) : .double(rounded(value))
    }

    static func gib(_ value: Double) -> String { decimals(value, 2) + " GiB" }

    static func decimals(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }

    /// `1234567` → `1,234,567` (as vLLM prints token counts).
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}
