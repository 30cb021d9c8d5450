import ConfigKit
import Deploy
import Feeds
import Foundation
import SeekCore
import Sizing

/// What `recommend --repo` found the repository needs, in gpu-lol's priority order: its `.seekgpu.yaml` (which wins
/// and stops there), else the optional LLM answer, else the heuristics.
struct RepoNeed {
    /// GPU memory, for setups chosen by memory alone (training, a model without a config, the LLM's answer).
    struct Memory {
        var workload: DeploySpec.Workload
        /// GB one GPU needs on a node of N GPUs.
        var perGPU: @Sendable (Int) -> Double
        var minimumGPUs: Int
        /// The gpuhunt GPU the answer or the spec names.
        var gpuName: String?
        /// Why this much, for the listing.
        var why: String
    }

    /// What was found, line by line, as printed before the recommendation.
    var findings: [String] = []
    /// A model to size exactly with vLLM (an inference repository).
    var model: ModelInputs?
    /// The model's repository id.
    var repository: String?
    /// Memory, when not sized exactly.
    var memory: Memory?
    /// The committed spec, when the repository has one.
    var spec: DeploySpec?
    /// The heuristics' reading, when they ran.
    var analysis: RepoAnalysis?

    /// Analyses `root`.
    ///
    /// - Throws: ``ConfigFileError`` for an invalid `.seekgpu.yaml`; the model's errors when its config cannot be read.
    static func analyse(_ root: URL, offerings: [Offering], table: ServingTable, configDirectory: URL,
                        log: @escaping @Sendable (String) -> Void) throws -> RepoNeed {
        var need = RepoNeed()
        let specURL = root.appendingPathComponent(DeploySpec.fileName)
        if FileManager.default.fileExists(atPath: specURL.path) {
            let spec = try DeploySpec.parse(yaml: ConfigFile.text(of: specURL, hint: "check the file's permissions"),
                                            path: specURL.relativePath)
            need.spec = spec
            need.findings.append("\(specURL.relativePath): the committed spec wins; the repository is not analysed")
            let gpu = table.gpuhuntName(ofAccelerator: spec.accelerator)?.gpuName ?? spec.accelerator
            if spec.workload == .inference, let model = spec.model {
                need.model = try ModelInputs.load(path: nil, repo: model, configDirectory: configDirectory, log: log)
                need.repository = model
            } else {
                let needed = spec.vramNeededPerGPUGB ?? TrainingMemory.fallbackGB(training: spec.workload == .training)
                need.memory = Memory(workload: spec.workload, perGPU: { _ in needed }, minimumGPUs: spec.acceleratorCount,
                                     gpuName: gpu, why: spec.vramNeededPerGPUGB == nil
                                        ? "the spec gives no vram_needed_per_gpu_gb: \(Int(needed)) GB per GPU assumed"
                                        : "vram_needed_per_gpu_gb of the spec")
                need.repository = spec.model
            }
            return need
        }
        let files = try RepoReader.read(root)
        let analysis = RepoAnalyzer.analyze(files)
        need.analysis = analysis
        if let client = LLMClient(environment: ProcessInfo.processInfo.environment) {
            let names = Array(Set(offerings.map(\.gpuName))).sorted()
            switch client.analyse(files, gpuNames: names, gpuName: { Self.gpuName($0, offerings: offerings, table: table) }) {
            case .success(let answer):
                need.findings.append("LLM \(client.model): \(answer.workload.rawValue), \(Self.gb(answer.vramGB)) GB per GPU on "
                    + "\(answer.gpuName)" + (answer.reasoning.isEmpty ? "" : ": \(answer.reasoning)"))
                need.memory = Memory(workload: answer.workload, perGPU: { _ in answer.vramGB },
                                     minimumGPUs: analysis.gpuCount?.count ?? 1, gpuName: answer.gpuName,
                                     why: "the LLM's answer (floored at \(Int(LLMOverride.vramFloorGB)) GB)")
                need.repository = analysis.models.first?.repo
                return need
            case .failure(let rejection):
                need.findings.append("LLM \(client.model) not used (\(rejection)); the heuristics decide")
            }
        }
        need.findings += analysis.findings.map(\.description)
        try need.decide(analysis, root: root, configDirectory: configDirectory, log: log)
        return need
    }

