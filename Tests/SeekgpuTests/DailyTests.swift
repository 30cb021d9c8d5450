import Foundation
import GitKit
import Testing
import TestSupport

/// `seekgpu daily` end to end, as the scheduled job runs it: a local bare "origin" holding the site
/// repository and a local bare index remote, both built by the test with libgit2; the sources are
/// the shared fixtures served on 127.0.0.1.
@Suite(.serialized) struct DailyTests {
    let who = Signature(name: "maintainer", email: "m@example.com", time: 1_780_000_000)

    /// The repositories of one scenario.
    struct World {
        let dir: TemporaryDirectory
        let index: IndexRepositoryBuilder
        let origin: Repository
        var work: String { dir.path("work") }

        func originHead() throws -> ObjectID? { try origin.reference("refs/heads/main") }
        func originMessage() throws -> String { try origin.commit(try #require(try originHead())).message }
    }

    /// Index remote with one day of results; origin with config/, .gitmodules, a .gitignore that ignores
    /// web/public/ (as in a developer checkout), and the gitlink; a work clone with the submodule checked out.
    func makeWorld() throws -> World {
        let dir = try TemporaryDirectory()
        let index = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let (meta, scores) = IndexFiles.paths("GLM-5")
        try index.commit([meta: IndexFiles.metadata(model: "GLM-5"), scores: IndexFiles.allBenchmarks(55.5)],
                         at: "2026-03-01T10:00:00Z")
        let origin = try Repository.create(at: dir.path("origin.git"), bare: true)

        let seed = try Repository.clone(url: dir.path("origin.git"), to: dir.path("seed"), branch: "main")
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.configDirectory.path).filter { $0.hasSuffix(".yaml") }
        try FileManager.default.createDirectory(atPath: dir.path("seed/config"), withIntermediateDirectories: true)
        for name in files {
            try FileManager.default.copyItem(atPath: Fixtures.configDirectory.appendingPathComponent(name).path,
                                             toPath: dir.path("seed/config/\(name)"))
        }
        // The site's own files, which the site step reads from web/assets/ beside config/.
        let assets = Fixtures.repositoryRoot.appendingPathComponent("web/assets")
        try FileManager.default.createDirectory(atPath: dir.path("seed/web"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: assets.path, toPath: dir.path("seed/web/assets"))
        let assetFiles = try FileManager.default.contentsOfDirectory(atPath: assets.path).sorted().map { "web/assets/\($0)" }
        try "[submodule \"openhands-index\"]\n\tpath = openhands-index\n\turl = \(dir.path("index.git"))\n"
            .write(toFile: dir.path("seed/.gitmodules"), atomically: true, encoding: .utf8)
        try "/web/public/\n*.seekgpu.lock\n".write(toFile: dir.path("seed/.gitignore"), atomically: true, encoding: .utf8)
        try "# the site\n".write(toFile: dir.path("seed/README.md"), atomically: true, encoding: .utf8)
        _ = try Repository.clone(url: dir.path("index.git"), to: dir.path("seed/openhands-index"), branch: "main")
        try seed.stage(paths: [".gitmodules", ".gitignore", "README.md", "openhands-index"] + files.map { "config/\($0)" } + assetFiles)
        _ = try #require(try seed.commitIndex(message: "site repository\n", author: who, committer: who))
        try seed.push(remote: "origin", refspec: "refs/heads/main:refs/heads/main")

        _ = try Repository.clone(url: dir.path("origin.git"), to: dir.path("work"), branch: "main")
        let link = try #require(try Repository(openingAt: dir.path("seed")).gitlink(at: "openhands-index"))
        let sub = try Repository.clone(url: dir.path("index.git"), to: dir.path("work/openhands-index"), branch: "main")
        try sub.checkoutDetached(link)
        return World(dir: dir, index: index, origin: origin)
    }

    func daily(_ world: World, _ extra: [String] = [], catalog: String, hf: String,
               mail: [String: String] = [:]) async throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("SMTP") || key.hasPrefix("SEEKGPU_") || key.hasPrefix("GIT_")
            || key == "NOTIFY_TO" || key == "GITHUB_TOKEN" || key == "GPUHUNT_CATALOG_DIR" {
            environment.removeValue(forKey: key)
        }
        environment["GPUHUNT_CATALOG_URL"] = catalog
        environment["HF_ENDPOINT"] = hf
        environment["SEEKGPU_LITELLM_URL"] = Fixtures.shared("litellm/model_prices_and_context_window.json").absoluteString
        environment["SEEKGPU_RETRY_DELAYS"] = "0,0"
        environment["SEEKGPU_DAILY_RETRY_DELAYS"] = "0,0"
        environment.merge(mail) { _, new in new }
        let work = URL(fileURLWithPath: world.work)
        let arguments = ["daily", "--repo", world.work, "--out", world.work + "/web/public",
                         "--index", world.work + "/openhands-index", "--config", world.work + "/config"] + extra
        let fixed = environment
        return try await onDedicatedThread { try CommandRunner.run(arguments, in: work, environment: fixed) }
    }

