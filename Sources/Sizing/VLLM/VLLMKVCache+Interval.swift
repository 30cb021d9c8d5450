import SeekCore

/// Predicted capacities at both ends of a printed "Available KV cache memory" figure.
public struct VLLMKVCapacityInterval: Sendable, Hashable {
    /// Capacity at the printed value − half its last digit (A − 0.005 GiB).
    public var low: VLLMKVCapacity
    /// Capacity at the printed value + half its last digit (A + 0.005 GiB).
    public var high: VLLMKVCapacity

    /// Creates an interval.
    public init(low: VLLMKVCapacity, high: VLLMKVCapacity) {
        self.low = low
        self.high = high
    }

    /// The reported figures ("GPU KV cache size" tokens) the printed memory allows.
    public var tokens: ClosedRange<Int> { low.kvCacheTokens...max(low.kvCacheTokens, high.kvCacheTokens) }
    /// The `num_gpu_blocks` (V0 `# GPU blocks`) the printed memory allows.
    public var blocks: ClosedRange<Int> { low.numBlocks...max(low.numBlocks, high.numBlocks) }
    /// The concurrencies the printed memory allows.
    public var concurrency: ClosedRange<Double> { low.maxConcurrency...max(low.maxConcurrency, high.maxConcurrency) }
}

extension VLLMKVCache {
    /// Bytes in one GiB (vLLM's `GiB_bytes`, 1024³).
    public static let gibBytes = 1_073_741_824

    /// Half the last printed digit of "Available KV cache memory: A GiB" (printed with two decimals).
    public static let printedGiBTolerance = 0.005

    /// Bytes for a GiB figure, rounded down to a whole byte.
    ///
    /// - Parameter gib: GiB (1024³ bytes).
    public static func bytes(gib: Double) -> Int {
        Int((gib * Double(gibBytes)).rounded(.down))
    }

    /// Capacities at `printed − 0.005` and `printed + 0.005` GiB: the true available memory lies in that range.
    ///
    /// - Parameters:
    ///   - arch: The model.
    ///   - settings: vLLM's settings.
    ///   - printed: "Available KV cache memory", GiB as printed (two decimals).
    ///   - rules: Version rules.
    /// - Returns: Both ends.
    public static func capacityInterval(arch: KVArchitecture, settings: VLLMSettings, availableGiB printed: Double,
                                        rules: VLLMVersionRules = .v1) -> VLLMKVCapacityInterval {
        VLLMKVCapacityInterval(
            low: capacity(arch, settings: settings, availableBytes: bytes(gib: printed - printedGiBTolerance), rules: rules),
            high: capacity(arch, settings: settings, availableBytes: bytes(gib: printed + printedGiBTolerance), rules: rules))
    }

    /// The reported tokens (or, under ``VLLMVersionRules/v0``, the reported `# GPU blocks`) predicted at
    /// `printed ± 0.005` GiB; a prediction is exact when the logged figure lies inside.
    ///
    /// - Parameters:
    ///   - arch: The model.
    ///   - settings: vLLM's settings.
    ///   - printed: "Available KV cache memory", GiB as printed.
    ///   - rules: Version rules.
    /// - Returns: The closed range of the reported figure.
    public static func tokenInterval(arch: KVArchitecture, settings: VLLMSettings, availableGiB printed: Double,
                                     rules: VLLMVersionRules = .v1) -> ClosedRange<Int> {
        let interval = capacityInterval(arch: arch, settings: settings, availableGiB: printed, rules: rules)
        return rules.reportedFigure == .blocks ? interval.blocks : interval.tokens
    }
}
