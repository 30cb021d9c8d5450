/// GPU memory to fine-tune a model, per method: the states each parameter keeps, plus activations and the CUDA
/// context as an overhead. Printed in Methodology with its sources.
public enum TrainingMemory {
    /// How the weights are adapted.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Every weight trained with AdamW in mixed precision.
        case full
        /// Low-rank adapters on the frozen 16-bit model.
        case lora
        /// Low-rank adapters on the frozen model quantized to 4 bits (NF4, double quantization).
        case qlora
    }

    /// Bytes per parameter of full fine-tuning with AdamW in mixed precision: fp32 master weights and a 16-bit copy
    /// (6), fp32 gradients (4), AdamW's two moments (8) — Hugging Face's "Model training anatomy".
    public static let fullBytesPerParameter = 18.0
    /// Bytes per frozen parameter: 16-bit for LoRA, NF4 with double quantization for QLoRA (Dettmers et al. 2023,
    /// 4 bits plus 0.127 bits of constants).
    public static let loraFrozenBytes = 2.0
    public static let qloraFrozenBytes = 0.5 + 0.127 / 8
    /// Adapters as a fraction of the model's parameters, trained at ``fullBytesPerParameter`` (rank 16 on every
    /// attention and MLP projection is under 1 % of a 7B–70B model).
    public static let adapterFraction = 0.01
    /// Activations (with gradient checkpointing), CUDA context and fragmentation, as a factor on the states.
    public static let overheadFactor = 1.2
    /// Fixed headroom per GPU, GB (gpu-lol's buffer).
    public static let bufferGB = 2.0

    /// Bytes per parameter a method keeps.
    public static func bytesPerParameter(_ method: Method) -> Double {
        switch method {
        case .full: fullBytesPerParameter
        case .lora: loraFrozenBytes + adapterFraction * fullBytesPerParameter
        case .qlora: qloraFrozenBytes + adapterFraction * fullBytesPerParameter
        }
    }

    /// GB one GPU needs to fine-tune `parameters` parameters on `gpus` GPUs, the states sharded over them (FSDP,
    /// ZeRO-3, or `device_map="auto"` for a frozen base), plus the overhead and the buffer.
    public static func perGPUGB(parameters: Double, method: Method, gpus: Int) -> Double {
        parameters * bytesPerParameter(method) / Double(max(1, gpus)) / 1e9 * overheadFactor + bufferGB
    }

    /// GB one GPU needs to serve `parameters` 16-bit parameters when no config can be sized exactly: the weights
    /// split over `gpus`, with the same overhead.
    public static func inferencePerGPUGB(parameters: Double, gpus: Int) -> Double {
        parameters * 2 / Double(max(1, gpus)) / 1e9 * overheadFactor + bufferGB
    }

    /// GB one GPU needs when nothing in the repository says (gpu-lol's fallbacks): 40 to train, 16 otherwise.
    public static func fallbackGB(training: Bool) -> Double { training ? 40 : 16 }
}
