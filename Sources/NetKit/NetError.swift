import Foundation

/// A transfer that failed before a complete HTTP response arrived: no connection, a timeout, a TLS failure,
/// a body over the size limit, a truncated body.
///
/// An HTTP status such as 404 or 503 is *not* a `NetError`: ``HTTPClient`` returns it as an ``HTTPResponse``.
///
/// ``url`` never holds credentials or a query string, and ``curlMessage`` has them blanked out (see
/// ``init(code:method:url:message:curlCode:curlMessage:)``), so the error can be logged as it is:
/// ```
/// GET http://127.0.0.1:1234/aws/version failed: connection refused or host unreachable; check that the server
/// is up and the host and port are right (curl 7: Failed to connect to 127.0.0.1 port 1234 after 0 ms: Couldn't
/// connect to server)
/// ```
public struct NetError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure this is, coarse enough to decide on a retry or a user message.
    public var code: Code
    /// The request method, `"GET"`.
    public var method: String
    /// The requested URL without user name, password, query string and fragment.
    public var url: String
    /// What failed and what to do about it, e.g. `"timed out after 120 s; the server is slow or unreachable, …"`.
    public var message: String
    /// libcurl's `CURLcode` (7 = could not connect, 28 = timed out, 18 = partial file, …), or 0 when the error
    /// did not come from libcurl.
    public var curlCode: Int32
    /// libcurl's own explanation, copied from `CURLOPT_ERRORBUFFER` right after the call (else
    /// `curl_easy_strerror`), with any credentials or query string of the URL blanked out.
    public var curlMessage: String

    /// Creates an error; `url` is stripped of credentials, query and fragment, and `curlMessage` has them blanked out:
    /// the URL's `user:password@` and `?query` wherever they occur, and each user, password, query and query value
    /// of 4 or more characters.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - method: the request method.
    ///   - url: the requested URL, as given (it is redacted here).
    ///   - message: what failed and what to do about it.
    ///   - curlCode: libcurl's `CURLcode`, 0 if none.
    ///   - curlMessage: libcurl's error text.
    public init(code: Code, method: String = "GET", url: String, message: String, curlCode: Int32 = 0,
                curlMessage: String = "") {
        self.code = code
        self.method = method
        self.url = URLRedaction.redacted(url)
        self.message = message
        self.curlCode = curlCode
        self.curlMessage = URLRedaction.blankingSecrets(of: url, in: curlMessage)
    }

    /// `GET <url> failed: <message> (curl <code>: <curl message>)`.
    public var description: String {
        let cause = curlCode == 0 && curlMessage.isEmpty ? "" : " (curl \(curlCode): \(curlMessage))"
        let request = url.isEmpty ? method : "\(method) \(url)"
        return "\(request) failed: \(message)\(cause)"
    }

    /// Whether trying again could help. False for ``Code/tooLarge`` and for failures that a retry cannot fix:
    /// an unsupported URL scheme (curl 1), a malformed URL (curl 3) and an unreadable local `file://` path (curl 37).
    public var isRetryable: Bool {
        if code == .tooLarge { return false }
        return ![1, 3, 37].contains(curlCode)
    }

    /// The kind of a ``NetError``.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: Sendable, Hashable {
            case connectionFailed, timedOut, tooLarge, tls, other
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// No connection: refused, host unreachable or host name not resolved (curl 5, 6, 7).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connect timeout or the total timeout ran out (curl 28).
        public static let timedOut = Code(.timedOut)
        /// The body exceeded ``HTTPClient/Configuration/maxBodyBytes`` (curl 63, or the write callback refused it).
        public static let tooLarge = Code(.tooLarge)
        /// TLS handshake or certificate verification failed (the curl codes of ``tlsCurlCodes``).
        public static let tls = Code(.tls)

        /// The libcurl codes of a TLS handshake or certificate failure: 35, 51, 53, 54, 58–60, 64, 66, 77, 80, 82, 83,
        /// 90, 91, 98.
        static let tlsCurlCodes: Set<Int> = [35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98]

        /// What to check after a TLS failure, for every protocol.
        static let tlsAdvice = "TLS handshake or certificate check failed; check the system CA certificates, the clock and the host name"
        /// Anything else: a truncated body (curl 18), an empty reply (52), a receive error (56), too many
        /// redirects (47), a malformed URL (3), …
        public static let other = Code(.other)

        /// A short phrase: `"connection failed"`, `"timed out"`, `"too large"`, `"TLS failure"` or `"transfer failed"`.
        public var description: String {
            switch kind {
            case .connectionFailed: "connection failed"
            case .timedOut: "timed out"
            case .tooLarge: "too large"
            case .tls: "TLS failure"
            case .other: "transfer failed"
            }
        }
    }
}

/// Removes secrets from URLs before they reach an error or a log line.
/// Removes secrets from URLs before they appear in messages.
public enum URLRedaction {
    /// `scheme://user:pass@host/path?query#fragment` → `scheme://host/path`.
    public static func redacted(_ url: String) -> String {
        let parts = split(url)
        return parts.prefix + parts.authority + parts.path
    }

    /// `scheme://user:pass@host/path?query` → `scheme://host/path?query` (credentials only).
    static func withoutCredentials(_ url: String) -> String {
        let parts = split(url)
        return parts.prefix + parts.authority + parts.path + parts.rest
    }

    /// `text` with the URL's secrets replaced by `***`: its `user:password@` and `?query#fragment` wherever they
    /// occur, and each part of them (user, password, query, query values) of 4 or more characters.
    static func blankingSecrets(of url: String, in text: String) -> String {
        let parts = split(url)
        let query = parts.rest.dropFirst()
        var pieces = [String(query)] + parts.userInfo.split(separator: ":").map(String.init)
        pieces += query.split(whereSeparator: { "&#".contains($0) }).flatMap { pair in
            [String(pair)] + pair.split(separator: "=", maxSplits: 1).dropFirst().map(String.init)
        }
        var secrets = pieces.filter { $0.count >= 4 }
        if !parts.userInfo.isEmpty { secrets.append(parts.userInfo + "@") }
        if !parts.rest.isEmpty { secrets.append(parts.rest) }
        var text = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }

    /// The pieces of a URL: `prefix` is `scheme://` (or empty), `userInfo` excludes the `@`, `rest` is `?query#fragment`.
    private static func split(_ url: String) -> (prefix: String, userInfo: String, authority: String, path: String,
                                                 rest: String) {
        var remainder = Substring(url)
        var prefix = ""
        if let range = remainder.range(of: "://") {
            prefix = String(remainder[..<range.upperBound])
            remainder = remainder[range.upperBound...]
        }
        let restStart = remainder.firstIndex { $0 == "?" || $0 == "#" } ?? remainder.endIndex
        let rest = String(remainder[restStart...])
        remainder = remainder[..<restStart]
        var userInfo = ""
        var authority = ""
        if !prefix.isEmpty {
            let authorityEnd = remainder.firstIndex(of: "/") ?? remainder.endIndex
            var hostPart = remainder[..<authorityEnd]
            if let at = hostPart.lastIndex(of: "@") {
                userInfo = String(hostPart[..<at])
                hostPart = hostPart[hostPart.index(after: at)...]
            }
            authority = String(hostPart)
            remainder = remainder[authorityEnd...]
        }
        return (prefix, userInfo, authority, String(remainder), rest)
    }
}
