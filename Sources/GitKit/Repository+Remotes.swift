import CGit2

extension Repository {
    /// The URL configured for the remote `name`, or nil when there is no such remote.
    ///
    /// - Warning: the URL may carry `user:password@`; pass it through ``redactedURL(_:)``
    ///   before printing it.
    public func remoteURL(_ name: String) throws(GitError) -> String? {
        var remote: OpaquePointer?
        let status = git_remote_lookup(&remote, raw, name)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "git_remote_lookup", "could not read the remote '\(name)' of '\(path)'")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Adds the remote `name` with the default fetch refspec (`+refs/heads/*:refs/remotes/<name>/*`).
    /// - Throws: ``GitError`` when a remote of that name exists or the URL is invalid.
    public func addRemote(name: String, url: String) throws(GitError) {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, raw, name, url), "git_remote_create",
                  "could not add the remote '\(name)' (\(redactedURL(url))) to '\(path)'")
        git_remote_free(remote)
    }

    /// Changes the URL of the existing remote `name`.
    public func setRemoteURL(_ name: String, to url: String) throws(GitError) {
        try check(git_remote_set_url(raw, name, url), "git_remote_set_url",
                  "could not set the URL of the remote '\(name)' of '\(path)' to \(redactedURL(url))")
    }

    /// Downloads objects and updates remote-tracking references from the remote `name`.
    ///
    /// - Parameters:
    ///   - refspecs: e.g. `["+refs/heads/main:refs/remotes/origin/main"]`; empty uses the remote's
    ///     configured fetch refspecs.
    ///   - credentials: used when an HTTP(S) remote asks for them.
    /// - Throws: ``GitError``; `.authentication` when the remote refuses the credentials.
    public func fetch(remote name: String, refspecs: [String] = [], credentials: Credentials = .none) throws(GitError) {
        let remote = try lookupRemote(name)
        defer { git_remote_free(remote) }
        let state = RemoteCallbackState(credentials: credentials)
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init",
                  "could not prepare to fetch from '\(name)'")
        options.callbacks = state.makeCallbacks()
        let status = withExtendedLifetime(state) {
            withStringArray(refspecs) { array in
                git_remote_fetch(remote, refspecs.isEmpty ? nil : array, &options, "fetch")
            }
        }
        try checkRemote(status, "git_remote_fetch", state: state,
                        doing: "fetch from the remote '\(name)' (\(describe(remote)))")
    }

    /// Looks up the remote `name`; the caller frees it with `git_remote_free`.
    func lookupRemote(_ name: String) throws(GitError) -> OpaquePointer {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, raw, name), "git_remote_lookup",
                  "there is no remote '\(name)' in '\(path)'")
        guard let remote else { throw GitError(code: .other, message: "libgit2 returned no remote '\(name)'") }
        return remote
    }

    /// The remote's URL without user info, for messages.
    func describe(_ remote: OpaquePointer) -> String {
        git_remote_url(remote).map { redactedURL(String(cString: $0)) } ?? "no URL"
    }
}

/// Turns the result of a fetch, push or clone into a ``GitError`` with the credentials taken
/// into account: a refused or missing token becomes `.authentication` with a hint, and neither
/// the token nor URL user info survives in the message or cause.
/// - Parameter doing: what was attempted, e.g. "push refs/heads/main to the remote 'origin' (https://…)".
func checkRemote(_ status: Int32, _ call: String, state: RemoteCallbackState, doing: String) throws(GitError) {
    guard status < 0 else { return }
    do {
        try check(status, call, "could not \(doing)")
    } catch {
        var failure = error
        if state.credentialsRefused {
            failure.code = .authentication
            failure.message = "could not \(doing): the remote refused the credentials; check the token "
                + "(valid, not expired, allowed to access this repository)"
        } else if failure.code == .authentication {  // GIT_EAUTH: asked for credentials, none given
            failure.code = .authentication
            failure.message = "could not \(doing): the remote requires credentials; "
                + (state.credentials.secret == nil ? "give a token" : "check the token")
        }
        throw failure.redacting(state.credentials.secret)
    }
}
