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
    private var log: [LoopbackHTTPServer.RecordedRequest] = []

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

    var requests: [String] { condition.withLock { log.map(\.path) } }
    var recorded: [LoopbackHTTPServer.RecordedRequest] { condition.withLock { log } }
    var lastHeaders: [String: String] { condition.withLock { log.last?.headers ?? [:] } }

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
            if request.method == "GET" || request.method == "HEAD" {
                planned = responder.respond(scripted ?? .passthrough, path: request.path)
            } else if let scripted, LoopbackHTTPServer.uploadMethods.contains(request.method) {
                planned = responder.respond(scripted, path: request.path)
            } else {
                planned = .plain(405, "only GET and HEAD are served, and POST, PUT and PATCH to scripted paths\n")
            }
            guard let planned, !isStopped else { return }
            let closing = request.wantsClose || planned.cutsConnection
            let body = request.method == "HEAD" ? [] : planned.body  // HEAD: the GET's head, without the body
            guard LoopbackSocket.sendAll(fd, planned.head(closing: closing) + body) else { return }
            if closing {
                LoopbackSocket.finishWriting(fd)
                return
            }
        }
    }

    /// Logs a request and, for a GET, HEAD, POST, PUT or PATCH, takes the next scripted response for its path.
    private func record(_ request: ParsedRequest) -> LoopbackHTTPServer.Scripted? {
        condition.withLock {
            log.append(LoopbackHTTPServer.RecordedRequest(method: request.method, path: request.path, query: request.query,
                                                          headers: request.headers, body: request.body))
            guard ["GET", "HEAD"].contains(request.method) || LoopbackHTTPServer.uploadMethods.contains(request.method),
                  var queue = scripts[request.path], !queue.isEmpty else { return nil }
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
    /// The query string as sent, without `?`; empty when there is none.
    var query: String = ""
    /// Header fields, names lowercased, repeated fields joined by `", "`.
    var headers: [String: String]
    /// HTTP/1.0 without keep-alive, or `Connection: close`.
    var wantsClose: Bool
    /// The body (`Content-Length` or chunked), empty when there is none.
    var body: [UInt8] = []
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
                guard var request = Self.parse(head) else { return .some(nil) }
                if let encoding = request.headers["transfer-encoding"] {
                    guard encoding.lowercased() == "chunked", request.headers["content-length"] == nil,
                          let body = readChunkedBody() else { return .some(nil) }
                    request.body = body
                    return request
                }
                let length = Int(request.headers["content-length"] ?? "0") ?? -1
                guard length >= 0, length <= Self.maxBody else { return .some(nil) }
                guard fill(to: length) else { return nil }
                request.body = Array(buffer[..<length])
                buffer.removeFirst(length)
                return request
            }
            guard buffer.count <= Self.maxHead else { return .some(nil) }
            scanned = max(0, buffer.count - 3)
            guard let count = LoopbackSocket.receive(fd, into: &chunk) else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Receives until `buffer` holds at least `count` bytes; false when the connection ended first.
    private mutating func fill(to count: Int) -> Bool {
        while buffer.count < count {
            guard let received = LoopbackSocket.receive(fd, into: &chunk) else { return false }
            buffer += chunk[..<received]
        }
        return true
    }

    /// Reads a chunked body (chunk extensions and trailers ignored); nil when it is malformed, too large or cut off.
    private mutating func readChunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            var scanned = 0
            var lineEnd: Int?
            while lineEnd == nil {
                lineEnd = Self.crlf(in: buffer, from: scanned)
                if lineEnd == nil {
                    guard buffer.count < 1024 else { return nil }
                    scanned = max(0, buffer.count - 1)
                    guard fill(to: buffer.count + 1) else { return nil }
                }
            }
            guard let end = lineEnd else { return nil }
            let sizeText = String(decoding: buffer[..<end], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0,
                  body.count + size <= Self.maxBody else { return nil }
            buffer.removeFirst(end + 2)
            if size == 0 {  // trailers, then an empty line
                while true {
                    guard let trailerEnd = Self.crlfBlocking(in: &self) else { return nil }
                    buffer.removeFirst(trailerEnd + 2)
                    if trailerEnd == 0 { return body }
                }
            }
            guard fill(to: size + 2) else { return nil }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
        }
    }

    /// The index of the next CRLF in `reader.buffer`, receiving more bytes until one arrives; nil if the connection ends.
    private static func crlfBlocking(in reader: inout RequestReader) -> Int? {
        while true {
            if let end = crlf(in: reader.buffer, from: 0) { return end }
            guard reader.buffer.count < 8192, reader.fill(to: reader.buffer.count + 1) else { return nil }
        }
    }

    /// The index of the first `\r\n` in `bytes` at or after `start`.
    private static func crlf(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// The largest request body accepted: 64 MiB.
    private static let maxBody = 64 << 20

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
        var query = ""
        if let fragment = target.firstIndex(of: "#") { target = target[..<fragment] }
        if let mark = target.firstIndex(of: "?") {
            query = String(target[target.index(after: mark)...])
            target = target[..<mark]
        }
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
        return ParsedRequest(method: String(parts[0]), path: path, query: query, headers: headers, wantsClose: wantsClose)
    }
}
