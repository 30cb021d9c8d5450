import Foundation

/// The running server: the listening socket, its threads, the scripts and the request log.
final class LoopbackServerCore: @unchecked Sendable {  // mutable state is only touched with `condition` locked
    private let listener: Int32
    private let directory: URL?
    private let condition = NSCondition()
    private var stopped = false
    private var listenerClosed = false
    private var liveThreads = 0
    private var connections: Set<Int32> = []
    private var scripts: [String: [LoopbackHTTPServer.Scripted]] = [:]
    private var log: [String] = []
    private var headers: [String: String] = [:]

    init(listener: Int32, directory: URL?) {
        self.listener = listener
        self.directory = directory
    }

    func start() {
        condition.withLock { liveThreads += 1 }
        spawn { self.acceptLoop() }
    }

    /// Idempotent: ends the accept loop and every connection, waits up to 5 s for the threads, closes the listener.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        if !stopped {
            stopped = true
            LoopbackSocket.shutDown(listener)
            for fd in connections { LoopbackSocket.shutDown(fd) }
            condition.broadcast()
        }
        let deadline = Date(timeIntervalSinceNow: 5)
        while liveThreads > 0, condition.wait(until: deadline) {}
        if !listenerClosed {
            listenerClosed = true
            LoopbackSocket.closeDescriptor(listener)
        }
    }

    func append(_ responses: [LoopbackHTTPServer.Scripted], for path: String) {
        condition.withLock { scripts[path, default: []] += responses }
    }

    var requests: [String] { condition.withLock { log } }
    var lastHeaders: [String: String] { condition.withLock { headers } }

    // MARK: threads

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            body()
            self.condition.withLock {
                self.liveThreads -= 1
                self.condition.broadcast()
            }
        }
        thread.name = "LoopbackHTTPServer"
        thread.start()
    }

    private var isStopped: Bool { condition.withLock { stopped } }

    private func acceptLoop() {
        // `shutDown(listener)` wakes `poll` at once on Linux; the timeout covers platforms where it does not.
        while !isStopped {
            guard let fd = LoopbackSocket.acceptConnection(listener, waitingAtMost: 100) else { continue }
            let admitted = condition.withLock { () -> Bool in
                guard !stopped else { return false }
                connections.insert(fd)
                liveThreads += 1
                return true
            }
            guard admitted else {
                LoopbackSocket.closeDescriptor(fd)
                break
            }
            spawn { self.serve(fd) }
        }
    }

    /// Answers requests on one connection until the client closes it, asks to, or the server stops.
    private func serve(_ fd: Int32) {
        defer {
            condition.withLock {  // closed under the lock, so `stop` never shuts down a reused descriptor
                connections.remove(fd)
                LoopbackSocket.closeDescriptor(fd)
            }
        }
        var reader = RequestReader(fd: fd)
        let responder = LoopbackResponder(directory: directory) { [self] seconds in wait(seconds) }
        while let request = reader.next() {
            guard let request = request else {
                let bad = PlannedResponse.plain(400, "bad request\n")
                LoopbackSocket.sendAll(fd, bad.head(closing: true) + bad.body)
                return
            }
            let scripted = record(request)
            let planned: PlannedResponse?
            if request.method != "GET" {
                planned = .plain(405, "only GET is served\n")
            } else {
                planned = responder.respond(scripted ?? .passthrough, path: request.path)
            }
            guard let planned, !isStopped else { return }
            let closing = request.wantsClose || planned.cutsConnection
            guard LoopbackSocket.sendAll(fd, planned.head(closing: closing) + planned.body) else { return }
            if closing {
                LoopbackSocket.finishWriting(fd)
                return
            }
        }
    }

    /// Logs a request and, for a GET, takes the next scripted response for its path.
    private func record(_ request: ParsedRequest) -> LoopbackHTTPServer.Scripted? {
        condition.withLock {
            log.append(request.path)
            headers = request.headers
            guard request.method == "GET", var queue = scripts[request.path], !queue.isEmpty else { return nil }
            let next = queue.removeFirst()
            scripts[request.path] = queue
            return next
        }
    }

    /// Sleeps up to `seconds`; false if the server stopped first.
    private func wait(_ seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        while !stopped, condition.wait(until: deadline) {}
        return !stopped
    }
}

/// One request's line and header fields.
struct ParsedRequest {
    var method: String
    /// The percent-decoded path without query string or fragment.
    var path: String
    /// Header fields, names lowercased, repeated fields joined by `", "`.
    var headers: [String: String]
    /// HTTP/1.0 without keep-alive, or `Connection: close`.
    var wantsClose: Bool
}

/// Reads HTTP/1.1 requests from a blocking socket, keeping bytes that arrive early for the next request.
struct RequestReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 16_384)
    private static let maxHead = 64 * 1024

    init(fd: Int32) { self.fd = fd }

    /// The next request; `.some(nil)` for a malformed one; nil when the connection ended.
    mutating func next() -> ParsedRequest?? {
        var scanned = 0
        while true {
            if let end = Self.headEnd(in: buffer, from: scanned) {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                guard let request = Self.parse(head) else { return .some(nil) }
                let length = Int(request.headers["content-length"] ?? "0") ?? -1
                guard length >= 0, request.headers["transfer-encoding"] == nil else { return .some(nil) }
                while buffer.count < length {
                    guard let count = LoopbackSocket.receive(fd, into: &chunk) else { return nil }
                    buffer += chunk[..<count]
                }
                buffer.removeFirst(length)  // request bodies are read and ignored
                return request
            }
            guard buffer.count <= Self.maxHead else { return .some(nil) }
            scanned = max(0, buffer.count - 3)
            guard let count = LoopbackSocket.receive(fd, into: &chunk) else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// The index of the `\r\n\r\n` that ends the head, searching from `start`.
    private static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func parse(_ head: String) -> ParsedRequest? {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        var target = Substring(parts[1])
        if let scheme = target.range(of: "://") {  // absolute form: keep the path
            target = target[scheme.upperBound...]
            target = target.firstIndex(of: "/").map { target[$0...] } ?? "/"
        }
        if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = target[..<end] }
        guard target.hasPrefix("/"), let path = String(target).removingPercentEncoding else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let connection = headers["connection"]?.lowercased() ?? ""
        let wantsClose = connection.contains("close") || (parts[2] == "HTTP/1.0" && !connection.contains("keep-alive"))
        return ParsedRequest(method: String(parts[0]), path: path, headers: headers, wantsClose: wantsClose)
    }
}
