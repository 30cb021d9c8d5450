import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX socket calls ``LoopbackHTTPServer`` needs: blocking IPv4 TCP sockets on 127.0.0.1, close-on-exec
/// so that child processes started by tests never inherit them.
enum LoopbackSocket {
    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    /// A socket bound to 127.0.0.1 and an ephemeral port, not yet listening.
    static func bindEphemeral() throws(LoopbackServerError) -> (descriptor: Int32, port: Int) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackServerError(call: "socket", code: errno) }
        setCloseOnExec(fd)
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(call: "bind", code: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(call: "getsockname", code: code)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A listening socket on 127.0.0.1 and an ephemeral port.
    static func startListening() throws(LoopbackServerError) -> (descriptor: Int32, port: Int) {
        let bound = try bindEphemeral()
        guard listen(bound.descriptor, 128) == 0 else {
            let code = errno
            close(bound.descriptor)
            throw LoopbackServerError(call: "listen", code: code)
        }
        return bound
    }

    /// Waits up to `milliseconds` for a connection; nil on timeout or error.
    static func acceptConnection(_ listener: Int32, waitingAtMost milliseconds: Int32) -> Int32? {
        var request = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return nil }
        let fd = accept(listener, nil, nil)  // (accept4 with SOCK_CLOEXEC is not imported into Swift)
        guard fd >= 0 else { return nil }
        setCloseOnExec(fd)
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return fd
    }

    /// Reads what is available (blocking); nil at end of stream or on error.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Int? {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { return count }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Writes all of `bytes`; false if the peer went away.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, sendFlags)
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Wakes any thread blocked on `fd` (accept, recv) and ends both directions; the descriptor stays open.
    static func shutDown(_ fd: Int32) { _ = shutdown(fd, Int32(SHUT_RDWR)) }

    /// Sends FIN after the data written so far, keeping the descriptor open.
    static func finishWriting(_ fd: Int32) { _ = shutdown(fd, Int32(SHUT_WR)) }

    static func closeDescriptor(_ fd: Int32) { _ = close(fd) }

    private static func setCloseOnExec(_ fd: Int32) { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
}
