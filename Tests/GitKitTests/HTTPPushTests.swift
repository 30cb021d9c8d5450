import Foundation
import GitKit
import Testing
import TestSupport

/// Push, fetch and clone over smart HTTP against `git http-backend` behind HTTP Basic auth
/// (scripts/testing/git-http-server.py), the way GitHub takes a token.
@Suite(.timeLimit(.minutes(1))) struct HTTPPushTests {
    private let token = "ghs_RightToken0123456789"
    private let mainRefspec = "refs/heads/main:refs/heads/main"

    /// An empty bare `site.git` served by a fresh server, and a work tree whose `origin` is it.
    private func withServer(_ body: (GitHTTPServer, Repository, Repository) throws -> Void) throws {
        let dir = try TemporaryDirectory()
        let bare = try Repository.create(at: dir.path("root/site.git"), bare: true)
        try GitHTTPServer.with(root: dir.path("root"), token: token) { server in
            let work = try Repository.create(at: dir.path("work"), bare: false)
            try work.addRemote(name: "origin", url: server.url("site.git"))
            try body(server, bare, work)
        }
    }

    @Test func pushWithTheRightTokenUpdatesTheRemote() throws {
        try withServer { server, bare, work in
            let first = try work.commitFiles(["index.html": "1\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            #expect(try bare.reference("refs/heads/main") == first)
            #expect(try work.reference("refs/remotes/origin/main") == first)

            let second = try work.commitFiles(["index.html": "2\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            #expect(try bare.reference("refs/heads/main") == second)
        }
    }

    @Test func aWrongTokenIsAnAuthenticationErrorThatNamesNeitherToken() throws {
        try withServer { server, bare, work in
            try work.commitFiles(["index.html": "1\n"])
            let wrong = "ghs_WrongToken9876543210"
            let error = #expect(throws: GitError.self) {
                try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(wrong))
            }
            #expect(error?.code == .authentication)
            let text = String(describing: try #require(error))
            #expect(!text.contains(wrong), "\(text)")
            #expect(!text.contains(token), "\(text)")
            #expect(text.contains("check the token"), "\(text)")
            #expect(text.contains("127.0.0.1:\(server.port)"), "\(text)")
            #expect(try bare.reference("refs/heads/main") == nil)
        }
    }

    @Test func noTokenIsAnAuthenticationError() throws {
        try withServer { _, bare, work in
            try work.commitFiles(["index.html": "1\n"])
            let error = #expect(throws: GitError.self) {
                try work.push(remote: "origin", refspec: mainRefspec, credentials: .none)
            }
            #expect(error?.code == .authentication)
            #expect(try bare.reference("refs/heads/main") == nil)
        }
    }

    @Test func fetchAndCloneUseTheTokenToo() throws {
        try withServer { server, bare, work in
            let first = try work.commitFiles(["index.html": "1\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            let dir = try TemporaryDirectory()
            let clone = try Repository.clone(url: server.url("site.git"), to: dir.path("clone"),
                                             credentials: .token(token), branch: "main")
            #expect(try clone.headCommitID() == first)

            let second = try work.commitFiles(["index.html": "2\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            let refused = #expect(throws: GitError.self) {
                try clone.fetch(remote: "origin", credentials: .token("ghs_nope"))
            }
            #expect(refused?.code == .authentication)
            try clone.fetch(remote: "origin", credentials: .token(token))
            #expect(try clone.reference("refs/remotes/origin/main") == second)
            _ = bare
        }
    }

    @Test func aCompetingPushOverHTTPIsNonFastForward() throws {
        try withServer { server, bare, work in
            try work.commitFiles(["index.html": "1\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            let dir = try TemporaryDirectory()
            let other = try Repository.clone(url: server.url("site.git"), to: dir.path("other"), credentials: .token(token))
            let competitor = try other.commitFiles(["other.txt": "o\n"])
            try other.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))

            try work.commitFiles(["index.html": "2\n"])
            let error = #expect(throws: GitError.self) {
                try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            }
            #expect(error?.code == .nonFastForward)
            #expect(try bare.reference("refs/heads/main") == competitor)
        }
    }

    @Test func aServerSideNonFastForwardRejectionIsNonFastForward() throws {
        try withServer { _, bare, work in
            let first = try work.commitFiles(["index.html": "1\n"])
            try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            try appendConfig("[receive]\n\tdenyNonFastForwards = true\n", to: bare)
            // A forced push skips libgit2's own check, so the server's refusal arrives through
            // the push_update_reference callback.
            let tree = try work.commit(first).treeID
            let unrelated = try work.createCommit(tree: tree, parents: [], message: "rewrite", author: testSignature,
                                                  committer: testSignature, updatingReference: nil)
            try work.updateReference("refs/heads/main", to: unrelated, message: "rewrite")
            let error = #expect(throws: GitError.self) {
                try work.push(remote: "origin", refspec: "+" + mainRefspec, credentials: .token(token))
            }
            #expect(error?.code == .nonFastForward)
            #expect(error?.message.contains("refs/heads/main") == true)
            #expect(try bare.reference("refs/heads/main") == first)
        }
    }

    @Test func aHookRejectionNamesTheReferenceAndTheServersStatus() throws {
        try withServer { _, bare, work in
            let hook = bare.path + "/hooks/pre-receive"
            try FileManager.default.createDirectory(atPath: bare.path + "/hooks", withIntermediateDirectories: true)
            try Data("#!/bin/sh\nexit 1\n".utf8).write(to: URL(fileURLWithPath: hook))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
            try work.commitFiles(["index.html": "1\n"])
            let error = #expect(throws: GitError.self) {
                try work.push(remote: "origin", refspec: mainRefspec, credentials: .token(token))
            }
            #expect(error?.code == .rejected)
            #expect(error?.message.contains("refs/heads/main") == true)
            #expect(error?.message.contains("pre-receive hook declined") == true)
            #expect(try bare.reference("refs/heads/main") == nil)
        }
    }

    private func appendConfig(_ text: String, to repository: Repository) throws {
        let config = URL(fileURLWithPath: repository.path).appendingPathComponent("config")
        let handle = try FileHandle(forWritingTo: config)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
