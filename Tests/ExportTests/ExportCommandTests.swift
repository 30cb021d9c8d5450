import Foundation
import Testing
import TestSupport

/// `seekgpu export` and `seekgpu validate` through the built binary, against the gpuhunt fixture on 127.0.0.1.
@Suite struct ExportCommandTests {
    func run(_ arguments: [String], base: String, in directory: URL,
             adding extra: [String: String] = [:]) async throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        environment["GPUHUNT_CATALOG_URL"] = base
        environment.removeValue(forKey: "GPUHUNT_CATALOG_DIR")
        environment["SEEKGPU_RETRY_DELAYS"] = "0"
        environment["EXPORT_TEST_TOKEN"] = "s3cr3t-token-value"
        let frozen = environment
        let config = Fixtures.configDirectory.path
        return try await onDedicatedThread {
            try CommandRunner.run(arguments + (arguments.first == "export" ? ["--config-dir", config] : []), in: directory,
                                  environment: frozen)
        }
    }

    func write(_ yaml: String, in directory: TemporaryDirectory) throws {
        try Data(yaml.utf8).write(to: directory.url.appendingPathComponent("export.yaml"))
    }

    @Test func exportWritesEveryOutputAndPrintsTheTable() async throws {
        let directory = try TemporaryDirectory()
        try write("""
            pipelines:
              - name: a100
                filters: [{field: accelerator_name, operator: eq, value: A100}]
                transformer: {type: csv, fields: [provider, instance_type, price, collected_at]}
                outputs: [{type: local, path: out, filename_pattern: 'a100-{date}.csv'}]
              - name: metrics
                transformer: {type: metrics, include_collection_info: true, metrics: [{type: count, group_by: provider}]}
                outputs: [{type: local, path: out, filename_pattern: metrics.json}]
            """, in: directory)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
            let result = try await run(["export", "--config", "export.yaml"], base: server.baseURL, in: directory.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("export: 253 records from 9 providers (catalog 20260822-1)"))
            #expect(result.stderr.contains("pipeline  status  input  filtered  outputs"))
            #expect(result.stderr.contains("metrics   ok        253       253  1/1"))
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path("out")).sorted()
            #expect(names.count == 2 && names.contains("metrics.json") && names.contains { $0.hasPrefix("a100-") })
            let metrics = try String(contentsOfFile: directory.path("out/metrics.json"), encoding: .utf8)
            #expect(metrics.contains("\"aws\": \"20260822-1\"") && metrics.contains("\"input_records\": 253"))
            let csv = try String(contentsOfFile: directory.path("out/\(names.first { $0.hasPrefix("a100-") } ?? "")"), encoding: .utf8)
            #expect(csv.hasPrefix("provider,instance_type,price,collected_at\r\n") && csv.contains(",1787356800\r\n"))
        }
    }

    @Test func aFailedOutputExitsWith1AfterRunningTheRest() async throws {
        let directory = try TemporaryDirectory()
        try write("""
            pipelines:
              - name: remote
                transformer: {type: json}
                outputs:
                  - type: https
                    url: \(LoopbackHTTPServer.refusingURL)/x
                    retry_attempts: 0
                    headers: {Authorization: 'Bearer ${EXPORT_TEST_TOKEN}'}
                  - {type: local, path: out, filename_pattern: all.json, compression: gzip}
              - name: later
                transformer: {type: json}
                outputs: [{type: local, path: out, filename_pattern: later.json}]
            """, in: directory)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
            let result = try await run(["export", "--config", "export.yaml", "--verbose"], base: server.baseURL, in: directory.url)
            #expect(result.status == 1)
            #expect(result.stderr.contains("remote    FAILED    253       253  1/2"))
            #expect(result.stderr.contains("remote: https"), "\(result.stderr)")
            #expect(result.stderr.contains("Error: 1 export output failed"))
            #expect(!result.stderr.contains("s3cr3t-token-value"))
            // gzip appends .gz to a name that does not end in it, as gpuport does.
            #expect(FileManager.default.fileExists(atPath: directory.path("out/all.json.gz")))
            #expect(FileManager.default.fileExists(atPath: directory.path("out/later.json")))
        }
    }

    @Test func anInvalidConfigurationExitsWith78AndListsEveryProblem() async throws {
        let directory = try TemporaryDirectory()
        try write("""
            pipelines:
              - name: a
                transformer: {type: csv}
                outputs:
                  - {type: local, path: out, filename_pattern: x.csv, compresion: gzip}
            """, in: directory)
        for command in ["export", "validate"] {
            let result = try await run([command, "--config", "export.yaml"], base: LoopbackHTTPServer.refusingURL, in: directory.url)
            #expect(result.status == 78, "\(command)")
            #expect(result.stderr.contains("export.yaml:3:18: pipeline 'a': transformer (csv) needs 'fields'"))
            #expect(result.stderr.contains("export.yaml:5:59: unknown key 'compresion'"))
            #expect(result.stderr.contains("did you mean 'compression'?"))
            #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
        }
    }

    @Test func validatePrintsASummary() async throws {
        let result = try await run(["validate", "--config", Fixtures.repositoryRoot.appendingPathComponent("export.example.yaml").path],
                                   base: LoopbackHTTPServer.refusingURL, in: Fixtures.repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(": valid; 3 pipelines (1 enabled), 3 outputs (local 1, s3 1, https 1)"))
    }

    @Test func anUnreachableCatalogExitsWith69() async throws {
        let directory = try TemporaryDirectory()
        try write("""
            pipelines:
              - name: a
                transformer: {type: json}
                outputs: [{type: local, path: out, filename_pattern: x.json}]
            """, in: directory)
        let result = try await run(["export", "--config", "export.yaml"], base: LoopbackHTTPServer.refusingURL, in: directory.url)
        #expect(result.status == 69)
        #expect(result.stderr.contains("Error: gpuhunt catalog at"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
    }

    @Test func aPinnedCatalogVersionSetsCollectedAt() async throws {
        let directory = try TemporaryDirectory()
        try write("""
            pipelines:
              - name: a
                transformer: {type: metrics, metrics: [{type: unique, field: collected_at}]}
                outputs: [{type: local, path: out, filename_pattern: m.json}]
            """, in: directory)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
            let result = try await run(["export", "--config", "export.yaml", "--catalog-version", "20260218-1"],
                                       base: server.baseURL, in: directory.url)
            #expect(result.status == 0, "\(result.stderr)")
            let metrics = try String(contentsOfFile: directory.path("out/m.json"), encoding: .utf8)
            #expect(metrics.contains("1771372800"))  // 2026-02-18T00:00:00Z
            #expect(result.stderr.contains("export: 252 records"))
        }
    }
}
