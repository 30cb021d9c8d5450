import SeekCore

/// The KV cache element type chosen in Advanced Settings (§2.4 `resolveKvPrecisionBytes`).
public enum KVCachePrecision: String, Sendable, Hashable, CaseIterable {
    /// 2 bytes per element (the default).
    case fp16
    /// 1 byte per element on any GPU (not exposed in the reference UI).
    case fp8
    /// 1 byte on FP8-capable architectures (Ada Lovelace, Hopper, Blackwell), else 2.
    case auto

    /// Bytes per KV element on a GPU.
    ///
    /// - Parameters:
    ///   - architecture: The GPU spec's `architecture`, or `nil` for an unknown GPU (→ 2 bytes for `auto`).
    ///   - assumptions: Supplies the FP8-capable architectures.
    /// - Returns: 1 or 2 bytes.
    public func bytesPerElement(architecture: String?, assumptions: SizingAssumptions = .reference) -> Double {
        switch self {
        case .fp16: 2
        case .fp8: 1
        case .auto: architecture.map { assumptions.fp8KVArchitectures.contains($0) } == true ? 1 : 2
        }
    }
}

extension ModelSpec {
    /// Layers that keep a KV cache: `num_kv_layers ?? num_hidden_layers ?? 0` (§2.4; hybrids count attention layers only).
    public var kvLayerCount: Int { numKVLayers ?? numHiddenLayers ?? 0 }

    /// KV cache per token, in bytes (§2.4 `calcKvCachePerToken` × 1024³).
    ///
    /// MLA `L × (kv_lora_rank + qk_rope_head_dim) × b`; GQA `2 × L × kv_heads × head_dim × b`;
    /// DSV4 and MSA `kv_elems_per_token × b`; anything else or missing fields → 0. MLA and GQA go through
    /// ``kvArchitecture(modelDTypeBytes:)`` and ``VLLMKVCache/bytesPerToken(_:elementBytes:tensorParallel:)``,
    /// the functions `seekgpu size` uses, so the site and the command agree.
    /// - Parameter kvBytes: Bytes per element (2 for fp16).
    /// - Returns: Bytes per token.
    public func kvCacheBytesPerToken(kvBytes: Double = 2) -> Double {
        if let arch = kvArchitecture() {
            return VLLMKVCache.bytesPerToken(arch, elementBytes: kvBytes)   // the vLLM model's per-layer rule, TP 1
        }
        switch attentionType {
        case "DSV4", "MSA":
            return Double(kvElemsPerToken ?? 0) * kvBytes
        default:
            return 0
        }
    }

    /// KV cache per token, in GB (bytes / 1024³) (§2.4).
    ///
    /// - Parameter kvBytes: Bytes per element (2 for fp16).
    public func kvCacheGBPerToken(kvBytes: Double = 2) -> Double {
        kvCacheBytesPerToken(kvBytes: kvBytes) / gibibyte
    }
}

/// Bytes in one GB as the reference counts KV and reserve memory (1024³).
let gibibyte: Double = 1_073_741_824
/// Bytes in one TB as the reference counts HBM bandwidth (1024⁴).
let tebibyte: Double = 1_099_511_627_776
