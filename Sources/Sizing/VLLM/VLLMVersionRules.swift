/// The parts of vLLM's KV cache report that changed between releases, as named parameters.
///
/// - V0 (before the v1 engine): prints `# GPU blocks: N`; every layer shares one block table, so
///   there is no hybrid grouping, and concurrency is `num_blocks × block_size / max_model_len`.
/// - v1 (default, about 0.8 to 0.23): groups hybrid layers (`kv_cache_utils._get_kv_cache_groups_uniform_page_size`)
///   and prints "GPU KV cache size: (num_blocks // num_groups) × block_size tokens".
/// - From about 0.24: "GPU KV cache size" is `int(max_concurrency × max_model_len)` (vllm-project/vllm#51041),
///   which is not a capacity.
public struct VLLMVersionRules: Sendable, Hashable {
    /// Which figure the start-up log reports for the cache size.
    public enum ReportedFigure: Sendable, Hashable {
        /// `# GPU blocks: N` (V0).
        case blocks
        /// `GPU KV cache size: N tokens` as `(num_blocks // num_groups) × block_size` (v1).
        case tokensFromBlocks
        /// `GPU KV cache size: N tokens` as `int(max_concurrency × max_model_len)` (≥ 0.24).
        case tokensFromConcurrency
    }

    /// The figure the log prints.
    public var reportedFigure: ReportedFigure
    /// Whether layers of different attention types are split into equal-size groups (v1) or share one block table (V0).
    public var groupsHybridLayers: Bool
    /// vLLM takes the largest per-type layer count as group size when largest < threshold × smallest (1.5).
    public var unevenGroupThreshold: Double

    /// Creates a rule set.
    public init(reportedFigure: ReportedFigure, groupsHybridLayers: Bool, unevenGroupThreshold: Double = 1.5) {
        self.reportedFigure = reportedFigure
        self.groupsHybridLayers = groupsHybridLayers
        self.unevenGroupThreshold = unevenGroupThreshold
    }

    /// The V0 engine: `# GPU blocks`, one block table for all layers.
    public static let v0 = VLLMVersionRules(reportedFigure: .blocks, groupsHybridLayers: false)
    /// The v1 engine up to about 0.23 (the default).
    public static let v1 = VLLMVersionRules(reportedFigure: .tokensFromBlocks, groupsHybridLayers: true)
    /// Builds from about 0.24: tokens reported as `int(max_concurrency × max_model_len)`.
    public static let v0_24 = VLLMVersionRules(reportedFigure: .tokensFromConcurrency, groupsHybridLayers: true)

    /// The rules for a vLLM version string.
    ///
    /// `"V0…"` → ``v0``; a semantic version `0.M…` with M ≥ 24 (or a major ≥ 1) → ``v0_24``; anything else,
    /// including `nil` or an unparsable string, → ``v1``.
    /// - Parameter version: The version as logged, e.g. `"0.19.0"`, `"V0 engine"`.
    public init(version: String?) {
        guard let version else { self = .v1; return }
        if version.uppercased().hasPrefix("V0") { self = .v0; return }
        let parts = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) }
        if parts.count >= 2, let major = parts[0], let minor = parts[1], major >= 1 || minor >= 24 {
            self = .v0_24
        } else {
            self = .v1
        }
    }
}
