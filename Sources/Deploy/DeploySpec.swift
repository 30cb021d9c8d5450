import Foundation
import Sizing

/// The one artifact every recipe is rendered from, and the `.seekgpu.yaml` file that reproduces a deployment.
///
/// A minimal spec holds only `model`, `workload`, `accelerator` and `accelerator_count`; `seekgpu recommend`
/// derives the rest (parallelism, context, concurrency, the offering, the sizing figures) and writes it out in
/// full, so the committed file says what the recipe rests on.
public struct DeploySpec: Sendable, Hashable {
    /// What the GPUs are for.
    public enum Workload: String, Sendable, Hashable, CaseIterable {
        /// An OpenAI-compatible server (`vllm serve`).
        case inference
        /// A training or fine-tuning job (the repository's own commands).
        case training
        /// A machine to work on (no command of its own).
        case interactive
    }

    /// An environment variable with a value (secrets are in ``secrets``, by name only).
    public struct EnvironmentVariable: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The priced offering a recommendation chose.
    public struct Offering: Sendable, Hashable {
        /// The gpuhunt provider of the cheapest offer.
        public var provider: String
        /// Its instance type.
        public var instance: String
        /// Its region or zone.
        public var region: String
        /// On-demand USD per hour of one node.
        public var pricePerHour: Double
        public init(provider: String, instance: String, region: String, pricePerHour: Double) {
            self.provider = provider
            self.instance = instance
            self.region = region
            self.pricePerHour = pricePerHour
        }
    }

    /// The sizing figures the recipe rests on (per GPU, as vLLM prints them at start-up).
    public struct Sizing: Sendable, Hashable {
        /// The vLLM release whose accounting was modelled, e.g. `0.17-0.19`.
        public var vllmRelease: String
        /// "Model loading took", GiB.
        public var weightsGiBPerGPU: Double
        /// Memory outside weights and KV cache, GiB.
        public var reserveGiBPerGPU: Double
        /// "Available KV cache memory", GiB.
        public var kvCacheGiBPerGPU: Double
        /// "GPU KV cache size", tokens.
        public var kvCacheTokens: Int
        /// "Maximum concurrency" at `max_model_len`.
        public var maxConcurrency: Double
        /// Usable memory left after weights, reserve and one full-length request, GiB.
        public var memoryMarginGiB: Double
        /// The checkpoint's size on disk, GB (all shards, one copy per node).
        public var checkpointGB: Double
        public init(vllmRelease: String, weightsGiBPerGPU: Double, reserveGiBPerGPU: Double, kvCacheGiBPerGPU: Double,
                    kvCacheTokens: Int, maxConcurrency: Double, memoryMarginGiB: Double, checkpointGB: Double) {
            self.vllmRelease = vllmRelease
            self.weightsGiBPerGPU = weightsGiBPerGPU
            self.reserveGiBPerGPU = reserveGiBPerGPU
            self.kvCacheGiBPerGPU = kvCacheGiBPerGPU
            self.kvCacheTokens = kvCacheTokens
            self.maxConcurrency = maxConcurrency
            self.memoryMarginGiB = memoryMarginGiB
            self.checkpointGB = checkpointGB
        }
    }

    /// The Hugging Face repository (`org/name`); required for ``Workload/inference``.
    public var model: String?
    /// A revision (branch, tag or commit) of ``model``.
    public var revision: String?
    public var workload: Workload
    /// The serving engine; `vllm` is the one seekgpu renders.
    public var engine = "vllm"
    /// The engine's version pin, e.g. `0.19.0`; nil = `serving.yaml`'s.
    public var engineVersion: String?
    /// SkyPilot's accelerator name, e.g. `H100`, `A100-80GB`.
    public var accelerator: String
    /// GPUs per node.
    public var acceleratorCount: Int
    /// Nodes (more than one: tensor parallel within a node, pipeline parallel across nodes).
    public var nodes = 1
    /// Memory of one GPU, GB.
    public var vramPerGPUGB: Double?
    /// Memory one GPU needs (weights, reserve and one full-length request), GB.
    public var vramNeededPerGPUGB: Double?
    /// The weight format served.
    public var precision = ServingQuantization.checkpoint
    /// `--kv-cache-dtype`: `auto` or `fp8`.
    public var kvCacheDType = "auto"
    /// `--tensor-parallel-size`; nil = ``acceleratorCount``.
    public var tensorParallelSize: Int?
    /// `--pipeline-parallel-size`; nil = ``nodes``.
    public var pipelineParallelSize: Int?
    /// `--enable-expert-parallel` (MoE models at TP > 1).
    public var enableExpertParallel = false
    /// `--max-model-len`.
    public var maxModelLen: Int?
    /// `--max-num-seqs`.
    public var maxNumSeqs: Int?
    /// `--gpu-memory-utilization`.
    public var gpuMemoryUtilization: Double?
    /// The model family's flags from `serving.yaml`, as `vllm serve` arguments.
    public var servingArgs: [String] = []
    /// A container image to run in (SkyPilot `image_id`, dstack `image`); nil = the engine's image.
    public var baseImage: String?
    /// Commands that prepare the machine, in order.
    public var setup: [String] = []
    /// The directory synced to the node and run in (SkyPilot `workdir`), relative to the recipe: `.` for a
    /// repository's own recipes; nil = nothing synced.
    public var workdir: String?
    /// The workload's own commands (training, interactive); an inference spec's command is rendered.
    public var run: [String] = []
    public var env: [EnvironmentVariable] = []
    /// Secret environment variables, by name only (their values never enter a file).
    public var secrets: [String] = []
    /// Ports the workload listens on.
    public var ports: [Int] = []
    /// `REMOTE:LOCAL` pairs linked at setup (a volume's Hugging Face cache onto `~/.cache/huggingface`).
    public var assetLinks: [String] = []
    /// Every gpuhunt provider offering the node, cheapest first: the launchers' `any_of` and `backends`.
    public var providers: [String] = []
    /// The priced offer chosen (`recommend`; the site's files leave it out so a price change does not rewrite them).
    public var offering: Offering?
    public var sizing: Sizing?

    /// Creates a spec; see each property.
    public init(model: String?, workload: Workload, accelerator: String, acceleratorCount: Int) {
        self.model = model
        self.workload = workload
        self.accelerator = accelerator
        self.acceleratorCount = acceleratorCount
    }

    /// TP used: ``tensorParallelSize`` or the GPUs of one node.
    public var tensorParallel: Int { tensorParallelSize ?? acceleratorCount }
    /// PP used: ``pipelineParallelSize`` or the nodes.
    public var pipelineParallel: Int { pipelineParallelSize ?? nodes }
    /// The port the server listens on: the first of ``ports``, else 8000 (vLLM's default).
    public var servingPort: Int { ports.first ?? 8000 }
    /// A name for the cluster or run: the model's last path part (or the workload), lowercased, in the characters
    /// SkyPilot and dstack accept (`[a-z0-9-]`).
    public var runName: String {
        let base = model.flatMap { $0.split(separator: "/").last.map(String.init) } ?? workload.rawValue
        var name = ""
        for character in base.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                name.append(character)
            } else if !name.hasSuffix("-") {
                name.append("-")
            }
        }
        let trimmed = name.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        let head = trimmed.first?.isLetter == true ? trimmed : "m-" + trimmed
        return String(head.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
