import Foundation

extension SMTPClient {
    /// Where and how an ``SMTPClient`` delivers: server URL, login and timeouts.
    ///
    /// The password is never part of ``description`` (it prints as `***`), of a ``NetError`` or of a log line.
    public struct Configuration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// `smtp://host:port` (plain, upgraded with STARTTLS, see ``tls``) or `smtps://host:port` (implicit TLS),
        /// e.g. `smtp://smtp.gmail.com:587`.
        public var url: String
        /// The login name; nil or empty for no login.
        public var username: String?
        /// The password (for Gmail an app password); nil for no login.
        public var password: String?
        /// Seconds allowed to connect (TCP, TLS and the server's greeting). Default 15.
        public var connectTimeout: Double
        /// Seconds allowed for one whole message, connection included. Default 60.
        public var totalTimeout: Double

        /// Creates a configuration.
        /// - Parameters:
        ///   - url: `smtp://host:port` or `smtps://host:port`.
        ///   - username: the login name, or nil.
        ///   - password: the password, or nil.
        ///   - connectTimeout: seconds to connect.
        ///   - totalTimeout: seconds per message.
        public init(url: String, username: String? = nil, password: String? = nil, connectTimeout: Double = 15,
                    totalTimeout: Double = 60) {
            self.url = url
            self.username = username
            self.password = password
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
        }

        /// True when both a user name and a password are set: the client then logs in.
        public var hasCredentials: Bool { username?.isEmpty == false && password?.isEmpty == false }

        /// The TLS rule for this server and login (see ``TLS``).
        public var tls: TLS {
            if url.lowercased().hasPrefix("smtps://") { return .implicit }
            return hasCredentials && !Self.isLoopback(host) ? .required : .opportunistic
        }

        /// The server's host name as written in ``url`` (brackets of an IPv6 literal removed), or "".
        public var host: String {
            URLComponents(string: url)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) ?? ""
        }

        /// `smtp://host:587 as user (password ***)`: safe to log.
        public var description: String {
            let login = hasCredentials ? " as \(username ?? "") (password ***)" : " without login"
            return URLRedaction.redacted(url) + login
        }

        /// Same as ``description``, so `dump` and `debugPrint` do not show the password either.
        public var debugDescription: String { description }

        /// A mirror without the password, for `dump` and debuggers.
        public var customMirror: Mirror {
            Mirror(self, children: ["url": URLRedaction.redacted(url), "username": username as Any,
                                    "password": password == nil ? "nil" : "***",
                                    "connectTimeout": connectTimeout, "totalTimeout": totalTimeout])
        }

        /// `localhost`, `127.0.0.1` and `::1`: the only hosts where a password may travel without TLS, because
        /// it never leaves the machine.
        static func isLoopback(_ host: String) -> Bool {
            ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
        }
    }

    /// How a connection is protected.
    public enum TLS: Sendable, Hashable {
        /// `smtps://`: TLS from the first byte.
        case implicit
        /// `smtp://` with credentials to a host other than loopback: STARTTLS or fail (`CURLUSESSL_ALL`), so a
        /// password never crosses the network in clear.
        case required
        /// `smtp://` without credentials, or to loopback: STARTTLS when the server offers it, else plain
        /// (`CURLUSESSL_TRY`).
        case opportunistic
    }
}
