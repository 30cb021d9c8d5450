/// What vLLM needs to size a model's KV cache: each decoder layer's attention kind and shape.
///
/// Built from a Hugging Face `config.json` (Feeds) or by hand (tests); the vLLM cache model
/// (`VLLMKVCache`) and the site's per-token figures both start from it, so they cannot disagree.
public struct KVArchitecture: Sendable, Hashable {
    /// One decoder layer's attention, as far as the KV cache is concerned.
    public enum Attention: Sendable, Hashable {
        /// Full (global) attention with `kvHeads` key/value heads of `headDim` (GQA, MQA, MHA).
        case full(kvHeads: Int, headDim: Int)
        /// Sliding-window attention over the last `window` tokens.
        case slidingWindow(window: Int, kvHeads: Int, headDim: Int)
        /// Multi-head latent attention: one latent of `kvLoraRank + qkRopeHeadDim` per token, not split by TP.
        case mla(kvLoraRank: Int, qkRopeHeadDim: Int)
        /// A layer without a KV cache of tokens (linear attention, Mamba/SSM state, …).
        case noKVCache
    }

    /// Every decoder layer, in order.
    public var layers: [Attention]
    /// Bytes of the model dtype (2 for bf16/fp16), the KV element size when `kv_cache_dtype` is `auto`.
    public var modelDTypeBytes: Int

    /// Creates an architecture.
    public init(layers: [Attention], modelDTypeBytes: Int = 2) {
        self.layers = layers
        self.modelDTypeBytes = modelDTypeBytes
    }
}
