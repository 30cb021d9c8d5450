import Sizing

/// One precomputed choice of the Advanced Settings: the serving workload and engine setting that
/// the Performance and Budget numbers depend on.
///
/// The site renders the default scenario into the pages and every other scenario of `grid` as
/// fragments under `scenarios/ID/`; a small script swaps them in. The browser never recomputes sizing.
public struct Scenario: Sendable, Hashable {
    /// Average prompt tokens per request.
    public var avgInputTokens: Int
    /// Average completion tokens per request.
    public var avgOutputTokens: Int
    /// KV cache element type.
    public var kvCachePrecision: KVCachePrecision
    /// Fraction of GPU memory the engine may use, e.g. 0.90.
    public var memoryUtilization: Double

    /// Creates a scenario.
    public init(avgInputTokens: Int, avgOutputTokens: Int, kvCachePrecision: KVCachePrecision,
                memoryUtilization: Double) {
        self.avgInputTokens = avgInputTokens
        self.avgOutputTokens = avgOutputTokens
        self.kvCachePrecision = kvCachePrecision
        self.memoryUtilization = memoryUtilization
    }

    /// The reference defaults: 50k in, 1k out, FP16 KV, 90 % memory.
    public static let `default` = Scenario(avgInputTokens: 50_000, avgOutputTokens: 1_000,
                                           kvCachePrecision: .fp16, memoryUtilization: 0.90)

    /// Input-token choices, in display order.
    public static let inputTokenChoices = [10_000, 50_000, 100_000]
    /// Output-token choices.
    public static let outputTokenChoices = [1_000, 4_000]
    /// KV cache choices: FP16, or FP8 where the GPU supports it (the reference's "1 byte (FP8, Hopper+)").
    public static let kvChoices: [KVCachePrecision] = [.fp16, .auto]
    /// Memory-utilisation choices.
    public static let memoryUtilizationChoices = [0.85, 0.90, 0.95]

    /// Every combination of the choices, in a fixed order.
    public static let grid: [Scenario] = inputTokenChoices.flatMap { input in
        outputTokenChoices.flatMap { output in
            kvChoices.flatMap { kv in
                memoryUtilizationChoices.map { util in
                    Scenario(avgInputTokens: input, avgOutputTokens: output, kvCachePrecision: kv, memoryUtilization: util)
                }
            }
        }
    }

    /// The serving settings for the sizing engine (the minimum decode speed stays the reference's 20 tok/s).
    public var settings: ServingSettings {
        ServingSettings(avgInputTokens: Double(avgInputTokens), avgOutputTokens: Double(avgOutputTokens),
                        kvCachePrecision: kvCachePrecision)
    }

    /// A stable, path-safe identifier, e.g. `in50k-out1k-kvfp16-mem90`; the script builds the same string
    /// from the form's values.
    public var id: String {
        "in\(avgInputTokens / 1000)k-out\(avgOutputTokens / 1000)k-kv\(Self.kvToken(kvCachePrecision))-mem\(Int((memoryUtilization * 100).rounded()))"
    }

    /// The token used for a KV type in ids and form values.
    public static func kvToken(_ kv: KVCachePrecision) -> String { kv == .fp16 ? "fp16" : "fp8" }
}
