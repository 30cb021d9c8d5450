import Dataset
import Deploy
import Feeds
import Foundation
import SeekCore
import Sizing
import TestSupport

/// The real inputs the Deploy tests size with: `config/` tables, the 2026-08-22 gpuhunt catalog as the prices step
/// published it, and Hugging Face configs from the shared fixtures.
enum DeployFixtures {
    static let table: ServingTable = {
        do { return try ServingTable.load(configDirectory: Fixtures.configDirectory) } catch { fatalError("\(error)") }
    }()

    static let specs: [GPUSpec] = {
        do { return try GPUDatasheets.load(configDirectory: Fixtures.configDirectory).specs() } catch { fatalError("\(error)") }
    }()

    /// `gpus.json` of catalog 20260822-1 (one cheapest offer per GPU, memory and count).
    static let offerings: [Offering] = {
        let url = Fixtures.shared("gpuhunt/_expected/gpus-20260822-1.json")
        do {
            return try DataFiles.offerings.decode(Array(try Data(contentsOf: url)), name: url.path)
        } catch { fatalError("\(error)") }
    }()

    static let registry: ModelArchitectures = {
        do { return try ModelArchitectures.load(configDirectory: Fixtures.configDirectory) } catch { fatalError("\(error)") }
    }()

    /// A Hugging Face config: the shared fixtures' (`hf/ORG/REPO/resolve/main/config.json`), else the vLLM-log ones.
    static func config(_ repo: String) throws -> JSONValue {
        let shared = Fixtures.shared("hf/\(repo)/resolve/main/config.json")
        if let data = FileManager.default.contents(atPath: shared.path) { return try JSONParser.parse(Array(data)) }
        guard let config = try Fixtures.vllmLogConfig(of: repo) else { throw FixtureMissing(name: repo) }
        return config
    }

    /// A recommender request for a repository, at `context` tokens.
    static func request(_ repo: String, context: Int? = nil) throws -> Recommender.Request {
        let config = try config(repo)
        let architecture = try KVArchitecture(config: config)
        let checkpoint = try ServingCheckpoint(config: config, architectures: registry, dtypeBytes: architecture.modelDTypeBytes)
        let text = TransformersConfigDefaults.filled(config["text_config"]?.objectValue ?? config.objectValue ?? JSONObject())
        let maximum = text["max_position_embeddings"]?.intValue ?? 131_072
        return Recommender.Request(model: repo, checkpoint: checkpoint, architecture: architecture,
                                   attentionHeads: text["num_attention_heads"]?.intValue,
                                   context: min(context ?? maximum, maximum, 131_072))
    }

    struct FixtureMissing: Error { var name: String }
}
