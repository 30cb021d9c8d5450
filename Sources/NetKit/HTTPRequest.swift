/// One HTTP request for ``HTTPClient/send(_:)``: method, URL, header fields, body and per-request transport options.
///
/// ```swift
/// var request = HTTPRequest(method: "POST", url: "https://example.com/hook", body: Array(json.utf8))
/// request.headers.append((name: "Content-Type", value: "application/json"))
/// request.timeout = 30
/// let response = try client.send(request)
/// ```
public struct HTTPRequest: Sendable {
    /// The method, upper case: `GET`, `HEAD`, `POST`, `PUT`, `PATCH`, `DELETE`, …
    public var method: String
    /// An `http` or `https` URL, already percent-encoded where needed; user info (`user:password@`) is sent as
    /// Basic auth and never appears in errors.
    public var url: String
    /// Header fields in the order they are sent. A `Host` field here replaces the one libcurl derives from the URL
    /// (a signer sets it so that what is signed is what is sent); a `User-Agent` replaces
    /// ``HTTPClient/Configuration/userAgent``.
    public var headers: [(name: String, value: String)]
    /// The body, sent with a `Content-Length` for every method but `GET` and `HEAD` (an empty body sends
    /// `Content-Length: 0`). Ignored for `GET` and `HEAD`.
    public var body: [UInt8]
    /// Seconds allowed for the whole transfer; nil uses ``HTTPClient/Configuration/totalTimeout``. The connect
    /// timeout is the smaller of this and ``HTTPClient/Configuration/connectTimeout``.
    public var timeout: Double?
    /// Whether the server's TLS certificate and host name are verified (`CURLOPT_SSL_VERIFYPEER`/`VERIFYHOST`).
    /// Default true; false only for test or internal endpoints with self-signed certificates.
    public var verifyTLS: Bool
    /// Path of a PEM client certificate for mutual TLS (`CURLOPT_SSLCERT`), or nil.
    public var clientCertificatePath: String?
    /// Path of the PEM private key of ``clientCertificatePath`` (`CURLOPT_SSLKEY`), or nil when the certificate
    /// file holds the key too.
    public var clientKeyPath: String?
    /// Whether a compressed response body (`Content-Encoding: gzip`, …) is asked for and decoded. Default false:
    /// the body comes back exactly as the server sent it (an S3 object is read as it was stored).
    public var decodesContent: Bool

    /// Creates a request.
    /// - Parameters:
    ///   - method: the method, e.g. `"PUT"`.
    ///   - url: the URL.
    ///   - headers: header fields, sent in this order.
    ///   - body: the body bytes.
    ///   - timeout: seconds for the whole transfer, or nil for the client's default.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                timeout: Double? = nil) {
        self.method = method.uppercased()
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        verifyTLS = true
        clientCertificatePath = nil
        clientKeyPath = nil
        decodesContent = false
    }

    /// Whether the method sends ``body`` (everything but `GET` and `HEAD`).
    public var sendsBody: Bool { method != "GET" && method != "HEAD" }

    /// The value of the first header field called `name` (case-insensitive), or nil.
    /// - Parameter name: a header name such as `"Content-Type"`.
    /// - Returns: its value.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Sets header `name` to `value`, replacing every field of that name (case-insensitive), or appends it.
    /// - Parameters:
    ///   - name: the header name.
    ///   - value: its value.
    public mutating func setHeader(_ name: String, _ value: String) {
        let wanted = name.lowercased()
        guard let first = headers.firstIndex(where: { $0.name.lowercased() == wanted }) else {
            headers.append((name: name, value: value))
            return
        }
        headers[first] = (name: name, value: value)
        var index = headers.index(after: first)
        while index < headers.endIndex {
            if headers[index].name.lowercased() == wanted { headers.remove(at: index) } else { index += 1 }
        }
    }
}
