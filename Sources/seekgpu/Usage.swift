import ArgumentParser
import Foundation
import SeekCore
import Usage
import UsageStore

extension SeekGPU {
    /// `seekgpu usage`: what the team's GPUs really did and cost.
    struct UsageCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "usage",
            abstract: "Ingest GPU usage logs into the usage store.",
            subcommands: [Ingest.self])
    }

    /// `seekgpu usage ingest [--db PATH] FILE...`.
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest GPU usage logs (CSV or JSON Lines) into the usage store.",
            discussion: """
                Each file is a log in the GPU usage pipeline's layout: timestamp (Unix milliseconds, Unix \
                seconds or ISO 8601 with an offset), node_id, gpu_id, job_id (empty: not allocated), user_id, \
                gpu_type, gpu_utilization (percent), memory_used_gb, memory_total_gb, power_watts; as CSV with \
                a header row or as JSON Lines. Samples are upserted on (node_id, gpu_id, timestamp): a repeated \
                sample changes nothing, a changed one updates its row. A file already ingested (same SHA-256) \
                is skipped. Each file is one transaction. A malformed row is refused and listed as FILE:LINE: \
                reason (the first 20, then a count); the rest of the file goes in.
                Exit status: 0, also with refused rows; 65 when a whole file cannot be read (the others are \
                still ingested); 1 when the store cannot be opened or written.
                """)

        @Option(help: ArgumentHelp("The usage store (an SQLite file, created when missing).", valueName: "path"))
        var db = SQLiteUsageStore.defaultPath

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @Argument(help: ArgumentHelp("Usage logs to ingest.", valueName: "file"))
        var files: [String]

        /// Rejected rows printed per file before the rest is counted.
        static let rejectedShown = 20

        func run() async throws {
            let console = Console(quiet: quiet, verbose: false)
            try await exitingOnError(console) {
                let store = try SQLiteUsageStore(path: db)
                let ingest = UsageIngest(store: store)
                var unreadable = 0
                for file in files {
                    let bytes: [UInt8]
                    do {
                        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                    } catch {
                        console.error("\(file): cannot be read (\(error.localizedDescription))")
                        unreadable += 1
                        continue
                    }
                    switch try ingest.ingest(name: file, bytes: bytes) {
                    case .unreadable(let error):
                        console.error("\(error); the file was not ingested")
                        unreadable += 1
                    case .ingested(let outcome):
                        console.summary(Self.summary(outcome))
                    }
                }
                if unreadable > 0 { throw ExitCode(ExitStatus.dataFormat.rawValue) }
            }
        }

        static func summary(_ outcome: IngestOutcome) -> [String] {
            guard !outcome.skipped else { return ["\(outcome.file): already ingested (same content), skipped"] }
            var lines = ["\(outcome.file): \(outcome.rowsRead) rows read, \(outcome.inserted) inserted, \(outcome.updated) updated, "
                + "\(outcome.unchanged) unchanged, \(outcome.rejected.count) rejected"]
            lines += outcome.rejected.prefix(rejectedShown).map { "  \(outcome.file):\($0.line): \($0.reason)" }
            if outcome.rejected.count > rejectedShown {
                lines.append("  … and \(outcome.rejected.count - rejectedShown) more rejected rows")
            }
            return lines
        }
    }
}
