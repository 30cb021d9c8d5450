/// The constants of vLLM's memory outside weights and KV cache, per range of releases where they hold: the
/// one named table the memory model reads (``VLLMMemory``). Each figure is calibrated on the public start-up
/// logs of `shared/data/vllm-logs` and named after the code that allocates it; Methodology lists them.
/// No release here subtracts the CUDA graph pool: graphs are captured after the KV cache is sized, in the
/// (1 − utilization) headroom. 0.17.1 to 0.20 print "Estimated CUDA graph memory" (vLLM PR #30515) but subtract it
/// only with `VLLM_MEMORY_PROFILER_ESTIMATE_CUDAGRAPHS=1`; 0.21 subtracts it by default (PR #38284), beyond this
/// table.
public struct VLLMRelease: Sendable, Hashable, CustomStringConvertible {
    /// How the engine profiles memory before sizing the KV cache.
    public enum Engine: Sendable, Hashable {
        /// V0 (`vllm/worker/worker.py`): one forward pass of `max_num_batched_tokens` tokens (by default
        /// `max(max_model_len, 2048)`) plus float32 logits of `max_num_seqs` rows; activations add to the peak.
        case v0
        /// v1 (`vllm/v1/worker/gpu_worker.py determine_available_memory`): `profile_run` runs a forward pass of
        /// `max_num_batched_tokens`, frees its activations, then the dummy sampler over `max_num_seqs` rows;
        /// the peak is the larger of the two.
        case v1
    }

    /// The releases, e.g. `0.17-0.19`.
    public var name: String
    /// First release of the range (major, minor, patch).
    public var first: Version
    /// Last release of the range.
    public var last: Version
    /// The profiling engine.
    public var engine: Engine
    /// Non-torch memory the profile adds (cuBLAS/cuDNN workspaces, allocator slack), GiB; the CUDA context
    /// itself is in the baseline snapshot and never counted.
    public var nonTorchGiB: Double
    /// The dummy sampler's top-k/top-p kernel when nothing selects another.
    public var sampler: VLLMSamplerKernel
    /// Why ``sampler`` is the default, and what selects another, with its source.
    public var samplerNote: String
    /// Memory a tensor-parallel group adds per GPU (NCCL communicators, custom all-reduce buffers), GiB.
    public var tensorParallelGiB: Double
    /// The profile run of a vision encoder with dummy images (multimodal models), GiB.
    public var visionEncoderGiB: Double

    /// A release number, `major.minor.patch`.
    public typealias Version = (major: Int, minor: Int, patch: Int)

    public var description: String { "vLLM \(name)" }

    public static func == (a: VLLMRelease, b: VLLMRelease) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Whether `version` falls in this range.
    public func contains(_ version: Version) -> Bool {
        version >= first && version <= last
    }

    /// The table, oldest first.
    public static let all: [VLLMRelease] = [v0, v0_9, v0_11_1, v0_17]

    /// The newest release the model knows; `size` and the site assume it unless told otherwise.
    public static let newest: VLLMRelease = v0_17

    private static let anyPatch = Int.max

    /// The V0 engine (before 0.9, or `VLLM_USE_V1=0`).
    public static let v0 = VLLMRelease(
        name: "V0 engine", first: (0, 0, 0), last: (0, 8, anyPatch), engine: .v0, nonTorchGiB: 0.25, sampler: .v0Logits,
        samplerNote: "V0 profiles the sampler's float32 logits only", tensorParallelGiB: 0.42, visionEncoderGiB: 0.25)
    /// v1 from 0.9 to 0.11.0: PyTorch's sort, or FlashInfer's kernel when FlashInfer is installed.
    public static let v0_9 = VLLMRelease(
        name: "0.9-0.11.0", first: (0, 9, 0), last: (0, 11, 0), engine: .v1, nonTorchGiB: 0.31, sampler: .pytorchSort,
        samplerNote: "PyTorch sort unless FlashInfer is installed (the vllm/vllm-openai image ships it): until vLLM PR "
            + "#26859 (after 0.11.0) TopKTopPSampler used FlashInfer whenever it was importable",
        tensorParallelGiB: 0.42, visionEncoderGiB: 0.25)
    /// v1 from 0.11.1 to 0.16: PyTorch's sort; FlashInfer only with `VLLM_USE_FLASHINFER_SAMPLER=1`.
    public static let v0_11_1 = VLLMRelease(
        name: "0.11.1-0.16", first: (0, 11, 1), last: (0, 16, anyPatch), engine: .v1, nonTorchGiB: 0.31,
        sampler: .pytorchSort, samplerNote: "PyTorch sort; FlashInfer is opt-in (VLLM_USE_FLASHINFER_SAMPLER=1, vLLM PR #26859)",
        tensorParallelGiB: 0.42, visionEncoderGiB: 0.25)
    /// v1 from 0.17 (the Triton top-k/top-p kernel) to 0.19, the newest logged.
    public static let v0_17 = VLLMRelease(
        name: "0.17-0.19", first: (0, 17, 0), last: (0, 19, anyPatch), engine: .v1, nonTorchGiB: 0.363, sampler: .triton,
        samplerNote: "Triton top-k/top-p for batches of 8 rows or more (vLLM PR #33538, in 0.17.0rc1, not in 0.16.0); "
            + "FlashInfer is opt-in",
        tensorParallelGiB: 1.9, visionEncoderGiB: 0.25)

    /// The release range of a version string (`"0.19.0"`, `"0.9.2"`, `"V0 engine"`), or `nil` when the string
    /// names no version the table covers.
    public static func named(_ version: String) -> VLLMRelease? {
        if version.uppercased().hasPrefix("V0") { return v0 }
        let parts = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return nil }
        let patch = parts.count >= 3 ? parts[2] ?? 0 : 0
        return all.first { $0.contains((major, minor, patch)) }
    }
}
