import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct RemoteTests {
    private let mainRefspec = "refs/heads/main:refs/heads/main"

    @Test func cloningALocalPathChecksOutItsBranch() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let clone = try Repository.clone(url: origin.path, to: dir.path("clone"))
        #expect(try clone.headCommitID() == origin.first)
        #expect(try clone.currentBranch() == "main")
        #expect(try clone.remoteURL("origin") == origin.path)
        #expect(try clone.remoteURL("upstream") == nil)
        #expect(try clone.reference("refs/remotes/origin/main") == origin.first)
        #expect(try clone.reference("refs/remotes/origin/nope") == nil)
        #expect(read("README", in: dir.path("clone")) == "seed\n")
    }

    @Test func cloningAnEmptyRepositoryPutsTheFirstCommitOnTheGivenBranch() throws {
        let dir = try TemporaryDirectory()
        let origin = try Repository.create(at: dir.path("origin.git"), bare: true)
        let clone = try Repository.clone(url: dir.path("origin.git"), to: dir.path("clone"), branch: "main")
        #expect(try clone.headCommitID() == nil)
        #expect(try clone.currentBranch() == "main")
        let first = try clone.commitFiles(["a": "1\n"])
        try clone.push(remote: "origin", refspec: mainRefspec)
        #expect(try origin.reference("refs/heads/main") == first)
    }

    @Test func pushMovesTheBareRepositorysBranch() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let clone = try Repository.clone(url: origin.path, to: dir.path("clone"))
        let second = try clone.commitFiles(["web/public/index.html": "<p>hi\n"])
        try clone.push(remote: "origin", refspec: mainRefspec, credentials: .none)
        let bare = try Repository(openingAt: origin.path)
        #expect(try bare.reference("refs/heads/main") == second)
        #expect(try clone.reference("refs/remotes/origin/main") == second)
    }

    @Test func aCompetingPushMakesTheSecondNonFastForwardUntilFetchAndReset() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let ours = try Repository.clone(url: origin.path, to: dir.path("ours"))
        let theirs = try Repository.clone(url: origin.path, to: dir.path("theirs"))
        let competitor = try theirs.commitFiles(["theirs.txt": "t\n"])
        try theirs.push(remote: "origin", refspec: mainRefspec)

        let mine = try ours.commitFiles(["ours.txt": "o\n"])
        let error = #expect(throws: GitError.self) { try ours.push(remote: "origin", refspec: mainRefspec) }
        #expect(error?.code == .nonFastForward)
        #expect(error?.message.contains("refs/heads/main") == true)
        #expect(try Repository(openingAt: origin.path).reference("refs/heads/main") == competitor)

        try ours.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"])
        #expect(try ours.reference("refs/remotes/origin/main") == competitor)
        #expect(try ours.headCommitID() == mine)  // fetch leaves the branch alone

        // The publish retry: reset onto the remote, redo the change, push again.
        let remote = try #require(try ours.reference("refs/remotes/origin/main"))
        try ours.resetHard(to: remote)
        #expect(try ours.headCommitID() == competitor)
        #expect(try ours.currentBranch() == "main")
        #expect(read("theirs.txt", in: dir.path("ours")) == "t\n")
        #expect(read("ours.txt", in: dir.path("ours")) == nil)
        let redo = try ours.commitFiles(["ours.txt": "o\n"])
        try ours.push(remote: "origin", refspec: mainRefspec)
        #expect(try Repository(openingAt: origin.path).reference("refs/heads/main") == redo)
        #expect(try ours.commit(redo).parentIDs == [competitor])
    }

    @Test func resetHardDiscardsLocalEditsToTrackedFiles() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let clone = try Repository.clone(url: origin.path, to: dir.path("clone"))
        try write("edited\n", to: "README", in: dir.path("clone"))
        try clone.resetHard(to: origin.first)
        #expect(read("README", in: dir.path("clone")) == "seed\n")
        #expect(try clone.status(paths: []).isEmpty)
    }

    @Test func remotesCanBeAddedAndRepointed() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("work"), bare: false)
        try repo.addRemote(name: "origin", url: "http://127.0.0.1:9/a.git")
        #expect(try repo.remoteURL("origin") == "http://127.0.0.1:9/a.git")
        try repo.setRemoteURL("origin", to: dir.path("b.git"))
        #expect(try repo.remoteURL("origin") == dir.path("b.git"))
        #expect(throws: GitError.self) { try repo.addRemote(name: "origin", url: dir.path("c.git")) }
        let error = #expect(throws: GitError.self) { try repo.push(remote: "nope", refspec: mainRefspec) }
        #expect(error?.message.contains("'nope'") == true)
    }

    @Test func updateReferenceCreatesAndMovesReferences() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let clone = try Repository.clone(url: origin.path, to: dir.path("clone"))
        let second = try clone.commitFiles(["x": "x\n"])
        try clone.updateReference("refs/heads/backup", to: origin.first, message: "test")
        #expect(try clone.reference("refs/heads/backup") == origin.first)
        try clone.updateReference("refs/heads/backup", to: second, message: "test")
        #expect(try clone.reference("refs/heads/backup") == second)
    }
}

extension RemoteTests {
    @Test func cloningAnotherBranchCreatesItLocallyAndAMissingBranchIsNotFound() throws {
        let dir = try TemporaryDirectory()
        let origin = try makeOrigin(in: dir)
        let seed = try Repository(openingAt: dir.path("seed"))
        let pages = try seed.commitFiles(["index.html": "pages\n"])
        try seed.push(remote: "origin", refspec: "refs/heads/main:refs/heads/gh-pages")
        let clone = try Repository.clone(url: origin.path, to: dir.path("clone"), branch: "gh-pages")
        #expect(try clone.currentBranch() == "gh-pages")
        #expect(try clone.headCommitID() == pages)
        #expect(read("index.html", in: dir.path("clone")) == "pages\n")

        let error = #expect(throws: GitError.self) {
            try Repository.clone(url: origin.path, to: dir.path("other"), branch: "nope")
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("'nope'") == true)
    }
}
