import Foundation
import SeekCore

/// Reads the shared `vllm-logs/cases.json`: public vLLM start-up logs with the architecture facts
/// needed to predict them (the ground truth the Methodology page's agreement table shows).
public enum VLLMLogCases {
    /// The cases of the file at `path`, in file order.
    /// - Throws: ``VLLMLogCasesError`` naming the file and the case that cannot be read.
    public static func load(path: String) throws(VLLMLogCasesError) -> [VLLMLogCase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VLLMLogCasesError(message: "\(path) cannot be read")
        }
        return try parse(Array(data), source: path)
    }

    /// `bytes` parsed, or an error naming `source`.
    private static func json(_ bytes: [UInt8], source: String) throws(VLLMLogCasesError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw VLLMLogCasesError(message: "\(source) is not valid JSON (\(error))")
        }
    }

    /// The cases of a cases.json; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(VLLMLogCasesError) -> [VLLMLogCase] {
        let value = try json(bytes, source: source)
        guard let items = value.arrayValue else { throw VLLMLogCasesError(message: "\(source) is not a JSON list of cases") }
        return try items.enumerated().map { (index, item) throws(VLLMLogCasesError) in
            guard let object = item.objectValue, let id = object["id"]?.stringValue,
                  let model = object["model_id"]?.stringValue else {
                throw VLLMLogCasesError(message: "\(source): case \(index + 1) is not an object with an id and a model_id")
            }
            return logCase(object, id: id, model: model)
        }
    }

    private static func logCase(_ o: JSONObject, id: String, model: String) -> VLLMLogCase {
        let arch = o["model_arch"]?.objectValue ?? JSONObject()
        let window = arch["sliding_window"]
        let facts = VLLMLogCase.Facts(
            numHiddenLayers: arch["num_hidden_layers"]?.intValue, kvLoraRank: arch["kv_lora_rank"]?.intValue,
            qkRopeHeadDim: arch["qk_rope_head_dim"]?.intValue, numKeyValueHeads: arch["num_key_value_heads"]?.intValue,
            headDim: arch["head_dim"]?.intValue, slidingWindow: window?.intValue,
            slidingWindowUnreadable: window.map { !$0.isNull && $0.intValue == nil } ?? false,
            slidingWindowPattern: arch["sliding_window_pattern"]?.intValue, attention: arch["attention"]?.stringValue)
        return VLLMLogCase(
            id: id, modelID: model, family: o["family"]?.stringValue ?? "", version: o["vllm_version"]?.stringValue,
            engine: o["engine"]?.stringValue, tensorParallel: o["tensor_parallel_size"]?.intValue ?? 1,
            pipelineParallel: o["pipeline_parallel_size"]?.intValue ?? 1, blockSize: o["block_size"]?.intValue,
            maxModelLen: o["max_model_len"]?.intValue, maxNumBatchedTokens: o["max_num_batched_tokens"]?.intValue,
            kvCacheDType: o["kv_cache_dtype"]?.stringValue, dtype: o["dtype"]?.stringValue,
            quantization: o["quantization"]?.stringValue, weightsGiB: o["reported_weights_gib"]?.doubleValue,
            availableGiB: o["available_kv_cache_gib"]?.doubleValue, tokens: o["kv_cache_size_tokens"]?.intValue,
            blocks: o["num_gpu_blocks"]?.intValue,
            concurrency: o["max_concurrency"]?.stringValue ?? o["max_concurrency"]?.doubleValue.map { String(format: "%.2f", $0) },
            paddingWarning: o["padding_warning"]?.stringValue, facts: facts, gpuType: o["gpu_type"]?.stringValue,
            gpuMemoryUtilization: o["gpu_memory_utilization"]?.doubleValue)
    }
}

/// A cases.json that cannot be read.
public struct VLLMLogCasesError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file.
    public var message: String
    public var description: String { message }
}

extension VLLMLogCases {
    /// The file of runtime notes beside the project's log configs (`Tests/Fixtures/vllm-log-configs/`).
    public static let runtimeNotesFile = "log-runtimes.json"

    /// The cases of `path` with the runtime notes of `notesPath` applied, when that file exists.
    ///
    /// - Parameter kernels: The sampler kernel names the memory model knows.
    /// - Throws: ``VLLMLogCasesError`` naming the file that cannot be read.
    public static func load(path: String, runtimeNotes notesPath: String, kernels: Set<String>) throws(VLLMLogCasesError) -> [VLLMLogCase] {
        let cases = try load(path: path)
        guard let data = FileManager.default.contents(atPath: notesPath) else { return cases }
        return try applyingRuntimes(cases, notes: Array(data), source: notesPath, kernels: kernels)
    }

    /// The cases with the project's runtime notes applied: a JSON object keyed by case id whose values name what
    /// the log does not print but its source does, e.g. `{"sampler": "flashinfer", "evidence": "…"}`.
    ///
    /// - Throws: ``VLLMLogCasesError`` naming the file for invalid JSON, an id no case has, or a sampler kernel
    ///   the memory model does not know.
    public static func applyingRuntimes(_ cases: [VLLMLogCase], notes bytes: [UInt8], source: String,
                                        kernels: Set<String>) throws(VLLMLogCasesError) -> [VLLMLogCase] {
        let value = try json(bytes, source: source)
        guard let notes = value.objectValue else { throw VLLMLogCasesError(message: "\(source) is not a JSON object of case ids") }
        let ids = Set(cases.map(\.id))
        for id in notes.keys where !ids.contains(id) {
            throw VLLMLogCasesError(message: "\(source): no case has the id '\(id)'")
        }
        return try cases.map { (c) throws(VLLMLogCasesError) in
            guard let note = notes[c.id]?.objectValue else { return c }
            var noted = c
            if let kernel = note["sampler"]?.stringValue {
                guard kernels.contains(kernel) else {
                    throw VLLMLogCasesError(message: "\(source): \(c.id): sampler '\(kernel)' is not one of "
                        + kernels.sorted().joined(separator: ", "))
                }
                noted.samplerKernel = kernel
            }
            return noted
        }
    }
}
