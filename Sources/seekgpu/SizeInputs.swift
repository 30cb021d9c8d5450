import ArgumentParser
import Feeds
import Foundation
import SeekCore
import Sizing

/// What `seekgpu size` reads: the model's config and what follows from it, and the GPU.
struct SizeInputs {
    /// The model's config and what follows from it.
    var model: ModelInputs
    /// The GPU's datasheet row.
    var gpu: GPUSpec
    /// Memory of one GPU in GiB as vLLM sees it (``VLLMGPUMemory``).
    var gpuMemoryGiB: Double
    /// Where ``gpuMemoryGiB`` comes from.
    var gpuMemorySource: String

    var source: String { model.source }
    var architecture: KVArchitecture { model.architecture }
    var modelType: String { model.modelType }
    var checkpoint: ServingCheckpoint? { model.checkpoint }
    /// What vLLM loads, when the parameters could be counted.
    var weights: CheckpointWeights? { model.checkpoint?.weights }
    var weightsProblem: String? { model.weightsProblem }
    var maxPositionEmbeddings: Int? { model.maxPositionEmbeddings }

    /// Reads the config (file or Hugging Face), the GPU datasheets and the architecture registry.
    ///
    /// - Throws: `ValidationError` for an unknown GPU; ``ModelConfigError`` for invalid JSON or a missing
    ///   field; ``SizeFetchError`` when `--hf` cannot be fetched; registry and datasheet file errors.
    static func load(_ command: SeekGPU.Size, log: @escaping @Sendable (String) -> Void) throws -> SizeInputs {
        let configDirectory = URL(fileURLWithPath: command.configDir)
        let datasheets = try GPUDatasheets.load(configDirectory: configDirectory)
        guard let gpu = datasheets.spec(named: command.gpu) else {
            let names = datasheets.specs().map(\.gpuName).joined(separator: ", ")
            throw ValidationError("Unknown GPU '\(command.gpu)'. GPU names are the gpu_name entries of "
                + "\(command.configDir)/gpu-datasheets.yaml and gpu-datasheet-overrides.yaml: \(names).")
        }
        let model = try ModelInputs.load(path: command.config, repo: command.hf, dtype: command.dtype,
                                         configDirectory: configDirectory, log: log)
        let memory = VLLMGPUMemory.total(gpuName: gpu.gpuName, datasheetGB: gpu.memorySizeGB.doubleValue)
        return SizeInputs(model: model, gpu: gpu, gpuMemoryGiB: memory.gib, gpuMemorySource: memory.source)
    }
}
