import ArgumentParser
import Feeds
import Foundation
import NetKit
import SeekCore
import Sizing

/// What `seekgpu size` reads: the model's config and what follows from it, and the GPU.
struct SizeInputs {
    /// Where the config came from (a path, or `org/repo`).
    var source: String
    /// The parsed `config.json`.
    var config: JSONValue
    /// Each layer's attention, with `--dtype` applied to the KV element size.
    var architecture: KVArchitecture
    /// The text config's `model_type`, or `"?"`.
    var modelType: String
    /// The GPU's datasheet row.
    var gpu: GPUSpec
    /// Memory of one GPU in GiB as vLLM sees it (``VLLMGPUMemory``).
    var gpuMemoryGiB: Double
    /// Where ``gpuMemoryGiB`` comes from.
    var gpuMemorySource: String
    /// What vLLM loads and the model's dimensions for the non-KV memory, when they could be read.
    var checkpoint: ServingCheckpoint?
    /// What vLLM loads, when the parameters could be counted.
    var weights: CheckpointWeights? { checkpoint?.weights }
    /// Why the weights are unknown, when they are.
    var weightsProblem: String?
    /// The text config's `max_position_embeddings`.
    var maxPositionEmbeddings: Int?

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
        let source = command.config ?? command.hf ?? ""
        let config: JSONValue
        if let path = command.config {
            do {
                config = try JSONParser.parse(try readFile(path))
            } catch let error as JSONSyntaxError {
                throw ModelConfigError(modelName: "", message: "\(source): config.json is not valid JSON (\(error))")
            }
        } else {
            config = try fetch(repo: source, log: log)
        }
        var architecture = try KVArchitecture(config: config)
        if let bytes = KVArchitecture.dtypeBytes(named: command.dtype) { architecture.modelDTypeBytes = bytes }
        let text = TransformersConfigDefaults.filled(config["text_config"]?.objectValue ?? config.objectValue ?? JSONObject())

        var inputs = SizeInputs(source: source, config: config, architecture: architecture,
                                modelType: text["model_type"]?.stringValue ?? config["model_type"]?.stringValue ?? "?",
                                gpu: gpu, gpuMemoryGiB: 0, gpuMemorySource: "", checkpoint: nil,
                                maxPositionEmbeddings: text["max_position_embeddings"]?.intValue)
        (inputs.gpuMemoryGiB, inputs.gpuMemorySource) = VLLMGPUMemory.total(gpuName: gpu.gpuName,
                                                                              datasheetGB: gpu.memorySizeGB.doubleValue)
        do {
            let registry = try ModelArchitectures.load(configDirectory: configDirectory)
            inputs.checkpoint = try ServingCheckpoint(config: config, architectures: registry,
                                                      dtypeBytes: architecture.modelDTypeBytes)
        } catch {
            inputs.weightsProblem = "\(error)"
        }
        return inputs
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SizeFetchError(message: "cannot read the config file '\(path)'")
        }
        return [UInt8](data)
    }

    /// The config of `repo` through the models step's fetcher (`HF_ENDPOINT`, `HF_TOKEN` as a Bearer token).
    private static func fetch(repo: String, log: @escaping @Sendable (String) -> Void) throws -> JSONValue {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try HubConfigFetcher(environment: environment, retry: try RetryPolicy.from(environment: environment))
                .config(of: repo, log: log)
        } catch let error as HubConfigError {
            switch error.kind {
            case .invalidJSON: throw ModelConfigError(modelName: "", message: error.message)
            case .notFound: throw SizeFetchError(message: "\(error.message): check the repository id \(repo)")
            case .unreachable: throw SourceUnavailableError(source: "Hugging Face", details: error.message)
            case .refused: throw SizeFetchError(message: error.message)
            }
        }
    }
}

/// The config could not be read or fetched (exit 1).
struct SizeFetchError: Error, CustomStringConvertible {
    /// What failed, naming the path or the URL without secrets.
    var message: String
    var description: String { message }
}
