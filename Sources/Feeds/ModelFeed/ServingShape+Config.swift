import SeekCore

extension ServingShape {
    /// Reads the shape from a `config.json` (a wrapper's `text_config` for the text model).
    ///
    /// - Throws: ``ModelConfigError`` naming a missing `hidden_size` or `vocab_size`.
    public init(config: JSONValue, architectures: ModelArchitectures) throws {
        let text = ConfigFields(try architectures.textConfig(of: config))
        let family = architectures.family(for: text.value("model_type")?.stringValue ?? "")
        let expertWidthKey = family?.expertIntermediateKey ?? (family?.counter == .gptOSS ? "intermediate_size" : "moe_intermediate_size")
        let moe = try text.optional("num_experts_per_tok") ?? text.optional("experts_per_token") ?? 0
        var width = moe > 0 ? try text.optional(expertWidthKey) ?? 0 : 0
        var dense = try text.optional("intermediate_size") ?? 0
        if moe > 0 && expertWidthKey == "intermediate_size" { width = dense; dense = 0 }   // Mixtral, gpt-oss, MiniMax
        let wrapper = config["model_type"]?.stringValue ?? ""
        self.init(hidden: try text.require("hidden_size"), intermediate: dense, vocab: try text.require("vocab_size"),
                  expertsPerToken: moe, expertWidth: width,
                  hasVision: architectures.visionTowers[wrapper] != nil || config["vision_config"]?.objectValue != nil)
    }
}
