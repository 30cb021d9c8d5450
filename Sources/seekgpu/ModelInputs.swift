import ArgumentParser
import Feeds
import Foundation
import NetKit
import SeekCore
import Sizing

/// One model's `config.json` and what `size` and `recommend` read from it: the KV layout, what vLLM loads, and
/// the text config's limits.
struct ModelInputs {
    /// Where the config came from (a path, or `org/repo`).
    var source: String
    /// The parsed `config.json`.
    var config: JSONValue
    /// Each layer's attention, with `dtype` applied to the KV element size.
    var architecture: KVArchitecture
    /// The text config's `model_type`, or `"?"`.
    var modelType: String
    /// What vLLM loads and the model's dimensions, when they could be read.
    var checkpoint: ServingCheckpoint?
    /// Why ``checkpoint`` is nil, when it is.
    var weightsProblem: String?
    /// The text config's `max_position_embeddings`.
    var maxPositionEmbeddings: Int?
    /// The text config's `num_attention_heads`.
    var attentionHeads: Int?

    /// Reads a config from `path` or fetches `repo`'s, with the architecture registry of `configDirectory`.
    ///
    /// - Parameters:
    ///   - path: A `config.json` on disk.
    ///   - repo: A Hugging Face repository, fetched when `path` is nil.
    ///   - dtype: `auto` or a dtype overriding the model's element size.
    /// - Throws: ``ModelConfigError`` for invalid JSON or a missing field; ``SizeFetchError`` when the file cannot be
    ///   read or Hugging Face refuses or lacks the repository; ``SourceUnavailableError`` when it cannot be reached.
    static func load(path: String?, repo: String?, dtype: String = "auto", configDirectory: URL,
                     log: @escaping @Sendable (String) -> Void) throws -> ModelInputs {
        let source = path ?? repo ?? ""
        let config: JSONValue
        if let path {
            do {
                config = try JSONParser.parse(try readFile(path))
            } catch let error as JSONSyntaxError {
                throw ModelConfigError(modelName: "", message: "\(source): config.json is not valid JSON (\(error))")
            }
        } else {
            config = try fetch(repo: source, log: log)
        }
        var architecture = try KVArchitecture(config: config)
        if let bytes = KVArchitecture.dtypeBytes(named: dtype) { architecture.modelDTypeBytes = bytes }
        let text = TransformersConfigDefaults.filled(config["text_config"]?.objectValue ?? config.objectValue ?? JSONObject())
        var inputs = ModelInputs(source: source, config: config, architecture: architecture,
                                 modelType: text["model_type"]?.stringValue ?? config["model_type"]?.stringValue ?? "?",
                                 maxPositionEmbeddings: text["max_position_embeddings"]?.intValue,
                                 attentionHeads: text["num_attention_heads"]?.intValue)
        do {
            let registry = try ModelArchitectures.load(configDirectory: configDirectory)
            inputs.checkpoint = try ServingCheckpoint(config: config, architectures: registry,
                                                      dtypeBytes: architecture.modelDTypeBytes)
        } catch {
            inputs.weightsProblem = "\(error)"
        }
        return inputs
    }

    /// The `_name_or_path` of a config on disk when it is a repository id (`org/name`).
    static func nameOrPath(ofConfigAt path: String?) -> String? {
        guard let path, let data = FileManager.default.contents(atPath: path),
              let name = (try? JSONParser.parse([UInt8](data)))?["_name_or_path"]?.stringValue,
              name.split(separator: "/").count == 2, !name.hasPrefix("/"), !name.hasPrefix(".") else { return nil }
        return name
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
