import CGit2
#if canImport(Glibc)
import Glibc
#endif

extension Repository {
    /// Stages the paths of `entries` exactly as they are in the work tree; see ``stage(paths:)``.
    public func stage(_ entries: [StatusEntry]) throws(GitError) {
        try stage(paths: entries.map(\.path))
    }

    /// Stages exactly these paths as they are in the work tree, then writes the index.
    ///
    /// - A file (or symlink) is added, even when `.gitignore` excludes it.
    /// - A path missing from the work tree is removed from the index.
    /// - A directory holding a repository (a `.git` file or directory, i.e. a submodule checkout)
    ///   is recorded as a gitlink (mode 160000) pointing at that repository's HEAD commit; its own
    ///   work tree is not looked at.
    ///
    /// - Parameter paths: paths relative to the work tree, as ``StatusEntry/path`` gives them.
    /// - Throws: ``GitError`` for a plain directory (list its files with
    ///   ``status(paths:includingIgnored:)``), a submodule without a commit, or a failed index write.
    public func stage(paths: [String]) throws(GitError) {
        guard let workingDirectory else {
            throw GitError(code: .invalidData, message: "'\(path)' is a bare repository; it has no index to stage into")
        }
        let index = try openIndex()
        defer { git_index_free(index) }
        for entryPath in paths.map(Self.normalized) where !entryPath.isEmpty {
            let full = workingDirectory + entryPath
            switch FileKind(at: full) {
            case .missing:
                try check(git_index_remove_bypath(index, entryPath), "git_index_remove_bypath",
                          "could not unstage '\(entryPath)' in '\(path)'")
            case .file:
                try check(git_index_add_bypath(index, entryPath), "git_index_add_bypath",
                          "could not stage '\(entryPath)' in '\(path)'")
            case .directory where FileKind(at: full + "/.git") != .missing:
                try stageGitlink(entryPath, checkout: full, in: index)
            case .directory:
                throw GitError(code: .invalidData,
                               message: "'\(entryPath)' in '\(path)' is a directory, not a file or submodule; stage its files")
            }
        }
        try check(git_index_write(index), "git_index_write", "could not write the index of '\(path)'")
    }

    /// Commits the index on the current branch, unless its tree equals HEAD's tree.
    ///
    /// HEAD (and the branch it points to) moves to the new commit, whose parent is the old HEAD
    /// (none when HEAD is unborn).
    /// - Returns: the new commit, or nil when there is nothing to commit.
    @discardableResult
    public func commitIndex(message: String, author: Signature, committer: Signature) throws(GitError) -> ObjectID? {
        let index = try openIndex()
        defer { git_index_free(index) }
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index), "git_index_write_tree",
                  "could not write the index of '\(path)' as a tree")
        let treeID = ObjectID(oid)
        let parent = try headCommitID()
        if let parent, try commit(parent).treeID == treeID { return nil }
        return try createCommit(tree: treeID, parents: parent.map { [$0] } ?? [], message: message,
                                author: author, committer: committer, updatingReference: "HEAD")
    }

    /// The repository's index, re-read from disk if another process changed it. Caller frees it.
    private func openIndex() throws(GitError) -> OpaquePointer {
        var index: OpaquePointer?
        try check(git_repository_index(&index, raw), "git_repository_index", "could not open the index of '\(path)'")
        guard let index else { throw GitError(code: .other, message: "libgit2 returned no index for '\(path)'") }
        let status = git_index_read(index, 0)
        if status < 0 { git_index_free(index) }
        try check(status, "git_index_read", "could not read the index of '\(path)'")
        return index
    }

    /// Records the HEAD commit of the repository checked out at `checkout` as a gitlink.
    private func stageGitlink(_ entryPath: String, checkout: String, in index: OpaquePointer) throws(GitError) {
        guard let commit = try Repository(openingAt: checkout).headCommitID() else {
            throw GitError(code: .unbornHead, message: "the submodule '\(entryPath)' in '\(path)' has no commit checked out")
        }
        var entry = git_index_entry()
        entry.mode = GIT_FILEMODE_COMMIT.rawValue
        entry.id = commit.raw
        let status = entryPath.withCString { cPath in
            entry.path = cPath
            return git_index_add(index, &entry)
        }
        try check(status, "git_index_add", "could not stage the submodule '\(entryPath)' at \(commit.short) in '\(path)'")
    }
}

/// What is at a path in the file system (symlinks are not followed).
private enum FileKind {
    case missing, file, directory

    init(at path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { self = .missing; return }
        self = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
