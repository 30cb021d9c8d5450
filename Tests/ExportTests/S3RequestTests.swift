@testable import Export
import Foundation
import NetKit
import Testing
import TestSupport

/// The `s3` output's requests as a scripted loopback server sees them, and its settings without a server.
@Suite(.timeLimit(.minutes(1)))
struct S3RequestTests {
    static let environment = ["AK": "AKIDLOOPBACK00000000", "SK": "loopback-secret-value-1234", "TOK": "session-token-value-5678"]

    static func config(endpoint: String?) -> S3OutputConfig {
        S3OutputConfig(bucket: "bucket", prefix: "p", region: "eu-west-1", endpointURL: endpoint,
                       filenamePattern: "gpus-{timestamp}.csv", accessKeyEnv: "AK", secretKeyEnv: "SK", sessionTokenEnv: "TOK",
                       serverSideEncryption: "AES256", acl: "private")
    }

    @Test func putsPathStyleWithASignedSessionToken() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/bucket/p/gpus-20260822-143005.csv", [.status(200)])
            let payload = ExportPayload(records: [], contentType: "text/csv", fileExtension: "csv") { _ in Array("a,b\n".utf8) }
            let location = try await S3Destination(config: Self.config(endpoint: server.baseURL + "/"), retry: .none)
                .deliver(payload, context: ExportTestPayloads.context(Self.environment))
            #expect(location == "s3://bucket/p/gpus-20260822-143005.csv")
            let request = try #require(server.recordedRequests.first)
            #expect(request.method == "PUT" && request.path == "/bucket/p/gpus-20260822-143005.csv" && request.text == "a,b\n")
            #expect(request.headers["x-amz-security-token"] == "session-token-value-5678")
            #expect(request.headers["x-amz-server-side-encryption"] == "AES256" && request.headers["x-amz-acl"] == "private")
            #expect(request.headers["content-type"] == "text/csv")
            #expect(request.headers["x-amz-content-sha256"] == SigV4Signer.hexSHA256(Array("a,b\n".utf8)))
            let authorization = request.headers["authorization"] ?? ""
            #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK00000000/"))
            #expect(authorization.contains("/eu-west-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-acl;"
                + "x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-server-side-encryption, Signature="))
        }
    }

    @Test func mapsAnAccessDeniedDocumentToWhatToCheck() async throws {
        try await LoopbackHTTPServer.with { server in
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1</RequestId></Error>
                """
            server.script("/bucket/p/gpus-20260822-143005.csv", [.status(403, body: xml, headers: ["Content-Type": "application/xml"])])
            let error = await #expect(throws: S3OutputError.self) {
                _ = try await S3Destination(config: Self.config(endpoint: server.baseURL), retry: .none)
                    .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(Self.environment))
            }
            #expect(error?.s3Code == "AccessDenied")
            #expect(error?.message == "S3 upload to s3://bucket/p/gpus-20260822-143005.csv failed: HTTP 403 AccessDenied (Access Denied): "
                + "the credentials in credentials.access_key_env (AK) and credentials.secret_key_env (SK) are valid but not "
                + "allowed to write; check the IAM and bucket policies (s3:PutObject on s3://bucket/p/gpus-20260822-143005.csv and "
                + "s3:PutObjectAcl)")
        }
    }

    @Test func retriesA503ThenSucceeds() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/bucket/p/gpus-20260822-143005.csv", [.status(503, body: "<Error><Code>SlowDown</Code></Error>"), .status(200)])
            _ = try await S3Destination(config: Self.config(endpoint: server.baseURL), retry: .immediate())
                .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(Self.environment))
            #expect(server.recordedRequests.count == 2)
        }
    }

    @Test(arguments: ["AK", "SK"])
    func aMissingKeyVariableIsNamedAndNothingIsSent(variable: String) async throws {
        var environment = Self.environment
        environment[variable] = nil
        let error = await #expect(throws: S3OutputError.self) {
            _ = try await S3Destination(config: Self.config(endpoint: LoopbackHTTPServer.refusingURL), retry: .none)
                .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(environment))
        }
        #expect(error?.message.contains("environment variable \(variable) ") == true)
        for value in Self.environment.values { #expect(error?.message.contains(value) == false) }
    }

    /// gpuport's `session_token_env` is optional: an unset variable signs with the key alone.
    @Test func anUnsetSessionTokenVariableSignsWithoutAToken() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/bucket/p/gpus-20260822-143005.csv", [.status(200)])
            var environment = Self.environment
            environment["TOK"] = nil
            _ = try await S3Destination(config: Self.config(endpoint: server.baseURL), retry: .none)
                .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(environment))
            let request = try #require(server.recordedRequests.first)
            #expect(request.headers["x-amz-security-token"] == nil)
            #expect(request.headers["authorization"]?.contains("x-amz-security-token") == false)
        }
    }

    @Test func addressesAWSVirtualHostedWithoutAnEndpoint() {
        let client = S3Client(bucket: "my-bucket", region: "eu-central-1", endpointURL: nil,
                              credentials: .init(accessKeyID: "a", secretAccessKey: "b"))
        #expect(client.url(forKey: "exports/gpus 1+1.json") == "https://my-bucket.s3.eu-central-1.amazonaws.com/exports/gpus%201%2B1.json")
        let compatible = S3Client(bucket: "my-bucket", region: "auto", endpointURL: "https://minio.local:9000/",
                                  credentials: .init(accessKeyID: "a", secretAccessKey: "b"))
        #expect(compatible.url(forKey: "a/b.csv") == "https://minio.local:9000/my-bucket/a/b.csv")
        #expect(S3Destination(config: Self.config(endpoint: nil)).label == "s3://bucket/p/")
    }

    @Test func objectKeysNormaliseThePrefixAndAddGzOnce() {
        var config = Self.config(endpoint: nil)
        config.prefix = ""
        config.filenamePattern = "x-{date}.json.gz"
        config.compression = .gzip
        #expect(S3Destination(config: config).objectKey(at: ExportTestPayloads.runTime) == "x-2026-08-22.json.gz")
        config.prefix = "/a/b"
        config.filenamePattern = "x.csv"
        #expect(S3Destination(config: config).objectKey(at: ExportTestPayloads.runTime) == "a/b/x.csv.gz")
    }

    @Test func rejectsMetadataThatCannotBeAHeader() async throws {
        var config = Self.config(endpoint: LoopbackHTTPServer.refusingURL)
        config.metadata = ["note": "line\nbreak"]
        await #expect(throws: S3OutputError.self) {
            _ = try await S3Destination(config: config, retry: .none)
                .deliver(ExportTestPayloads.jsonLines([]), context: ExportTestPayloads.context(Self.environment))
        }
    }
}
