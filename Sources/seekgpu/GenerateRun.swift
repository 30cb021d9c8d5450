import ArgumentParser
import Dataset
import Deploy
import Feeds
import Foundation
import NetKit
import SeekCore
import Site
import Sizing

/// `generate` as a function: an options value in, a result value out. `seekgpu generate` and
/// `seekgpu daily` both call it; nothing is passed as argv or through files between them.
///
/// The steps hand their values on: the prices step's catalogs go to the export pipelines, and
/// under `--step all` every step's published values go to the site in memory. A stage that starts
/// from files on disk (`--step site`, or `--step models` needing the latest snapshot) decodes them
/// through the Dataset's codecs.
struct GenerateRun {
    /// The data steps; `all` runs every one in order.
    enum Step: String, ExpressibleByArgument, CaseIterable, Sendable {
        case all, prices, snapshots, models
        case apiPricing = "api-pricing"
        case site
    }

    /// What to run and where.
    struct Options: Sendable {
        var step: Step = .all
        /// Rebuild every snapshot, even if the index commit is unchanged.
        var forceSnapshots = false
        /// Read this gpuhunt catalog version for every provider.
        var catalogVersion: CatalogVersion?
        /// The OpenHands Index repository.
        var index = "openhands-index"
        /// The site directory; data goes to `out/data`.
        var out = "web/public"
        /// The maintainer-edited tables.
        var config = "config"
        /// Public vLLM start-up logs for the Methodology page's agreement table.
        var vllmCases: String?
        /// Full configs of the logged models, for the Methodology page's memory table.
        var vllmConfigs: String?
        /// Summaries list every change.
        var verbose = false
        /// The run's start: commits dated later are not published (decisions 20). Never written anywhere.
        var now: Date
        /// The process environment (source locations, tokens, retry delays).
        var environment: [String: String]
    }

    /// What one step did.
    struct StepOutcome: Sendable {
        var step: Step
        /// Nil when the step succeeded; else how it ended.
        var failure: ExitStatus?
    }

    /// What the run did.
    struct Result {
        /// Each step that ran, in order, up to and including a failed one.
        var steps: [StepOutcome] = []
        /// The alerts the steps queued, for the daily job to e-mail.
        var alerts: [Alert] = []
        /// The published values after the run (the parts that were produced or rendered).
        var dataset = Dataset()
        /// The catalogs the prices step read, for the export pipelines; nil when it did not run.
        var catalogs: Catalogs?
        /// Why the run stopped, when it failed.
        var error: (any Error)?

        /// How the run ends: ``ExitStatus/success`` or the failure's status.
        var status: ExitStatus { error.map(ExitStatus.init(for:)) ?? .success }
    }

    var options: Options
    var console: Console

    private var configDirectory: URL { URL(fileURLWithPath: options.config) }
    private var data: DataFolder { DataFolder(directory: URL(fileURLWithPath: options.out).appendingPathComponent("data")) }
    private func runs(_ step: Step) -> Bool { options.step == .all || options.step == step }

    /// Runs the steps; never throws: a failure is in the result, with its alert.
    func run() -> Result {
        var result = Result()
        var current: Step = .all
        do {
            try runSteps(into: &result, current: &current)
        } catch {
            result.error = error
            result.steps.append(StepOutcome(step: current, failure: ExitStatus(for: error)))
            if let error = error as? FormatChangeError {
                result.alerts.append(Alert(subject: "Data format breaking change in \(error.source)",
                                           body: "\(error.description)\n\nseekgpu cannot process this source until the code is updated."))
            } else if let error = error as? SourceUnavailableError {
                result.alerts.append(Alert(subject: "Source unavailable", body: error.description))
            }
        }
        return result
    }

