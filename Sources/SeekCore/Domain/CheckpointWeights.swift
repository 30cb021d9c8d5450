/// What vLLM loads onto the GPUs for one checkpoint: its parameters by role, how each role is stored, and
/// the rotary-embedding caches vLLM builds at load time. Read from a `config.json` by the models feed;
/// ``Sizing`` turns it into "Model loading took X GiB" per GPU.
public struct CheckpointWeights: Sendable, Hashable {
    /// Input embedding parameters (V·H, vocab-parallel under TP).
    public var embedding: Int
    /// Untied `lm_head` parameters (0 when tied).
    public var lmHead: Int
    /// Decoder parameters outside routed experts: attention, dense MLPs, shared experts, routers, norms.
    public var decoder: Int
    /// Routed-expert parameters.
    public var routedExperts: Int
    /// Vision tower and projector parameters (0 for text models).
    public var vision: Int
    /// One routed expert's matrix shape, for layouts that pad experts (MXFP4 on Hopper).
    public var expertShape: ExpertMatrices?
    /// Elements of all rotary `cos_sin_cache` buffers (positions × rotary dim, summed over distinct ropes).
    public var ropeCacheElements: Int
    /// Bytes of an unquantized element (the model dtype: 2 for bf16/fp16, 4 for fp32).
    public var dtypeBytes: Int
    /// How the checkpoint is quantized; `nil` for an unquantized checkpoint.
    public var quantization: WeightQuantization?

    /// The shape of each routed expert: three `hidden × width` matrices, `count` experts per layer.
    public struct ExpertMatrices: Sendable, Hashable {
        /// `hidden_size`.
        public var hidden: Int
        /// Expert FFN width.
        public var width: Int
        /// Experts per MoE layer.
        public var count: Int
        /// Creates a shape.
        public init(hidden: Int, width: Int, count: Int) {
            self.hidden = hidden
            self.width = width
            self.count = count
        }
    }

    /// Creates an inventory; see each property.
    public init(embedding: Int, lmHead: Int, decoder: Int, routedExperts: Int, vision: Int = 0,
                expertShape: ExpertMatrices? = nil, ropeCacheElements: Int = 0, dtypeBytes: Int = 2,
                quantization: WeightQuantization? = nil) {
        self.embedding = embedding
        self.lmHead = lmHead
        self.decoder = decoder
        self.routedExperts = routedExperts
        self.vision = vision
        self.expertShape = expertShape
        self.ropeCacheElements = ropeCacheElements
        self.dtypeBytes = dtypeBytes
        self.quantization = quantization
    }

    /// All parameters vLLM loads.
    public var parameters: Int { embedding + lmHead + decoder + routedExperts + vision }
}

/// A checkpoint's `quantization_config` as vLLM applies it: bytes per parameter (scales included) of the
/// quantized linear layers. Embeddings, norms and vision towers stay in the model dtype.
public struct WeightQuantization: Sendable, Hashable {
    /// The `quant_method`, e.g. `compressed-tensors`, `fp8`, `mxfp4`, `awq`, `gptq`, `bitsandbytes`, `modelopt`.
    public var method: String
    /// A short label, e.g. `FP8 channel`, `MXFP4 experts`, `INT4 g128`.
    public var label: String
    /// Bytes per parameter of quantized decoder linear layers (attention, dense MLP, shared experts);
    /// `nil` when the method leaves them in the model dtype (MXFP4 quantizes experts only).
    public var decoderBytes: Double?
    /// Bytes per parameter of routed experts; `nil` = the model dtype.
    public var expertBytes: Double?
    /// Whether the untied `lm_head` is quantized too (GPTQ `lm_head: true`).
    public var lmHeadQuantized: Bool
    /// Expert matrices are padded to a multiple of this in both dimensions on load (vLLM's MXFP4 MoE
    /// kernels on Hopper pad to 256); `nil` = no padding.
    public var expertPadding: Int?

    /// Creates a quantization description; see each property.
    public init(method: String, label: String, decoderBytes: Double?, expertBytes: Double?, lmHeadQuantized: Bool = false,
                expertPadding: Int? = nil) {
        self.method = method
        self.label = label
        self.decoderBytes = decoderBytes
        self.expertBytes = expertBytes
        self.lmHeadQuantized = lmHeadQuantized
        self.expertPadding = expertPadding
    }
}
