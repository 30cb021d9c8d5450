import ArgumentParser
import Foundation
import GitKit
import Logging
import Publish

extension SeekGPU {
    /// `seekgpu publish`: commit and push the generated site, only when it changed.
    struct PublishCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Commit and push the generated site and the index submodule, only when they changed.",
            discussion: """
                Looks at the git status of OUT and of the index submodule's gitlink. Nothing changed: no \
                commit, exit 0, and it says so. Otherwise it stages exactly those paths, commits them with \
                the data-diff report as the message (subject = the summary line) and pushes to REMOTE's \
                BRANCH. A push rejected because the remote moved is replayed on the new remote head (the \
                generated paths ours, everything else theirs) and pushed again, up to 3 times.
                Environment: GITHUB_TOKEN (HTTPS push as x-access-token; never printed), GIT_AUTHOR_NAME and \
                GIT_AUTHOR_EMAIL (default seekgpu-bot).
                Exit status: 0 (published, or nothing to publish), 1 on failure (the message says what to do).
                """)

        @Option(help: "The remote to push to.")
        var remote = "origin"

        @Option(help: "The remote branch to push to.")
        var branch = "main"

        @Flag(help: "Print what would be committed; commit and push nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("The git checkout holding the site (its top-level work tree).", valueName: "path"))
        var repo = "."

        @OptionGroup var options: OutputOptions

        func run() async throws {
            let console = Console(quiet: options.quiet, verbose: options.verbose)
            try await exitingOnError(console) {
                let lock = try takeLock(out: options.out)
                defer { withExtendedLifetime(lock) {} }
                let outcome = try Publishing.publish(repo: repo, options: options, remote: remote, branch: branch,
                                                     dryRun: dryRun, console: console)
                console.summary(Publishing.describe(outcome))
                if dryRun, case .dryRun(let plan) = outcome { print(plan.message, terminator: "") }
            }
        }
    }
}

/// The publish step, shared by `seekgpu publish` and `seekgpu daily`.
enum Publishing {
    /// Opens the checkout and publishes `options.out` and `options.index`.
    static func publish(repo: String, options: OutputOptions, remote: String, branch: String, dryRun: Bool,
                        console: Console) throws -> Publisher.Outcome {
        let repository: Repository
        do {
            repository = try Repository(openingAt: repo)
        } catch {
            throw PublishFailure("no git checkout at '\(repo)' (\(error)); run in the repository's top folder or pass --repo")
        }
        let sitePath: String, indexPath: String
        do {
            sitePath = try repository.workTreePath(of: options.out)
            indexPath = try repository.workTreePath(of: options.index)
        } catch {
            throw PublishFailure("\(error); --out and --index must be folders inside the checkout given with --repo")
        }
        let environment = ProcessInfo.processInfo.environment
        let token = environment["GITHUB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let publisher = Publisher(
            repository: repository,
            sitePath: sitePath,
            indexPath: indexPath,
            remote: remote, branch: branch, credentials: token.map(Credentials.token) ?? .none,
            identity: GitIdentity.from(environment: environment),
            logger: console.logger(label: "seekgpu.publish"))
        do {
            return try publisher.publish(dryRun: dryRun)
        } catch let error as GitError where error.code == .authentication {
            throw PublishFailure("\(remote) refused the credentials: check that GITHUB_TOKEN is set and may push to \(branch) (\(error))")
        } catch let error as GitError {
            throw PublishFailure("publishing to \(remote)/\(branch) failed: \(error)")
        }
    }

    /// The summary lines for an outcome.
    static func describe(_ outcome: Publisher.Outcome) -> [String] {
        switch outcome {
        case .unchanged:
            return ["publish: nothing changed; no commit"]
        case .dryRun(let plan):
            return ["publish (dry run): would commit \(plan.changes.count) changed paths: \(plan.message.prefix { $0 != "\n" })"]
        case .published(let commit, let plan, let replays):
            return ["publish: committed \(commit.short) (\(plan.changes.count) paths) and pushed"
                + (replays > 0 ? " after replaying on a newer remote head \(replays)×" : "")
                + ": \(plan.message.prefix { $0 != "\n" })"]
        case .alreadyPublished:
            return ["publish: the remote already has this data; nothing pushed"]
        }
    }
}

/// A publish failure, printed as `Error: <message>` with exit status 1.
struct PublishFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Takes the run lock of an output directory: `.NAME.seekgpu.lock` beside it (`web/.public.seekgpu.lock`
/// for `web/public`), so runs on different output directories never block each other and the lock
/// file is never part of the published site.
func takeLock(out: String) throws -> RunLock {
    let site = URL(fileURLWithPath: out).standardizedFileURL
    let folder = site.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try RunLock(path: folder.appendingPathComponent(".\(site.lastPathComponent).seekgpu.lock").path)
}
