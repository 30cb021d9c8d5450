import SeekCore

extension WeightQuantization {
    /// Reads a `quantization_config` as vLLM loads it, with each method's scale overhead:
    ///
    /// - `compressed-tensors`: the first `config_groups` entry's `num_bits` / 8, plus a 2-byte scale per
    ///   `group_size` weights (`group`), a 4-byte scale per block (`block`), nothing for `channel`/`tensor`;
    ///   a zero point of `num_bits` per group when not `symmetric`. Experts are quantized like the rest.
    /// - `fp8`: 1 byte, plus a 4-byte inverse scale per `weight_block_size` block.
    /// - `mxfp4` (gpt-oss): experts only, 4 bits + a 1-byte scale per 32 (0.53125 B), padded to 256 on load.
    /// - `awq`, `gptq` (and `auto-round`): `bits` / 8 plus a 2-byte scale and a packed zero per `group_size`.
    /// - `bitsandbytes`: 4-bit 0.5 B + a 4-byte absmax per 64 (1 byte with double quantization); 8-bit 1 B.
    /// - `modelopt`: NVFP4 0.5 B + a 1-byte scale per 16; FP8 1 B.
    ///
    /// - Throws: ``ModelConfigError`` naming the method when it is unknown or its bit width is missing.
    public init(quantizationConfig q: JSONObject) throws {
        let method = q["quant_method"]?.stringValue ?? "?"
        func failure(_ why: String) -> ModelConfigError {
            ModelConfigError(modelName: "", message: "quantization_config (quant_method '\(method)'): \(why)")
        }
        switch method {
        case "compressed-tensors":
            let weights = (q["config_groups"]?.objectValue ?? JSONObject()).values
                .compactMap { $0["weights"]?.objectValue }.first
            guard let weights, let bits = weights["num_bits"]?.intValue else {
                throw failure("no config_groups entry with weights.num_bits")
            }
            let strategy = weights["strategy"]?.stringValue ?? "tensor"
            var bytes = Double(bits) / 8
            var label = "\((weights["type"]?.stringValue ?? "int").uppercased())\(bits) \(strategy)"
            switch strategy {
            case "group", "tensor_group":
                let group = Double(weights["group_size"]?.intValue ?? 128)
                let zero = weights["symmetric"]?.boolValue == false ? Double(bits) / 8 : 0
                bytes += (2 + zero) / group
                label += " g\(Int(group))"
            case "block":
                let block = (weights["block_structure"]?.arrayValue ?? []).compactMap(\.intValue).reduce(1, *)
                bytes += 4 / Double(max(block, 1))
            default:
                break
            }
            self.init(method: method, label: label, decoderBytes: bytes, expertBytes: bytes)
        case "fp8":
            let block = (q["weight_block_size"]?.arrayValue ?? []).compactMap(\.intValue).reduce(1, *)
            let bytes = 1 + (block > 1 ? 4 / Double(block) : 0)
            self.init(method: method, label: block > 1 ? "FP8 block" : "FP8", decoderBytes: bytes, expertBytes: bytes)
        case "mxfp4":
            self.init(method: method, label: "MXFP4 experts", decoderBytes: nil, expertBytes: 0.5 + 1.0 / 32,
                      expertPadding: 256)
        case "awq", "gptq", "auto-round":
            guard let bits = q["bits"]?.intValue ?? q["w_bit"]?.intValue else { throw failure("no bits") }
            let group = q["group_size"]?.intValue ?? q["q_group_size"]?.intValue ?? 128
            let perGroup = group > 0 ? (2 + Double(bits) / 8) / Double(group) : 0
            let bytes = Double(bits) / 8 + perGroup
            self.init(method: method, label: "INT\(bits) g\(group)", decoderBytes: bytes, expertBytes: bytes,
                      lmHeadQuantized: q["lm_head"]?.boolValue == true)
        case "bitsandbytes":
            if q["load_in_4bit"]?.boolValue == true {
                let absmax = q["bnb_4bit_use_double_quant"]?.boolValue == true ? 1.0 / 64 : 4.0 / 64
                self.init(method: method, label: "NF4", decoderBytes: 0.5 + absmax, expertBytes: 0.5 + absmax)
            } else {
                self.init(method: method, label: "INT8", decoderBytes: 1, expertBytes: 1)
            }
        case "modelopt":
            let algorithm = (q["quant_algo"]?.stringValue ?? q["quantization"]?["quant_algo"]?.stringValue ?? "").uppercased()
            let groupBits = (q["config_groups"]?.objectValue ?? JSONObject()).values
                .compactMap { $0["weights"]?["num_bits"]?.intValue }.min()
            if algorithm.contains("FP4") || groupBits == 4 {
                self.init(method: method, label: "NVFP4", decoderBytes: 0.5 + 1.0 / 16, expertBytes: 0.5 + 1.0 / 16)
            } else if algorithm.contains("FP8") || groupBits == 8 {
                self.init(method: method, label: "FP8", decoderBytes: 1, expertBytes: 1)
            } else {
                throw failure("quant_algo '\(algorithm)' is neither NVFP4 nor FP8")
            }
        default:
            throw failure("seekgpu does not know how vLLM stores this method's weights")
        }
    }
}
