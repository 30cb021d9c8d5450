import ArgumentParser
import ConfigKit
import Export
import Feeds
import Foundation
import NetKit
import SeekCore

extension SeekGPU {
    /// `seekgpu export`: runs the pipelines of an export configuration over the full catalog of a run.
    struct ExportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Filter, transform and deliver the full GPU catalog as an export configuration says.",
            discussion: """
                Reads every row of every provider's gpuhunt catalog (the providers of CONFIG-DIR/gpuhunt.yaml, from \
                GPUHUNT_CATALOG_URL or GPUHUNT_CATALOG_DIR as `generate` does), then runs each enabled pipeline: \
                filters, transformer (format json, csv or metrics), outputs (local, s3, https). One failing output \
                never stops the others; a table of every pipeline is printed at the end. Configurations written for \
                gpuport run unchanged. See README, "Export pipelines".
                Exit status: 0 when every enabled output succeeded, 1 when any failed, 64 on a usage error, 65 when \
                the catalog changed its format, 69 when no catalog could be read, 78 when the configuration is \
                invalid (every problem is printed as FILE:LINE:COLUMN: message).
                """)

        @Option(help: ArgumentHelp("The export configuration (YAML).", valueName: "path"))
        var config: String

        @Option(help: ArgumentHelp("Read this gpuhunt catalog version for every provider (e.g. 20260822-1).",
                                   valueName: "version"))
        var catalogVersion: CatalogVersion?

        @Option(help: ArgumentHelp("Directory of the maintainer-edited tables (gpuhunt.yaml lists the providers).",
                                   valueName: "dir"))
        var configDir = "config"

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @Flag(name: .shortAndLong, help: "Also print every delivery and provider warning.")
        var verbose = false

        @Flag(help: "Only check the configuration, as `seekgpu validate` does (gpuport's flag); nothing is read or written.")
        var validateOnly = false

        func validate() throws {
            if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
        }

        func run() async throws {
            if validateOnly { return try ExportJob.validate(config) }
            let job = ExportJob(configPath: config, configDirectory: configDir, catalogVersion: catalogVersion)
            let outcome = await job.run(console: Console(quiet: quiet, verbose: verbose))
            if outcome.status != 0 { throw ExitCode(outcome.status) }
        }
    }

    /// `seekgpu validate`: checks an export configuration without running it.
    struct ValidateCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check an export configuration and list every problem with its line and column.",
            discussion: "Exit status: 0 when valid (a summary is printed), 78 when not (every problem is printed "
                + "as FILE:LINE:COLUMN: message), 64 on a usage error.")

        @Option(help: ArgumentHelp("The export configuration (YAML).", valueName: "path"))
        var config: String

        func run() async throws { try ExportJob.validate(config) }
    }
}

/// One export run, shared by `seekgpu export` and the daily job.
struct ExportJob {
    var configPath: String
    var configDirectory: String
    var catalogVersion: CatalogVersion?

    /// The exit status and what a daily alert should say.
    struct Outcome {
        var status: Int32
        var details: String
    }

    /// A configuration that could not be used, with the status to exit with.
    struct LoadFailure: Error {
        var status: Int32
        var details: String
    }

    /// Reads and validates the configuration, printing every problem as `FILE:LINE:COLUMN: message`.
    static func load(_ path: String, console: Console) -> Result<ExportConfig, LoadFailure> {
        do {
            let text = try ConfigFile.text(of: URL(fileURLWithPath: path), hint: "check the path given to --config")
            return .success(try ExportConfig.load(yaml: text, file: path))
        } catch let error as ConfigFileError {
            console.problems(error, consequence: "nothing was exported")
            return .failure(LoadFailure(status: ExitStatus.configuration.rawValue, details: error.description))
        } catch {
            console.error("\(error)")
            return .failure(LoadFailure(status: ExitStatus(for: error).rawValue, details: "\(error)"))
        }
    }

    /// Checks the configuration at `path`: prints the summary, or every problem and throws the exit status.
    static func validate(_ path: String) throws {
        switch load(path, console: Console(quiet: false, verbose: false)) {
        case .success(let loaded): print(summary(of: loaded, file: path))
        case .failure(let failure): throw ExitCode(failure.status)
        }
    }

    /// `export.yaml: valid; 2 pipelines (1 enabled, 1 disabled), 3 outputs (local 2, s3 1)`.
    static func summary(of config: ExportConfig, file: String) -> String {
        let enabled = config.pipelines.filter(\.enabled).count
        let outputs = config.pipelines.flatMap(\.outputs)
        let kinds = ["local", "s3", "https"].compactMap { kind -> String? in
            let count = outputs.filter { $0.type == kind }.count
            return count == 0 ? nil : "\(kind) \(count)"
        }
        return "\(file): valid; \(config.pipelines.count) pipeline\(config.pipelines.count == 1 ? "" : "s") "
            + "(\(enabled) enabled), \(outputs.count) output\(outputs.count == 1 ? "" : "s") (\(kinds.joined(separator: ", ")))"
    }

    /// Runs the configuration over `catalogs`, or over catalogs fetched now when nil (the daily job
    /// passes the ones its prices step read, so each catalog is downloaded once).
    func run(console: Console, catalogs given: Catalogs? = nil) async -> Outcome {
        let config: ExportConfig
        switch Self.load(configPath, console: console) {
        case .success(let loaded): config = loaded
        case .failure(let failure): return Outcome(status: failure.status, details: failure.details)
        }
        guard config.pipelines.contains(where: \.enabled) else {
            console.summary(["export: no enabled pipeline in \(configPath); nothing to do"])
            return Outcome(status: ExitStatus.success.rawValue, details: "")
        }
        let environment = ProcessInfo.processInfo.environment
        let logger = console.logger(label: "seekgpu.export")
        let catalogs: Catalogs
        do {
            catalogs = try given ?? PriceFeed(
                configuration: try PriceFeedConfiguration.load(
                    from: URL(fileURLWithPath: configDirectory).appendingPathComponent(PriceFeedConfiguration.fileName)),
                location: CatalogLocation.from(environment: environment), pinnedVersion: catalogVersion,
                retry: try RetryPolicy.from(environment: environment))
                .fetchCatalogs { line in logger.warning("\(line)") }
        } catch {
            console.error("\(error)")
            return Outcome(status: ExitStatus(for: error).rawValue, details: "\(error)")
        }
        let input = ExportInput(catalogs: catalogs)
        let versions = Set(catalogs.versions.values).sorted()
        var lines = ["export: \(input.records.count) records from \(catalogs.tables.count) providers "
                     + "(catalog \(versions.joined(separator: ", ")))"
                     + (input.skippedRows > 0 ? ", \(input.skippedRows) malformed rows skipped" : "")]
        if !catalogs.failures.isEmpty {
            lines.append("  providers not read: " + catalogs.failures.map(\.provider).joined(separator: ", "))
        }
        console.summary(lines)
        let runner = ExportRunner(environment: environment, runTime: Date()) { line in logger.info("\(line)") }
        let report = await runner.run(config, input: input)
        let table = report.table()
        console.summary([table])
        let failed = report.pipelines.flatMap(\.outputs).filter { !$0.succeeded }.count
        if !report.success {
            console.error("\(failed) export output\(failed == 1 ? "" : "s") failed; the others were delivered")
        }
        return Outcome(status: (report.success ? ExitStatus.success : .failure).rawValue, details: table)
    }
}
