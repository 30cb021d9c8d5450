import CGit2

/// A git repository opened through libgit2, bare or with a work tree.
///
/// Owns its `git_repository` handle and frees it in `deinit`. Not `Sendable`: libgit2
/// handles must not be used from two threads at once, so a repository belongs to one task.
public final class Repository {
    let raw: OpaquePointer
    /// The path the repository was opened or created at.
    public let path: String

    /// Opens the repository at `path`: a work tree, its `.git` directory, or a bare repository.
    ///
    /// The path itself must be the repository: parent directories are not searched, so a
    /// missing submodule is reported instead of silently opening the enclosing project.
    /// - Throws: ``GitError`` with code `.notFound` when `path` is not a repository.
    public init(openingAt path: String) throws(GitError) {
        GitLibrary.ensureInitialized()
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
                  "git_repository_open_ext", "could not open a git repository at '\(path)'")
        guard let handle else {
            throw GitError(code: .other, message: "libgit2 returned no repository for '\(path)'")
        }
        raw = handle
        self.path = path
    }

    /// Takes ownership of `raw`, which `deinit` frees.
    init(raw: OpaquePointer, path: String) {
        self.raw = raw
        self.path = path
    }

    /// Creates a new, empty repository whose HEAD points to `refs/heads/<initialBranch>`.
    /// - Parameters:
    ///   - path: the directory to create (parents are created too).
    ///   - bare: true for a repository without a work tree.
    ///   - initialBranch: the branch the first commit will land on.
    public static func create(at path: String, bare: Bool, initialBranch: String = "main") throws(GitError) -> Repository {
        GitLibrary.ensureInitialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "git_repository_init_options_init", "could not prepare to create '\(path)'")
        var flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        options.flags = flags
        var handle: OpaquePointer?
        let status = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&handle, path, &options)
        }
        try check(status, "git_repository_init_ext", "could not create a git repository at '\(path)'")
        guard let handle else {
            throw GitError(code: .other, message: "libgit2 returned no repository for '\(path)'")
        }
        return Repository(raw: handle, path: path)
    }

    deinit { git_repository_free(raw) }

    /// True for a repository without a work tree.
    public var isBare: Bool { git_repository_is_bare(raw) == 1 }

    /// The work tree's path, ending in `/`; nil for a bare repository.
    public var workingDirectory: String? { git_repository_workdir(raw).map { String(cString: $0) } }

    /// The commit HEAD points to, or nil when HEAD is unborn (an empty repository).
    public func headCommitID() throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let status = git_reference_name_to_id(&oid, raw, "HEAD")
        if status == GIT_ENOTFOUND.rawValue || status == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(status, "git_reference_name_to_id", "could not resolve HEAD in '\(path)'")
        return ObjectID(oid)
    }

    /// Looks up a commit.
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        Commit(raw: try lookup(id, "commit", git_commit_lookup), id: id)
    }

    /// Looks up a tree.
    public func tree(_ id: ObjectID) throws(GitError) -> Tree {
        Tree(raw: try lookup(id, "tree", git_tree_lookup), id: id)
    }

    /// The bytes of a blob, copied out of libgit2's memory.
    public func blobBytes(_ id: ObjectID) throws(GitError) -> [UInt8] {
        let handle = try lookup(id, "blob", git_blob_lookup)
        defer { git_blob_free(handle) }
        let size = Int(git_blob_rawsize(handle))
        guard size > 0, let content = git_blob_rawcontent(handle) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Looks up an object with `git_<kind>_lookup`; the caller owns the returned handle.
    private func lookup(_ id: ObjectID, _ kind: String,
                        _ function: (UnsafeMutablePointer<OpaquePointer?>, OpaquePointer, UnsafePointer<git_oid>) -> Int32)
        throws(GitError) -> OpaquePointer {
        var oid = id.raw
        var handle: OpaquePointer?
        try check(function(&handle, raw, &oid), "git_\(kind)_lookup", "could not read \(kind) \(id.short) in '\(path)'")
        guard let handle else { throw GitError(code: .other, message: "libgit2 returned no \(kind) for \(id.short)") }
        return handle
    }

    /// Every commit reachable from `start`, newest first by committer time.
    ///
    /// Only ids and committer times are returned; a merge commit's parents are all followed.
    public func history(from start: ObjectID) throws(GitError) -> [CommitSummary] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, raw), "git_revwalk_new", "could not walk the history of '\(path)'")
        guard let walker else { throw GitError(code: .other, message: "no revwalk for '\(path)'") }
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_sorting(walker, GIT_SORT_TIME.rawValue), "git_revwalk_sorting",
                  "could not sort the history of '\(path)'")
        var startOID = start.raw
        try check(git_revwalk_push(walker, &startOID), "git_revwalk_push",
                  "could not start walking from \(start.short) in '\(path)'")
        var result: [CommitSummary] = []
        var oid = git_oid()
        while true {
            let status = git_revwalk_next(&oid, walker)
            if status == GIT_ITEROVER.rawValue { break }
            try check(status, "git_revwalk_next", "could not walk the history of '\(path)'")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, raw, &oid), "git_commit_lookup",
                      "could not read commit \(ObjectID(oid).short) in '\(path)'")
            guard let commit else { continue }
            result.append(CommitSummary(id: ObjectID(oid), committerTime: Int64(git_commit_time(commit))))
            git_commit_free(commit)
        }
        return result
    }
}

/// A commit's id and committer time, as listed by ``Repository/history(from:)``.
public struct CommitSummary: Hashable, Sendable {
    /// The commit id.
    public var id: ObjectID
    /// Committer time, seconds since 1970-01-01 00:00:00 UTC.
    public var committerTime: Int64

    /// Creates a summary.
    public init(id: ObjectID, committerTime: Int64) {
        self.id = id
        self.committerTime = committerTime
    }
}
