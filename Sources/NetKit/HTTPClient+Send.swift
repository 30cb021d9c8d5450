import CCurl

extension HTTPClient {
    /// Sends one request of any method, blocking until the whole response has arrived or the transfer failed.
    ///
    /// - The body of every method but `GET` and `HEAD` is streamed from memory with a `Content-Length` (no
    ///   `Expect: 100-continue` round trip); libcurl adds no `Content-Type` of its own, so set one when the body
    ///   has a type.
    /// - Redirects are not followed for requests with a body (a signed or non-idempotent request must not be
    ///   replayed elsewhere); `GET` and `HEAD` follow them as ``Configuration/followRedirects`` says.
    /// - ``HTTPRequest/timeout``, ``HTTPRequest/verifyTLS`` and the client certificate apply to this request only.
    /// - Like ``get(_:headers:)``, any HTTP status is returned as a response; only transport failures throw.
    ///
    /// - Parameter request: the request.
    /// - Returns: the response, whatever its status (``HTTPResponse/url`` without user info).
    /// - Throws: ``NetError`` (with the request's method) when no complete response arrived.
    public func send(_ request: HTTPRequest) throws(NetError) -> HTTPResponse {
        var effective = configuration
        if let timeout = request.timeout {
            effective.totalTimeout = timeout
            effective.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        let transfer = Transfer(limit: configuration.maxBodyBytes)
        let upload = UploadSource(bytes: request.sendsBody ? request.body : [])
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_easy_reset(handle)  // forgets the pointers to `transfer`, `upload`, `headerList` and the error buffer
            curl_slist_free_all(headerList)
        }
        errorBuffer[0] = 0

        var lines = request.headers.map { "\($0.name): \($0.value)" }
        if request.sendsBody {
            lines.append("Expect:")  // an empty value removes the header libcurl would add
            if request.header("Content-Type") == nil { lines.append("Content-Type:") }
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw sendFailure(CURLE_OUT_OF_MEMORY, request: request, transfer: transfer, configuration: effective)
            }
            headerList = appended
        }

        let code = withExtendedLifetime((transfer, upload)) { () -> CURLcode in
            let box = Unmanaged.passUnretained(transfer).toOpaque()
            let uploadBox = Unmanaged.passUnretained(upload).toOpaque()
            var configured = configure(url: request.url, headerList: headerList, box: box)
            if configured == CURLE_OK {
                configured = configureRequest(request, effective: effective, uploadBox: uploadBox, size: upload.bytes.count)
            }
            return configured == CURLE_OK ? curl_easy_perform(handle) : configured
        }
        guard code == CURLE_OK else {
            throw sendFailure(code, request: request, transfer: transfer, configuration: effective)
        }
        var status = 0
        _ = seekgpu_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body,
                            url: URLRedaction.withoutCredentials(request.url))
    }

    /// The options ``send(_:)`` sets on top of ``configure(url:headerList:box:)``: method, body, timeouts, TLS.
    private func configureRequest(_ request: HTTPRequest, effective: Configuration, uploadBox: UnsafeMutableRawPointer,
                                  size: Int) -> CURLcode {
        var results: [CURLcode] = [
            seekgpu_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(effective.connectTimeout)),
            seekgpu_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(effective.totalTimeout)),
            seekgpu_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, request.verifyTLS ? 1 : 0),
            seekgpu_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, request.verifyTLS ? 2 : 0),
        ]
        if !request.decodesContent {
            results.append(seekgpu_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, nil))
            results.append(seekgpu_curl_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 0))
        }
        if let certificate = request.clientCertificatePath {
            results.append(seekgpu_curl_setopt_string(handle, CURLOPT_SSLCERT, certificate))
        }
        if let key = request.clientKeyPath {
            results.append(seekgpu_curl_setopt_string(handle, CURLOPT_SSLKEY, key))
        }
        switch request.method {
        case "GET":
            results.append(seekgpu_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case "HEAD":
            results.append(seekgpu_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
        default:
            results += [
                seekgpu_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
                seekgpu_curl_setopt_long(handle, CURLOPT_POST, 1),
                seekgpu_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(size)),
                seekgpu_curl_setopt_pointer(handle, CURLOPT_READDATA, uploadBox),
                seekgpu_curl_setopt_read_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, box in
                    guard let box else { return seekgpu_curl_readfunc_abort() }
                    let target = UnsafeMutableRawBufferPointer(start: buffer, count: size * count)
                    return Unmanaged<UploadSource>.fromOpaque(box).takeUnretainedValue().read(into: target)
                },
            ]
            if request.method != "POST" {
                results.append(seekgpu_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
            }
        }
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// A ``NetError`` for a failed ``send(_:)``, with the request's method and the timeouts that applied.
    private func sendFailure(_ code: CURLcode, request: HTTPRequest, transfer: Transfer,
                             configuration: Configuration) -> NetError {
        let buffered = String(cString: errorBuffer)
        let curlMessage = buffered.isEmpty ? Self.text(of: code) : buffered
        let (kind, message) = Self.classify(code, exceeded: transfer.exceeded, configuration: configuration)
        return NetError(code: kind, method: request.method, url: request.url, message: message,
                        curlCode: Int32(bitPattern: code.rawValue), curlMessage: curlMessage)
    }
}

/// A request body read by libcurl's read callback through an unretained `Unmanaged` pointer.
final class UploadSource {
    let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `target`; returns how many (0 at the end).
    func read(into target: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(target.count, bytes.count - offset)
        guard count > 0, let base = target.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            guard let start = source.baseAddress else { return }
            base.copyMemory(from: start + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
