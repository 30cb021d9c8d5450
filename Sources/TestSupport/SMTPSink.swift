import Foundation

/// A real SMTP server on loopback for one test: `scripts/testing/smtp_sink.py` (aiosmtpd) in the venv that
/// `scripts/setup --test` makes, on a free port, writing every accepted message to a JSON file.
public final class SMTPSink: @unchecked Sendable {  // immutable after init; the process is only stopped once, in deinit
    /// The venv's Python, which has aiosmtpd.
    static let python = Fixtures.repositoryRoot.appendingPathComponent(".build-tools/venv/bin/python")
    static let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/testing/smtp_sink.py")

    /// The address it listens on.
    public let host: String
    /// Its port.
    public let port: Int
    private let directory: TemporaryDirectory
    private let process: Process
    /// The sink's stdin: closing it stops the sink, also when this test process dies.
    private let input = Pipe()

    /// `smtp://host:port`.
    public var url: String { "smtp://\(host):\(port)" }

    /// Starts a sink; throws an error saying to run `scripts/setup --test` when the venv or aiosmtpd is
    /// missing (CI runs that script, so a missing server is a failure, not a skip).
    /// - Parameters:
    ///   - host: the loopback address to bind.
    ///   - login: a user name and password the server requires (AUTH without TLS); nil for no AUTH.
    public static func start(host: String = "127.0.0.1", login: (user: String, password: String)? = nil) throws -> SMTPSink {
        guard FileManager.default.isExecutableFile(atPath: python.path), hasAiosmtpd() else {
            throw SinkError(message: "the test SMTP server needs \(python.path) with aiosmtpd: run scripts/setup --test")
        }
        return try SMTPSink(host: host, login: login)
    }

    private static func hasAiosmtpd() -> Bool {
        let probe = Process()
        probe.executableURL = python
        probe.arguments = ["-c", "import aiosmtpd"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    private init(host: String, login: (user: String, password: String)?) throws {
        self.host = host
        directory = try TemporaryDirectory(prefix: "seekgpu-smtp")
        process = Process()
        process.executableURL = Self.python
        process.arguments = [Self.script.path, directory.path, "--host", host]
            + (login.map { ["--auth", "\($0.user):\($0.password)"] } ?? [])
        // The script prints the port once it accepts connections; EOF means it died.
        let line = try ChildServer.start(process, input: input)
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            try? input.fileHandleForWriting.close()
            process.terminate()
            throw SinkError(message: "the SMTP sink did not start on \(host)")
        }
        self.port = port
    }

    deinit { stop() }

    /// Stops the server (closes its stdin, then SIGTERM, then SIGKILL after 5 s) and waits for it; afterwards its
    /// port refuses connections.
    public func stop() { ChildServer.stop(process, input: input) }

    /// The messages accepted so far, in arrival order.
    public func messages() throws -> [ReceivedMail] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { Int($0.dropFirst(8).dropLast(5)) ?? 0 < Int($1.dropFirst(8).dropLast(5)) ?? 0 }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try files.map { try decoder.decode(ReceivedMail.self, from: Data(contentsOf: directory.url.appendingPathComponent($0))) }
    }

    /// Every AUTH attempt: the login name and whether it succeeded.
    public func authAttempts() throws -> [AuthAttempt] {
        let path = directory.url.appendingPathComponent("auth.jsonl")
        guard FileManager.default.fileExists(atPath: path.path) else { return [] }
        return try String(decoding: Data(contentsOf: path), as: UTF8.self).split(separator: "\n")
            .map { try JSONDecoder().decode(AuthAttempt.self, from: Data($0.utf8)) }
    }
}

/// A message as the sink received and parsed it (Python's `email` package, default policy).
public struct ReceivedMail: Decodable, Sendable {
    public var mailFrom: String
    public var rcptTos: [String]
    public var authLogin: String?
    /// The message as sent, CRLF line ends, after the server undid dot-stuffing.
    public var raw: String
    /// Headers decoded (RFC 2047 words joined and decoded).
    public var subject: String
    public var from: String
    public var to: String
    public var date: String
    public var messageId: String
    public var mimeVersion: String
    public var contentType: String
    public var charset: String?
    public var transferEncoding: String
    /// The body decoded from its transfer encoding, LF line ends.
    public var body: String?
}

/// One AUTH attempt at the sink.
public struct AuthAttempt: Decodable, Equatable, Sendable {
    /// The login name tried.
    public var login: String
    /// Whether the server accepted it.
    public var ok: Bool

    /// Creates an attempt (for comparisons in tests).
    public init(login: String, ok: Bool) {
        self.login = login
        self.ok = ok
    }
}

public struct SinkError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
}
