import SeekCore

/// The vision tower and projector layouts of the vision-language wrappers seekgpu counts (the
/// `vision_tower` of a `multimodal_wrappers` entry in `config/model-architectures.yaml`).
public enum VisionTower: String, Sendable, Hashable, CaseIterable {
    /// SigLIP encoder + Gemma 3 projector (`mm_input_projection_weight`, `mm_soft_emb_norm`).
    case siglip
    /// Pixtral encoder (gated MLP, no biases, RMSNorm) + Mistral 3 patch merger and two-layer projector.
    case pixtral
    /// MoonViT encoder (SigLIP-shaped layers, learned 2-D position grid) + Kimi-VL projector.
    case moonvit
}

extension VisionTower {
    /// Parameters of the tower and projector described by `config`'s `vision_config`.
    ///
    /// - Parameters:
    ///   - config: The wrapper's top-level config (with `vision_config`).
    ///   - textHidden: The text model's `hidden_size` (the projector's output width).
    /// - Throws: ``ModelConfigError`` naming a missing `vision_config` field.
    func parameters(config: JSONObject, textHidden: Int) throws -> Int {
        guard let vision = config["vision_config"]?.objectValue else {
            throw ModelConfigError(modelName: "", message: "Required config field 'vision_config' is missing")
        }
        let fields = ConfigFields(vision)
        let h = try fields.require("hidden_size")
        let i = try fields.require("intermediate_size")
        let layers = try fields.require("num_hidden_layers")
        let patch = try fields.require("patch_size")
        let channels = try fields.optional("num_channels") ?? 3
        let patchConv = channels * patch * patch * h
        switch self {
        case .siglip:
            let image = try fields.require("image_size")
            let positions = (image / patch) * (image / patch) * h
            let layer = 4 * h * h + 4 * h + (h * i + i) + (i * h + h) + 4 * h
            let projector = h * textHidden + h
            return patchConv + h + positions + layers * layer + 2 * h + projector
        case .pixtral:
            let layer = 4 * h * h + 3 * h * i + 2 * h
            let top = ConfigFields(config)
            let merge = try top.optional("spatial_merge_size") ?? 2
            let bias = top.bool("multimodal_projector_bias")
            let projector = h + (h * merge * merge) * h + (h * textHidden + (bias ? textHidden : 0))
                + (textHidden * textHidden + (bias ? textHidden : 0))
            return patchConv + h + layers * layer + projector
        case .moonvit:
            let grid = try fields.require("init_pos_emb_height") * fields.require("init_pos_emb_width")
            let layer = 4 * h * h + 4 * h + (h * i + i) + (i * h + h) + 4 * h
            let kernel = (vision["merge_kernel_size"]?.arrayValue ?? [.int(2), .int(2)]).compactMap(\.intValue)
            let merged = h * kernel.reduce(1, *)
            let projector = 2 * h + (merged * merged + merged) + (merged * textHidden + textHidden)
            return patchConv + h + grid * h + layers * layer + 2 * h + projector
        }
    }
}
