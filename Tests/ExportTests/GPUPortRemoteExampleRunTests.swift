@testable import Export
import Foundation
import NetKit
import SeekCore
import Testing
import TestSupport

/// gpuport's documented examples with S3 and HTTPS outputs, run over real catalog rows. S3 goes to moto on 127.0.0.1
/// (``MotoServer``) with the YAML unchanged: the examples have no `endpoint_url`, and `AWS_ENDPOINT_URL_S3` points the
/// output at moto, as it points the AWS SDKs (and so gpuport's boto3). HTTPS goes to the loopback server through a
/// copy whose only change is the URL (``GPUPortRun/loopbackCopy(of:replacing:with:)`` says why). Only 127.0.0.1 is
/// contacted.
@Suite(.timeLimit(.minutes(3)))
struct GPUPortRemoteExampleRunTests {
    static let token = "gpuport-example-token-4711"

    /// The credentials the examples name (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`), moto's, and its endpoint.
    static func environment(_ server: MotoServer) -> [String: String] {
        ["AWS_ACCESS_KEY_ID": server.accessKeyID, "AWS_SECRET_ACCESS_KEY": server.secretAccessKey,
         "AWS_ENDPOINT_URL_S3": server.endpoint]
    }

    /// Settings that reach `bucket` on moto, for creating it and reading an object back.
    static func bucket(_ name: String, on server: MotoServer) -> S3OutputConfig {
        S3OutputConfig(bucket: name, region: "us-east-1", endpointURL: server.endpoint, filenamePattern: "")
    }

    @Test func theS3SnippetUploadsToTheEndpointOfAWS_ENDPOINT_URL_S3() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        try await MotoServer.with { server in
            // {timestamp} is %Y%m%d-%H%M%S; gzip adds .gz; no AWS_SESSION_TOKEN is set (it is optional).
            let key = "data/gpus_20260822-133005.json.gz"
            let (get, head) = try await S3DestinationTests.roundTrip(server, Self.bucket("my-bucket", on: server), key: key) {
                let report = try await GPUPortRun.run(GPUPortExamples.wrappedFragments[5].yaml, in: directory,
                                                      environment: Self.environment(server), input: input)
                #expect(report.success, "\(report.table())")
                #expect(report.pipelines[0].outputs[0].location == "s3://my-bucket/\(key)")
            }
            #expect(get.status == 200 && Array(get.body.prefix(2)) == [0x1F, 0x8B])
            let offers = try JSONParser.parse(try #require(ExportTestPayloads.gunzip(get.body)))
            #expect(offers.arrayValue?.count == 253 && offers[0]?["provider"] == "aws")
            #expect(head.header("x-amz-meta-pipeline") == "daily-export" && head.header("content-type") == "application/gzip")
        }
    }

