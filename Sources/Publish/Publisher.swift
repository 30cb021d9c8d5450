import Foundation
import GitKit
import Logging

/// Commits the generated site and the index gitlink, and pushes them, only when they changed.
///
/// The commit holds exactly the changed paths under `sitePath` and the submodule at `indexPath`;
/// its message is the data diff (subject = ``DataDiff/summaryLine``). A push rejected as
/// non-fast-forward is replayed on the new remote head (our generated paths, everything else
/// theirs) and pushed again, a bounded number of times.
public struct Publisher {
    /// The checkout.
    public var repository: Repository
    /// The generated site inside the checkout, e.g. `web/public`.
    public var sitePath: String
    /// The index submodule inside the checkout, e.g. `openhands-index`.
    public var indexPath: String
    /// The remote to push to.
    public var remote: String
    /// The remote branch to push to.
    public var branch: String
    /// How to authenticate the push.
    public var credentials: Credentials
    /// Who the commit is by.
    public var identity: GitIdentity
    /// Pushes tried before giving up on a remote that keeps moving.
    public var maxPushAttempts: Int
    /// Progress messages.
    public var logger: Logger

    /// Creates a publisher; see the properties.
    public init(repository: Repository, sitePath: String = "web/public", indexPath: String = "openhands-index",
                remote: String = "origin", branch: String = "main", credentials: Credentials = .none,
                identity: GitIdentity = .bot, maxPushAttempts: Int = 3, logger: Logger = Logger(label: "seekgpu.publish")) {
        self.repository = repository
        self.sitePath = sitePath
        self.indexPath = indexPath
        self.remote = remote
        self.branch = branch
        self.credentials = credentials
        self.identity = identity
        self.maxPushAttempts = maxPushAttempts
        self.logger = logger
    }

    /// What would be committed: the changed paths and the message.
    public struct Plan: Sendable {
        /// The changed paths (files under the site, the submodule).
        public var changes: [StatusEntry]
        /// The data diff behind the message.
        public var diff: DataDiff
        /// The index commit before and after, when the submodule moved.
        public var index: (old: ObjectID?, new: ObjectID)?
        /// The commit message: subject, blank line, body.
        public var message: String
    }

    /// What publishing did.
    public enum Outcome: Sendable {
        /// Nothing under the site or the submodule changed: no commit.
        case unchanged
        /// `--dry-run`: what would have been committed.
        case dryRun(Plan)
        /// Committed and pushed; `replays` counts the rejected pushes replayed on a newer remote head.
        case published(commit: ObjectID, plan: Plan, replays: Int)
        /// Committed and replayed, but the remote already had exactly this content: nothing left to push.
        case alreadyPublished(plan: Plan)
    }

    /// The plan for the working tree as it is, or nil when nothing changed.
    public func plan() throws -> Plan? {
        let changes = try repository.status(paths: [sitePath, indexPath])
        guard !changes.isEmpty else { return nil }
        guard let workdir = repository.workingDirectory else {
            throw GitError(code: .invalidData, message: "'\(repository.path)' has no working tree to publish")
        }
        let head = try repository.headCommitID()
        let dataPath = sitePath + "/data"
        let oldData = try head.map { id throws in try DataState.read(repository: repository, commit: id, path: dataPath) }
            ?? DataState(files: [:])
        let siteURL = URL(fileURLWithPath: workdir).appendingPathComponent(sitePath)
        let newData = try DataState.read(directory: siteURL.appendingPathComponent("data"))
        let oldSite = try head.map { id throws in
            try FileTree.read(repository: repository, commit: id, path: sitePath, excluding: ["data"])
        } ?? [:]
        let newSite = try FileTree.read(directory: siteURL, excluding: ["data"])
        let diff = DataDiff(old: oldData, new: newData, siteFiles: FileChanges(old: oldSite, new: newSite))
        var index: (old: ObjectID?, new: ObjectID)?
        if changes.contains(where: { $0.path == indexPath }),
           let new = try repository.submodule(at: indexPath).headCommitID() {
            index = (try repository.gitlink(at: indexPath), new)
        }
        return Plan(changes: changes, diff: diff, index: index, message: Self.message(diff: diff, index: index))
    }

    /// The commit message for a diff and an index move.
    public static func message(diff: DataDiff, index: (old: ObjectID?, new: ObjectID)?) -> String {
        let move = index.map { "openhands-index \($0.old?.short ?? "none") → \($0.new.short)" }
        let subject = diff.isEmpty ? (move.map { "index: \($0) (no data change)" } ?? "site: no data change") : diff.summaryLine
        var body = diff.isEmpty ? "" : diff.body
        // A data change already names the index commits (snapshots/index.json); say it only when alone.
        if let move, diff.isEmpty { body = "Source: \(move)." }
        return subject + (body.isEmpty ? "\n" : "\n\n" + body + "\n")
    }

