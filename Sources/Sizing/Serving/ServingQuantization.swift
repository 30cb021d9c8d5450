import SeekCore

/// The weight format vLLM serves a checkpoint in: the checkpoint's own, or one vLLM quantizes to at load time.
///
/// Only a 16-bit checkpoint without a `quantization_config` can be quantized at load; an already-quantized
/// checkpoint (FP8, INT4, MXFP4, NVFP4) serves as it is. The KV cache dtype stays a separate choice
/// (`--kv-cache-dtype`). Each row's bytes per parameter count the scales, as ``WeightQuantization`` does for a
/// checkpoint's own `quantization_config`; Methodology prints this table.
public enum ServingQuantization: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The checkpoint as published.
    case checkpoint
    /// FP8 weights from a 16-bit checkpoint (`--quantization fp8`: per-tensor scales, computed at load).
    case fp8
    /// 4-bit weights from a 16-bit checkpoint (`--quantization bitsandbytes`), sized as AWQ/GPTQ g128 checkpoints.
    case int4

    public var description: String { rawValue }

    /// Every name `--precision` takes, in table order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The quantization vLLM applies, as the `WeightQuantization` of the served weights; nil for ``checkpoint``.
    public var applied: WeightQuantization? {
        switch self {
        case .checkpoint: nil
        case .fp8: WeightQuantization(method: "fp8", label: "FP8 (at load)", decoderBytes: 1, expertBytes: 1)
        case .int4: WeightQuantization(method: "bitsandbytes", label: "INT4 (at load)", decoderBytes: Self.int4Bytes,
                                       expertBytes: Self.int4Bytes)
        }
    }

    /// Bytes per 4-bit parameter: 0.5 plus a 2-byte scale and a 4-bit zero per group of 128 (AWQ/GPTQ g128,
    /// 0.5195 B), the larger of that and bitsandbytes NF4 with double quantization (0.5 + 1/64 = 0.5156 B), so
    /// either fits where the estimate says it does.
    public static let int4Bytes = 0.5 + (2 + 0.5) / 128

    /// `--quantization`'s value, nil when vLLM reads the format from the checkpoint.
    public var vllmFlag: String? {
        switch self {
        case .checkpoint: nil
        case .fp8: "fp8"
        case .int4: "bitsandbytes"
        }
    }

    /// GPU architectures (the datasheets' `architecture`) that run the format; nil = every GPU.
    ///
    /// FP8 needs FP8 tensor cores (compute capability 8.9 or later): Ada Lovelace, Hopper, Blackwell.
    public var architectures: Set<String>? {
        switch self {
        case .fp8: ["Ada Lovelace", "Hopper", "Blackwell"]
        case .checkpoint, .int4: nil
        }
    }

    /// Where the figures and the rule come from.
    public var source: String {
        switch self {
        case .checkpoint:
            "the checkpoint's quantization_config, or its dtype"
        case .fp8:
            "vLLM docs, FP8 W8A8 (online dynamic quantization: --quantization fp8, per-tensor scales); "
                + "FP8 tensor cores from compute capability 8.9"
        case .int4:
            "vLLM docs, BitsAndBytes (in-flight 4-bit); AWQ/GPTQ group-128 layout (0.5 B + 2.5 B per 128)"
        }
    }

    /// Whether the format applies to a checkpoint: ``checkpoint`` always; the others only to an unquantized
    /// 16-bit one.
    public func applies(to weights: CheckpointWeights) -> Bool {
        self == .checkpoint || (weights.quantization == nil && weights.dtypeBytes == 2)
    }

    /// Whether a GPU runs the format, by its datasheet's architecture (an unknown GPU runs only ``checkpoint``
    /// and ``int4``).
    public func runs(onArchitecture architecture: String?) -> Bool {
        guard let architectures else { return true }
        return architecture.map(architectures.contains) ?? false
    }

    /// The weights vLLM holds in this format, or nil when the format does not apply to the checkpoint.
    public func weights(_ weights: CheckpointWeights) -> CheckpointWeights? {
        guard applies(to: weights) else { return nil }
        var served = weights
        if let applied { served.quantization = applied }
        return served
    }
}
