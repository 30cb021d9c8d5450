import CGit2

extension Repository {
    /// The commit recorded for the submodule at `path` (its gitlink) in a commit's tree.
    ///
    /// - Parameters:
    ///   - path: the submodule's path relative to the work tree, e.g. `openhands-index`.
    ///   - commit: the commit whose tree is read; nil for HEAD.
    /// - Returns: the recorded commit, or nil when there is no entry at `path` (or HEAD is unborn).
    /// - Throws: ``GitError`` with `.invalidData` when `path` is a file or directory, not a submodule.
    public func gitlink(at path: String, in commit: ObjectID? = nil) throws(GitError) -> ObjectID? {
        let start: ObjectID? = if let commit { commit } else { try headCommitID() }
        guard let commitID = start else { return nil }
        let root = try tree(try self.commit(commitID).treeID)
        guard let entry = try entry(atPath: Self.normalized(path), in: root) else { return nil }
        guard entry.kind == .commit else {
            throw GitError(code: .invalidData,
                           message: "'\(path)' in \(commitID.short) of '\(self.path)' is not a submodule (mode \(String(entry.fileMode, radix: 8)))")
        }
        return entry.id
    }

    /// Opens the repository checked out at `<work tree>/<path>`: a submodule, whether its `.git`
    /// is a directory or a file pointing into the parent's `.git/modules`.
    /// - Throws: ``GitError`` with `.notFound` when nothing is checked out there.
    public func submodule(at path: String) throws(GitError) -> Repository {
        guard let workingDirectory else {
            throw GitError(code: .invalidData, message: "'\(self.path)' is a bare repository; it has no submodule checkouts")
        }
        return try Repository(openingAt: workingDirectory + Self.normalized(path))
    }
}
