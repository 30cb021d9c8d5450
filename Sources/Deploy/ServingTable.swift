import Foundation

/// `config/serving.yaml`: what a recipe needs beyond the sizing — the vLLM release recipes pin, each model
/// family's vLLM flags (tool-call and reasoning parsers), and the names SkyPilot and dstack give to gpuhunt's
/// GPUs and providers.
public struct ServingTable: Sendable, Hashable {
    /// The table's file name in the configuration directory.
    public static let fileName = "serving.yaml"

    /// One model family's vLLM flags.
    public struct ModelRow: Sendable, Hashable {
        /// A glob (`*` any text) on the Hugging Face repository id, case-insensitive.
        public var match: String
        /// `--tool-call-parser`.
        public var toolCallParser: String?
        /// `--reasoning-parser`.
        public var reasoningParser: String?
        /// `--enable-auto-tool-choice`.
        public var enableAutoToolChoice: Bool
        /// `--trust-remote-code`.
        public var trustRemoteCode: Bool
        /// Further arguments, passed as written.
        public var extraArgs: [String]
        /// Where the flags come from (a model card or a vllm-project/recipes page).
        public var source: String

        /// Creates a row; see each property.
        public init(match: String, toolCallParser: String? = nil, reasoningParser: String? = nil,
                    enableAutoToolChoice: Bool = false, trustRemoteCode: Bool = false, extraArgs: [String] = [],
                    source: String) {
            self.match = match
            self.toolCallParser = toolCallParser
            self.reasoningParser = reasoningParser
            self.enableAutoToolChoice = enableAutoToolChoice
            self.trustRemoteCode = trustRemoteCode
            self.extraArgs = extraArgs
            self.source = source
        }

        /// The flags as `vllm serve` arguments, in a fixed order.
        public var arguments: [String] {
            var arguments: [String] = []
            if trustRemoteCode { arguments.append("--trust-remote-code") }
            if enableAutoToolChoice { arguments.append("--enable-auto-tool-choice") }
            if let toolCallParser { arguments += ["--tool-call-parser", toolCallParser] }
            if let reasoningParser { arguments += ["--reasoning-parser", reasoningParser] }
            return arguments + extraArgs
        }

        /// Whether the row's glob matches a repository id.
        public func matches(_ repository: String) -> Bool {
            Self.glob(Array(match.lowercased()), matches: Array(repository.lowercased()))
        }

        private static func glob(_ pattern: [Character], matches text: [Character]) -> Bool {
            // Iterative wildcard match with one backtrack point: linear for the short patterns of the table.
            var (p, t, star, resume) = (0, 0, -1, 0)
            while t < text.count {
                if p < pattern.count, pattern[p] == text[t] {
                    p += 1
                    t += 1
                } else if p < pattern.count, pattern[p] == "*" {
                    star = p
                    resume = t
                    p += 1
                } else if star >= 0 {
                    p = star + 1
                    resume += 1
                    t = resume
                } else {
                    return false
                }
            }
            while p < pattern.count, pattern[p] == "*" { p += 1 }
            return p == pattern.count
        }
    }

    /// A GPU's names in the launchers.
    public struct AcceleratorRow: Sendable, Hashable {
        /// The gpuhunt name.
        public var gpuhunt: String
        /// Narrows the row to one memory size (GB per GPU, rounded); nil = any.
        public var vramGB: Int?
        /// SkyPilot's accelerator name.
        public var skypilot: String
        /// dstack's GPU name.
        public var dstack: String

        /// Creates a row; see each property.
        public init(gpuhunt: String, vramGB: Int? = nil, skypilot: String, dstack: String) {
            self.gpuhunt = gpuhunt
            self.vramGB = vramGB
            self.skypilot = skypilot
            self.dstack = dstack
        }
    }

    /// A provider's names in the launchers; nil where the launcher does not support it.
    public struct CloudRow: Sendable, Hashable {
        /// SkyPilot's `infra` name.
        public var skypilot: String?
        /// dstack's backend name.
        public var dstack: String?

        /// Creates a row; see each property.
        public init(skypilot: String?, dstack: String?) {
            self.skypilot = skypilot
            self.dstack = dstack
        }
    }

    /// The vLLM release recipes pin, e.g. `0.19.0`.
    public var vllmVersion: String
    /// Model families, first match wins.
    public var models: [ModelRow]
    /// GPU names, by gpuhunt name.
    public var accelerators: [AcceleratorRow]
    /// Provider names, by gpuhunt provider.
    public var clouds: [String: CloudRow]

    /// Creates a table; see each property.
    public init(vllmVersion: String, models: [ModelRow] = [], accelerators: [AcceleratorRow] = [],
                clouds: [String: CloudRow] = [:]) {
        self.vllmVersion = vllmVersion
        self.models = models
        self.accelerators = accelerators
        self.clouds = clouds
    }

    /// The first model row matching a repository id.
    public func modelRow(for repository: String) -> ModelRow? {
        models.first { $0.matches(repository) }
    }

    /// A gpuhunt GPU's names in SkyPilot and dstack: the row for its name and memory, else its name alone, else
    /// the gpuhunt name itself (SkyPilot and dstack use gpuhunt's names for most GPUs).
    public func accelerator(gpuName: String, vramGB: Double?) -> AcceleratorRow {
        let rounded = vramGB.map { Int($0.rounded()) }
        let rows = accelerators.filter { $0.gpuhunt == gpuName }
        return rows.first { $0.vramGB != nil && $0.vramGB == rounded } ?? rows.first { $0.vramGB == nil }
            ?? AcceleratorRow(gpuhunt: gpuName, skypilot: gpuName, dstack: gpuName)
    }

    /// The gpuhunt GPU name an accelerator name (SkyPilot's or gpuhunt's) stands for, with its memory when a
    /// row narrows it; nil when the name is in no row and so is taken as a gpuhunt name.
    public func gpuhuntName(ofAccelerator name: String) -> (gpuName: String, vramGB: Int?)? {
        let lower = name.lowercased()
        return accelerators.first { $0.skypilot.lowercased() == lower }.map { ($0.gpuhunt, $0.vramGB) }
    }
}
