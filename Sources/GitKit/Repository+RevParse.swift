import CGit2

extension Repository {
    /// The commit a revision names, as `git rev-parse <rev>^{commit}` finds it.
    ///
    /// Accepts whatever `git_revparse_single` does: `HEAD`, `HEAD~1`, a branch or tag name, a
    /// full or abbreviated hex id, `main@{1}`, …; annotated tags are peeled to their commit.
    /// - Parameter rev: the revision.
    /// - Returns: the commit's id.
    /// - Throws: ``GitError`` with code `.notFound` when `rev` names nothing (or HEAD is unborn),
    ///   `.invalidData` when it names a tree or blob rather than a commit.
    public func resolve(_ rev: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        let status = git_revparse_single(&object, raw, rev)
        if status == GIT_EUNBORNBRANCH.rawValue {
            throw GitError(code: .notFound, message: "'\(rev)' names no commit in '\(path)': the branch has no commit yet")
        }
        try check(status, "git_revparse_single", "'\(rev)' names no commit in '\(path)'")
        guard let object else { throw GitError(code: .notFound, message: "'\(rev)' names no commit in '\(path)'") }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peelStatus = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        do {
            try check(peelStatus, "git_object_peel", "'\(rev)' in '\(path)' is not a commit")
        } catch {
            var failure = error
            failure.code = .invalidData  // the object exists; it is a tree or blob
            throw failure
        }
        guard let peeled else { throw GitError(code: .invalidData, message: "'\(rev)' in '\(path)' is not a commit") }
        defer { git_object_free(peeled) }
        guard let oid = git_object_id(peeled) else {
            throw GitError(code: .other, message: "libgit2 returned no id for '\(rev)' in '\(path)'")
        }
        return ObjectID(oid.pointee)
    }
}
