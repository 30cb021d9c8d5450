import Foundation
import GitKit
import Testing
import TestSupport

/// `seekgpu publish` pushing over smart HTTP with GITHUB_TOKEN, against git's own http-backend behind
/// Basic auth on 127.0.0.1 (scripts/testing/git-http-server.py), the way GitHub takes a token.
@Suite(.serialized) struct PublishCommandTests {
    let token = "ghs_PublishToken0123456789abcdef"
    let who = Signature(name: "m", email: "m@example.com", time: 1_780_000_000)

    /// A served bare `site.git` with one commit (README), a work clone over HTTP, and a generated file in it.
    func setUp(_ dir: TemporaryDirectory, server: GitHTTPServer) throws -> String {
        let bare = try Repository.create(at: dir.path("root/site.git"), bare: true)
        let readme = try bare.writeBlob(Array("# site\n".utf8))
        let tree = try bare.writeTree([TreeEntry(name: "README.md", id: readme, kind: .blob)])
        try bare.createCommit(tree: tree, parents: [], message: "start\n", author: who, committer: who,
                              updatingReference: "refs/heads/main")
        _ = try Repository.clone(url: server.url("site.git"), to: dir.path("work"), credentials: .token(token), branch: "main")
        try FileManager.default.createDirectory(atPath: dir.path("work/web/public/data"), withIntermediateDirectories: true)
        try "{}\n".write(toFile: dir.path("work/web/public/data/metadata.json"), atomically: true, encoding: .utf8)
        try "<p>hi</p>\n".write(toFile: dir.path("work/web/public/index.html"), atomically: true, encoding: .utf8)
        return dir.path("work")
    }

    func publish(_ work: String, token: String?, extra: [String] = []) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GITHUB_TOKEN")
        if let token { environment["GITHUB_TOKEN"] = token }
        return try CommandRunner.run(["publish", "--repo", work, "--out", work + "/web/public",
                                      "--index", work + "/openhands-index"] + extra,
                                     in: URL(fileURLWithPath: work), environment: environment)
    }

    @Test func theRightTokenPushesAndAWrongOneFailsClearlyWithoutEchoingIt() throws {
        let dir = try TemporaryDirectory()
        try GitHTTPServer.with(root: dir.path("root"), token: token) { server in
            let work = try setUp(dir, server: server)
            let bare = try Repository(openingAt: dir.path("root/site.git"))
            let start = try bare.reference("refs/heads/main")

            let wrong = "ghs_WrongToken9876543210zyxwvu"
            let refused = try publish(work, token: wrong)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("refused the credentials") && refused.stderr.contains("GITHUB_TOKEN"), "\(refused.stderr)")
            #expect(!refused.stderr.contains(wrong) && !refused.stdout.contains(wrong))
            #expect(try bare.reference("refs/heads/main") == start)

            let dry = try publish(work, token: token, extra: ["--dry-run"])
            #expect(dry.status == 0 && dry.stderr.contains("would commit"), "\(dry.stderr)")
            #expect(try bare.reference("refs/heads/main") == start)

            let pushed = try publish(work, token: token)
            #expect(pushed.status == 0, "\(pushed.stderr)")
            #expect(pushed.stderr.contains("publish: committed") && !pushed.stderr.contains(token))
            let head = try #require(try bare.reference("refs/heads/main"))
            #expect(head != start)
            let tree = try bare.commit(head).treeID
            #expect(try bare.entry(at: "web/public/index.html", inTree: tree) != nil)
            #expect(try bare.entry(at: "web/public/data/metadata.json", inTree: tree) != nil)

            let again = try publish(work, token: token)
            #expect(again.status == 0 && again.stderr.contains("nothing changed; no commit"))
            #expect(try bare.reference("refs/heads/main") == head)
        }
    }

    @Test func anIndexOutsideTheCheckoutIsRefusedNotTakenForTheSite() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("work"), bare: false)
        try FileManager.default.createDirectory(atPath: dir.path("work/web/public"), withIntermediateDirectories: true)
        try "<p>hi</p>\n".write(toFile: dir.path("work/web/public/index.html"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["publish", "--repo", dir.path("work"), "--out", dir.path("work/web/public"),
                                         "--index", dir.path("elsewhere/openhands-index")],
                                        in: URL(fileURLWithPath: dir.path("work")))
        #expect(run.status == 1)
        #expect(run.stderr.contains("elsewhere/openhands-index") && run.stderr.contains("outside the work tree"), "\(run.stderr)")
        #expect(try repo.headCommitID() == nil)
    }

    @Test func aSecondRunWaitsForNoOneButIsRefusedWhileTheLockIsHeld() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("work/web/public"), withIntermediateDirectories: true)
        _ = try Repository.create(at: dir.path("work"), bare: false)
        let holder = try LockHolder(path: dir.path("work/web/.public.seekgpu.lock"))
        defer { holder.release() }
        let run = try publish(dir.path("work"), token: nil)
        #expect(run.status == 1)
        #expect(run.stderr.contains("another seekgpu run") && run.stderr.contains(".seekgpu.lock"), "\(run.stderr)")
    }
}
