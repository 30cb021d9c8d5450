extension HTTPClient {
    /// Limits and identity for every request an ``HTTPClient`` makes.
    public struct Configuration: Sendable {
        /// The User-Agent sent unless a request sets its own: `seekgpu/0.1 (+https://github.com/seekgpu/seekgpu)`.
        public static let defaultUserAgent = "seekgpu/0.1 (+https://github.com/seekgpu/seekgpu)"

        /// Seconds allowed to establish the connection (DNS, TCP and TLS). Default 10.
        public var connectTimeout: Double
        /// Seconds allowed for the whole transfer, connection included. Default 120.
        public var totalTimeout: Double
        /// The largest body accepted, in bytes (after decompression). A larger body aborts the transfer with
        /// ``NetError/Code/tooLarge``. Default 256 MiB (268,435,456 bytes).
        public var maxBodyBytes: Int
        /// The `User-Agent` header.
        public var userAgent: String
        /// Whether 3xx responses with a `Location` are followed (http and https targets only). Default true.
        public var followRedirects: Bool
        /// The most redirects followed in one request before failing with curl 47. Default 5.
        public var maxRedirects: Int

        /// Creates a configuration; every parameter has the default documented on its property.
        /// - Parameters:
        ///   - connectTimeout: seconds to connect.
        ///   - totalTimeout: seconds for the whole transfer.
        ///   - maxBodyBytes: body limit in bytes.
        ///   - userAgent: the `User-Agent` header.
        ///   - followRedirects: whether to follow redirects.
        ///   - maxRedirects: the most redirects followed.
        public init(connectTimeout: Double = 10, totalTimeout: Double = 120, maxBodyBytes: Int = 256 << 20,
                    userAgent: String = Configuration.defaultUserAgent, followRedirects: Bool = true,
                    maxRedirects: Int = 5) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxBodyBytes = maxBodyBytes
            self.userAgent = userAgent
            self.followRedirects = followRedirects
            self.maxRedirects = maxRedirects
        }
    }
}
