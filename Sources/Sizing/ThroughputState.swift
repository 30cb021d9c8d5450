import SeekCore

/// Whether the decode model covers a model's architecture (§2.9 `throughputState`).
public enum ThroughputState: String, Sendable, Hashable, CaseIterable {
    /// Fully dimensioned standard attention: throughput numbers are computed.
    case modeled = "modeled"
    /// Linear-attention/SSM hybrid, DSV4 or MSA: no throughput numbers.
    case unsupportedArch = "unsupported-arch"
    /// `hidden_size` or `num_hidden_layers` missing: no throughput numbers.
    case dataIncomplete = "data-incomplete"
}

extension ModelSpec {
    /// The throughput state (§2.9); architecture reasons win over missing data.
    public var throughputState: ThroughputState {
        if let kvLayers = numKVLayers, let layers = numHiddenLayers, kvLayers < layers { return .unsupportedArch }
        if attentionType == "DSV4" || attentionType == "MSA" { return .unsupportedArch }
        if hiddenSize == nil || numHiddenLayers == nil { return .dataIncomplete }
        return .modeled
    }
}
