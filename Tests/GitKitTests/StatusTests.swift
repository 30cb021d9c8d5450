import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct StatusTests {
    /// A work tree with one commit holding `keep.txt`, `change.txt` and `remove.txt`.
    private func makeWorkTree(_ dir: TemporaryDirectory) throws -> (Repository, String, ObjectID) {
        let repo = try Repository.create(at: dir.path("work"), bare: false)
        let first = try repo.commitFiles(["keep.txt": "keep\n", "change.txt": "old\n", "remove.txt": "bye\n"])
        return (repo, try #require(repo.workingDirectory), first)
    }

    @Test func newModifiedAndDeletedFilesAreListedStagedAndCommitted() throws {
        let dir = try TemporaryDirectory()
        let (repo, work, first) = try makeWorkTree(dir)
        try write("new\n", to: "change.txt", in: work)
        try write("fresh\n", to: "sub/dir/new.txt", in: work)
        try FileManager.default.removeItem(atPath: work + "remove.txt")

        let changes = try repo.status(paths: [])
        #expect(changes == [
            StatusEntry(path: "change.txt", change: .modified),
            StatusEntry(path: "remove.txt", change: .deleted),
            StatusEntry(path: "sub/dir/new.txt", change: .added),
        ])
        try repo.stage(changes)
        let second = try #require(try repo.commitIndex(message: "second\n", author: testSignature, committer: testSignature))
        #expect(try repo.headCommitID() == second)
        #expect(try repo.commit(second).parentIDs == [first])
        #expect(try repo.commit(second).message == "second\n")
        #expect(try repo.status(paths: []).isEmpty)

        let tree = try repo.tree(try repo.commit(second).treeID)
        #expect(try repo.entry(atPath: "remove.txt", in: tree) == nil)
        #expect(try repo.blobBytes(try #require(try repo.entry(atPath: "change.txt", in: tree)).id) == Array("new\n".utf8))
        #expect(try repo.entry(atPath: "sub/dir/new.txt", in: tree) != nil)
    }

    @Test func statusIsLimitedToThePathspecAndStagingOnlyTouchesGivenPaths() throws {
        let dir = try TemporaryDirectory()
        let (repo, work, _) = try makeWorkTree(dir)
        try write("new\n", to: "change.txt", in: work)
        try write("a\n", to: "web/public/index.html", in: work)
        try write("b\n", to: "web/publicity.txt", in: work)  // shares a prefix, not the directory

        let changes = try repo.status(paths: ["web/public/"])
        #expect(changes == [StatusEntry(path: "web/public/index.html", change: .added)])
        try repo.stage(changes)
        let commit = try #require(try repo.commitIndex(message: "site", author: testSignature, committer: testSignature))
        let tree = try repo.tree(try repo.commit(commit).treeID)
        #expect(try repo.entry(atPath: "web/public/index.html", in: tree) != nil)
        #expect(try repo.entry(atPath: "web/publicity.txt", in: tree) == nil)
        // change.txt was not staged: still modified against the new HEAD.
        #expect(try repo.status(paths: ["change.txt"]) == [StatusEntry(path: "change.txt", change: .modified)])
    }

    @Test func filesInsideAnIgnoredDirectoryAreListedAndForceStaged() throws {
        let dir = try TemporaryDirectory()
        let (repo, work, _) = try makeWorkTree(dir)
        try write("/web/public/\n*.log\n", to: ".gitignore", in: work)
        try repo.stage(paths: [".gitignore"])
        try repo.commitIndex(message: "ignore", author: testSignature, committer: testSignature)
        try write("<html>\n", to: "web/public/index.html", in: work)
        try write("x\n", to: "web/public/data/build.log", in: work)

        #expect(try repo.status(paths: [], includingIgnored: false).isEmpty)
        let changes = try repo.status(paths: ["web/public"])
        #expect(changes.map(\.path) == ["web/public/data/build.log", "web/public/index.html"])
        #expect(changes.allSatisfy { $0.change == .added && !$0.isSubmodule })
        try repo.stage(changes)
        let commit = try #require(try repo.commitIndex(message: "site", author: testSignature, committer: testSignature))
        let tree = try repo.tree(try repo.commit(commit).treeID)
        #expect(try repo.entry(atPath: "web/public/index.html", in: tree) != nil)
        #expect(try repo.entry(atPath: "web/public/data/build.log", in: tree) != nil)

        // Once tracked, an edit inside the ignored directory is a modification.
        try write("<html>2\n", to: "web/public/index.html", in: work)
        #expect(try repo.status(paths: ["web/public"]) == [StatusEntry(path: "web/public/index.html", change: .modified)])
    }

    @Test func nothingChangedCommitsNothing() throws {
        let dir = try TemporaryDirectory()
        let (repo, work, first) = try makeWorkTree(dir)
        #expect(try repo.status(paths: []).isEmpty)
        #expect(try repo.commitIndex(message: "empty", author: testSignature, committer: testSignature) == nil)
        // Rewriting a file with the same bytes is no change either.
        try write("old\n", to: "change.txt", in: work)
        try repo.stage(paths: ["change.txt"])
        #expect(try repo.status(paths: []).isEmpty)
        #expect(try repo.commitIndex(message: "same", author: testSignature, committer: testSignature) == nil)
        #expect(try repo.headCommitID() == first)
    }

    @Test func stagingAPlainDirectoryIsRefused() throws {
        let dir = try TemporaryDirectory()
        let (repo, work, _) = try makeWorkTree(dir)
        try write("x\n", to: "folder/a.txt", in: work)
        let error = #expect(throws: GitError.self) { try repo.stage(paths: ["folder"]) }
        #expect(error?.code == .invalidData)
        #expect(error?.message.contains("'folder'") == true)
    }

    @Test func firstCommitLandsOnTheCurrentBranch() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("work"), bare: false, initialBranch: "main")
        #expect(try repo.currentBranch() == "main")
        let first = try repo.commitFiles(["a.txt": "a\n"])
        #expect(try repo.reference("refs/heads/main") == first)
        #expect(try repo.commit(first).parentIDs.isEmpty)
    }
}
