import CCurl
import Foundation

/// A blocking SMTP client over one libcurl easy handle: sends plain-text messages through one server.
///
/// Each ``send(_:)`` runs one whole SMTP exchange on the calling thread: connect (or reuse the connection of the
/// previous message), `EHLO`, STARTTLS as ``Configuration/tls`` says, `AUTH` when credentials are set,
/// `MAIL FROM`, one `RCPT TO` per recipient, `DATA` with the bytes of ``MailMessage/rendered()``. libcurl
/// dot-stuffs lines that start with `.`.
///
/// ```swift
/// let client = try SMTPClient(configuration: .init(url: "smtp://smtp.gmail.com:587", username: user, password: pw))
/// try client.send(MailMessage(from: sender, to: recipients, subject: "Pipeline failed", body: text))
/// ```
///
/// - Warning: Not `Sendable`. The client owns a libcurl easy handle (created in `init`, freed in `deinit`) that
///   must not be used from two threads at once.
public final class SMTPClient {
    /// The server, login and timeouts.
    public let configuration: Configuration

    /// The easy handle, owned by this object.
    private let handle: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: `CURL_ERROR_SIZE` bytes owned by this object, cleared before each message.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorBufferSize = Int(CURL_ERROR_SIZE)

    /// Creates a client and its libcurl handle; nothing connects until ``send(_:)``.
    /// - Parameter configuration: server URL, login and timeouts.
    /// - Throws: ``NetError`` with code ``NetError/Code/other`` if libcurl cannot be initialised.
    public init(configuration: Configuration) throws(NetError) {
        guard smtpCurlGlobalInitResult == CURLE_OK, let handle = curl_easy_init() else {
            throw NetError(code: .other, method: "SMTP", url: configuration.url, message: "could not initialise libcurl",
                           curlCode: Int32(bitPattern: smtpCurlGlobalInitResult.rawValue))
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

    /// Sends one message, blocking until the server accepted it or the exchange failed.
    /// - Parameter message: the message; its envelope is ``MailMessage/from`` and every ``MailMessage/to``.
    /// - Throws: ``NetError`` (method `SMTP`, the URL without credentials) when the message was not accepted:
    ///   no recipients, no connection, a timeout, TLS or STARTTLS unavailable while required, a refused login,
    ///   a rejected sender or recipient. Its text never contains the password.
    public func send(_ message: MailMessage) throws(NetError) {
        guard !message.to.isEmpty else {
            throw NetError(code: .other, method: "SMTP", url: configuration.url,
                           message: "the message has no recipients; give at least one address")
        }
        let upload = Upload(message.rendered())
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_easy_reset(handle)  // forgets the pointers to `upload`, `recipients` and the error buffer
            curl_slist_free_all(recipients)
        }
        errorBuffer[0] = 0
        for recipient in message.to {
            guard let appended = curl_slist_append(recipients, "<\(recipient.address)>") else {
                throw failure(CURLE_OUT_OF_MEMORY)
            }
            recipients = appended
        }
        let code = withExtendedLifetime(upload) { () -> CURLcode in
            let box = Unmanaged.passUnretained(upload).toOpaque()
            let configured = configure(from: message.from, recipients: recipients, box: box, size: upload.bytes.count)
            return configured == CURLE_OK ? curl_easy_perform(handle) : configured
        }
        guard code == CURLE_OK else { throw failure(code) }
    }

    /// Applies every option for one message (after `curl_easy_reset` they are all back to libcurl's defaults).
    private func configure(from: MailAddress, recipients: UnsafeMutablePointer<curl_slist>?,
                           box: UnsafeMutableRawPointer, size: Int) -> CURLcode {
        let useSSL: curl_usessl = switch configuration.tls {
        case .implicit, .required: CURLUSESSL_ALL
        case .opportunistic: CURLUSESSL_TRY
        }
        var results: [CURLcode] = [
            seekgpu_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            seekgpu_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            seekgpu_curl_setopt_string(handle, CURLOPT_URL, configuration.url),
            seekgpu_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
            seekgpu_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)),
            seekgpu_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout)),
            seekgpu_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.totalTimeout)),
            seekgpu_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from.address)>"),
            seekgpu_curl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, recipients),
            seekgpu_curl_setopt_long(handle, CURLOPT_UPLOAD, 1),
            seekgpu_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)),
            seekgpu_curl_setopt_pointer(handle, CURLOPT_READDATA, box),
            seekgpu_curl_setopt_read_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, box in
                guard let box else { return seekgpu_curl_readfunc_abort() }
                let target = UnsafeMutableRawBufferPointer(start: buffer, count: size * count)
                return Unmanaged<Upload>.fromOpaque(box).takeUnretainedValue().read(into: target)
            },
        ]
        if configuration.hasCredentials {
            results.append(seekgpu_curl_setopt_string(handle, CURLOPT_USERNAME, configuration.username))
            results.append(seekgpu_curl_setopt_string(handle, CURLOPT_PASSWORD, configuration.password))
        }
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// Turns a failed `CURLcode` into a ``NetError``: copies the error buffer at once, adds the server's last
    /// reply code, and blanks the password out of every text.
    private func failure(_ code: CURLcode) -> NetError {
        let buffered = String(cString: errorBuffer)
        var reply = 0
        _ = seekgpu_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        var curlMessage = buffered.isEmpty ? curl_easy_strerror(code).map { String(cString: $0) } ?? "" : buffered
        if reply != 0 { curlMessage += " (last server reply \(reply))" }
        let (kind, message) = Self.classify(code, configuration: configuration)
        var error = NetError(code: kind, method: "SMTP", url: configuration.url, message: message,
                             curlCode: Int32(bitPattern: code.rawValue), curlMessage: curlMessage)
        if let password = configuration.password, !password.isEmpty {
            error.curlMessage = error.curlMessage.replacingOccurrences(of: password, with: "***")
            error.message = error.message.replacingOccurrences(of: password, with: "***")
        }
        return error
    }

    /// The error kind and the user-facing explanation for a `CURLcode` from an SMTP exchange.
    static func classify(_ code: CURLcode, configuration: Configuration) -> (NetError.Code, String) {
        switch Int(code.rawValue) {
        case 5, 6:
            return (.connectionFailed, "could not resolve the mail server's host name; check the SMTP URL and the network (DNS)")
        case 7:
            return (.connectionFailed, "connection refused or host unreachable; check that the mail server is up and the host and port are right")
        case 28:
            let limits = "connect \(HTTPClient.seconds(configuration.connectTimeout)) s, total \(HTTPClient.seconds(configuration.totalTimeout)) s"
            return (.timedOut, "timed out (\(limits)); the mail server is slow or unreachable, try again later")
        case 64:
            return (.tls, "the mail server does not offer STARTTLS, and a password is never sent in clear; use a server with STARTTLS or an smtps:// URL")
        case let tls where NetError.Code.tlsCurlCodes.contains(tls):
            return (.tls, NetError.Code.tlsAdvice)
        case 67:
            return (.other, "the mail server refused the login; check the user name and password (for Gmail, an app password)")
        case 55:
            return (.other, "the mail server rejected the sender, a recipient or the message; see the server's reply")
        case 52, 56:
            return (.other, "the connection to the mail server broke; try again")
        case 8:
            return (.other, "the mail server sent a reply libcurl could not understand; check that the URL points to an SMTP server")
        case 1:
            return (.other, "unsupported URL scheme; use smtp:// or smtps://")
        case 3:
            return (.other, "malformed SMTP URL; use smtp://host:port or smtps://host:port")
        default:
            return (.other, "sending the message failed; see libcurl's message")
        }
    }

    /// Seconds as libcurl milliseconds: at least 1 (0 would mean "no timeout"); 0 for an infinite timeout.
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 0 }
        return Int(min(max((seconds * 1000).rounded(), 1), Double(Int32.max)))
    }
}

@available(*, unavailable, message: "an SMTPClient owns a curl handle; give each task or thread its own client")
extension SMTPClient: Sendable {}

/// `curl_global_init` for the SMTP client, once per process on first use (libcurl counts the calls, so this and
/// the HTTP client's call do not interfere).
private let smtpCurlGlobalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// The message bytes being uploaded, read by libcurl's read callback through an unretained `Unmanaged` pointer.
private final class Upload {
    let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `target`; returns how many (0 at the end).
    func read(into target: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(target.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
