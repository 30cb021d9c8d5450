import CCurl

/// A blocking HTTP(S) and `file://` client over one libcurl easy handle.
///
/// Each ``get(_:headers:)`` runs one transfer to the end on the calling thread and returns the whole response.
/// An HTTP status is data, not an error: a 404 or 503 comes back as an ``HTTPResponse``. Only transport failures
/// throw ``NetError`` (no connection, timeout, TLS, body over ``Configuration/maxBodyBytes``, truncated body).
/// For retries with backoff use ``get(_:headers:retry:onRetry:)``.
///
/// ```swift
/// let client = try HTTPClient()
/// let response = try client.get("https://example.com/catalog.json")
/// guard response.isSuccess else { … }
/// ```
///
/// - Warning: Not `Sendable`. The client owns a libcurl easy handle (created in `init`, freed with
///   `curl_easy_cleanup` in `deinit`), which must not be used from two threads at once: give each task or
///   thread its own client. Reusing one client for many requests keeps connections alive between them.
public final class HTTPClient {
    /// The limits and identity used for every request.
    public let configuration: Configuration

    /// The easy handle, owned by this object.
    let handle: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: `CURL_ERROR_SIZE` bytes owned by this object, cleared before each request.
    let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorBufferSize = Int(CURL_ERROR_SIZE)

    /// Creates a client and its libcurl handle (initialising libcurl for the process on first use).
    /// - Parameter configuration: timeouts, body limit, User-Agent and redirect policy.
    /// - Throws: ``NetError`` with code ``NetError/Code/other`` if libcurl cannot be initialised (out of memory).
    public init(configuration: Configuration = Configuration()) throws(NetError) {
        guard curlGlobalInitResult == CURLE_OK, let handle = curl_easy_init() else {
            let code = Int32(bitPattern: curlGlobalInitResult.rawValue)
            throw NetError(code: .other, method: "curl_easy_init", url: "", message: "could not initialise libcurl",
                           curlCode: code, curlMessage: Self.text(of: curlGlobalInitResult))
        }
        self.configuration = configuration
        self.handle = handle
        errorBuffer = .allocate(capacity: Self.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Self.errorBufferSize)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Fetches `url` once, blocking until the whole body has arrived or the transfer failed.
    ///
    /// Redirects are followed when ``Configuration/followRedirects`` is set. The body is decompressed when the
    /// server sends it compressed. `file://` URLs are read from disk and report status 200.
    /// - Parameters:
    ///   - url: an `http`, `https` or `file` URL. User info (`user:password@`) is sent as Basic auth.
    ///   - headers: extra request header fields, e.g. `["Accept": "application/json"]`; a `User-Agent` here
    ///     replaces ``Configuration/userAgent``.
    /// - Returns: the final response, whatever its status.
    /// - Throws: ``NetError`` when no complete response arrived: ``NetError/Code/connectionFailed``,
    ///   ``NetError/Code/timedOut``, ``NetError/Code/tooLarge``, ``NetError/Code/tls`` or ``NetError/Code/other``.
    public func get(_ url: String, headers: [String: String] = [:]) throws(NetError) -> HTTPResponse {
        let transfer = Transfer(limit: configuration.maxBodyBytes)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_easy_reset(handle)  // forgets the pointers to `transfer`, `headerList` and the error buffer
            curl_slist_free_all(headerList)
        }
        errorBuffer[0] = 0

        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            guard let appended = curl_slist_append(headerList, "\(name): \(value)") else {
                throw failure(CURLE_OUT_OF_MEMORY, url: url, transfer: transfer)
            }
            headerList = appended
        }

        let code = withExtendedLifetime(transfer) { () -> CURLcode in
            let box = Unmanaged.passUnretained(transfer).toOpaque()
            let configured = configure(url: url, headerList: headerList, box: box)
            return configured == CURLE_OK ? curl_easy_perform(handle) : configured
        }
        guard code == CURLE_OK else { throw failure(code, url: url, transfer: transfer) }

