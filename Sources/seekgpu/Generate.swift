import ArgumentParser
import Feeds
import Foundation
import Logging
import SeekCore

extension SeekGPU {
    /// `seekgpu generate`: runs the data steps and writes their files.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the site data.",
            discussion: "Exit status: 0 on success, 1 on failure, 64 on a usage error, "
                + "\(FormatChangeError.exitCode) when a source changed its format (the code must be updated).")

        /// The data steps; `all` runs every one in order.
        enum Step: String, ExpressibleByArgument, CaseIterable {
            case all, snapshots
        }

        @Option(help: "The step to run.")
        var step: Step = .all

        @Flag(help: "Rebuild every snapshot, even if the index commit is unchanged.")
        var forceSnapshots = false

        @OptionGroup var options: OutputOptions

        func run() async throws {
            let console = Console(quiet: options.quiet, verbose: options.verbose)
            do {
                switch step {
                case .all, .snapshots:
                    try runSnapshots(console: console)
                }
            } catch let error as FormatChangeError {
                console.error(error.description)
                throw ExitCode(FormatChangeError.exitCode)
            }
        }

        private func runSnapshots(console: Console) throws {
            let configuration = try IndexConfiguration.load(
                from: URL(fileURLWithPath: options.config).appendingPathComponent(IndexConfiguration.fileName))
            let (repository, head) = try IndexHistory.openRepository(at: options.index)
            let store = SnapshotStore(directory: URL(fileURLWithPath: options.out).appendingPathComponent("data/snapshots"))
            let report = try IndexHistory(repository: repository, configuration: configuration,
                                          logger: console.logger(label: "seekgpu.snapshots"))
                .exportSnapshots(to: store, head: head, force: forceSnapshots)
            console.summary(report.summaryLines(verbose: options.verbose))
        }
    }
}
