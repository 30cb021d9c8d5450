import CGit2

extension Repository {
    /// The short name of the branch HEAD points to (`main`), also when it has no commit yet;
    /// nil when HEAD is detached.
    public func currentBranch() throws(GitError) -> String? {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, raw, "HEAD"), "git_reference_lookup", "could not read HEAD in '\(path)'")
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
              let target = git_reference_symbolic_target(head).map({ String(cString: $0) }) else { return nil }
        let prefix = "refs/heads/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : target
    }

    /// The commit a reference resolves to (`refs/remotes/origin/main`, `refs/heads/main`, `HEAD`);
    /// nil when it does not exist.
    public func reference(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let status = git_reference_name_to_id(&oid, raw, name)
        if status == GIT_ENOTFOUND.rawValue || status == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(status, "git_reference_name_to_id", "could not resolve '\(name)' in '\(path)'")
        return ObjectID(oid)
    }

    /// Creates or moves the direct reference `name` (e.g. `refs/heads/main`) to `id`.
    /// - Parameter message: the reflog message.
    public func updateReference(_ name: String, to id: ObjectID, message: String) throws(GitError) {
        var oid = id.raw
        var reference: OpaquePointer?
        try check(git_reference_create(&reference, raw, name, &oid, 1, message), "git_reference_create",
                  "could not point '\(name)' at \(id.short) in '\(path)'")
        git_reference_free(reference)
    }

    /// Moves the current branch (or a detached HEAD) to `commit` and makes the index and work
    /// tree match it, discarding local changes to tracked files (`git reset --hard`).
    /// Untracked files are left alone.
    public func resetHard(to commit: ObjectID) throws(GitError) {
        let target = try self.commit(commit)
        var options = try forcedCheckoutOptions()
        let status = withExtendedLifetime(target) { git_reset(raw, target.raw, GIT_RESET_HARD, &options) }
        try check(status, "git_reset", "could not reset '\(path)' to \(commit.short)")
    }

    /// Checks `commit` out with a detached HEAD, overwriting local changes to tracked files
    /// (`git checkout --force --detach`). The commit must already be in the repository (fetch it first).
    /// Used to move a submodule checkout to a fetched commit.
    public func checkoutDetached(_ commit: ObjectID) throws(GitError) {
        let target = try self.commit(commit)
        var options = try forcedCheckoutOptions()
        let status = withExtendedLifetime(target) { git_checkout_tree(raw, target.raw, &options) }
        try check(status, "git_checkout_tree", "could not check out \(commit.short) in '\(path)'")
        var oid = commit.raw
        try check(git_repository_set_head_detached(raw, &oid), "git_repository_set_head_detached",
                  "could not detach HEAD at \(commit.short) in '\(path)'")
    }

    private func forcedCheckoutOptions() throws(GitError) -> git_checkout_options {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init",
                  "could not prepare a checkout in '\(path)'")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        return options
    }
}
