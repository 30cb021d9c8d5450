import SeekCore

/// A model's weight format as detected from its config.
public struct Precision: Sendable, Hashable {
    /// The label published in `models.json`, e.g. `"BF16"`, `"FP8"`, `"INT4"`, `"FP4"`.
    public var dtype: String
    /// Average bytes per parameter, e.g. 2.0 for BF16, 0.5625 for DeepSeek-V4's FP4 experts.
    public var bytesPerParameter: Double
    /// `true` when parts of the model are kept in a wider format.
    public var isMixed: Bool

    /// Creates a precision.
    ///
    /// - Parameters:
    ///   - dtype: The label.
    ///   - bytesPerParameter: Average bytes per parameter.
    ///   - isMixed: Whether the format is mixed.
    public init(dtype: String, bytesPerParameter: Double, isMixed: Bool = false) {
        self.dtype = dtype
        self.bytesPerParameter = bytesPerParameter
        self.isMixed = isMixed
    }
}

/// Detects the weight format from `quantization_config` or `torch_dtype` (`detect_precision`, §5.7).
public enum PrecisionDetector {
    /// Detects the precision of the model `config` describes.
    ///
    /// `quantization_config` is read from the text config, falling back to the wrapper's; without one,
    /// the dtype is the first of text `torch_dtype`, text `dtype`, raw `torch_dtype`, raw `dtype`.
    ///
    /// - Parameters:
    ///   - config: The parsed `config.json`.
    ///   - architectures: The registry, for the multimodal unwrap.
    /// - Returns: The label, bytes per parameter and mixed flag.
    /// - Throws: ``ModelConfigError`` for an unknown dtype or quant method, or unparsable config groups.
    public static func detect(config: JSONValue, architectures: ModelArchitectures) throws -> Precision {
        let raw = config.objectValue ?? JSONObject()
        let text = try architectures.textConfig(of: config)
        return try detect(raw: raw, text: text)
    }

    /// Detects the precision from an already unwrapped config pair.
    ///
    /// - Parameters:
    ///   - raw: The top-level `config.json` object.
    ///   - text: The effective (text) config (`raw` itself when not a wrapper).
    /// - Returns: The precision.
    /// - Throws: ``ModelConfigError`` as ``detect(config:architectures:)`` does.
    public static func detect(raw: JSONObject, text: JSONObject) throws -> Precision {
        let quantization = nonNull(text["quantization_config"]) ?? nonNull(raw["quantization_config"])
        guard let quantization else {
            let dtype = [text["torch_dtype"], text["dtype"], raw["torch_dtype"], raw["dtype"]]
                .lazy.compactMap(nonNull).first
            switch dtype?.stringValue {
            case "bfloat16": return Precision(dtype: "BF16", bytesPerParameter: 2.0)
            case "float16": return Precision(dtype: "FP16", bytesPerParameter: 2.0)
            case "float32": return Precision(dtype: "FP32", bytesPerParameter: 4.0)
            default: throw failure("Unknown torch_dtype='\(pythonString(dtype))'")
            }
        }
        let method = quantization["quant_method"]
        switch method?.stringValue {
        case "fp8":
            if text["expert_dtype"]?.stringValue == "fp4" {
                return Precision(dtype: "FP4", bytesPerParameter: 0.5625, isMixed: true)
            }
            return Precision(dtype: "FP8", bytesPerParameter: 1.0)
        case "mxfp8":
            return Precision(dtype: "MXFP8", bytesPerParameter: 1.03125)
        case "compressed-tensors":
            for weights in groupWeights(quantization) {
                guard let bits = weights.bits, let type = weights.type else { continue }
                let ignored = quantization["ignore"]?.arrayValue ?? []
                return Precision(dtype: "\(type.uppercased())\(bits)", bytesPerParameter: Double(bits) / 8,
                                 isMixed: !ignored.isEmpty)
            }
            throw failure("Could not parse compressed-tensors config_groups")
        case "modelopt":
            let groups = groupWeights(quantization).compactMap { weights -> (bits: Int, type: String)? in
                guard let bits = weights.bits, let type = weights.type else { return nil }
                return (bits, type)
            }
            guard let narrowest = groups.min(by: { $0.bits < $1.bits }) else {
                throw failure("Could not parse modelopt config_groups")
            }
            let widths = Set(groups.map(\.bits))
            return Precision(dtype: "\(narrowest.type.uppercased())\(narrowest.bits)",
                             bytesPerParameter: Double(narrowest.bits) / 8, isMixed: widths.count > 1)
        default:
            throw failure("Unknown quant_method='\(pythonString(method))'")
        }
    }

    /// The `weights` of each `config_groups` entry, in order: `num_bits` and `type` when present.
    private static func groupWeights(_ quantization: JSONValue) -> [(bits: Int?, type: String?)] {
        guard let groups = quantization["config_groups"]?.objectValue else { return [] }
        return groups.values.map { group in
            let weights = group["weights"]
            return (weights?["num_bits"]?.intValue, weights?["type"]?.stringValue)
        }
    }

    private static func nonNull(_ value: JSONValue?) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        return value
    }

    private static func pythonString(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "None" }
        return value.stringValue ?? value.description
    }

    private static func failure(_ message: String) -> ModelConfigError {
        ModelConfigError(modelName: "", message: message)
    }
}