        var status = 0
        _ = seekgpu_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>?
        _ = seekgpu_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? url
        return HTTPResponse(status: status == 0 ? 200 : status, headers: transfer.headers, body: transfer.body,
                            url: URLRedaction.withoutCredentials(finalURL))
    }

    /// Applies every option for one request (after `curl_easy_reset` they are all back to libcurl's defaults).
    func configure(url: String, headerList: UnsafeMutablePointer<curl_slist>?,
                           box: UnsafeMutableRawPointer) -> CURLcode {
        let results: [CURLcode] = [
            seekgpu_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            seekgpu_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            seekgpu_curl_setopt_string(handle, CURLOPT_URL, url),
            seekgpu_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file"),
            seekgpu_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            seekgpu_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, configuration.followRedirects ? 1 : 0),
            seekgpu_curl_setopt_long(handle, CURLOPT_MAXREDIRS, configuration.maxRedirects),
            seekgpu_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout)),
            seekgpu_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.totalTimeout)),
            seekgpu_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxBodyBytes)),
            seekgpu_curl_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent),
            seekgpu_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),  // "": every encoding libcurl decodes
            seekgpu_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList),
            seekgpu_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, box),
            seekgpu_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, box in
                guard let box else { return 0 }
                let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
                return Unmanaged<Transfer>.fromOpaque(box).takeUnretainedValue().appendBody(bytes)
            },
            seekgpu_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, box),
            seekgpu_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, box in
                guard let box else { return 0 }
                let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
                Unmanaged<Transfer>.fromOpaque(box).takeUnretainedValue().appendHeaderLine(bytes)
                return size * count
            },
        ]
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// Turns a failed `CURLcode` into a ``NetError``, copying the error buffer at once.
    private func failure(_ code: CURLcode, url: String, transfer: Transfer) -> NetError {
        let buffered = String(cString: errorBuffer)
        let curlMessage = buffered.isEmpty ? Self.text(of: code) : buffered
        let (kind, message) = Self.classify(code, exceeded: transfer.exceeded, configuration: configuration)
        return NetError(code: kind, url: url, message: message, curlCode: Int32(bitPattern: code.rawValue),
                        curlMessage: curlMessage)
    }

    /// The error kind and the user-facing explanation for a `CURLcode`.
    static func classify(_ code: CURLcode, exceeded: Bool,
                         configuration: Configuration) -> (NetError.Code, String) {
        switch Int(code.rawValue) {
        case 5, 6:
            return (.connectionFailed, "could not resolve the host name; check the URL and the network (DNS)")
        case 7:
            return (.connectionFailed,
                    "connection refused or host unreachable; check that the server is up and the host and port are right")
        case 28:
            let limits = "connect \(seconds(configuration.connectTimeout)) s, total \(seconds(configuration.totalTimeout)) s"
            return (.timedOut, "timed out (\(limits)); the server is slow or unreachable, try again later or raise the timeout")
        case 63:
            return (.tooLarge, tooLargeMessage(configuration))
        case 23 where exceeded:
            return (.tooLarge, tooLargeMessage(configuration))
        case let tls where NetError.Code.tlsCurlCodes.contains(tls):
            return (.tls, NetError.Code.tlsAdvice)
        case 18:
            return (.other, "the connection closed before the whole body arrived (truncated transfer); try again")
        case 52:
            return (.other, "the server closed the connection without replying; try again later")
        case 55, 56:
            return (.other, "network error while sending or receiving; try again")
        case 47:
            return (.other, "too many redirects (more than \(configuration.maxRedirects)); check the URL")
        case 1:
            return (.other, "unsupported URL scheme; use http, https or file")
        case 3:
            return (.other, "malformed URL; check it")
        case 37:
            return (.other, "could not read the local file; check the path and its permissions")
        default:
            return (.other, "transfer failed; see libcurl's message")
        }
    }

    private static func tooLargeMessage(_ configuration: Configuration) -> String {
        "the body is larger than the limit of \(configuration.maxBodyBytes) bytes; raise maxBodyBytes if the source really grew"
    }

    /// `0.5` → `"0.5"`, `10.0` → `"10"`.
    static func seconds(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Seconds as libcurl milliseconds: at least 1 (0 would mean "no timeout"); 0 for an infinite timeout.
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 0 }
        return Int(min(max((seconds * 1000).rounded(), 1), Double(Int32.max)))
    }

    static func text(of code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }
}

@available(*, unavailable, message: "an HTTPClient owns a curl handle; give each task or thread its own client")
extension HTTPClient: Sendable {}

/// `curl_global_init` runs once per process, on first use of this lazily initialised global.
private let curlGlobalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// The state of one transfer, reached from libcurl's callbacks through an unretained `Unmanaged` pointer.
final class Transfer {
    let limit: Int
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    /// Set when the body would have grown past `limit`; the write callback then aborts the transfer.
    var exceeded = false

    init(limit: Int) { self.limit = limit }

    /// Takes a chunk of body; returns its size, or 0 to abort once the body would exceed `limit`.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= limit else {
            exceeded = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Takes one header line (with its CRLF). A status line starts a new response (after a redirect or a 100),
    /// so only the final response's headers remain.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingSpaces().lowercased()
        let value = line[line.index(after: colon)...].trimmingSpaces()
        guard !name.isEmpty else { return }
        headers.append((name: name, value: value))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CR and LF.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
