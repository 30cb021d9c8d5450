import GitKit

/// Moves the index submodule's checkout to its remote branch head, as the daily job's first step.
public enum IndexUpdate {
    /// Fetches `remote`'s `branch` in the submodule at `path` and checks it out (detached), so the
    /// parent's gitlink shows as changed until publish commits it.
    ///
    /// - Parameters:
    ///   - checkout: The parent repository.
    ///   - path: The submodule's path, e.g. `openhands-index`.
    /// - Returns: The submodule's commit before and after (equal when the remote did not move).
    /// - Throws: ``GitKit/GitError`` naming the submodule when it is missing or the fetch fails.
    public static func toRemoteHead(checkout: Repository, path: String, remote: String = "origin",
                                    branch: String = "main", credentials: Credentials = .none)
        throws(GitError) -> (old: ObjectID?, new: ObjectID) {
        let index = try checkout.submodule(at: path)
        let old = try index.headCommitID()
        try index.fetch(remote: remote, refspecs: ["+refs/heads/\(branch):refs/remotes/\(remote)/\(branch)"],
                        credentials: credentials)
        guard let new = try index.reference("refs/remotes/\(remote)/\(branch)") else {
            throw GitError(code: .notFound, message: "the index remote '\(remote)' of '\(path)' has no branch \(branch)")
        }
        if new != old { try index.checkoutDetached(new) }
        return (old, new)
    }
}