    /// Another maintainer pushes a README change to origin.
    func competingPush(_ world: World) throws {
        let other = try Repository.clone(url: world.dir.path("origin.git"), to: world.dir.path("other-\(UUID().uuidString)"),
                                         branch: "main")
        let workdir = try #require(other.workingDirectory)
        try "# the site, edited\n".write(toFile: workdir + "/README.md", atomically: true, encoding: .utf8)
        try other.stage(paths: ["README.md"])
        _ = try #require(try other.commitIndex(message: "docs: README\n", author: who, committer: who))
        try other.push(remote: "origin", refspec: "refs/heads/main:refs/heads/main")
    }

    @Test func commitsOnlyRealChangesAndReplaysOnAMovedRemote() async throws {
        let world = try makeWorld()
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { catalog in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
                let start = try world.originHead()

                // Day 1: everything is new.
                let first = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(first.status == 0, "\(first.stderr)")
                let day1 = try #require(try world.originHead())
                #expect(day1 != start)
                let message1 = try world.originMessage()
                #expect(message1.contains("GLM-5") || message1.contains("snapshot"), "\(message1)")
                let tree1 = try world.origin.commit(day1).treeID
                #expect(try world.origin.entry(at: "web/public/data/gpus.json", inTree: tree1) != nil)
                #expect(try world.origin.entry(at: "web/public/index.html", inTree: tree1) != nil)
                #expect(try world.origin.entry(at: "web/.public.seekgpu.lock", inTree: tree1) == nil)
                #expect(try world.origin.commit(day1).parentIDs == [try #require(start)])

                // Day 2, nothing new anywhere: no commit, and it says so.
                let second = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(second.stderr.contains("nothing changed; no commit"))
                #expect(try world.originHead() == day1)

                // A new index commit, and a maintainer pushed to origin meanwhile: replayed, message names it.
                let (meta, scores) = IndexFiles.paths("Kimi-K2.5")
                try world.index.commit([meta: IndexFiles.metadata(model: "Kimi-K2.5"), scores: IndexFiles.allBenchmarks(49.2)],
                                       at: "2026-03-03T10:00:00Z")
                try competingPush(world)
                let competitor = try #require(try world.originHead())
                let third = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(third.status == 0, "\(third.stderr)")
                #expect(third.stderr.contains("replaying"), "\(third.stderr)")
                let day3 = try #require(try world.originHead())
                let commit3 = try world.origin.commit(day3)
                #expect(commit3.parentIDs == [competitor])
                #expect(commit3.message.contains("Kimi-K2.5") || commit3.message.contains("2026-03-03"), "\(commit3.message)")
                #expect(try world.origin.blobBytes(try #require(try world.origin.entry(at: "README.md", inTree: commit3.treeID)).id)
                        == Array("# the site, edited\n".utf8))
                #expect(try world.origin.entry(at: "openhands-index", inTree: commit3.treeID)?.id == world.index.head)
                #expect(try world.origin.entry(at: "web/public/data/snapshots/2026-03-03/benchmarks.json", inTree: commit3.treeID) != nil)
            }
        }
    }

    @Test func aBrokenTableIsNotRetriedAndItsProblemsAreInTheLog() async throws {
        let world = try makeWorld()
        let table = world.work + "/config/gpuhunt.yaml"
        let text = try String(contentsOfFile: table, encoding: .utf8)
        try (text + "\nprovidres: [aws]\n").write(toFile: table, atomically: true, encoding: .utf8)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { catalog in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
                let before = try world.originHead()
                let run = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(run.status == 78, "\(run.stderr)")
                #expect(!run.stderr.contains("trying again"), "\(run.stderr)")
                #expect(run.stderr.contains(table + ":"), "\(run.stderr)")
                #expect(run.stderr.contains("unknown key 'providres'"), "\(run.stderr)")
                #expect(run.stderr.contains("generate failed at the prices step on attempt 1; nothing was committed"))
                #expect(catalog.requestCount("/aws/version") == 0)
                #expect(try world.originHead() == before)
            }
        }
    }

    @Test func aFailedGenerateCommitsNothing() async throws {
        let world = try makeWorld()
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
            let before = try world.originHead()
            let run = try await daily(world, catalog: LoopbackHTTPServer.refusingURL, hf: hf.baseURL)
            #expect(run.status == 69, "\(run.stderr)")
            #expect(run.stderr.contains("attempt 1 failed") && run.stderr.contains("attempt 2 failed"))
            #expect(run.stderr.contains("generate failed at the prices step on attempt 3; nothing was committed"), "\(run.stderr)")
            #expect(try world.originHead() == before)
        }
    }

    @Test func dryRunPrintsTheMessageAndPushesNothing() async throws {
        let world = try makeWorld()
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { catalog in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
                let before = try world.originHead()
                let run = try await daily(world, ["--dry-run"], catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stderr.contains("publish (dry run): would commit"))
                #expect(run.stdout.contains("## "))  // the report body
                #expect(try world.originHead() == before)
            }
        }
    }

    @Test func mailsDataUpdatedOnlyWhenACommitWasMadeAndAMailFailureNeverFailsTheRun() async throws {
        let world = try makeWorld()
        let sink = try SMTPSink.start()
        let mail = ["SEEKGPU_SMTP_URL": sink.url, "NOTIFY_TO": "ops@example.com, dev@example.com",
                    "SEEKGPU_MAIL_FROM": "seekgpu@example.com"]
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { catalog in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
                let first = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL, mail: mail)
                #expect(first.status == 0, "\(first.stderr)")
                let updated = try sink.messages().filter { $0.subject == "[coding-model-seeks-gpu] Data updated" }
                #expect(updated.count == 1)
                let message = try #require(updated.first)
                #expect(message.rcptTos.sorted() == ["dev@example.com", "ops@example.com"])
                #expect(message.mailFrom == "seekgpu@example.com")
                let subject = try world.originMessage().prefix { $0 != "\n" }
                #expect(message.body?.contains(String(subject)) == true, "\(message.body ?? "")")
                #expect(message.body?.contains("## Models") == true)

                // Nothing new: no "Data updated".
                let before = try sink.messages().count
                let second = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL, mail: mail)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(try sink.messages().dropFirst(before).allSatisfy { !$0.subject.hasSuffix("Data updated") })

                // The mail server is down: the run still succeeds and says the mail was not sent.
                sink.stop()
                try world.index.commit([IndexFiles.paths("GLM-5").scores: IndexFiles.allBenchmarks(57.0)],
                                       at: "2026-03-04T10:00:00Z")
                let third = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL, mail: mail)
                #expect(third.status == 0, "\(third.stderr)")
                #expect(third.stderr.contains("not sent"), "\(third.stderr)")
                #expect(third.stderr.contains("publish: committed"))
            }
        }
    }

    @Test func runsExportYAMLBetweenGenerateAndPublishAndAFailedExportNeverStopsPublishing() async throws {
        let world = try makeWorld()
        let exports = world.dir.path("exports")
        try """
        pipelines:
          - name: h100-csv
            filters:
              - field: accelerator_name
                operator: eq
                value: H100
            transformer:
              type: csv
              fields: [provider, instance_type, region, accelerator_count, price]
            outputs:
              - type: local
                path: \(exports)
                filename_pattern: "h100.csv"
                create_dirs: true
                overwrite: true
              - type: local
                path: /proc/no-such-place
                filename_pattern: "h100.csv"
                create_dirs: false
        """.write(toFile: world.work + "/export.yaml", atomically: true, encoding: .utf8)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { catalog in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { hf in
                let before = try world.originHead()
                let run = try await daily(world, catalog: catalog.baseURL, hf: hf.baseURL)
                #expect(run.status == 0, "\(run.stderr)")
                let csv = try String(contentsOfFile: exports + "/h100.csv", encoding: .utf8)
                #expect(csv.hasPrefix("provider,instance_type,region,accelerator_count,price"))
                #expect(csv.split(whereSeparator: \.isNewline).count == 10, "\(run.stderr)")  // header + 9 H100 offers
                #expect(run.stderr.contains("export"), "\(run.stderr)")
                // The prices step and the export share one download of each catalog.
                for provider in ["aws", "runpod", "verda"] {
                    #expect(catalog.requestCount("/\(provider)/version") == 1, "\(provider)")
                    #expect(catalog.requestCount("/\(provider)/20260822-1/catalog.zip") == 1, "\(provider)")
                }
                #expect(run.stderr.contains("publish: committed"))
                #expect(try world.originHead() != before)
                let tree = try world.origin.commit(try #require(try world.originHead())).treeID
                #expect(try world.origin.entry(at: "export.yaml", inTree: tree) == nil)  // not ours to publish
            }
        }
    }
}
