/// The top-k/top-p kernel vLLM's start-up dummy sampler runs (`_dummy_sampler_run` in
/// `vllm/v1/worker/gpu_model_runner.py`: `max_num_seqs` rows of the full vocabulary, top-k = vocab − 1,
/// top-p 0.9). Its temporaries are the largest part of the memory the profile run keeps outside weights and
/// KV cache, so the kernel, not the model, sets most of the reserve; which one runs changed with the release.
public enum VLLMSamplerKernel: String, Sendable, CaseIterable, CustomStringConvertible {
    /// V0's sampler in the profile run: only the float32 logits.
    case v0Logits = "v0"
    /// `apply_top_k_top_p` in PyTorch (`vllm/v1/sample/ops/topk_topp_sampler.py`): sorts the logits.
    case pytorchSort = "pytorch"
    /// FlashInfer's `top_k_top_p_sampling` kernel on probabilities.
    case flashInfer = "flashinfer"
    /// The Triton top-k/top-p kernel (vLLM PR #33538, commit c656ba3b4d2cda82ca753eefde4b10cbf04c0a3f),
    /// in place plus a [SMs, vocab] buffer.
    case triton = "triton"

    public var description: String {
        switch self {
        case .v0Logits: "V0 logits"
        case .pytorchSort: "PyTorch sort"
        case .flashInfer: "FlashInfer"
        case .triton: "Triton"
        }
    }

    /// Bytes the kernel holds per logit (row × vocabulary entry) at its peak.
    public var bytesPerLogit: Double {
        switch self {
        case .v0Logits: 4
        case .pytorchSort: 37.4
        case .flashInfer: 10
        case .triton: 14.45
        }
    }

    /// Where ``bytesPerLogit`` comes from: the tensors alive at the peak, and the logs that calibrate it.
    public var derivation: String {
        switch self {
        case .v0Logits:
            "float32 logits (4 B); calibrated on the two V0 RTX 3090 logs"
        case .pytorchSort:
            "bf16 and float32 logits (6 B), the sorted copy and its int64 indices (12 B), two masks (2 B), "
                + "softmax probabilities (4 B), the scatter output (4 B) and the sort's scratch; 37.4 B calibrated on "
                + "Qwen3-14B under 0.15 and Qwen3-8B under 0.9.2"
        case .flashInfer:
            "bf16 and float32 logits (6 B) and float32 probabilities (4 B); bounded, not calibrated: the one log "
                + "that ran it (Mistral-Small-3.2 under 0.11.0) peaks in the forward pass"
        case .triton:
            "bf16 and float32 logits (6 B), probabilities and the exponential draw (8 B), ~80 MiB of kernel "
                + "buffer; 14.45 B calibrated on the 0.17-0.19 logs"
        }
    }

    /// Every kernel's name as `--sampler` and the runtime notes spell it, in table order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The kernel for a `--sampler` value (`pytorch`, `flashinfer`, `triton`, `v0`), or nil.
    public static func named(_ name: String) -> VLLMSamplerKernel? {
        VLLMSamplerKernel(rawValue: name.lowercased())
    }
}
