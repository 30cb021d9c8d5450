import SeekCore

extension ModelSpec {
    /// The model's KV layers as a ``KVArchitecture``, from the site's models.json fields.
    ///
    /// GQA: `num_kv_layers ?? num_hidden_layers` full-attention layers of `num_kv_heads × head_dim`; MLA: that many
    /// layers of `kv_lora_rank + qk_rope_head_dim`. `nil` for other attention types (DSV4 and MSA keep their
    /// `kv_elems_per_token`) or missing fields. models.json has no sliding-window layout, so every KV layer is full.
    /// - Parameter modelDTypeBytes: Bytes of the model dtype (2).
    public func kvArchitecture(modelDTypeBytes: Int = 2) -> KVArchitecture? {
        let layer: KVArchitecture.Attention
        switch attentionType {
        case "MLA":
            guard let rank = kvLoraRank, let rope = qkRopeHeadDim else { return nil }
            layer = .mla(kvLoraRank: rank, qkRopeHeadDim: rope)
        case "GQA":
            guard let heads = numKVHeads, let dim = headDim else { return nil }
            layer = .full(kvHeads: heads, headDim: dim)
        default:
            return nil
        }
        return KVArchitecture(layers: Array(repeating: layer, count: max(0, kvLayerCount)), modelDTypeBytes: modelDTypeBytes)
    }
}
