/// A complete HTTP response: status, headers and body, whatever the status.
///
/// ``HTTPClient`` returns every response it receives in full, 404 and 500 included; only transport failures
/// throw (``NetError``). Check ``isSuccess`` or ``status`` yourself.
public struct HTTPResponse: Sendable {
    /// The status code of the final response (after redirects). A successful `file://` read reports 200.
    public var status: Int
    /// The headers of the final response in arrival order, names lowercased, values trimmed of surrounding spaces.
    public var headers: [(name: String, value: String)]
    /// The body, decoded when the server sent it compressed (gzip, deflate, br, zstd).
    public var body: [UInt8]
    /// The URL that answered: the requested one, or the last redirect target. User name and password are removed;
    /// the query string is kept.
    public var url: String

    /// Creates a response, e.g. for a test double.
    /// - Parameters:
    ///   - status: the HTTP status code.
    ///   - headers: header fields; names are lowercased here.
    ///   - body: the body bytes.
    ///   - url: the URL that answered.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], url: String) {
        self.status = status
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
        self.url = url
    }

    /// True for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The value of the first header field called `name` (case-insensitive), or nil.
    /// - Parameter name: a header name such as `"Content-Type"`.
    /// - Returns: the field's value, trimmed.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The body decoded as UTF-8 (invalid sequences become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
