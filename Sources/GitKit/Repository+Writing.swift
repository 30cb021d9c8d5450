import CGit2

/// Who made a commit and when, for ``Repository/createCommit(tree:parents:message:author:committer:updatingReference:)``.
public struct Signature: Hashable, Sendable {
    /// The person's name.
    public var name: String
    /// The person's e-mail address.
    public var email: String
    /// Seconds since 1970-01-01 00:00:00 UTC.
    public var time: Int64
    /// The time zone offset from UTC, in minutes (e.g. -300 for UTC-05:00).
    public var offsetMinutes: Int32

    /// Creates a signature.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

extension Repository {
    /// Stores `bytes` as a blob and returns its id.
    public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let status = bytes.withUnsafeBytes { buffer in
            git_blob_create_from_buffer(&oid, raw, buffer.baseAddress, buffer.count)
        }
        try check(status, "git_blob_create_from_buffer", "could not write a blob to '\(path)'")
        return ObjectID(oid)
    }

    /// Stores a tree with these entries (in any order; git sorts them) and returns its id.
    public func writeTree(_ entries: [TreeEntry]) throws(GitError) -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, raw, nil), "git_treebuilder_new", "could not build a tree in '\(path)'")
        guard let builder else { throw GitError(code: .other, message: "no tree builder for '\(path)'") }
        defer { git_treebuilder_free(builder) }
        for entry in entries {
            var oid = entry.id.raw
            try check(git_treebuilder_insert(nil, builder, entry.name, &oid, git_filemode_t(entry.fileMode)),
                      "git_treebuilder_insert", "could not add '\(entry.name)' to a tree in '\(path)'")
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write", "could not write a tree to '\(path)'")
        return ObjectID(oid)
    }

    /// Creates a commit and, when `reference` is given, moves that reference to it.
    /// - Parameters:
    ///   - tree: the root tree of the commit.
    ///   - parents: parent commits, in order (two or more for a merge).
    ///   - reference: e.g. `"HEAD"` or `"refs/heads/main"`; nil leaves every reference alone.
    /// - Returns: the new commit's id.
    @discardableResult
    public func createCommit(tree: ObjectID, parents: [ObjectID], message: String,
                             author: Signature, committer: Signature,
                             updatingReference reference: String? = "HEAD") throws(GitError) -> ObjectID {
        let treeObject = try self.tree(tree)
        let parentCommits = try parents.map { id throws(GitError) in try commit(id) }
        let authorSignature = try makeSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeSignature(committer)
        defer { git_signature_free(committerSignature) }
        var oid = git_oid()
        var parentPointers: [OpaquePointer?] = parentCommits.map { $0.raw }
        // The Commit objects own the pointers: keep them (and the tree) alive through the call.
        let status = withExtendedLifetime((parentCommits, treeObject)) {
            parentPointers.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(&oid, raw, reference, authorSignature, committerSignature, "UTF-8", message,
                                  treeObject.raw, buffer.count, buffer.baseAddress)
            }
        }
        try check(status, "git_commit_create", "could not create a commit in '\(path)'")
        return ObjectID(oid)
    }

    /// Points the branch `refs/heads/<name>` at `commit`, creating or moving it.
    public func setBranch(_ name: String, to commit: ObjectID) throws(GitError) {
        var oid = commit.raw
        var reference: OpaquePointer?
        try check(git_reference_create(&reference, raw, "refs/heads/\(name)", &oid, 1, nil),
                  "git_reference_create", "could not set branch '\(name)' in '\(path)'")
        git_reference_free(reference)
    }

    private func makeSignature(_ signature: Signature) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var result: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&result, signature.name, signature.email, git_time_t(signature.time),
                                    signature.offsetMinutes),
                  "git_signature_new", "invalid signature '\(signature.name) <\(signature.email)>'")
        guard let result else { throw GitError(code: .other, message: "no signature") }
        return result
    }
}
