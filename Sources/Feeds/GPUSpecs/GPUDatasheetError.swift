/// A GPU datasheet file (`gpu-datasheets.yaml` or `gpu-datasheet-overrides.yaml`) that cannot be
/// read or breaks a rule.
///
/// The message names the file, the GPU when there is one, what is wrong and what to do, e.g.
/// "GPU datasheet file 'config/gpu-datasheets.yaml', GPU 'A10': interconnect_tier 'nvlink' is
/// unknown; use one of none, nvlink_paired, nvswitch".
public struct GPUDatasheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; compare with the static members (`error.code == .unknownInterconnectTier`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case unreadable, invalidYAML, missingField, unknownField, invalidValue
            case unknownInterconnectTier, duplicateGPU, unknownGPU
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The file is missing or cannot be read.
        public static let unreadable = Code(.unreadable)
        /// The file is not YAML, or not shaped as the format expects (e.g. a list where a mapping belongs).
        public static let invalidYAML = Code(.invalidYAML)
        /// A required key is absent.
        public static let missingField = Code(.missingField)
        /// A key the format does not know (often a typo).
        public static let unknownField = Code(.unknownField)
        /// A value of the wrong type or out of range (e.g. a quoted number, a negative bandwidth).
        public static let invalidValue = Code(.invalidValue)
        /// `interconnect_tier` is not one of `none`, `nvlink_paired`, `nvswitch`.
        public static let unknownInterconnectTier = Code(.unknownInterconnectTier)
        /// The same GPU name appears twice in one file.
        public static let duplicateGPU = Code(.duplicateGPU)
        /// A table (e.g. `no_nvlink`) names a GPU the file does not list.
        public static let unknownGPU = Code(.unknownGPU)

        /// The code's name, e.g. `unknownInterconnectTier`.
        public var description: String { kind.rawValue }
    }

    /// What kind of problem it is.
    public var code: Code
    /// The file, as given to the loader.
    public var path: String
    /// The GPU the problem is in, if it is in one entry.
    public var gpu: String?
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(code: Code, path: String, gpu: String? = nil, message: String) {
        self.code = code
        self.path = path
        self.gpu = gpu
        self.message = message
    }

    /// "GPU datasheet file '<path>'[, GPU '<name>']: <message>".
    public var description: String {
        let location = gpu.map { "GPU datasheet file '\(path)', GPU '\($0)'" } ?? "GPU datasheet file '\(path)'"
        return "\(location): \(message)"
    }
}