    /// Commits and pushes the changes, or reports that there were none.
    ///
    /// - Parameter dryRun: Only plan; commit and push nothing.
    /// - Throws: ``GitKit/GitError`` (authentication, a remote that keeps moving, …) or a read error.
    public func publish(dryRun: Bool = false) throws -> Outcome {
        guard let plan = try plan() else { return .unchanged }
        if dryRun { return .dryRun(plan) }
        guard let local = try repository.currentBranch() else {
            throw GitError(code: .invalidData, message: "HEAD is detached in '\(repository.path)': check out the branch to publish")
        }
        try repository.stage(plan.changes)
        let now = identity.signature(at: Int64(Date().timeIntervalSince1970))
        guard var commit = try repository.commitIndex(message: plan.message, author: now, committer: now) else {
            return .unchanged
        }
        var message = plan.message
        let refspec = "refs/heads/\(local):refs/heads/\(branch)"
        do {
            for attempt in 0..<maxPushAttempts {
                if try pushAccepted(refspec, lastAttempt: attempt + 1 == maxPushAttempts) {
                    return .published(commit: commit, plan: Plan(changes: plan.changes, diff: plan.diff, index: plan.index,
                                                                 message: message), replays: attempt)
                }
                logger.warning("push rejected: \(remote)/\(branch) moved; replaying the data commit on its new head")
                guard let replayed = try replayOnRemoteHead(commit, message: message, index: plan.index, signature: now) else {
                    return .alreadyPublished(plan: plan)
                }
                (commit, message) = replayed
            }
        } catch {
            // Take the unpushed commit back (files stay as they are), so the next run sees the change again.
            if let parent = try? repository.commit(commit).parentIDs.first {
                try? repository.updateReference("refs/heads/\(local)", to: parent, message: "seekgpu: push failed, commit taken back")
            }
            throw error
        }
        throw GitError(code: .nonFastForward, message: "\(remote) kept moving: gave up after \(maxPushAttempts) pushes")
    }

    /// Pushes; false when the remote rejected it as non-fast-forward (and this is not the last try).
    private func pushAccepted(_ refspec: String, lastAttempt: Bool) throws -> Bool {
        do {
            try repository.push(remote: remote, refspec: refspec, credentials: credentials)
            return true
        } catch {
            guard error.code == .nonFastForward else { throw error }
            if lastAttempt {
                throw GitError(code: .nonFastForward, message: "\(remote) kept moving: gave up after \(maxPushAttempts) pushes")
            }
            return false
        }
    }

    /// Fetches the remote branch and re-creates `commit` on its head, with a message describing the
    /// change against that head; checks the result out. Nil when the head already has this content.
    private func replayOnRemoteHead(_ commit: ObjectID, message: String, index: (old: ObjectID?, new: ObjectID)?,
                                    signature: Signature) throws -> (commit: ObjectID, message: String)? {
        try repository.fetch(remote: remote, refspecs: ["+refs/heads/\(branch):refs/remotes/\(remote)/\(branch)"],
                             credentials: credentials)
        guard let head = try repository.reference("refs/remotes/\(remote)/\(branch)") else {
            throw GitError(code: .notFound, message: "the branch \(branch) disappeared from \(remote) while publishing")
        }
        let replayed = try repository.replay(commit, onto: head, paths: [sitePath, indexPath],
                                             message: message, author: signature, committer: signature)
        let tree = try repository.commit(replayed).treeID
        if tree == (try repository.commit(head).treeID) {
            try repository.resetHard(to: head)
            return nil
        }
        let diff = DataDiff(old: try DataState.read(repository: repository, commit: head, path: sitePath + "/data"),
                            new: try DataState.read(repository: repository, commit: replayed, path: sitePath + "/data"))
        let newMessage = Self.message(diff: diff, index: index)
        let result = newMessage == message ? replayed
            : try repository.createCommit(tree: tree, parents: [head], message: newMessage,
                                          author: signature, committer: signature, updatingReference: nil)
        try repository.resetHard(to: result)
        return (result, newMessage)
    }
}

/// The name and e-mail a commit is made under.
public struct GitIdentity: Sendable, Equatable {
    /// The name, e.g. `seekgpu-bot`.
    public var name: String
    /// The e-mail address.
    public var email: String

    /// Creates an identity.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// `seekgpu-bot <seekgpu-bot@users.noreply.github.com>`.
    public static let bot = GitIdentity(name: PublishModule.defaultBotName,
                                        email: "\(PublishModule.defaultBotName)@users.noreply.github.com")

    /// From git's own variables (`GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`), else the bot.
    public static func from(environment: [String: String]) -> GitIdentity {
        let name = environment["GIT_AUTHOR_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        let email = environment["GIT_AUTHOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        return GitIdentity(name: name ?? bot.name, email: email ?? bot.email)
    }

    /// A signature at `time` (UTC).
    public func signature(at time: Int64) -> Signature { Signature(name: name, email: email, time: time) }
}
