import Foundation

/// A real HTTP/1.1 server on `127.0.0.1` and an ephemeral port, for tests of code that fetches over HTTP.
///
/// It serves the files under a directory by path (GET and HEAD only, 404 for anything missing, never outside the
/// directory), and plays scripted responses per path first — statuses, raw bytes, delays, truncated files — so a
/// test can inject faults. POST, PUT and PATCH (bodies with `Content-Length` or chunked) are answered from the
/// scripts only (405 when a path has none left). It records every request with its method, query, headers and body
/// (``recordedRequests``).
///
/// The server runs on threads of its own (one accepting, one per connection), never on Swift's cooperative
/// thread pool, so it keeps answering while tests block that pool — with a blocking `HTTPClient.get`, a ZIP
/// extraction or a child process. Each test starts its own server and stops it; ``with(serving:isolation:_:)``
/// does both:
/// ```swift
/// @Test func retriesTwiceOn503() async throws {
///     try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
///         server.script("/aws/version", [.status(503), .status(503)])
///         let url = server.url("/aws/version")
///         let response = try await onDedicatedThread { try HTTPClient().get(url, retry: .immediate()) }
///         #expect(response.status == 200 && server.requestCount("/aws/version") == 3)
///     }
/// }
/// ```
/// Blocking calls from a test cannot deadlock this server, but make them through ``onDedicatedThread(_:)``
/// anyway: the cooperative pool has one thread per core (2 in CI), and blocking it slows every other test.
public final class LoopbackHTTPServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The directory served, if any.
    public let directory: URL?

    let core: LoopbackServerCore

    /// Starts a server on `127.0.0.1` and an ephemeral port; it accepts connections when this returns.
    /// - Parameter directory: the folder whose files are served by path (`/a/b.json` → `directory/a/b.json`);
    ///   nil to serve only scripted responses (everything else is 404).
    /// - Throws: ``LoopbackServerError`` when the socket cannot be created, bound or listened on.
    public init(serving directory: URL? = nil) throws {
        let listener = try LoopbackSocket.startListening()
        self.port = listener.port
        self.directory = directory
        core = LoopbackServerCore(listener: listener.descriptor, directory: directory?.standardizedFileURL)
        core.start()
    }

    deinit { core.stop() }  // a safety net; call `stop()`

    /// Starts a server; the same as ``init(serving:)``, for symmetry with ``with(serving:isolation:_:)``.
    /// - Parameter directory: the folder to serve, or nil.
    /// - Returns: the running server; call ``stop()`` when done.
    /// - Throws: ``LoopbackServerError`` when the socket cannot be set up.
    public static func start(serving directory: URL? = nil) async throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(serving: directory)
    }

    /// Stops listening, closes open connections (cutting scripted delays short) and waits up to 5 s for the
    /// server's threads to end. Later connection attempts are refused. Calling it again does nothing.
    public func stop() { core.stop() }

    /// Starts a server, runs `body` with it and stops it, whether `body` returns or throws.
    /// - Parameters:
    ///   - directory: the folder to serve, or nil.
    ///   - isolation: the caller's actor, inferred.
    ///   - body: the test.
    /// - Returns: what `body` returns.
    /// - Throws: what ``init(serving:)`` or `body` throws.
    public static func with<T>(serving directory: URL? = nil, isolation: isolated (any Actor)? = #isolation,
                               _ body: (LoopbackHTTPServer) async throws -> T) async throws -> T {
        let server = try LoopbackHTTPServer(serving: directory)
        defer { server.stop() }
        return try await body(server)
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// ``baseURL`` followed by `path`, e.g. `url("/aws/version")`.
    /// - Parameter path: a path starting with `/` (one is added if missing).
    /// - Returns: the absolute URL.
    public func url(_ path: String) -> String { baseURL + Self.normalized(path) }

    /// Queues scripted responses for `path`; each GET, HEAD, POST, PUT or PATCH of it takes the next one, and once they are
    /// used up a GET falls back to the file (or 404) and an upload gets 405. Calling it again appends to the queue.
    /// - Parameters:
    ///   - path: the request path without query, e.g. `"/aws/version"`.
    ///   - responses: what the next requests get, in order.
    public func script(_ path: String, _ responses: [Scripted]) {
        core.append(responses, for: Self.normalized(path))
    }

    /// The paths (percent-decoded, without query string) of all requests so far, in arrival order.
    public var requests: [String] { core.requests }

    /// How many requests for `path` (without query string) arrived so far.
    /// - Parameter path: e.g. `"/aws/version"`.
    /// - Returns: the count.
    public func requestCount(_ path: String) -> Int {
        let path = Self.normalized(path)
        return core.requests.count { $0 == path }
    }

    /// The header fields of the most recent request (names lowercased; repeated fields joined by `", "`),
    /// e.g. `lastRequestHeaders["user-agent"]`. Empty before the first request.
    public var lastRequestHeaders: [String: String] { core.lastHeaders }

    /// A port on `127.0.0.1` on which nothing listens: bound to an ephemeral port and closed at once, so a
    /// connection attempt is refused (unless another process grabs the port meanwhile, which is unlikely).
    /// - Returns: the port number.
    public static func unusedPort() -> Int {
        guard let listener = try? LoopbackSocket.bindEphemeral() else { return 9 }  // 9: discard, not served locally
        LoopbackSocket.closeDescriptor(listener.descriptor)
        return listener.port
    }

    /// `http://127.0.0.1:PORT` with a port from ``unusedPort()``: connecting to it is refused.
    public static var refusingURL: String { "http://127.0.0.1:\(unusedPort())" }

    static func normalized(_ path: String) -> String { path.hasPrefix("/") ? path : "/" + path }
}

/// A socket call of ``LoopbackHTTPServer`` failed.
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// The failing call, e.g. `"bind"`.
    public var call: String
    /// `errno` after the call.
    public var code: Int32

    /// `loopback server: bind failed: Address already in use (errno 98)`.
    public var description: String {
        "loopback server: \(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