    private func runSteps(into result: inout Result, current: inout Step) throws {
        var latest: Snapshot?
        var produced = Set<Dataset.Part>()
        var indexConfiguration: IndexConfiguration?
        if runs(.prices) {
            current = .prices
            let (report, catalogs) = try prices()
            result.alerts += report.alerts
            result.catalogs = catalogs
            result.dataset.offerings = report.offerings
            result.dataset.priceSource = report.source
            result.dataset.priceHistory = report.history
            result.dataset.gpuSpecs = report.specs
            produced.insert(.prices)
            result.steps.append(StepOutcome(step: .prices))
        }
        if runs(.snapshots) {
            current = .snapshots
            let (report, configuration) = try snapshots(keepPublished: options.step == .all)
            indexConfiguration = configuration
            result.alerts += report.alerts
            result.dataset.snapshotIndex = report.index
            result.dataset.snapshots = report.published
            latest = report.latest
            produced.insert(.snapshots)
            result.steps.append(StepOutcome(step: .snapshots))
        } else if options.step == .models || options.step == .apiPricing {
            current = options.step
            do {
                latest = try data.latestSnapshot()
            } catch {
                throw UnreadableDataError(problem: error)
            }
        }
        if runs(.models) {
            current = .models
            let report = try models(latest: latest)
            result.alerts += report.alerts
            result.dataset.models = report.models
            result.dataset.unsizedModels = report.unsized
            produced.insert(.models)
            result.steps.append(StepOutcome(step: .models))
        }
        if runs(.apiPricing) {
            current = .apiPricing
            let report = try apiPricing(latest: latest)
            result.alerts += report.alerts
            if report.skipped == nil {
                result.dataset.apiPrices = report.rows
                produced.insert(.apiPricing)
            }
            result.steps.append(StepOutcome(step: .apiPricing))
        }
        if runs(.site) {
            current = .site
            do {
                try data.read(Set(Dataset.Part.allCases).subtracting(produced), into: &result.dataset)
            } catch {
                throw UnreadableDataError(problem: error)
            }
            try site(result.dataset, configuration: indexConfiguration)
            result.steps.append(StepOutcome(step: .site))
        }
    }

    // MARK: - Steps

    private func retry() throws -> RetryPolicy { try RetryPolicy.from(environment: options.environment) }

    private func prices() throws -> (PriceRunReport, Catalogs) {
        let configuration = try PriceFeedConfiguration.load(
            from: configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))
        let specs = try GPUDatasheets.load(configDirectory: configDirectory).specs()
        let logger = console.logger(label: "seekgpu.prices")
        let feed = PriceFeed(configuration: configuration, location: CatalogLocation.from(environment: options.environment),
                             pinnedVersion: options.catalogVersion, retry: try retry())
        let catalogs = try feed.fetchCatalogs { line in logger.warning("\(line)") }
        let report = try feed.run(catalogs: catalogs, dataDirectory: data.directory, specs: specs)
        console.summary(report.summaryLines(verbose: options.verbose))
        return (report, catalogs)
    }

    private func snapshots(keepPublished: Bool) throws -> (SnapshotRunReport, IndexConfiguration) {
        let configuration = try IndexConfiguration.load(
            from: configDirectory.appendingPathComponent(IndexConfiguration.fileName))
        let (repository, head) = try IndexHistory.openRepository(at: options.index)
        let report = try IndexHistory(repository: repository, configuration: configuration,
                                      logger: console.logger(label: "seekgpu.snapshots"))
            .exportSnapshots(to: SnapshotStore(directory: data.url(of: "snapshots")), head: head,
                             force: options.forceSnapshots, now: Int64(options.now.timeIntervalSince1970.rounded(.down)),
                             keepPublished: keepPublished)
        console.summary(report.summaryLines(verbose: options.verbose))
        return (report, configuration)
    }

    private func models(latest: Snapshot?) throws -> ModelRunReport {
        let logger = console.logger(label: "seekgpu.models")
        let feed = ModelFeed(catalog: try ModelCatalog.load(configDirectory: configDirectory),
                             architectures: try ModelArchitectures.load(configDirectory: configDirectory),
                             environment: options.environment, retry: try retry())
        let report = try feed.run(dataDirectory: data.directory, latest: latest) { line in logger.warning("\(line)") }
        console.summary(report.summaryLines())
        return report
    }

    private func apiPricing(latest: Snapshot?) throws -> APIPricingReport {
        let logger = console.logger(label: "seekgpu.api-pricing")
        let feed = APIPriceFeed(configuration: try APIPricingConfiguration.load(fromDirectory: configDirectory),
                                environment: options.environment, retry: try retry())
        let report = try feed.run(dataDirectory: data.directory, latest: latest) { line in logger.warning("\(line)") }
        var lines = ["api-pricing: " + (report.skipped.map { "nothing written: \($0)" }
            ?? "\(report.rows.count) rows" + (report.changed ? "" : " (unchanged)"))]
        if let update = report.updateLine { lines.append("  \(update)") }
        lines += report.missing.map { "  no LiteLLM price for \($0)" }
        console.summary(lines)
        return report
    }

    /// Renders the site from `dataset`, writes `metadata.json` and publishes the JSON Schemas.
    /// - Parameter configuration: the index configuration the snapshots step read this run, if it ran.
    private func site(_ dataset: Dataset, configuration: IndexConfiguration?) throws {
        let renames = try (configuration ?? IndexConfiguration.load(
            from: configDirectory.appendingPathComponent(IndexConfiguration.fileName))).renames
        var content = SiteContent(dataset: dataset, aliases: ModelAliases(renames.map { ($0.from, $0.to) }))
        content.servingTable = try ServingTable.load(configDirectory: configDirectory)
        if let path = options.vllmCases {
            let kernels = Set(VLLMSamplerKernel.names)
            let cases = try options.vllmConfigs.map {
                try VLLMLogCases.load(path: path, runtimeNotes: "\($0)/\(VLLMLogCases.runtimeNotesFile)", kernels: kernels)
            } ?? VLLMLogCases.load(path: path)
            let facts = try options.vllmConfigs.map { try VLLMLogFacts.load(cases: cases, directory: $0, config: configDirectory) } ?? [:]
            let memory = Dictionary(dataset.gpuSpecs.map { ($0.gpuName, $0.memorySizeGB.doubleValue) }, uniquingKeysWith: { a, _ in a })
            content.vllmAgreement = VLLMAgreement.rows(cases, models: facts, datasheetGB: { memory[$0] })
        }
        let assets = try SiteAssets.load(from: configDirectory.deletingLastPathComponent().appendingPathComponent("web/assets"))
        let changed = try SiteWriter(outputDirectory: URL(fileURLWithPath: options.out), assets: assets).write(content)
        var provenance = dataset.metadata
        provenance.sizingModel = content.assumptions.vllmRelease.map { "vLLM \($0.name)" }
        let metadata = try data.write(provenance, as: DataFiles.metadata)
        let schemas = try publishSchemas()
        let listed = changed.count <= 5 ? changed.joined(separator: ", ")
            : changed.prefix(3).joined(separator: ", ") + " and \(changed.count - 3) more"
        console.summary(["site: " + (changed.isEmpty ? "no page changed" : "changed: " + listed)
                         + (metadata ? "; metadata.json changed" : "")
                         + (schemas.isEmpty ? "" : "; schemas changed: \(schemas.count)")])
    }

    /// Copies the JSON Schemas of the published files (`schemas/*.schema.json`, beside `config/`)
    /// to `<out>/data/schema/`, so consumers of the data can validate it; returns the changed names.
    private func publishSchemas() throws -> [String] {
        let source = configDirectory.deletingLastPathComponent().appendingPathComponent("schemas")
        guard FileManager.default.fileExists(atPath: source.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".schema.json") }.sorted()
        var changed: [String] = []
        for name in names {
            let bytes = try Data(contentsOf: source.appendingPathComponent(name))
            if try AtomicFile.writeIfChanged(Array(bytes), to: data.url(of: "schema/\(name)")) { changed.append(name) }
        }
        return changed
    }
}