    /// The heuristics' decision: a model config sized exactly for serving, parameters for training, a size named in
    /// the files, or gpu-lol's fallbacks.
    private mutating func decide(_ analysis: RepoAnalysis, root: URL, configDirectory: URL,
                                 log: @escaping @Sendable (String) -> Void) throws {
        let gpus = analysis.gpuCount?.count ?? 1
        let training = analysis.workload == .training
        var model: ModelInputs?
        if let path = analysis.configPath {
            model = try ModelInputs.load(path: root.appendingPathComponent(path).path, repo: nil, configDirectory: configDirectory, log: log)
            repository = analysis.models.first?.repo ?? RecommendInputs.repository(inConfigAt: path)
        } else if let first = analysis.models.first {
            do {
                model = try ModelInputs.load(path: nil, repo: first.repo, configDirectory: configDirectory, log: log)
                repository = first.repo
            } catch let error as SizeFetchError {
                findings.append("\(first.finding.file): \(first.repo) cannot be sized (\(error)); a size named in the files is used")
            }
        }
        if let model, let parameters = model.checkpoint?.weights.parameters {
            if training {
                let method = TrainingMemory.Method(rawValue: analysis.trainingMethod.rawValue) ?? .full
                memory = Memory(workload: .training, perGPU: { TrainingMemory.perGPUGB(parameters: Double(parameters), method: method, gpus: $0) },
                                minimumGPUs: gpus, gpuName: nil,
                                why: "\(method.rawValue) fine-tuning of \(Self.billions(Double(parameters)))B parameters")
            } else {
                self.model = model
                if analysis.workload != .inference { findings.append("a model to serve and no training script → inference") }
            }
            return
        }
        if let hint = analysis.sizeHint {
            let parameters = hint.billions * 1e9
            let method = TrainingMemory.Method(rawValue: analysis.trainingMethod.rawValue) ?? .full
            let perGPU: @Sendable (Int) -> Double
            if training {
                perGPU = { (count: Int) -> Double in TrainingMemory.perGPUGB(parameters: parameters, method: method, gpus: count) }
            } else {
                perGPU = { (count: Int) -> Double in TrainingMemory.inferencePerGPUGB(parameters: parameters, gpus: count) }
            }
            memory = Memory(workload: analysis.workload, perGPU: perGPU, minimumGPUs: gpus, gpuName: nil,
                            why: "\(training ? method.rawValue + " fine-tuning" : "16-bit weights") of \(Self.gb(hint.billions))B parameters")
            return
        }
        let fallback = TrainingMemory.fallbackGB(training: training)
        memory = Memory(workload: analysis.workload, perGPU: { _ in fallback }, minimumGPUs: gpus, gpuName: nil,
                        why: "no model found: \(Int(fallback)) GB per GPU for \(analysis.workload.rawValue) (gpu-lol's fallback)")
    }

    /// A GPU type as an LLM or a user writes it → a gpuhunt name on offer: the name itself, SkyPilot's name, or the
    /// name without `NVIDIA`, spaces and dashes; nil when nothing on offer matches.
    static func gpuName(_ text: String, offerings: [Offering], table: ServingTable) -> String? {
        let names = Set(offerings.map(\.gpuName))
        if names.contains(text) { return text }
        if let mapped = table.gpuhuntName(ofAccelerator: text)?.gpuName, names.contains(mapped) { return mapped }
        func squeezed(_ name: String) -> String {
            name.uppercased().replacingOccurrences(of: "NVIDIA", with: "").filter { $0.isLetter || $0.isNumber }
        }
        let key = squeezed(text)
        return names.sorted().first { squeezed($0) == key }
    }

    static func gb(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func billions(_ parameters: Double) -> String { gb((parameters / 1e8).rounded() / 10) }
}
