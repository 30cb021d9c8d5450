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
                nvidia-smi --query-gpu=timestamp,name,index,uuid,utilization.gpu,memory.used,memory.total,power.draw \
                --format=csv output is recognised by its header: its node is --node or the file's name, its \
                local times are read at --utc-offset, memory in MiB becomes GiB, and job and user come from \
                --allocations (a CSV node_id,gpu_id,start,end,job_id,user_id).
                Exit status: 0, also with refused rows; 65 when a whole file cannot be read (the others are \
                still ingested); 1 when the store cannot be opened or written.
                """)

        @Option(help: ArgumentHelp("The usage store (an SQLite file, created when missing).", valueName: "path"))
        var db = SQLiteUsageStore.defaultPath

        @Option(help: ArgumentHelp("The node of nvidia-smi output (default: each file's name without extension).", valueName: "id"))
        var node: String?

        @Option(name: .customLong("utc-offset"),
                help: ArgumentHelp("The offset from UTC of the clock nvidia-smi printed, e.g. +01:00.", valueName: "±hh:mm"))
        var utcOffset = "+00:00"

        @Option(help: ArgumentHelp("Which job and user held each GPU when: a CSV node_id,gpu_id,start,end,job_id,user_id.",
                                   valueName: "file"))
        var allocations: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if Self.offsetMinutes(utcOffset) == nil { throw ValidationError("--utc-offset '\(utcOffset)' is not ±hh:mm, e.g. +01:00.") }
        }

        /// `+01:00` → 60, `-05:30` → -330.
        static func offsetMinutes(_ text: String) -> Int? {
            let parts = text.dropFirst().split(separator: ":")
            guard let sign = text.first, sign == "+" || sign == "-", parts.count == 2,
                  let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
            else { return nil }
            return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
        }

        @Argument(help: ArgumentHelp("Usage logs to ingest.", valueName: "file"))
        var files: [String]

        /// Rejected rows printed per file before the rest is counted.
        static let rejectedShown = 20

        func run() async throws {
            let console = Console(quiet: quiet, verbose: false)
            try await exitingOnError(console) {
                let store = try SQLiteUsageStore(path: db)
                var table: [GPUAllocation] = []
                if let allocations {
                    let bytes: [UInt8]
                    do {
                        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: allocations)))
                    } catch {
                        throw ValidationError("--allocations \(allocations) cannot be read (\(error.localizedDescription)).")
                    }
                    table = try GPUAllocation.parse(bytes, file: allocations)
                }
                let ingest = UsageIngest(store: store, nvidiaSMINode: node, utcOffsetMinutes: Self.offsetMinutes(utcOffset) ?? 0,
                                         allocations: table)
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
