import Dataset
import Foundation
import NetKit
import SeekCore

/// The models step: each catalog model's Hugging Face `config.json` → one `models.json` row.
///
/// Configs are fetched through NetKit with the retry policy, `HF_TOKEN` sent as a Bearer token
/// when set. A model that fails keeps its previous row (decisions 12); an unsupported
/// architecture is skipped and listed; if no model could be fetched at all nothing is
/// written. `models.json` is computed whole and written atomically, only when it changes.
public struct ModelFeed: Sendable {
    /// The models and their repositories.
    public var catalog: ModelCatalog
    /// The architecture registry the counter uses.
    public var architectures: ModelArchitectures
    /// Fetches each model's config.json from Hugging Face.
    public var fetcher: HubConfigFetcher

    /// Creates the step; `environment` supplies `HF_ENDPOINT` and `HF_TOKEN`, as huggingface_hub reads them.
    public init(catalog: ModelCatalog, architectures: ModelArchitectures, environment: [String: String],
                http: HTTPClient.Configuration = HTTPClient.Configuration(), retry: RetryPolicy = .standard) {
        self.catalog = catalog
        self.architectures = architectures
        fetcher = HubConfigFetcher(environment: environment, http: http, retry: retry)
    }

    /// What happened to one model.
    enum Outcome: Sendable {
        case spec(ModelSpec)
        case unsupported(String)
        case failed(String, reason: UnsizedModel.Reason, fetched: Bool)
    }

    /// Fetches every model and writes `<dataDirectory>/models.json`.
    /// - Parameters:
    ///   - latest: the newest leaderboard, to list open-weights models the catalog lacks.
    ///   - log: receives one line per retry and per failed or skipped model.
    /// - Throws: ``SourceUnavailableError`` when no config could be fetched; file errors.
    public func run(dataDirectory: URL, latest: Snapshot?, log: @escaping @Sendable (String) -> Void = { _ in })
        throws -> ModelRunReport {
        let entries = catalog.entries
        let outcomes = Parallel.map(entries.count) { index in outcome(for: entries[index], log: log) }

        var report = ModelRunReport()
        var specs: [ModelSpec] = []
        var failed: [(model: String, reason: UnsizedModel.Reason, message: String)] = []
        for (entry, outcome) in zip(entries, outcomes) {
            switch outcome {
            case .spec(let spec):
                specs.append(spec)
            case .unsupported(let reason):
                report.unsupported.append((entry.name, reason))
                log("skipping \(entry.name): \(reason)")
            case .failed(let detail, let reason, _):
                // The run summary adds what to do where the fetcher's message does not say it.
                let message = reason == .configNotFound ? "\(detail): \(reason.action)" : detail
                report.failures.append((entry.name, message))
                failed.append((entry.name, reason, stableDetail(detail)))
                log("\(entry.name): \(message)")
            }
        }
        report.unmapped = Self.unmappedOpenWeightsModels(in: latest, catalog: catalog)
        let anyFetched = outcomes.contains { outcome in
            if case .failed(_, _, fetched: false) = outcome { return false }
            return true
        }
        guard anyFetched || entries.isEmpty else {
            throw SourceUnavailableError(source: "Hugging Face at \(URLRedaction.redacted(fetcher.endpoint))", details:
                "no model config could be fetched: " + report.failures.prefix(3).map { "\($0.model): \($0.reason)" }
                .joined(separator: "; "))
        }

        let folder = DataFolder(directory: dataDirectory)
        let previous: [ModelSpec]
        do {
            previous = try failed.isEmpty ? [] : folder.read(DataFiles.models) ?? []
        } catch {
            throw PublishedFileError(error)
        }
        var unsized = report.unmapped.map { UnsizedModel(modelName: $0, reason: .notInCatalog) }
            + report.unsupported.map { UnsizedModel(modelName: $0.model, reason: .unsupportedArchitecture, detail: $0.reason) }
        for failure in failed {
            if let row = previous.first(where: { $0.modelName == failure.model }) {
                specs.append(row)
                report.kept.append(failure.model)
            } else {
                unsized.append(UnsizedModel(modelName: failure.model, reason: failure.reason, detail: failure.message))
            }
        }
        specs.sort { $0.modelName.utf8.lexicographicallyPrecedes($1.modelName.utf8) }
        report.models = specs
        report.unsized = Self.onLeaderboard(unsized, latest: latest)
        let modelsChanged = try folder.write(specs, as: DataFiles.models)
        let unsizedChanged = try folder.write(report.unsized, as: DataFiles.unsizedModels)
        report.changed = modelsChanged || unsizedChanged
        return report
    }

