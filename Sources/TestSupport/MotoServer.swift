import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real S3-compatible server on loopback for one test: moto's server (the `moto_server` of the venv that
/// `scripts/setup --test` makes), started through the venv's Python on `127.0.0.1` and a free port, **with
/// authentication on**.
///
/// moto accepts any credentials unless its IAM checks are enabled. The launcher therefore creates an IAM user with an
/// access key and an `s3:*` policy while checks are still off, then turns them on (`POST /moto-api/reset-auth` with
/// `0`, the runtime form of `INITIAL_NO_AUTH_ACTION_COUNT=0`). From then on every S3 request must carry a valid
/// Signature Version 4 by that key: a wrong secret gets `403 SignatureDoesNotMatch`, an unknown key
/// `403 InvalidAccessKeyId` (checked with moto 5.1).
public final class MotoServer: @unchecked Sendable {  // immutable after init; the process is only stopped once
    /// The venv of `scripts/setup --test`; `SEEKGPU_BUILD_TOOLS` overrides its folder (e.g. another checkout's `.build-tools`).
    static var tools: URL {
        ProcessInfo.processInfo.environment["SEEKGPU_BUILD_TOOLS"].map { URL(fileURLWithPath: $0) }
            ?? Fixtures.repositoryRoot.appendingPathComponent(".build-tools")
    }
    static var python: URL { tools.appendingPathComponent("venv/bin/python") }
    static var motoServer: URL { tools.appendingPathComponent("venv/bin/moto_server") }

    /// Its port on 127.0.0.1.
    public let port: Int
    /// The access key ID of the IAM user the launcher created.
    public let accessKeyID: String
    /// That key's secret.
    public let secretAccessKey: String
    private let process: Process
    /// The launcher's stdin: closing it stops the server, also when this test process dies.
    private let input = Pipe()

    /// `http://127.0.0.1:PORT`, the `endpoint_url` for S3 clients.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts a server; throws an error saying to run `scripts/setup --test` when the venv or moto is missing (CI runs
    /// that script, so a missing server is a failure, not a skip).
    public static func start() throws -> MotoServer {
        guard FileManager.default.isExecutableFile(atPath: motoServer.path),
              FileManager.default.isExecutableFile(atPath: python.path) else {
            throw SinkError(message: "the S3 tests need moto_server at \(motoServer.path): run scripts/setup --test")
        }
        return try MotoServer()
    }

    private init() throws {
        process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", Self.launcher]
        // The launcher prints one JSON line once the server answers with auth on; EOF means it died.
        let line = try ChildServer.start(process, input: input)
        struct Ready: Decodable { var port: Int; var accessKeyID: String; var secretAccessKey: String }
        guard let ready = try? JSONDecoder().decode(Ready.self, from: line) else {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
            throw SinkError(message: "moto did not start (launcher said: \(String(decoding: line.prefix(300), as: UTF8.self))); "
                + "run scripts/setup --test")
        }
        port = ready.port
        accessKeyID = ready.accessKeyID
        secretAccessKey = ready.secretAccessKey
    }

    deinit { stop() }

    /// Stops the server (closes the launcher's stdin, then SIGTERM, then SIGKILL) and waits for it.
    public func stop() { ChildServer.stop(process, input: input) }

    /// Starts a server, runs `body` with it and stops it, whether `body` returns or throws.
    public static func with<T>(isolation: isolated (any Actor)? = #isolation,
                               _ body: (MotoServer) async throws -> T) async throws -> T {
        let server = try start()
        defer { server.stop() }
        return try await body(server)
    }

    /// Python run by the venv's interpreter: moto's threaded server on port 0, an IAM user with an `s3:*` key, auth on.
    private static let launcher = #"""
    import json, sys, urllib.request
    from moto.server import ThreadedMotoServer
    import boto3
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    port = server.get_host_and_port()[1]
    endpoint = f"http://127.0.0.1:{port}"
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="setup", aws_secret_access_key="setup")
    iam.create_user(UserName="seekgpu-export")
    key = iam.create_access_key(UserName="seekgpu-export")["AccessKey"]
    iam.put_user_policy(UserName="seekgpu-export", PolicyName="s3", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                                  headers={"Content-Type": "text/plain"})).read()
    print(json.dumps({"port": port, "accessKeyID": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}),
          flush=True)
    sys.stdin.read()
    server.stop()
    """#
}
