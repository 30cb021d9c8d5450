import ArgumentParser
import Foundation
import GitKit
import Publish

extension SeekGPU {
    /// `seekgpu diff`: the semantic data-diff report between a commit and the working copy.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report what changed in the data since a commit, as markdown.",
            discussion: """
                Compares OUT/data in the working directory with the same folder at REV of the repository \
                and prints a markdown report to stdout: new and removed models, spec changes, new \
                snapshots, score and state-of-the-art changes, GPU price moves, offerings, catalog \
                versions, API pricing and the files that changed. Its first line, "# <summary>", is a \
                commit subject of at most 72 characters; the whole report serves as a pull-request body. \
                Other site files are counted, not diffed. A repository without commits compares with \
                no data (a first run).
                Exit status: 0 (whether or not anything changed), 1 when the repository or revision \
                cannot be read, 64 on a usage error.
                """)

        /// What to print.
        enum Output: String, ExpressibleByArgument, CaseIterable {
            /// The report with its `# <summary>` title.
            case markdown
            /// The report without its title (a commit message body).
            case body
            /// The summary line only (a commit subject).
            case summary
        }

        @Option(help: ArgumentHelp("The commit to compare with (HEAD, HEAD~1, a branch, a commit id).", valueName: "rev"))
        var base = "HEAD"

        @Option(help: ArgumentHelp("The site directory in the working copy; its data is DIR/data/.", valueName: "dir"))
        var out = "web/public"

        @Option(help: ArgumentHelp("The git repository (its top-level work tree) holding the published site.",
                                   valueName: "path"))
        var repo = "."

        @Option(help: "What to print: the markdown report, its body without the title, or the summary line.")
        var format: Output = .markdown

        func validate() throws {
            if base.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--base needs a revision such as HEAD.") }
        }

        func run() async throws {
            try await exitingOnError(Console(quiet: false, verbose: false)) { try report() }
        }

        private func report() throws {
            let repository: Repository
            do {
                repository = try Repository(openingAt: repo)
            } catch {
                throw DiffError("no git repository at '\(repo)' (\(error)); run in the repository's top folder or pass --repo")
            }
            let sitePath: String
            do {
                sitePath = try repository.workTreePath(of: out)
            } catch {
                throw DiffError("--out: \(error); pass the site folder inside the checkout given with --repo")
            }
            var oldData = DataState.empty
            var oldSite: [String: [UInt8]] = [:]
            do {
                // HEAD of a repository without commits: compare with no data, as on the first run.
                let head = try repository.headCommitID()
                if base != "HEAD" || head != nil {
                    let commit = try repository.resolve(base)
                    oldData = try DataState.read(repository: repository, commit: commit, path: sitePath + "/data")
                    oldSite = try FileTree.read(repository: repository, commit: commit, path: sitePath, excluding: ["data"])
                }
            } catch {
                throw DiffError("could not read '\(sitePath)' at '\(base)' in '\(repo)': \(error)")
            }
            let siteURL = URL(fileURLWithPath: out)
            let newData = try DataState.read(directory: siteURL.appendingPathComponent("data"))
            let newSite = try FileTree.read(directory: siteURL, excluding: ["data"])
            let diff = DataDiff(old: oldData, new: newData, siteFiles: FileChanges(old: oldSite, new: newSite))
            switch format {
            case .markdown: print(diff.markdown, terminator: "")
            case .body: print(diff.body, terminator: "")
            case .summary: print(diff.summaryLine)
            }
        }
    }
}

/// A failure of `seekgpu diff`, printed as `Error: <message>` with exit status 1.
struct DiffError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
