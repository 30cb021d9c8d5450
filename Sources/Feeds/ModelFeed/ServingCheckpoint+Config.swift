import SeekCore

extension ServingCheckpoint {
    /// Reads the weights and the serving shape from one `config.json`.
    ///
    /// - Parameters:
    ///   - config: The parsed `config.json` (a multimodal wrapper included).
    ///   - architectures: The family registry (`config/model-architectures.yaml`).
    ///   - dtypeBytes: The element size of unquantized tensors; nil reads it from the config's `torch_dtype`.
    /// - Throws: ``ModelConfigError`` naming the field that is missing or that cannot be counted.
    public init(config: JSONValue, architectures: ModelArchitectures, dtypeBytes: Int? = nil) throws {
        let bytes = try dtypeBytes ?? KVArchitecture(config: config).modelDTypeBytes
        self.init(weights: try CheckpointWeights(config: config, architectures: architectures, dtypeBytes: bytes),
                  shape: try ServingShape(config: config, architectures: architectures))
    }
}
