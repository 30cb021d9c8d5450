import ArgumentParser
import Feeds
import Foundation
import Logging
import NetKit
import SeekCore
import Site
import Sizing

extension SeekGPU {
    /// `seekgpu generate`: runs the data steps and writes their files.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the site data.",
            discussion: """
                Steps: prices (gpuhunt catalogs → gpus.json, gpu_source.json, gpu_price_history.json, \
                gpu_specs.json), snapshots (OpenHands Index history → data/snapshots/), models (Hugging Face \
                config.json → models.json), api-pricing (LiteLLM → api_pricing.json) and site (HTML pages from the \
                data, so far the leaderboard and methodology). `all` runs them in that order.
                Environment: GPUHUNT_CATALOG_URL (the catalog's v3 root) or GPUHUNT_CATALOG_DIR (flat \
                {provider}.csv files), as gpuhunt reads them; HF_ENDPOINT and HF_TOKEN, as huggingface_hub reads \
                them; SEEKGPU_LITELLM_URL (the LiteLLM price file); SEEKGPU_RETRY_DELAYS (seconds between HTTP \
                retries, default 5,10,20).
                Exit status: 0 on success, 1 on failure, 64 on a usage error, \(FormatChangeError.exitCode) when \
                a source changed its format (the code must be updated), \(SourceUnavailableError.exitCode) when \
                a required source could not be reached (try again later).
                """)

        /// The data steps; `all` runs every one in order.
        enum Step: String, ExpressibleByArgument, CaseIterable {
            case all, prices, snapshots, models
            case apiPricing = "api-pricing"
            case site
        }

        @Option(help: "The step to run.")
        var step: Step = .all

        @Flag(help: "Rebuild every snapshot, even if the index commit is unchanged.")
        var forceSnapshots = false

        @Option(help: ArgumentHelp("Read this gpuhunt catalog version for every provider (e.g. 20260822-1).",
                                   valueName: "version"))
        var catalogVersion: String?

        @Option(help: ArgumentHelp("Write the alerts this run queued (JSON list of {subject, body}) to this file, "
                                   + "for the daily job to e-mail.", valueName: "path"))
        var alertsFile: String?

        @Option(help: ArgumentHelp("Public vLLM start-up logs (cases.json) to show the KV model's agreement table on the "
                                   + "Methodology page; without it the table is left out.", valueName: "path"))
        var vllmCases: String?

        @OptionGroup var options: OutputOptions

        func validate() throws {
            if let catalogVersion, catalogVersion.isEmpty || catalogVersion.contains("/") {
                throw ValidationError("--catalog-version '\(catalogVersion)' is not a catalog version such as 20260822-1.")
            }
        }

        func run() async throws {
            let lock = try takeLock(out: options.out)
            defer { withExtendedLifetime(lock) {} }
            try await runSteps()
        }

        /// The steps, without taking the run lock (`seekgpu daily` holds it already).
        func runSteps() async throws {
            let console = Console(quiet: options.quiet, verbose: options.verbose)
            let alerts = AlertQueue()
            defer {
                do {
                    try alerts.flush(to: alertsFile, console: console)
                } catch {
                    console.error("could not write the alerts file: \(error)")
                }
            }
            do {
                if step == .all || step == .prices { try runPrices(console: console, alerts: alerts) }
                var latest: Snapshot?
                if step == .all || step == .snapshots { latest = try runSnapshots(console: console, alerts: alerts) }
                if step == .models || step == .apiPricing || step == .site { latest = snapshotStore.latestSnapshot() }
                if step == .all || step == .models { try runModels(latest: latest, console: console, alerts: alerts) }
                if step == .all || step == .apiPricing { try runAPIPricing(latest: latest, console: console, alerts: alerts) }
                if step == .all || step == .site {
                    let history = (snapshotStore.loadIndex()?.snapshots ?? []).compactMap(snapshotStore.loadSnapshot)
                    let renames = try IndexConfiguration.load(
                        from: configDirectory.appendingPathComponent(IndexConfiguration.fileName)).renames
                    var content = SiteInputs(dataDirectory: dataDirectory)
                        .content(latest: latest, history: history, aliases: ModelAliases(renames.map { ($0.from, $0.to) }))
                    if let vllmCases {
                        guard let data = FileManager.default.contents(atPath: vllmCases),
                              let cases = (try? JSONParser.parse(data))?.arrayValue else {
                            throw ValidationError("--vllm-cases '\(vllmCases)' is not a readable JSON list of vLLM log cases")
                        }
                        content.vllmAgreement = VLLMAgreement.rows(cases.compactMap(\.objectValue).map(VLLMLogCase.init))
                    }
                    let changed = try SiteWriter(outputDirectory: URL(fileURLWithPath: options.out)).write(content)
                    let schemas = try publishSchemas()
                    let listed = changed.count <= 5 ? changed.joined(separator: ", ")
                        : changed.prefix(3).joined(separator: ", ") + " and \(changed.count - 3) more"
                    console.summary(["site: " + (changed.isEmpty ? "no page changed" : "changed: " + listed)
                                     + (schemas.isEmpty ? "" : "; schemas changed: \(schemas.count)")])
                }
            } catch let error as FormatChangeError {
                alerts.add([Alert(subject: "Data format breaking change in \(error.source)",
                                  body: "\(error.description)\n\nseekgpu cannot process this source until the code is updated.")])
                console.error(error.description)
                throw ExitCode(FormatChangeError.exitCode)
            } catch let error as SourceUnavailableError {
                alerts.add([Alert(subject: "Source unavailable", body: error.description)])
                console.error(error.description)
                throw ExitCode(SourceUnavailableError.exitCode)
            }
        }

        private var configDirectory: URL { URL(fileURLWithPath: options.config) }
        private var dataDirectory: URL { URL(fileURLWithPath: options.out).appendingPathComponent("data") }

        private func runPrices(console: Console, alerts: AlertQueue) throws {
            let environment = ProcessInfo.processInfo.environment
            let configuration = try PriceFeedConfiguration.load(
                from: configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))
            let specs = try GPUDatasheets.load(configDirectory: configDirectory).specs()
            let logger = console.logger(label: "seekgpu.prices")
            let feed = PriceFeed(configuration: configuration, location: CatalogLocation.from(environment: environment),
                                 pinnedVersion: catalogVersion,
                                 retry: try RetryPolicy.from(environment: environment))
            let report = try feed.run(dataDirectory: dataDirectory, specs: specs) { line in logger.warning("\(line)") }
            console.summary(report.summaryLines(verbose: options.verbose))
            alerts.add(report.alerts)
        }

        /// Copies the JSON Schemas of the published files (`schemas/*.schema.json`, beside `config/`)
        /// to `<out>/data/schema/`, so consumers of the data can validate it; returns the changed names.
        private func publishSchemas() throws -> [String] {
            let source = configDirectory.deletingLastPathComponent().appendingPathComponent("schemas")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [])
                .filter { $0.hasSuffix(".schema.json") }.sorted()
            var changed: [String] = []
            for name in names {
                guard let bytes = FileManager.default.contents(atPath: source.appendingPathComponent(name).path) else { continue }
                let target = dataDirectory.appendingPathComponent("schema").appendingPathComponent(name)
                if try AtomicFile.writeIfChanged(Array(bytes), to: target) { changed.append(name) }
            }
            return changed
        }

        private var snapshotStore: SnapshotStore {
            SnapshotStore(directory: dataDirectory.appendingPathComponent("snapshots"))
        }

        private func runModels(latest: Snapshot?, console: Console, alerts: AlertQueue) throws {
            let environment = ProcessInfo.processInfo.environment
            let logger = console.logger(label: "seekgpu.models")
            let feed = ModelFeed(catalog: try ModelCatalog.load(configDirectory: configDirectory),
                                 architectures: try ModelArchitectures.load(configDirectory: configDirectory),
                                 environment: environment, retry: try RetryPolicy.from(environment: environment))
            let report = try feed.run(dataDirectory: dataDirectory, latest: latest) { line in logger.warning("\(line)") }
            console.summary(report.summaryLines())
            alerts.add(report.alerts)
        }

        private func runAPIPricing(latest: Snapshot?, console: Console, alerts: AlertQueue) throws {
            let environment = ProcessInfo.processInfo.environment
            let logger = console.logger(label: "seekgpu.api-pricing")
            let feed = APIPriceFeed(configuration: try APIPricingConfiguration.load(fromDirectory: configDirectory),
                                    environment: environment, retry: try RetryPolicy.from(environment: environment))
            let report = try feed.run(dataDirectory: dataDirectory, latest: latest) { line in logger.warning("\(line)") }
            var lines = ["api-pricing: " + (report.skipped.map { "nothing written: \($0)" }
                ?? "\(report.rows.count) rows" + (report.changed ? "" : " (unchanged)"))]
            if let update = report.updateLine { lines.append("  \(update)") }
            lines += report.missing.map { "  no LiteLLM price for \($0)" }
            console.summary(lines)
            alerts.add(report.alerts)
        }

        private func runSnapshots(console: Console, alerts: AlertQueue) throws -> Snapshot? {
            let configuration = try IndexConfiguration.load(
                from: configDirectory.appendingPathComponent(IndexConfiguration.fileName))
            let (repository, head) = try IndexHistory.openRepository(at: options.index)
            let report = try IndexHistory(repository: repository, configuration: configuration,
                                          logger: console.logger(label: "seekgpu.snapshots"))
                .exportSnapshots(to: snapshotStore, head: head, force: forceSnapshots, now: Int64(Date().timeIntervalSince1970))
            console.summary(report.summaryLines(verbose: options.verbose))
            alerts.add(report.alerts)
            return report.latest
        }
    }
}

extension RetryPolicy {
    /// The standard policy, or the delays in `SEEKGPU_RETRY_DELAYS` (comma-separated seconds).
    static func from(environment: [String: String]) throws -> RetryPolicy {
        guard let text = environment["SEEKGPU_RETRY_DELAYS"] else { return .standard }
        let delays = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard delays.allSatisfy({ $0.map { $0 >= 0 && $0 <= 600 } ?? false }) else {
            throw ValidationError("SEEKGPU_RETRY_DELAYS='\(text)' must be comma-separated seconds between 0 and 600, e.g. 5,10,20.")
        }
        var policy = RetryPolicy.standard
        policy.delays = delays.compactMap { $0 }
        return policy
    }
}
