import ArgumentParser
import Foundation
import SeekCore

extension SeekGPU {
    /// `seekgpu generate`: runs the data steps and writes their files.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the site data.",
            discussion: """
                Steps: prices (gpuhunt catalogs → gpus.json, gpu_source.json, gpu_price_history.json, \
                gpu_specs.json), snapshots (OpenHands Index history → data/snapshots/), models (Hugging Face \
                config.json → models.json), api-pricing (LiteLLM → api_pricing.json) and site (the HTML pages \
                and metadata.json from the data). `all` runs them in that order and hands each step's values \
                to the site in memory.
                Environment: GPUHUNT_CATALOG_URL (the catalog's v3 root) or GPUHUNT_CATALOG_DIR (flat \
                {provider}.csv files), as gpuhunt reads them; HF_ENDPOINT and HF_TOKEN, as huggingface_hub reads \
                them; SEEKGPU_LITELLM_URL (the LiteLLM price file); SEEKGPU_RETRY_DELAYS (seconds between HTTP \
                retries, default 5,10,20).
                Exit status: 0 success, 1 failure, 64 usage error, 65 a source or published file has a format \
                seekgpu does not understand (the code or the file must change), 69 a required source is \
                unavailable (try again later), 78 a configuration file is invalid (see README, "Exit status").
                """)

        @Option(help: "The step to run.")
        var step: GenerateRun.Step = .all

        @Flag(help: "Rebuild every snapshot, even if the index commit is unchanged.")
        var forceSnapshots = false

        @Option(help: ArgumentHelp("Read this gpuhunt catalog version for every provider (e.g. 20260822-1).",
                                   valueName: "version"))
        var catalogVersion: CatalogVersion?

        @Option(help: ArgumentHelp("Write the alerts this run queued (JSON list of {subject, body}) to this file.",
                                   valueName: "path"))
        var alertsFile: String?

        @Option(help: ArgumentHelp("Public vLLM start-up logs (cases.json) to show the KV model's agreement table on the "
                                   + "Methodology page; without it the table is left out.", valueName: "path"))
        var vllmCases: String?

        @Option(help: ArgumentHelp("Full config.json files of the logged models (<dir>/<org>/<repo>/config.json) for the "
                                   + "Methodology page's weights and KV memory table; needs --vllm-cases.", valueName: "dir"))
        var vllmConfigs: String?

        @OptionGroup var options: OutputOptions

        func run() async throws {
            let console = Console(quiet: options.quiet, verbose: options.verbose)
            try await exitingOnError(console) {
                let lock = try takeLock(out: options.out)
                defer { withExtendedLifetime(lock) {} }
                let result = GenerateRun(options: runOptions(), console: console).run()
                if !result.alerts.isEmpty {
                    console.summary(["alerts queued: \(result.alerts.count)" + (alertsFile == nil ? " (pass --alerts-file to keep them)" : "")])
                }
                if let alertsFile {
                    do {
                        try AtomicFile.write(CanonicalJSON.encode(.array(result.alerts.map(\.json))),
                                             to: URL(fileURLWithPath: alertsFile))
                    } catch {
                        // The run's own failure, if any, is what the exit status must say.
                        guard result.error != nil else { throw error }
                        console.error("could not write the alerts file: \(error)")
                    }
                }
                if let error = result.error { throw error }
            }
        }

        /// The run this command asks for, starting now.
        func runOptions(environment: [String: String] = ProcessInfo.processInfo.environment) -> GenerateRun.Options {
            GenerateRun.Options(step: step, forceSnapshots: forceSnapshots, catalogVersion: catalogVersion,
                                index: options.index, out: options.out, config: options.config, vllmCases: vllmCases,
                                vllmConfigs: vllmConfigs, verbose: options.verbose, now: Date(), environment: environment)
        }
    }
}

extension CatalogVersion: ExpressibleByArgument {
    /// `--catalog-version`: letters, digits, `.`, `-` and `_` (e.g. `20260822-1`).
    public init?(argument: String) { self.init(argument) }
}