    @Test func theHTTPSSnippetSendsRetriedBatchesWithTheTokenToALoopbackCopy() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        try await LoopbackHTTPServer.with { server in
            let copy = try GPUPortRun.loopbackCopy(of: GPUPortExamples.wrappedFragments[6].yaml,
                                                   replacing: "https://api.example.com/webhooks/gpu-data",
                                                   with: server.url("/webhooks/gpu-data"))
            server.script("/webhooks/gpu-data", [.status(503), .status(200), .status(200), .status(200)])
            let recorder = HTTPSDestinationTests.Recorder()
            let report = try await GPUPortRun.run(copy, in: directory, environment: ["API_TOKEN": Self.token], input: input,
                                                  recorder: recorder)
            #expect(report.success, "\(report.table())")
            #expect(report.pipelines[0].outputs[0].location == "POST \(server.url("/webhooks/gpu-data")) (3 requests)")
            let requests = server.recordedRequests("/webhooks/gpu-data")
            // batch_size 100: 100, 100, 53 records; the first batch again after the 503.
            #expect(try requests.map { try JSONParser.parse($0.text).arrayValue?.count ?? -1 } == [100, 100, 100, 53])
            #expect(requests[0].body == requests[1].body)
            #expect(requests.allSatisfy { $0.method == "POST" && $0.headers["authorization"] == "Bearer \(Self.token)"
                && $0.headers["content-type"] == "application/json" })
            // retry_delay 5 before the retry, batch_delay 1.0 between batches.
            #expect(recorder.sleeps.withLock { $0 } == [5, 1, 1])
        }
    }

    @Test func theCompleteExampleRunsAgainstMotoAndALoopbackWebhook() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        try await MotoServer.with { moto in
            try await LoopbackHTTPServer.with { hook in
                hook.script("/api/gpu-stats", [.status(202)])
                let copy = try GPUPortRun.loopbackCopy(of: GPUPortExamples.completeExample,
                                                       replacing: "https://metrics.example.com/api/gpu-stats",
                                                       with: hook.url("/api/gpu-stats"))
                var environment = Self.environment(moto)
                environment["METRICS_API_TOKEN"] = Self.token
                // The pattern ends in .gz already: no second .gz.
                let key = "high-availability/2026-08-22/gpus_13-30-05.json.gz"
                let (get, _) = try await S3DestinationTests.roundTrip(moto, Self.bucket("gpu-data-prod", on: moto), key: key) {
                    let report = try await GPUPortRun.run(copy, in: directory, environment: environment, input: input)
                    #expect(report.success, "\(report.table())")
                }
                let production = input.records.indices.filter {
                    [.high, .medium].contains(GPUPortRun.availability(at: $0))
                        && (GPUPortRun.rawPrice(input.records[$0]).map { $0 < 10 } ?? false)
                }
                let uploaded = try #require(ExportTestPayloads.gunzip(get.body))
                let backup = GPUPortRun.text("backups/backup_20260822-133005.json", in: directory)
                #expect(uploaded == Array(backup.utf8))
                let offers = try #require(try JSONParser.parse(backup).arrayValue)
                #expect(offers.count == production.count && !offers.isEmpty)
                #expect(offers.allSatisfy { $0.objectValue?.keys == ["Provider", "GPU", "PricePerHour"] })
                #expect(offers.map { $0["PricePerHour"]?.doubleValue } == production.map { GPUPortRun.rawPrice(input.records[$0]) })
                #expect(backup.hasPrefix("[\n  {\n    \"Provider\": "))

                let csv = GPUPortRun.lines(GPUPortRun.text("reports/eu-gpus_2026-08-22.csv", in: directory))
                let eu = input.records.filter { ($0.raw["location"] ?? "").hasPrefix("eu-") }
                #expect(csv.first == "Provider,Instance,Region,Price" && csv.count == eu.count + 1 && !eu.isEmpty)
                #expect(csv.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2].hasPrefix("eu-") })

                let posted = try #require(hook.recordedRequests("/api/gpu-stats").first)
                #expect(hook.recordedRequests("/api/gpu-stats").count == 1)
                #expect(posted.headers["authorization"] == "Bearer \(Self.token)")
                let metrics = try JSONParser.parse(posted.text)
                let prices = input.records.compactMap(GPUPortRun.rawPrice)
                #expect(metrics["metrics"]?["total_instances"]?["value"] == .int(253))
                #expect(abs((metrics["metrics"]?["avg_price"]?["value"]?.doubleValue ?? 0)
                            - prices.reduce(0, +) / Double(prices.count)) < 1e-9)
                #expect(metrics["metrics"]?["providers"]?["value"] == .int(Set(input.records.map(\.provider)).count))
                #expect(metrics["timestamp"] == .int(1_787_405_405) && metrics["collection_info"]?["input_records"] == .int(253))
            }
        }
    }

    @Test func seekgpuExportRunsTheCompleteExampleFromItsDirectory() async throws {
        let directory = try TemporaryDirectory()
        try await MotoServer.with { moto in
            try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
                server.script("/api/gpu-stats", [.status(200)])
                let copy = try GPUPortRun.loopbackCopy(of: GPUPortExamples.completeExample,
                                                       replacing: "https://metrics.example.com/api/gpu-stats",
                                                       with: server.url("/api/gpu-stats"))
                try Data(copy.utf8).write(to: directory.url.appendingPathComponent("export.yaml"))
                let client = S3DestinationTests.client(moto, Self.bucket("gpu-data-prod", on: moto))
                let created = try await performBlocking { () throws(NetError) in try client.send("PUT", key: "", client: HTTPClient()) }
                #expect(created.status == 200, "CreateBucket: \(created.text)")
                var environment = Self.environment(moto)
                environment["METRICS_API_TOKEN"] = Self.token
                let result = try await ExportCommandTests().run(["export", "--config", "export.yaml"], base: server.baseURL,
                                                                in: directory.url, adding: environment)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stderr.contains(Self.token) && !result.stderr.contains(moto.secretAccessKey))
                let objects = try await performBlocking { () throws(NetError) -> HTTPResponse in
                    try client.send("GET", key: "", client: HTTPClient())
                }
                #expect(objects.text.contains("<Key>high-availability/") && objects.text.contains(".json.gz</Key>")
                        && !objects.text.contains(".gz.gz"), "\(objects.text)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("backups")).count == 1)
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("reports")).count == 1)
                #expect(server.recordedRequests("/api/gpu-stats").first?.headers["authorization"] == "Bearer \(Self.token)")
            }
        }
    }
}