/// A published file that a step reads as input (the site step, or the models step's latest snapshot)
/// does not decode; the message says which step writes it anew.
struct UnreadableDataError: Error, CustomStringConvertible {
    var problem: DatasetError

    var description: String {
        let file = problem.file
        let remedy: String
        if file.contains("/snapshots/") {
            remedy = "rebuild the snapshots with `seekgpu generate --step snapshots --force-snapshots`"
        } else if file.hasSuffix("/models.json") {
            remedy = "write it anew with `seekgpu generate --step models`"
        } else if file.hasSuffix("/api_pricing.json") {
            remedy = "write it anew with `seekgpu generate --step api-pricing`"
        } else {
            remedy = "repair it from git history, or delete it and run `seekgpu generate --step prices`"
        }
        return "\(problem). Nothing was rendered: \(remedy), or restore the file from git."
    }
}

extension RetryPolicy {
    /// The standard policy, or the delays in `SEEKGPU_RETRY_DELAYS` (comma-separated seconds).
    static func from(environment: [String: String]) throws -> RetryPolicy {
        guard let text = environment["SEEKGPU_RETRY_DELAYS"] else { return .standard }
        let delays = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard delays.allSatisfy({ $0.map { $0 >= 0 && $0 <= 600 } ?? false }) else {
            throw EnvironmentSettingError("SEEKGPU_RETRY_DELAYS='\(text)' must be comma-separated seconds between 0 and 600, e.g. 5,10,20")
        }
        var policy = RetryPolicy.standard
        policy.delays = delays.compactMap { $0 }
        return policy
    }
}

/// An environment variable seekgpu reads holds a value it cannot use (exit 78: it is configuration).
struct EnvironmentSettingError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
