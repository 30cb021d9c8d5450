import SeekCore

/// The precision a model is served at, bucketed as the reference does (§2.2 `resolveModelPrecision`).
public enum ServingPrecision: String, Sendable, Hashable, CaseIterable {
    /// 4-byte floats.
    case fp32
    /// 2-byte IEEE half floats.
    case fp16
    /// 2-byte bfloat16.
    case bf16
    /// 1-byte floats (FP8, MXFP8).
    case fp8
    /// 1-byte integers.
    case int8
    /// 4-bit weights with group scales (INT4, FP4, FLOAT4): 0.5625 bytes per parameter.
    case int4

    /// Bytes per parameter (§2.1 `BYTES_PER_PARAM`): fp32 4, fp16/bf16 2, fp8/int8 1, int4 0.5625.
    public var bytesPerParam: Double {
        switch self {
        case .fp32: 4
        case .fp16, .bf16: 2
        case .fp8, .int8: 1
        case .int4: 0.5625
        }
    }

    /// Buckets a models.json `precision` string (§2.2): unknown or `nil` falls back to fp16.
    ///
    /// - Parameter raw: The model's `precision`, e.g. `"FP8"`, `"INT4-mixed"`, or `nil`.
    public init(raw: String?) {
        // The spellings models.json uses, without the case folding and trimming below (a hot path of the site).
        switch raw {
        case "BF16": self = .bf16; return
        case "FP8": self = .fp8; return
        case "FP16": self = .fp16; return
        default: break
        }
        let text = (raw ?? "").uppercased().trimmingWhitespace()
        switch text {
        case "FP8", "FLOAT8", "MXFP8": self = .fp8
        case "BF16": self = .bf16
        case "FP16": self = .fp16
        case "FP32": self = .fp32
        case "INT8": self = .int8
        case "FP4", "FLOAT4": self = .int4
        default: self = text.hasPrefix("INT4") ? .int4 : .fp16
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension ModelSpec {
    /// The model's native serving precision (§2.2); models are always sized at it.
    public var servingPrecision: ServingPrecision { ServingPrecision(raw: precision) }

    /// Whether the model is a mixture of experts (`architecture == "MoE"`).
    public var isMoE: Bool { architecture == "MoE" }

    /// Bytes per non-routed parameter of a mixed int4 checkpoint (§2.2): see ``WeightMemory/nonRoutedBytesPerParam(precision:)``.
    var nonRoutedBytesPerParam: Double { WeightMemory.nonRoutedBytesPerParam(precision: precision) }

    /// Total weight memory, in GB, used for fit and VRAM (§2.2 `getModelMemory`).
    ///
    /// - Parameter precision: The precision to size at; `nil` means ``servingPrecision``.
    /// - Returns: GB (10⁹ params × bytes per param); int4 with routed experts splits routed (0.5625 B)
    ///   and non-routed (1 or 2 B) parameters.
    public func weightMemoryGB(at precision: ServingPrecision? = nil) -> Double {
        WeightMemory.size(parameters: learnableParamsB, routedExpertParameters: routedExpertParamsB,
                          precision: precision ?? servingPrecision, precisionName: self.precision)
    }

    /// Weight memory read from HBM per decode step, in GB (§2.2 `getActiveModelMemory`).
    ///
    /// - Parameter precision: The precision to size at; `nil` means ``servingPrecision``.
    /// - Returns: GB; dense models read all weights.
    public func activeWeightMemoryGB(at precision: ServingPrecision? = nil) -> Double {
        let p = precision ?? servingPrecision
        guard isMoE else { return weightMemoryGB(at: p) }
        if let routed = routedExpertParamsB, p == .int4 {
            let nonRouted = learnableParamsB - routed
            let activeRouted = activeParamsB - nonRouted
            return activeRouted * ServingPrecision.int4.bytesPerParam + nonRouted * nonRoutedBytesPerParam
        }
        return activeParamsB * p.bytesPerParam
    }

    /// Whole GB of VRAM the model needs: `ceil(weights × 1.15)` (§2.3 `minVramForModel`).
    ///
    /// - Parameter assumptions: Supplies the overhead factor.
    public func minVRAMGB(assumptions: SizingAssumptions = .reference) -> Double {
        (weightMemoryGB() * assumptions.weightOverheadFactor).rounded(.up)
    }

    /// Whether the model fits `gpuCount` GPUs of `vramPerGPUGB` each: `ceil(weights × 1.15 / v) ≤ n` (§2.3).
    ///
    /// - Parameters:
    ///   - gpuCount: GPUs in the configuration.
    ///   - vramPerGPUGB: Memory per GPU, GB.
    ///   - assumptions: Supplies the overhead factor.
    public func fits(gpuCount: Int, vramPerGPUGB: Double, assumptions: SizingAssumptions = .reference) -> Bool {
        Fit.gpusNeeded(memoryGB: weightMemoryGB() * assumptions.weightOverheadFactor, vramPerGPUGB: vramPerGPUGB)
            <= gpuCount
    }
}

/// The one weight estimate (§2.2 `getModelMemory`): the site sizes `models.json` rows with it (billions of
/// parameters → GB) and `seekgpu size` exact parameter counts (parameters → bytes).
public enum WeightMemory {
    /// Weight size in bytes per unit of `parameters` (so billions give GB): at `precision`'s bytes per
    /// parameter, except int4 with routed experts, which stores routed experts at 0.5625 B and the rest at
    /// ``nonRoutedBytesPerParam(precision:)``.
    /// - Parameters:
    ///   - parameters: All parameters (any unit: 1, 10⁹, …).
    ///   - routedExpertParameters: Parameters in routed experts, same unit; nil for models without.
    ///   - precision: The serving precision.
    ///   - precisionName: The checkpoint's format as written (`"FP4"`, `"INT4-mixed"`, …), for the non-routed bytes.
    public static func size(parameters: Double, routedExpertParameters: Double?, precision: ServingPrecision,
                            precisionName: String?) -> Double {
        if let routed = routedExpertParameters, precision == .int4 {
            return routed * ServingPrecision.int4.bytesPerParam
                + (parameters - routed) * nonRoutedBytesPerParam(precision: precisionName)
        }
        return parameters * precision.bytesPerParam
    }

    /// Bytes per non-routed parameter of a mixed int4 checkpoint (§2.2): 1 (FP8) for native `"FP4"`
    /// (DeepSeek-V4), else 2 (BF16, community INT4 quants).
    public static func nonRoutedBytesPerParam(precision: String?) -> Double {
        (precision ?? "").uppercased().trimmingWhitespace() == "FP4" ? 1 : 2
    }
}

/// The fit rule's GPU count (§2.3).
public enum Fit {
    /// GPUs needed to hold `memoryGB`: `ceil(memoryGB / vramPerGPUGB)` (§2.3 `gpusNeeded`).
    ///
    /// - Parameters:
    ///   - memoryGB: Memory to hold, GB.
    ///   - vramPerGPUGB: Memory per GPU, GB (> 0).
    /// - Returns: A GPU count; `Int.max` when `vramPerGPUGB` is not positive.
    public static func gpusNeeded(memoryGB: Double, vramPerGPUGB: Double) -> Int {
        guard vramPerGPUGB > 0 else { return Int.max }
        let n = (memoryGB / vramPerGPUGB).rounded(.up)
        return n < Double(Int.max) ? Int(n) : Int.max
    }
}
