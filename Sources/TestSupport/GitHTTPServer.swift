import Foundation

/// A smart-HTTP git server on 127.0.0.1 for push and fetch tests: git's own `git http-backend`
/// behind HTTP Basic auth (`x-access-token:<token>`, GitHub style), run by
/// `scripts/testing/git-http-server.py`. Every request without the right token gets a 401.
///
/// Each test starts its own (on a free port) and stops it in all cases; prefer
/// ``with(root:token:_:)``.
public final class GitHTTPServer {
    /// The port the server listens on.
    public let port: Int
    /// The directory whose repositories are served, as `/<name>`.
    public let root: String
    private let process: Process

    /// Starts the server and waits until it listens.
    /// - Parameters:
    ///   - root: the directory holding the (bare) repositories to serve.
    ///   - token: the only token the server accepts.
    public init(root: String, token: String) throws {
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/testing/git-http-server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "0", root]
        process.environment = ProcessInfo.processInfo.environment.merging(["GIT_HTTP_TOKEN": token]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // end of file: the server exited
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.first == "ready", words.count == 2,
              let port = Int(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw StartError(output: String(decoding: line, as: UTF8.self))
        }
        self.port = port
        self.root = root
    }

    /// The URL of the repository `name` (e.g. `site.git`) below ``root``.
    public func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    /// Stops the server and waits for it to exit; calling it twice is harmless.
    ///
    /// Uses SIGKILL: a child started from a Swift concurrency thread inherits that thread's
    /// signal mask, in which SIGTERM may be blocked, so `terminate()` alone can hang here.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Runs `body` with a started server and stops it afterwards, also when `body` throws.
    public static func with<Result>(root: String, token: String,
                                    _ body: (GitHTTPServer) throws -> Result) throws -> Result {
        let server = try GitHTTPServer(root: root, token: token)
        defer { server.stop() }
        return try body(server)
    }

    /// The server did not print "ready <port>".
    public struct StartError: Error, CustomStringConvertible {
        /// What it printed instead.
        public var output: String
        public var description: String { "git-http-server.py did not start (printed '\(output)'); is python3 installed?" }
    }
}
