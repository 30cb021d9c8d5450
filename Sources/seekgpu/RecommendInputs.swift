import ArgumentParser
import Dataset
import Deploy
import Feeds
import Foundation
import NetKit
import SeekCore
import Sizing

/// What `seekgpu recommend` reads: the model, the offers, the datasheets and `serving.yaml`.
struct RecommendInputs {
    /// The model's config and what follows from it; nil when a repository's setup is chosen by memory alone.
    var model: ModelInputs?
    /// The Hugging Face repository id (`org/name`), for the recipes; nil when a repository names none.
    var repository: String?
    /// Every offer, of every provider (live catalog), or the cheapest per setup (`--site`).
    var offerings: [Offering]
    /// Where the offers come from, for the listing's first line.
    var offeringsSource: String
    /// The GPU datasheets.
    var specs: [GPUSpec]
    /// `serving.yaml`.
    var table: ServingTable
    /// What `--repo` found the repository needs.
    var repo: RepoNeed?

    /// What the repository analysis found, line by line (`--repo`).
    var findings: [String] { repo?.findings ?? [] }
    /// A spec the repository holds (`.seekgpu.yaml`), which sets the model and the setup.
    var repositorySpec: DeploySpec? { repo?.spec }

    /// Reads everything; a repository is analysed first.
    ///
    /// - Throws: ``ConfigFileError`` for a bad `config/*.yaml`; the model's errors (``ModelInputs/load``); the
    ///   catalog's (``SourceUnavailableError``, ``FormatChangeError``); ``DatasetError`` for a bad `gpus.json`.
    static func load(_ command: SeekGPU.Recommend, log: @escaping @Sendable (String) -> Void) throws -> RecommendInputs {
        let configDirectory = URL(fileURLWithPath: command.configDir)
        let table = try ServingTable.load(configDirectory: configDirectory)
        let specs = try GPUDatasheets.load(configDirectory: configDirectory).specs()
        let (offerings, source) = try offers(command, configDirectory: configDirectory, log: log)
        if let root = command.repo {
            let need = try RepoNeed.analyse(URL(fileURLWithPath: root), offerings: offerings, table: table,
                                            configDirectory: configDirectory, log: log)
            return RecommendInputs(model: need.model, repository: need.repository, offerings: offerings,
                                   offeringsSource: source, specs: specs, table: table, repo: need)
        }
        let repository = command.hf ?? Self.repository(inConfigAt: command.config)
            ?? ModelInputs.nameOrPath(ofConfigAt: command.config)
        let model = try ModelInputs.load(path: command.config, repo: command.hf, configDirectory: configDirectory, log: log)
        return RecommendInputs(model: model, repository: repository, offerings: offerings, offeringsSource: source,
                               specs: specs, table: table)
    }

    /// The repository a config on disk belongs to when it lies in a `ORG/REPO/…/config.json` layout (the Hub's,
    /// an HF endpoint mirror's); nil otherwise.
    static func repository(inConfigAt path: String?) -> String? {
        guard let path else { return nil }
        var parts = URL(fileURLWithPath: path).standardized.pathComponents
        guard parts.last == "config.json" else { return nil }
        parts.removeLast()
        if parts.count >= 3, parts[parts.count - 2] == "resolve" { parts.removeLast(2) }
        guard parts.count >= 3 else { return nil }
        return parts[parts.count - 2] + "/" + parts[parts.count - 1]
    }

    /// The offers: `SITE/data/gpus.json`, or every offer of the live catalog read as the prices step reads it.
    static func offers(_ command: SeekGPU.Recommend, configDirectory: URL,
                       log: @escaping @Sendable (String) -> Void) throws -> ([Offering], String) {
        if let site = command.site {
            let folder = DataFolder(directory: URL(fileURLWithPath: site).appendingPathComponent("data"))
            guard let offerings = try folder.read(DataFiles.offerings) else {
                throw SizeFetchError(message: "\(folder.name(of: DataFiles.offerings.path)) does not exist; run "
                    + "`seekgpu generate --out \(site)` first or leave out --site to read the live catalog")
            }
            return (offerings, folder.name(of: DataFiles.offerings.path))
        }
        let environment = ProcessInfo.processInfo.environment
        let configuration = try PriceFeedConfiguration.load(
            from: configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))
        let location = CatalogLocation.from(environment: environment)
        let catalogs = try PriceFeed(configuration: configuration, location: location, pinnedVersion: command.catalogVersion,
                                     retry: try RetryPolicy.from(environment: environment)).fetchCatalogs(log: log)
        var rows: [CatalogRow] = []
        for table in catalogs.tables { rows += CatalogRow.rows(of: table).rows }
        let versions = Set(catalogs.versions.values).sorted().joined(separator: ", ")
        return (OfferingSelection.offers(rows: rows, configuration: configuration),
                "gpuhunt catalog \(versions), \(catalogs.tables.count) providers")
    }
}
