@testable import Export
import Foundation
import NetKit
import Testing
import TestSupport

/// The `s3` output against moto's S3 server on loopback, with authentication on (``MotoServer``).
@Suite(.timeLimit(.minutes(2)))
struct S3DestinationTests {
    /// The environment and config for `server`'s key, the bucket `bucket` and path-style addressing.
    static func setup(_ server: MotoServer, bucket: String, secret: String? = nil,
                      configure: (inout S3OutputConfig) -> Void = { _ in }) -> (S3OutputConfig, [String: String]) {
        var config = S3OutputConfig(bucket: bucket, prefix: "exports", region: "us-east-1", endpointURL: server.endpoint,
                                    filenamePattern: "gpus-{date}.json", accessKeyEnv: "TEST_S3_KEY",
                                    secretKeyEnv: "TEST_S3_SECRET")
        configure(&config)
        return (config, ["TEST_S3_KEY": server.accessKeyID, "TEST_S3_SECRET": secret ?? server.secretAccessKey])
    }

    /// A client for `config` with the server's real key.
    static func client(_ server: MotoServer, _ config: S3OutputConfig) -> S3Client {
        S3Client(bucket: config.bucket, region: config.region ?? S3Destination.defaultRegion, endpointURL: config.endpointURL,
                 credentials: .init(accessKeyID: server.accessKeyID, secretAccessKey: server.secretAccessKey), retry: .none)
    }

    /// Creates the bucket with a signed `PUT /BUCKET`, then GETs and HEADs `key` after `body` ran.
    static func roundTrip(_ server: MotoServer, _ config: S3OutputConfig, key: String,
                          _ body: () async throws -> Void) async throws -> (get: HTTPResponse, head: HTTPResponse) {
        let client = client(server, config)
        let created = try await performBlocking { () throws(NetError) in try client.send("PUT", key: "", client: HTTPClient()) }
        #expect(created.status == 200, "CreateBucket: \(created.text)")
        try await body()
        return try await performBlocking { () throws(NetError) in
            let http = try HTTPClient()
            return (try client.send("GET", key: key, client: http), try client.send("HEAD", key: key, client: http))
        }
    }

    @Test func uploadsTheObjectWithItsKeyBytesMetadataAndStorageClass() async throws {
        try await MotoServer.with { server in
            let (config, environment) = Self.setup(server, bucket: "seekgpu-plain") {
                $0.storageClass = "STANDARD_IA"
                $0.metadata = ["Team": "ml-infra", "source": "seekgpu"]
            }
            let payload = ExportTestPayloads.jsonLines(ExportTestPayloads.records(3))
            let key = "exports/gpus-2026-08-22.json"
            let (get, head) = try await Self.roundTrip(server, config, key: key) {
                let destination = S3Destination(config: config, retry: .none)
                #expect(destination.label == "s3://seekgpu-plain/exports/")
                let location = try await destination.deliver(payload, context: ExportTestPayloads.context(environment))
                #expect(location == "s3://seekgpu-plain/\(key)")
            }
            #expect(get.status == 200)
            #expect(get.body == (try payload.bytes()))
            #expect(head.header("x-amz-storage-class") == "STANDARD_IA")
            #expect(head.header("x-amz-meta-team") == "ml-infra" && head.header("x-amz-meta-source") == "seekgpu")
            #expect(head.header("content-type") == "application/json")
        }
    }

    @Test func gzipUploadsAGzipFileNamedDotGz() async throws {
        try await MotoServer.with { server in
            let (config, environment) = Self.setup(server, bucket: "seekgpu-gzip") {
                $0.compression = .gzip
                $0.prefix = "/daily/"
                $0.filenamePattern = "{year}/{month}/gpus {time}.json"
            }
            let payload = ExportTestPayloads.jsonLines(ExportTestPayloads.records(50))
            let key = "daily/2026/08/gpus 14-30-05.json.gz"
            let (get, head) = try await Self.roundTrip(server, config, key: key) {
                let location = try await S3Destination(config: config, retry: .none)
                    .deliver(payload, context: ExportTestPayloads.context(environment))
                #expect(location == "s3://seekgpu-gzip/\(key)")
            }
            #expect(get.status == 200)
            #expect(Array(get.body.prefix(2)) == [0x1F, 0x8B])
            #expect(ExportTestPayloads.gunzip(get.body) == (try payload.bytes()))
            #expect(head.header("content-type") == "application/gzip" && head.header("content-encoding") == nil)
            #expect(head.header("x-amz-meta-content-type") == "application/json")
        }
    }

    @Test func wrongCredentialsFailClearlyWithoutShowingThem() async throws {
        try await MotoServer.with { server in
            let (config, _) = Self.setup(server, bucket: "seekgpu-auth")
            let wrongSecret = "Wr0ngSecretValue/ForTheTest1234567890abcd"
            _ = try await Self.roundTrip(server, config, key: "none") {
                let payload = ExportTestPayloads.jsonLines(ExportTestPayloads.records(1))
                let environments = [
                    ["TEST_S3_KEY": server.accessKeyID, "TEST_S3_SECRET": wrongSecret],
                    ["TEST_S3_KEY": "AKIAUNKNOWNKEY000000", "TEST_S3_SECRET": wrongSecret],
                ]
                var codes: [String?] = []
                for environment in environments {
                    let error = await #expect(throws: S3OutputError.self) {
                        _ = try await S3Destination(config: config, retry: .none)
                            .deliver(payload, context: ExportTestPayloads.context(environment))
                    }
                    codes.append(error?.s3Code)
                    #expect(error?.status == 403)
                    let text = error.map(String.init(describing:)) ?? ""
                    #expect(text.contains("TEST_S3_SECRET") || text.contains("TEST_S3_KEY"), "\(text)")
                    #expect(!text.contains(wrongSecret) && !text.contains(server.secretAccessKey))
                    #expect(!text.contains(server.accessKeyID) && !text.contains("AKIAUNKNOWNKEY000000"))
                }
                #expect(codes == ["SignatureDoesNotMatch", "InvalidAccessKeyId"])
            }
        }
    }

    @Test func aMissingBucketSaysWhatToCheck() async throws {
        try await MotoServer.with { server in
            let (config, environment) = Self.setup(server, bucket: "seekgpu-never-created")
            let error = await #expect(throws: S3OutputError.self) {
                _ = try await S3Destination(config: config, retry: .none)
                    .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(environment))
            }
            #expect(error?.s3Code == "NoSuchBucket" && error?.status == 404)
            #expect(error?.message.contains("bucket 'seekgpu-never-created' does not exist") == true, "\(String(describing: error))")
        }
    }
}