    private func outcome(for entry: ModelCatalog.Entry, log: @escaping @Sendable (String) -> Void) -> Outcome {
        let config: JSONValue
        do {
            config = try fetcher.config(of: entry.configRepo) { line in log("\(entry.name): \(line)") }
        } catch {
            switch error.kind {
            case .notFound: return .failed(error.message, reason: .configNotFound, fetched: false)
            case .invalidJSON: return .failed(error.message, reason: .invalidConfig, fetched: true)
            case .unreachable: return .failed(error.message, reason: .unreachable, fetched: false)
            case .refused: return .failed(error.message, reason: .gated, fetched: false)
            }
        }
        do {
            return .spec(try ModelSpecDeriver.derive(
                modelName: entry.name, hfModelID: entry.hfRepo, modelURL: entry.modelURL,
                licenseName: entry.licenseName, licenseURL: entry.licenseURL, config: config,
                architectures: architectures))
        } catch let error as UnsupportedArchitectureError {
            return .unsupported(error.description)
        } catch {
            return .failed("\(error)", reason: .invalidConfig, fetched: true)
        }
    }

    /// A failure's message as `unsized_models.json` keeps it: without the endpoint, which differs between
    /// a mirror and huggingface.co, so the file would change with it:
    /// `zai-org/GLM-5.1/resolve/main/config.json not found (HTTP 404)`.
    func stableDetail(_ message: String) -> String {
        message.replacingOccurrences(of: URLRedaction.redacted(fetcher.endpoint) + "/", with: "")
    }

    /// The rows of `unsized_models.json`: the unsized models the latest leaderboard lists as open weights
    /// (catalog models it does not rank are left out; every model when there is no snapshot), sorted by name.
    static func onLeaderboard(_ rows: [UnsizedModel], latest: Snapshot?) -> [UnsizedModel] {
        let open = latest.map { Set($0.entries.filter { $0.openness == "open_weights" }.map(\.modelName)) }
        return rows.filter { open?.contains($0.modelName) ?? true }
            .sorted { $0.modelName.utf8.lexicographicallyPrecedes($1.modelName.utf8) }
    }

    /// Open-weights models of the leaderboard that the catalog does not list, sorted.
    static func unmappedOpenWeightsModels(in snapshot: Snapshot?, catalog: ModelCatalog) -> [String] {
        let names = Set((snapshot?.entries ?? []).filter { $0.openness == "open_weights" }.map(\.modelName))
        return names.filter { !catalog.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// What the models step did, for the run summary and alerts.
public struct ModelRunReport: Sendable {
    /// The rows of `models.json`, sorted by name.
    public var models: [ModelSpec] = []
    /// Models that failed (fetch, gated, invalid JSON, missing field), with the reason.
    public var failures: [(model: String, reason: String)] = []
    /// Failed models whose previous row was kept.
    public var kept: [String] = []
    /// Models skipped because their architecture is not in `config/model-architectures.yaml`.
    public var unsupported: [(model: String, reason: String)] = []
    /// Open-weights models of the latest snapshot missing from `config/models.yaml`.
    public var unmapped: [String] = []
    /// The rows of `unsized_models.json`: the latest snapshot's open-weights models without a row, and why.
    public var unsized: [UnsizedModel] = []
    /// True when `models.json` or `unsized_models.json` changed on disk.
    public var changed = false
}
