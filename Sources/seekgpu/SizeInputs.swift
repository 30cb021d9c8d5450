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
    /// Memory of one GPU in GiB: the datasheet's GB figure, which for HBM and GDDR boards is a binary size.
    var gpuMemoryGiB: Double
    /// Weight memory, when the parameters could be counted.
    var weights: WeightEstimate?
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
        let bytes = try command.config.map(readFile) ?? fetch(repo: source, log: log)
        let config: JSONValue
        do {
            config = try JSONParser.parse(bytes)
        } catch {
            throw ModelConfigError(modelName: "", message: "\(source): config.json is not valid JSON (\(error))")
        }
        var architecture = try KVArchitecture(config: config)
        if let bytes = KVArchitecture.dtypeBytes(named: command.dtype) { architecture.modelDTypeBytes = bytes }
        let text = config["text_config"]?.objectValue ?? config.objectValue ?? JSONObject()

        var inputs = SizeInputs(source: source, config: config, architecture: architecture,
                                modelType: text["model_type"]?.stringValue ?? config["model_type"]?.stringValue ?? "?",
                                gpu: gpu, gpuMemoryGiB: gpu.memorySizeGB.doubleValue,
                                maxPositionEmbeddings: text["max_position_embeddings"]?.intValue)
        do {
            let registry = try ModelArchitectures.load(configDirectory: configDirectory)
            inputs.weights = try WeightEstimate(config: config, architectures: registry,
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

    /// `GET {HF_ENDPOINT}/{repo}/resolve/main/config.json`, `HF_TOKEN` as a Bearer token (never printed).
    private static func fetch(repo: String, log: @escaping @Sendable (String) -> Void) throws -> [UInt8] {
        let environment = ProcessInfo.processInfo.environment
        let endpoint = (environment["HF_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? ModelFeed.publicEndpoint)
        let trimmed = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        let token = environment["HF_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let url = "\(trimmed)/\(repo)/resolve/main/config.json"
        let shown = URLRedaction.redacted(url)
        let response: HTTPResponse
        do {
            response = try HTTPClient().get(url, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:],
                                            retry: try RetryPolicy.from(environment: environment)) { attempt, reason, delay in
                log("\(shown): \(reason); retry \(attempt) in \(delay) s")
            }
        } catch let error as NetError {
            throw SizeFetchError(message: "cannot fetch \(shown): \(error.description)")
        }
        switch response.status {
        case 200..<300:
            return response.body
        case 401, 403:
            throw SizeFetchError(message: token == nil
                ? "\(shown) is gated (HTTP \(response.status)): set HF_TOKEN to a token that can read \(repo)"
                : "\(shown) refused HF_TOKEN (HTTP \(response.status)): give the token access to \(repo)")
        case 404:
            throw SizeFetchError(message: "\(shown) not found (HTTP 404): check the repository id \(repo)")
        default:
            throw SizeFetchError(message: "HTTP \(response.status) for \(shown)")
        }
    }
}

/// The config could not be read or fetched (exit 1).
struct SizeFetchError: Error, CustomStringConvertible {
    /// What failed, naming the path or the URL without secrets.
    var message: String
    var description: String { message }
}

/// A model's weight memory from its parameter count and checkpoint format.
struct WeightEstimate {
    /// All parameters (`ParameterCounter`).
    var parameters: Int
    /// Total weight bytes over all GPUs.
    var bytes: Double
    /// The format, e.g. `BF16`, `FP8`, `INT4`.
    var format: String

    /// Counts `config`'s parameters and sizes them: quantized checkpoints at their format's bytes per
    /// parameter (INT4/FP4 with routed experts: experts at 0.5625 B, the rest at 2 B, or 1 B for native
    /// FP4, as `Sizing.ModelSpec.weightMemoryGB` does), others at `dtypeBytes`.
    ///
    /// - Throws: ``ModelConfigError`` for a `model_type` the registry lacks or an unknown format.
    init(config: JSONValue, architectures: ModelArchitectures, dtypeBytes: Int) throws {
        let counts = try ParameterCounter.count(config: config, architectures: architectures)
        parameters = counts.total
        let text = try architectures.textConfig(of: config)
        let quantized = [text["quantization_config"], config["quantization_config"]].contains { $0 != nil && $0 != .null }
        guard quantized else {
            bytes = Double(counts.total * dtypeBytes)
            format = dtypeBytes == 4 ? "FP32" : "16-bit"
            return
        }
        let precision = try PrecisionDetector.detect(config: config, architectures: architectures)
        let serving = ServingPrecision(raw: precision.dtype)
        format = precision.dtype
        if serving == .int4 && counts.routedExperts > 0 {
            let rest = precision.dtype.uppercased() == "FP4" ? 1.0 : 2.0
            bytes = Double(counts.routedExperts) * serving.bytesPerParam + Double(counts.total - counts.routedExperts) * rest
        } else {
            bytes = Double(counts.total) * serving.bytesPerParam
        }
    }
}
