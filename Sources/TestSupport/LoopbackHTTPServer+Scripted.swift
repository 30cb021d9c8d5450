import Foundation

extension LoopbackHTTPServer {
    /// A response queued with ``LoopbackHTTPServer/script(_:_:)``.
    public indirect enum Scripted: Sendable {
        /// This status with a UTF-8 body and extra header fields, e.g. `.status(503, headers: ["Retry-After": "7"])`
        /// or `.status(302, headers: ["Location": "/new"])`.
        case status(Int, body: String = "", headers: [String: String] = [:])
        /// These body bytes with this status.
        case bytes([UInt8], status: Int = 200)
        /// Waits `seconds`, then answers with `then` (the wait ends early, without an answer, when the server stops).
        case delay(seconds: Double, then: Scripted)
        /// The real file for the path, cut after `keepingBytes` bytes but announced with its full
        /// `Content-Length`; the connection is then closed, so the client sees a truncated transfer.
        case truncatedFile(keepingBytes: Int)
        /// The normal answer: the file, or 404.
        case passthrough
    }
}

/// What the server sends for one request.
struct PlannedResponse {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// The `Content-Length` to announce when it differs from `body.count` (a truncated file); the connection
    /// is closed after `body`.
    var announcedLength: Int?

    /// Whether the connection must close after this response.
    var cutsConnection: Bool { announcedLength != nil }

    /// The status line and header block, with `Content-Length` (and `Connection: close` when `closing`).
    func head(closing: Bool) -> [UInt8] {
        var lines = ["HTTP/1.1 \(status) \(Self.phrase(status))"]
        for (name, value) in headers where !["content-length", "connection"].contains(name.lowercased()) {
            lines.append("\(name): \(value)")
        }
        lines.append("Content-Length: \(announcedLength ?? body.count)")
        if closing { lines.append("Connection: close") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    static func plain(_ status: Int, _ text: String) -> PlannedResponse {
        PlannedResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    static let notFound = plain(404, "not found\n")

    static func phrase(_ status: Int) -> String {
        let phrases = [200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
                       302: "Found", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
                       400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                       405: "Method Not Allowed", 410: "Gone", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
                       500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
                       503: "Service Unavailable", 504: "Gateway Timeout"]
        return phrases[status] ?? "Status \(status)"
    }
}

/// Turns a scripted response (or the file for a path) into a ``PlannedResponse``.
struct LoopbackResponder {
    let directory: URL?
    /// Waits the given seconds; false if the server stopped meanwhile.
    let wait: (Double) -> Bool

    /// The response, or nil when the server stopped during a scripted delay (then nothing is sent).
    func respond(_ scripted: LoopbackHTTPServer.Scripted, path: String) -> PlannedResponse? {
        switch scripted {
        case .status(let code, let body, let headers):
            return PlannedResponse(status: code, headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                   body: Array(body.utf8))
        case .bytes(let bytes, let code):
            return PlannedResponse(status: code, headers: [("Content-Type", "application/octet-stream")], body: bytes)
        case .delay(let seconds, let then):
            return wait(seconds) ? respond(then, path: path) : nil
        case .truncatedFile(let keepingBytes):
            guard let file = file(for: path), let data = try? Data(contentsOf: file) else { return .notFound }
            return PlannedResponse(status: 200, headers: [("Content-Type", Self.contentType(of: file))],
                                   body: Array(data.prefix(max(0, keepingBytes))), announcedLength: data.count)
        case .passthrough:
            guard let file = file(for: path), let data = try? Data(contentsOf: file) else { return .notFound }
            return PlannedResponse(status: 200, headers: [("Content-Type", Self.contentType(of: file))], body: Array(data))
        }
    }

    /// The regular file for a (percent-decoded) request path, or nil: no directory, a `..` or `.` component,
    /// a backslash or NUL, or a missing file. A folder serves its `index.html`, as static hosts do.
    func file(for path: String) -> URL? {
        guard let directory else { return nil }
        let components = path.split(separator: "/")
        guard !components.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") })
        else { return nil }
        var file = components.reduce(directory) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = file.appendingPathComponent("index.html")
        }
        guard file.path.hasPrefix(directory.path + "/"),
              FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return file
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "json": "application/json"
        case "csv": "text/csv"
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt", "md": "text/plain; charset=utf-8"
        case "yaml", "yml": "application/yaml"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}
