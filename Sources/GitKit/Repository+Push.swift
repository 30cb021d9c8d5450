import CGit2

extension Repository {
    /// Pushes one refspec (e.g. `refs/heads/main:refs/heads/main`) to the remote `name`.
    ///
    /// On success the remote-tracking reference (`refs/remotes/<name>/main`) is updated too.
    /// - Throws: ``GitError`` with code
    ///   - `.nonFastForward` when the remote branch has commits the pushed one lacks: detected by
    ///     libgit2 (`GIT_ENONFASTFORWARD`) or reported by the server ("non-fast-forward",
    ///     "fetch first"); fetch, rebuild on top of the remote branch and push again;
    ///   - `.rejected` when the server refused the reference for another reason (a hook, a
    ///     protected branch); the message names the reference and the server's status;
    ///   - `.authentication` when the remote refused the token (the message says to check it).
    ///   The token never appears in the error.
    public func push(remote name: String, refspec: String, credentials: Credentials = .none) throws(GitError) {
        let remote = try lookupRemote(name)
        defer { git_remote_free(remote) }
        let state = RemoteCallbackState(credentials: credentials)
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init",
                  "could not prepare to push to '\(name)'")
        options.callbacks = state.makeCallbacks()
        let status = withExtendedLifetime(state) {
            withStringArray([refspec]) { array in git_remote_push(remote, array, &options) }
        }
        let destination = Self.destination(of: refspec)
        let doing = "push \(destination) to the remote '\(name)' (\(describe(remote)))"
        if status == GIT_ENONFASTFORWARD.rawValue {
            do {
                try check(status, "git_remote_push", "")
            } catch {
                var failure = error
                failure.message = "could not \(doing): the remote's \(destination) has commits the pushed commit "
                    + "lacks (non-fast-forward); fetch, rebuild on top of it and push again"
                throw failure.redacting(credentials.secret)
            }
        }
        try checkRemote(status, "git_remote_push", state: state, doing: doing)
        guard let rejection = state.rejectedReferences.first else { return }
        let nonFastForward = Self.isNonFastForward(status: rejection.status)
        let message = "could not \(doing): the remote refused \(rejection.reference): \(rejection.status)"
            + (nonFastForward ? "; fetch, rebuild on top of it and push again" : "")
        throw GitError(code: nonFastForward ? .nonFastForward : .rejected, message: message)
            .redacting(credentials.secret)
    }

    /// The remote side of a refspec: `+refs/heads/a:refs/heads/b` gives `refs/heads/b`.
    static func destination(of refspec: String) -> String {
        let unforced = refspec.hasPrefix("+") ? String(refspec.dropFirst()) : refspec
        guard let colon = unforced.lastIndex(of: ":") else { return unforced }
        return String(unforced[unforced.index(after: colon)...])
    }

    /// True for server statuses that mean "the remote branch moved on": git's receive-pack says
    /// "non-fast-forward", the git client's wording is "fetch first".
    static func isNonFastForward(status: String) -> Bool {
        let lower = status.lowercased()
        return lower.contains("non-fast-forward") || lower.contains("fetch first") || lower.contains("not a fast forward")
    }
}
