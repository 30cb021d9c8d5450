import Export
import Foundation
import Testing
import TestSupport

/// The https output's TLS settings against a real TLS server on 127.0.0.1 (scripts/testing/tls_server.py)
/// with a self-signed certificate made by openssl for the test: `verify_ssl`, `client_cert`/`client_key`.
@Suite struct HTTPSTLSTests {
    /// A self-signed certificate and key for 127.0.0.1 in `dir`, named `name`.
    func certificate(_ dir: TemporaryDirectory, _ name: String) throws -> (cert: String, key: String) {
        let cert = dir.path("\(name).pem"), key = dir.path("\(name)-key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        return (cert, key)
    }

    /// Runs the TLS server for `body`, stopping it afterwards (closing its stdin).
    func withServer<T>(cert: String, key: String, clientCA: String? = nil, _ body: (Int) async throws -> T) async throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/testing/tls_server.py").path, cert, key]
            + (clientCA.map { ["--client-ca", $0] } ?? [])
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)), "tls_server.py printed '\(line)'")
        return try await body(port)
    }

    func deliver(_ config: HTTPSOutputConfig) async throws -> String {
        try await HTTPSDestination(config: config, sleep: { _ in })
            .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(2)), context: ExportTestPayloads.context([:]))
    }

    @Test func verificationRefusesASelfSignedServerUnlessTurnedOff() async throws {
        let dir = try TemporaryDirectory()
        let server = try certificate(dir, "server")
        try await withServer(cert: server.cert, key: server.key) { port in
            let url = "https://127.0.0.1:\(port)/hook"
            let refused = await #expect(throws: (any Error).self) { try await deliver(HTTPSOutputConfig(url: url, retryAttempts: 0)) }
            #expect(String(describing: refused).contains("TLS"), "\(String(describing: refused))")
            let sent = try await deliver(HTTPSOutputConfig(url: url, retryAttempts: 0, verifySSL: false))
            #expect(sent.contains("POST https://127.0.0.1:\(port)/hook"))
        }
    }

    @Test func aServerThatRequiresAClientCertificateAcceptsTheConfiguredOne() async throws {
        let dir = try TemporaryDirectory()
        let server = try certificate(dir, "server")
        let client = try certificate(dir, "client")
        try await withServer(cert: server.cert, key: server.key, clientCA: client.cert) { port in
            let url = "https://127.0.0.1:\(port)/hook"
            await #expect(throws: (any Error).self) {
                try await deliver(HTTPSOutputConfig(url: url, retryAttempts: 0, verifySSL: false))
            }
            let sent = try await deliver(HTTPSOutputConfig(url: url, retryAttempts: 0, verifySSL: false,
                                                           clientCert: client.cert, clientKey: client.key))
            #expect(sent.contains("(1 request)") || sent.contains("POST"), "\(sent)")
        }
    }
}
