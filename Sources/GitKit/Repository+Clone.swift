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
        let status = withExtendedLifetime(state) {
            withOptionalCString(branch) { cBranch in
                options.checkout_branch = cBranch
                return git_clone(&handle, url, path, &options)
            }
        }
        try checkRemote(status, "git_clone", state: state, doing: "clone \(redactedURL(url)) into '\(path)'")
        guard let handle else { throw GitError(code: .other, message: "libgit2 returned no repository for '\(path)'") }
        let repository = Repository(raw: handle, path: path)
        if let branch, try repository.headCommitID() == nil {
            try check(git_repository_set_head(handle, "refs/heads/\(branch)"), "git_repository_set_head",
                      "could not point HEAD of '\(path)' at '\(branch)'")
        }
        return repository
    }
}

private func withOptionalCString<Result>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
