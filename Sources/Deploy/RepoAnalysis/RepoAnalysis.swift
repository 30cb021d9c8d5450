/// What a repository needs, read from its files by ``RepoAnalyzer`` (the heuristics of gpu-lol's analyzer, in its
/// priority order), each fact with the file and line it comes from.
public struct RepoAnalysis: Sendable, Hashable {
    /// How a training repository adapts the model (the memory per parameter differs by an order of magnitude).
    public enum TrainingMethod: String, Sendable, Hashable, CaseIterable {
        /// Every weight trained with Adam in mixed precision.
        case full
        /// Low-rank adapters on a frozen 16-bit model (peft).
        case lora
        /// Low-rank adapters on a frozen 4-bit model (peft with bitsandbytes).
        case qlora
    }

    /// Packages to install, normalised (lowercase, `_` → `-`), in the order found.
    public var packages: [String] = []
    /// Where the packages were read from (one finding per file).
    public var packageSources: [RepoFinding] = []
    /// The workload and why.
    public var workload: DeploySpec.Workload = .interactive
    public var workloadReason = RepoFinding(file: "(repository)", what: "no training or serving file or package: interactive")
    /// Hugging Face repository ids the code loads, in the order found.
    public var models: [(repo: String, finding: RepoFinding)] = []
    /// A `config.json` of a model in the repository.
    public var configPath: String?
    /// A model size named in the files ("70b", "13B params"), in billions of parameters: a fallback for sizing.
    public var sizeHint: (billions: Double, finding: RepoFinding)?
    /// GPUs the launch asks for.
    public var gpuCount: (count: Int, finding: RepoFinding)?
    /// A CUDA/PyTorch base image from a Dockerfile.
    public var baseImage: (image: String, finding: RepoFinding)?
    /// The training method, for a training repository.
    public var trainingMethod: TrainingMethod = .full
    /// The command that launches the workload (`torchrun …`, `accelerate launch …`, `python train.py`).
    public var launchCommand: (command: String, finding: RepoFinding)?

    public init() {}

    public static func == (a: RepoAnalysis, b: RepoAnalysis) -> Bool { a.findings == b.findings }
    public func hash(into hasher: inout Hasher) { hasher.combine(findings) }

    /// Every finding, in the order `recommend --repo` prints them.
    public var findings: [RepoFinding] {
        var all = packageSources + [workloadReason] + models.map(\.finding)
        if let configPath { all.append(RepoFinding(file: configPath, what: "a model config.json, sized exactly")) }
        if let sizeHint { all.append(sizeHint.finding) }
        if let gpuCount { all.append(gpuCount.finding) }
        if let baseImage { all.append(baseImage.finding) }
        if let launchCommand { all.append(launchCommand.finding) }
        return all
    }
}
