import SeekCore

/// vLLM's KV cache model: pure functions over ``KVArchitecture`` and ``VLLMSettings``.
///
/// Paraphrases vLLM v1's `kv_cache_interface.py` (page sizes, per-request memory) and `kv_cache_utils.py`
/// (grouping, `num_blocks`, the start-up report); see `/work/shared/data/vllm-logs/README.md`.
public enum VLLMKVCache {
    /// Bytes `fp8_ds_mla` (DeepSeek's FlashMLA fp8 cache) takes per token per layer: 512 fp8 latent
    /// + 4 fp32 scales + 64 bf16 rope = 656 (`MLAAttentionSpec.page_size_bytes` with `cache_dtype_str == "fp8_ds_mla"`).
    public static let fp8DSMLABytesPerToken = 656

    /// Bytes of one KV element (`STR_DTYPE_TO_TORCH_DTYPE[cache_dtype]`): `auto` = the model dtype, `fp8` = 1.
    ///
    /// - Parameters:
    ///   - kvCacheDType: The `--kv-cache-dtype`.
    ///   - modelDTypeBytes: Bytes of the model dtype (2 for bf16/fp16).
    /// - Returns: Bytes per element; `fp8_ds_mla` counts as 1 (its MLA page is fixed by ``fp8DSMLABytesPerToken``).
    public static func elementBytes(_ kvCacheDType: VLLMSettings.KVCacheDType, modelDTypeBytes: Int) -> Int {
        switch kvCacheDType {
        case .auto: modelDTypeBytes
        case .fp8, .fp8DSMLA: 1
        }
    }

    /// KV heads one GPU holds: `max(1, num_key_value_heads // TP)` (`ModelConfig.get_num_kv_heads`; heads are
    /// replicated when TP exceeds them).
    ///
    /// - Parameters:
    ///   - kvHeads: `num_key_value_heads`.
    ///   - tensorParallel: TP degree (values below 1 count as 1).
    /// - Returns: Heads per GPU; 0 when `kvHeads` is not positive.
    public static func kvHeadsPerGPU(_ kvHeads: Int, tensorParallel: Int) -> Int {
        kvHeads > 0 ? max(1, kvHeads / max(1, tensorParallel)) : 0
    }

    /// Bytes one token of one layer takes on one GPU (a page divided by `block_size`).
    ///
    /// Full and sliding window: `2 × kv_heads_per_gpu × head_dim × dtype` (`AttentionSpec.page_size_bytes`);
    /// MLA: `(kv_lora_rank + qk_rope_head_dim) × dtype`, one latent, not split by TP (`MLAAttentionSpec`), or 656
    /// for `fp8_ds_mla`; no-KV layers: 0.
    /// - Parameters:
    ///   - attention: The layer.
    ///   - elementBytes: Bytes per KV element (see ``elementBytes(_:modelDTypeBytes:)``).
    ///   - kvCacheDType: Selects the fixed `fp8_ds_mla` MLA size.
    ///   - tensorParallel: TP degree.
    /// - Returns: Bytes.
    public static func bytesPerToken(of attention: KVArchitecture.Attention, elementBytes: Int,
                                     kvCacheDType: VLLMSettings.KVCacheDType = .auto, tensorParallel: Int = 1) -> Int {
        switch attention {
        case .full(let heads, let dim), .slidingWindow(_, let heads, let dim):
            return 2 * kvHeadsPerGPU(heads, tensorParallel: tensorParallel) * dim * elementBytes
        case .mla(let rank, let rope):
            return kvCacheDType == .fp8DSMLA ? fp8DSMLABytesPerToken : (rank + rope) * elementBytes
        case .noKVCache:
            return 0
        }
    }

    /// Bytes of one page (one block of one layer) on one GPU: `block_size × ` ``bytesPerToken(of:elementBytes:kvCacheDType:tensorParallel:)``.
    ///
    /// - Parameters:
    ///   - attention: The layer.
    ///   - settings: Block size, KV dtype and TP.
    ///   - modelDTypeBytes: Bytes of the model dtype, used when `kv_cache_dtype` is `auto`.
    /// - Returns: Bytes.
    public static func pageBytes(of attention: KVArchitecture.Attention, settings: VLLMSettings, modelDTypeBytes: Int) -> Int {
        settings.blockSize * bytesPerToken(of: attention, elementBytes: elementBytes(settings.kvCacheDType, modelDTypeBytes: modelDTypeBytes),
                                           kvCacheDType: settings.kvCacheDType, tensorParallel: settings.tensorParallel)
    }

    /// KV bytes one token takes over the given layers, as a real number (the site's per-token figure).
    ///
    /// Sums ``bytesPerToken(of:elementBytes:kvCacheDType:tensorParallel:)`` with a fractional element size, so
    /// the site's `kvBytes` (1 or 2, as `Double`) goes through the same per-layer rule.
    /// - Parameters:
    ///   - arch: The layers.
    ///   - elementBytes: Bytes per KV element.
    ///   - tensorParallel: TP degree (1 = the whole model's KV per token).
    /// - Returns: Bytes per token.
    public static func bytesPerToken(_ arch: KVArchitecture, elementBytes: Double, tensorParallel: Int = 1) -> Double {
        arch.layers.reduce(0) { sum, layer in
            sum + Double(bytesPerToken(of: layer, elementBytes: 1, tensorParallel: tensorParallel)) * elementBytes
        }
    }
}
