import ArgumentParser
import Foundation
import GitKit
import Publish
import SeekCore

extension SeekGPU {
    /// `seekgpu daily`: the scheduled job from index update to e-mail.
    struct Daily: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update the index submodule, generate everything, publish a real change, e-mail alerts.",
            discussion: """
                1. Fetches the index submodule's remote main and moves its checkout there (a failure is \
                alerted and the run goes on with the current index). 2. Runs every generate step, up to 3 \
                attempts 1 and 5 minutes apart (SEEKGPU_DAILY_RETRY_DELAYS, seconds, e.g. "0,0"); a format \
                change or an invalid configuration is not retried. 3. Publishes as `seekgpu publish` does: a commit only when the site or \
                the gitlink changed. 4. E-mails the alerts of the run ("Data updated" only when a commit was \
                made) when SMTP is configured; a mail failure never fails the run. Between 2 and 3, when export.yaml \
                exists at the repository root (--repo), runs it as `seekgpu export` does (not with --dry-run); a failed \
                export is alerted and never stops publishing.
                Environment: as `generate` and `publish`, plus SEEKGPU_SMTP_URL, SMTP_USER, SMTP_PASSWORD, \
                NOTIFY_TO, SEEKGPU_MAIL_FROM, SEEKGPU_ALERT_PREFIX (see README, "Daily job").
                Exit status: 0 on success (committed or not), else generate's status (65 format change, 69 \
                source unavailable, 78 invalid configuration, 1 other) or 1 when publishing failed.
                """)

        @Option(help: "The remote to push to.")
        var remote = "origin"

        @Option(help: "The remote branch to push to.")
        var branch = "main"

        @Flag(help: "Generate, but only print what would be committed; push and e-mail nothing.")
        var dryRun = false

        @Flag(help: "Do not fetch the index submodule; generate from its current checkout.")
        var skipIndexUpdate = false

        @Option(help: ArgumentHelp("The git checkout holding the site (its top-level work tree).", valueName: "path"))
        var repo = "."

        @OptionGroup var options: OutputOptions

        func run() async throws {
            let console = Console(quiet: options.quiet, verbose: options.verbose)
            try await exitingOnError(console) { try await runDaily(console: console) }
        }

        private func runDaily(console: Console) async throws {
            let lock = try takeLock(out: options.out)
            defer { withExtendedLifetime(lock) {} }
            let environment = ProcessInfo.processInfo.environment
            let runURL = DailyAlerts.runURL(environment: environment)
            var alerts: [Alert] = []
            if !skipIndexUpdate { alerts += updateIndex(console: console) }

            let attempts = try Self.attempts(environment: environment)
            let (generated, last) = await generate(attempts: attempts, environment: environment, console: console)
            alerts += last.alerts
            if case .failed(let error, let attempt, _) = generated {
                let step = last.steps.last { $0.failure != nil }?.step.rawValue ?? "generate"
                alerts.append(DailyAlerts.pipelineFailed(error: "the \(step) step: " + Self.describe(error), attempt: attempt,
                                                         of: attempts.delays.count + 1, runURL: runURL))
                mail(alerts, console: console)
                let status = console.report(error)
                console.error("generate failed at the \(step) step on attempt \(attempt); nothing was committed")
                throw ExitCode(status.rawValue)
            }

            if dryRun {
                if exportConfiguration != nil { console.summary(["export: skipped (dry run)"]) }
            } else {
                alerts += await runExport(catalogs: last.catalogs, console: console)
            }

            let outcome: Publisher.Outcome
            do {
                outcome = try Publishing.publish(repo: repo, options: options, remote: remote, branch: branch,
                                                 dryRun: dryRun, console: console)
            } catch {
                alerts.append(Alert(subject: "Publish failed", body: "The data was generated but could not be published.\n\n"
                    + "Error:\n\(error)\n\nNothing reached \(remote)/\(branch). Fix the cause and re-run the daily workflow.\n"))
                mail(alerts, console: console)
                throw error
            }
            console.summary(Publishing.describe(outcome))
            if case .published(let commit, let plan, _) = outcome {
                alerts.append(DailyAlerts.dataUpdated(commitSummary: plan.message, commit: commit.hex,
                                                      diffMarkdown: plan.diff.markdown, runURL: runURL))
            }
            if dryRun {
                if case .dryRun(let plan) = outcome { print(plan.message, terminator: "") }
                if !alerts.isEmpty { console.summary(["daily (dry run): \(alerts.count) alerts not sent"]) }
                return
            }
            mail(alerts, console: console)
        }

        /// `export.yaml` at the repository root, when it exists.
        private var exportConfiguration: String? {
            let path = URL(fileURLWithPath: repo).appendingPathComponent("export.yaml").path
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }

        /// Runs `export.yaml` when it exists over the catalogs generate read; a failure is logged and
        /// alerted, never stops publishing.
        private func runExport(catalogs: Catalogs?, console: Console) async -> [Alert] {
            guard let path = exportConfiguration else { return [] }
            let outcome = await ExportJob(configPath: path, configDirectory: options.config, catalogVersion: nil)
                .run(console: console, catalogs: catalogs)
            guard outcome.status != 0 else { return [] }
            console.error("export failed (exit \(outcome.status)); publishing goes on")
            return [Alert(subject: "Export failed", body: "The daily export (\(path)) exited with status \(outcome.status). "
                + "The site was still generated and published.\n\n\(outcome.details)\n\n"
                + "Check the configuration with `seekgpu validate --config export.yaml` and the outputs' targets.\n")]
        }

        /// Moves the index submodule to its remote main; a failure becomes an alert, not a stop.
        private func updateIndex(console: Console) -> [Alert] {
            do {
                let checkout = try Repository(openingAt: repo)
                let indexPath = try checkout.workTreePath(of: options.index)
                let (old, new) = try IndexUpdate.toRemoteHead(checkout: checkout, path: indexPath)
                console.summary([old == new ? "index: \(new.short), no new commit"
                                            : "index: \(old?.short ?? "none") → \(new.short)"])
                return []
            } catch {
                console.error("could not update the index submodule: \(error); generating from its current checkout")
                return [Alert(subject: "Source unavailable: openhands-index",
                              body: "The daily run could not fetch the OpenHands Index submodule:\n\n\(error)\n\n"
                                  + "It generated from the commit already checked out. Check the submodule's remote.\n")]
            }
        }

        /// Runs every generate step, as a function, with retries; returns the outcome and the last attempt's result.
        private func generate(attempts: Attempts, environment: [String: String],
                              console: Console) async -> (Attempts.Outcome<Void>, GenerateRun.Result) {
            let options = GenerateRun.Options(step: .all, index: self.options.index, out: self.options.out,
                                              config: self.options.config, verbose: self.options.verbose, now: Date(),
                                              environment: environment)
            var last = GenerateRun.Result()
            let outcome = await attempts.run(
                isPermanent: { !ExitStatus(for: $0).isRetryable },
                onRetry: { attempt, error, pause in
                    console.error("generate attempt \(attempt) failed (\(Self.describe(error))); trying again in \(Int(pause)) s")
                }
            ) { _ in
                var run = options
                run.now = Date()
                last = GenerateRun(options: run, console: console).run()
                if let error = last.error { throw error }
            }
            return (outcome, last)
        }

        private func mail(_ alerts: [Alert], console: Console) {
            guard !alerts.isEmpty else { return }
            let outcome = AlertMailer(logger: console.logger(label: "seekgpu.mail")).send(alerts)
            console.summary([outcome.summary])
        }

        /// The retry pauses: SEEKGPU_DAILY_RETRY_DELAYS (seconds, comma-separated) or 60, 300.
        static func attempts(environment: [String: String]) throws -> Attempts {
            guard let text = environment["SEEKGPU_DAILY_RETRY_DELAYS"], !text.isEmpty else { return .daily }
            let delays = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard delays.count == text.split(separator: ",").count, delays.allSatisfy({ $0 >= 0 }) else {
                throw EnvironmentSettingError("SEEKGPU_DAILY_RETRY_DELAYS='\(text)' is not a list of seconds such as 60,300")
            }
            return Attempts(delays: delays)
        }

        /// A generate failure in words.
        static func describe(_ error: any Error) -> String {
            "\(error) — \(ExitStatus(for: error))"
        }
    }
}
