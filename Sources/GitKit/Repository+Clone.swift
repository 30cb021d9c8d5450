import CGit2

extension Repository {
    /// Clones the repository at `url` (a local path or an HTTP(S) URL) into `path`.
    ///
    /// A plain clone: every branch of the remote becomes `refs/remotes/origin/*`, and the
    /// checked-out branch (`branch`, else the remote's HEAD) becomes a local branch.
    /// When the remote is empty, HEAD is pointed at `refs/heads/<branch>` so the first commit
    /// lands there.
    /// - Parameters:
    ///   - credentials: used when an HTTP(S) remote asks for them.
    ///   - branch: the branch to check out, e.g. `main`; nil for the remote's default.
    ///   - bare: true for a repository without a work tree.
    /// - Throws: ``GitError``; `.authentication` when the remote refuses the credentials.
    @discardableResult
    public static func clone(url: String, to path: String, credentials: Credentials = .none,
                             branch: String? = nil, bare: Bool = false) throws(GitError) -> Repository {
        GitLibrary.ensureInitialized()
        let state = RemoteCallbackState(credentials: credentials)
        var options = git_clone_options()
        try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "git_clone_options_init",
                  "could not prepare to clone into '\(path)'")
        options.bare = bare ? 1 : 0
        options.fetch_opts.callbacks = state.makeCallbacks()
        var handle: OpaquePointer?
        // No `checkout_branch`: libgit2 fails on it when the remote is empty, so the branch is
        // set up after the clone instead.
        let status = withExtendedLifetime(state) { git_clone(&handle, url, path, &options) }
        try checkRemote(status, "git_clone", state: state, doing: "clone \(redactedURL(url)) into '\(path)'")
        guard let handle else { throw GitError(code: .other, message: "libgit2 returned no repository for '\(path)'") }
        let repository = Repository(raw: handle, path: path)
        if let branch { try repository.switchAfterClone(to: branch, from: url) }
        return repository
    }
}

extension Repository {
    /// Makes `branch` the checked-out branch of a fresh clone: HEAD is pointed at it when the
    /// remote was empty, else it is created from `origin/<branch>` (tracking it) and checked out.
    fileprivate func switchAfterClone(to branch: String, from url: String) throws(GitError) {
        let local = "refs/heads/\(branch)"
        guard try headCommitID() != nil else {
            try check(git_repository_set_head(raw, local), "git_repository_set_head",
                      "could not point HEAD of '\(path)' at '\(branch)'")
            return
        }
        guard try currentBranch() != branch else { return }
        guard let commit = try reference("refs/remotes/origin/\(branch)") else {
            throw GitError(code: .notFound, message: "\(redactedURL(url)) has no branch '\(branch)' (cloned into '\(path)')")
        }
        try updateReference(local, to: commit, message: "clone: branch \(branch)")
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, raw, local), "git_reference_lookup", "could not read '\(local)' in '\(path)'")
        defer { git_reference_free(reference) }
        try check(git_branch_set_upstream(reference, "origin/\(branch)"), "git_branch_set_upstream",
                  "could not make '\(branch)' track 'origin/\(branch)' in '\(path)'")
        try check(git_repository_set_head(raw, local), "git_repository_set_head",
                  "could not point HEAD of '\(path)' at '\(branch)'")
        if !isBare { try resetHard(to: commit) }
    }
}
