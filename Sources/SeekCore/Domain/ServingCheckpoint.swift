/// What a model's memory outside the KV cache follows from: the tensors vLLM loads and the widths its profile
/// run touches. Read from one `config.json` by the models feed (`ServingCheckpoint(config:architectures:)`), so
/// `size`, the Methodology agreement table and the tests derive both halves the same way.
public struct ServingCheckpoint: Sendable, Hashable {
    /// The tensors vLLM loads, with their storage widths.
    public var weights: CheckpointWeights
    /// The dimensions that set the profile run's activations, sampler and MoE workspace.
    public var shape: ServingShape

    /// Creates the pair; see each property.
    public init(weights: CheckpointWeights, shape: ServingShape) {
        self.weights = weights
        self.shape = shape
    }
}
