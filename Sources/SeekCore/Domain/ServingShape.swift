/// The dimensions of a model that set vLLM's memory outside weights and KV cache: the profile run's activations
/// (batched tokens × widths), the dummy sampler's logits (rows × vocabulary) and the fused-MoE workspace.
/// Read from a `config.json` by the models feed, or approximated from a `models.json` row.
public struct ServingShape: Sendable, Hashable {
    /// `hidden_size`.
    public var hidden: Int
    /// The widest dense MLP (`intermediate_size`); 0 when every layer is MoE.
    public var intermediate: Int
    /// `vocab_size`.
    public var vocab: Int
    /// Routed experts per token; 0 for dense models.
    public var expertsPerToken: Int
    /// A routed expert's FFN width; 0 for dense models.
    public var expertWidth: Int
    /// Whether the model has a vision encoder (vLLM profiles it with dummy images).
    public var hasVision: Bool

    /// Creates a shape; see each property.
    public init(hidden: Int, intermediate: Int, vocab: Int, expertsPerToken: Int = 0, expertWidth: Int = 0,
                hasVision: Bool = false) {
        self.hidden = hidden
        self.intermediate = intermediate
        self.vocab = vocab
        self.expertsPerToken = expertsPerToken
        self.expertWidth = expertWidth
        self.hasVision = hasVision
    }
}
