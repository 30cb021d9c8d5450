import SeekCore

extension ModelSpec {
    /// The row sized in another weight format, for the site's per-precision setups: itself for ``ServingQuantization/checkpoint``;
    /// for FP8 and INT4 a copy at that precision when the checkpoint is 16-bit (BF16/FP16), else nil. INT4 sizes as the
    /// reference does (0.5625 B per parameter; a MoE's routed experts 4-bit and the rest 16-bit), which holds what
    /// vLLM's load-time 4-bit weights need.
    public func served(as format: ServingQuantization) -> ModelSpec? {
        guard format != .checkpoint else { return self }
        guard [.bf16, .fp16].contains(ServingPrecision(raw: precision)), precision != nil else { return nil }
        var served = self
        served.precision = format == .fp8 ? "FP8" : "INT4"
        return served
    }
}

extension SetupSearch {
    /// The same search over the offers whose GPU runs `format` (by its datasheet's architecture).
    public func restricted(to format: ServingQuantization) -> SetupSearch {
        var copy = self
        copy.offerings = offerings.filter { format.runs(onArchitecture: specs[$0.gpuName]?.architecture) }
        return copy
    }
}
