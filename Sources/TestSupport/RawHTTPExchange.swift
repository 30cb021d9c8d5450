#if canImport(Glibc)
import Glibc
#endif

/// Sends bytes exactly as given to `127.0.0.1:port` over a plain TCP socket (no URL normalisation,
/// unlike libcurl) and returns everything received until the server closes the connection, for
/// tests that need a request libcurl would not send (a `..` path, a hand-chunked body).
public enum RawHTTPExchange {
    /// Why the exchange failed: the socket call that did.
    public struct Failure: Error, CustomStringConvertible {
        /// `socket`, `connect` or `send`.
        public var step: String
        public var description: String { "raw HTTP exchange failed at \(step)" }
    }

    /// The reply to `request`, read with a 10 s receive timeout.
    /// - Throws: ``Failure`` when the socket cannot be opened, connected or written.
    public static func send(_ request: String, port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(step: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(step: "connect") }
        let bytes = Array(request.utf8)
        guard Glibc.send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(step: "send") }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            reply += buffer[..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
