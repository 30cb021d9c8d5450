import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct SubmoduleTests {
    /// A parent work tree with a submodule `sub` checked out at the first of two commits.
    ///
    /// The submodule is laid out like `git submodule update` does it: its `.git` is a file
    /// pointing into the parent's `.git/modules/sub`. With `gitmodules`, the parent also has a
    /// `.gitmodules` entry; without, only the gitlink in the index and HEAD knows it.
    private struct Fixture {
        let parent: Repository
        let work: String
        let commits: [ObjectID]
    }

    private func makeFixture(_ dir: TemporaryDirectory, gitmodules: Bool) throws -> Fixture {
        let subOrigin = try Repository.create(at: dir.path("sub-origin"), bare: false)
        let commits = [try subOrigin.commitFiles(["data.json": "1\n"]), try subOrigin.commitFiles(["data.json": "2\n"])]

        let parent = try Repository.create(at: dir.path("parent"), bare: false)
        let work = try #require(parent.workingDirectory)
        let checkout = try Repository.clone(url: dir.path("sub-origin"), to: work + "sub")
        try checkout.checkoutDetached(commits[0])
        // Move its git directory into the parent, as `git submodule absorbgitdirs` does.
        try FileManager.default.createDirectory(atPath: work + ".git/modules", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: work + "sub/.git", toPath: work + ".git/modules/sub")
        try write("gitdir: ../.git/modules/sub\n", to: "sub/.git", in: work)

        var files = ["README": "parent\n"]
        if gitmodules { files[".gitmodules"] = "[submodule \"sub\"]\n\tpath = sub\n\turl = ../sub-origin\n" }
        for (path, text) in files { try write(text, to: path, in: work) }
        try parent.stage(paths: Array(files.keys) + ["sub"])
        try #require(try parent.commitIndex(message: "add sub", author: testSignature, committer: testSignature) != nil)
        return Fixture(parent: parent, work: work, commits: commits)
    }

    @Test(arguments: [true, false])
    func aSubmoduleMovedToAnotherCommitIsSeenAndStagedAsAGitlink(gitmodules: Bool) throws {
        let dir = try TemporaryDirectory()
        let fixture = try makeFixture(dir, gitmodules: gitmodules)
        let parent = fixture.parent
        #expect(try parent.gitlink(at: "sub") == fixture.commits[0])
        #expect(try parent.status(paths: []).isEmpty)

        // A dirty work tree inside the submodule is not a change of the parent.
        try write("dirty\n", to: "sub/data.json", in: fixture.work)
        try write("junk\n", to: "sub/untracked.txt", in: fixture.work)
        #expect(try parent.status(paths: []).isEmpty)

        let sub = try parent.submodule(at: "sub")
        try sub.checkoutDetached(fixture.commits[1])
        #expect(try sub.headCommitID() == fixture.commits[1])
        #expect(read("sub/data.json", in: fixture.work) == "2\n")

        let changes = try parent.status(paths: ["sub", "web/public"])
        #expect(changes == [StatusEntry(path: "sub", change: .modified, isSubmodule: true)])
        try parent.stage(changes)
        let commit = try #require(try parent.commitIndex(message: "bump sub", author: testSignature, committer: testSignature))
        #expect(try parent.gitlink(at: "sub") == fixture.commits[1])
        #expect(try parent.gitlink(at: "sub", in: commit) == fixture.commits[1])
        let tree = try parent.tree(try parent.commit(commit).treeID)
        #expect(try parent.entry(atPath: "sub", in: tree)?.fileMode == 0o160000)
        #expect(try parent.status(paths: []).isEmpty)
    }

    @Test func theSubmoduleOpensThroughItsGitFileAndGitlinkRejectsFiles() throws {
        let dir = try TemporaryDirectory()
        let fixture = try makeFixture(dir, gitmodules: true)
        let direct = try Repository(openingAt: fixture.work + "sub")
        #expect(try direct.headCommitID() == fixture.commits[0])
        #expect(direct.workingDirectory?.hasSuffix("/sub/") == true)
        #expect(try direct.currentBranch() == nil)  // detached
        #expect(try fixture.parent.gitlink(at: "missing") == nil)
        let error = #expect(throws: GitError.self) { try fixture.parent.gitlink(at: "README") }
        #expect(error?.code == .invalidData)
    }

    @Test func aSubmoduleIsMovedToAFetchedCommit() throws {
        let dir = try TemporaryDirectory()
        let fixture = try makeFixture(dir, gitmodules: true)
        let origin = try Repository(openingAt: dir.path("sub-origin"))
        let third = try origin.commitFiles(["data.json": "3\n"])
        let sub = try fixture.parent.submodule(at: "sub")
        #expect(throws: GitError.self) { try sub.checkoutDetached(third) }  // not fetched yet

        try sub.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"])
        let fetched = try #require(try sub.reference("refs/remotes/origin/main"))
        #expect(fetched == third)
        try sub.checkoutDetached(fetched)
        #expect(read("sub/data.json", in: fixture.work) == "3\n")
        #expect(try fixture.parent.status(paths: ["sub"]) == [StatusEntry(path: "sub", change: .modified, isSubmodule: true)])
    }
}
