import Foundation
import NetKit
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The test server itself: file serving, confinement to its directory, scripts, the request log.
@Suite(.timeLimit(.minutes(1)))
struct LoopbackHTTPServerTests {
    @Test func servesFilesUnderItsDirectoryByPath() async throws {
        let folder = try TemporaryDirectory()
        let nested = folder.url.appendingPathComponent("aws/20260822-1")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("catalog".utf8).write(to: nested.appendingPathComponent("catalog.csv"))
        try Data("<p>page</p>".utf8).write(to: nested.appendingPathComponent("index.html"))
        try await LoopbackHTTPServer.with(serving: folder.url) { server in
            #expect(!server.baseURL.hasSuffix("/"))
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
            let (file, folderResponse, indexResponse) = try await onDedicatedThread { () throws(NetError) in
                let client = try HTTPClient()
                return (try client.get(server.url("/aws/20260822-1/catalog.csv")), try client.get(server.url("/aws")),
                        try client.get(server.url("/aws/20260822-1/")))
            }
            #expect(file.status == 200 && file.text == "catalog")
            #expect(file.header("content-type") == "text/csv")
            #expect(folderResponse.status == 404)  // a folder without index.html
            #expect(indexResponse.status == 200 && indexResponse.text == "<p>page</p>")
            #expect(indexResponse.header("content-type") == "text/html; charset=utf-8")
            #expect(server.requests == ["/aws/20260822-1/catalog.csv", "/aws", "/aws/20260822-1/"])
        }
    }

    @Test(arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/served/../../secret.txt", "/./../secret.txt"])
    func neverServesFilesOutsideItsDirectory(path: String) async throws {
        let root = try TemporaryDirectory()
        let served = root.url.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try Data("top secret".utf8).write(to: root.url.appendingPathComponent("secret.txt"))
        try await LoopbackHTTPServer.with(serving: served) { server in
            let port = server.port
            let reply = try await onDedicatedThread { () throws -> String in
                try rawRequest("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
            }
            #expect(reply.hasPrefix("HTTP/1.1 404"), "\(reply)")
            #expect(!reply.contains("top secret"))
        }
    }

    @Test func answersOtherMethodsWith405() async throws {
        try await LoopbackHTTPServer.with { server in
            let port = server.port
            let reply = try await onDedicatedThread { () throws -> String in
                try rawRequest("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                               port: port)
            }
            #expect(reply.hasPrefix("HTTP/1.1 405"), "\(reply)")
        }
    }

    @Test func playsScriptsInOrderThenFallsBackToTheFile() async throws {
        let folder = try TemporaryDirectory()
        try Data("real".utf8).write(to: folder.url.appendingPathComponent("v"))
        try await LoopbackHTTPServer.with(serving: folder.url) { server in
            server.script("v", [.status(503), .bytes([1, 2, 3], status: 202)])
            server.script("/v", [.passthrough, .status(404)])
            let statuses = try await onDedicatedThread { () throws(NetError) -> [Int] in
                let client = try HTTPClient()
                return try (0..<5).map { _ throws(NetError) in try client.get(server.url("/v")).status }
            }
            #expect(statuses == [503, 202, 200, 404, 200])
            #expect(server.requestCount("/v") == 5)
            #expect(server.requestCount("/other") == 0)
        }
    }

    @Test func answersManyConcurrentBlockingClients() async throws {
        // More blocking clients than cooperative threads: fine, since each runs on a thread of its own.
        try await LoopbackHTTPServer.with { server in
            server.script("/busy", Array(repeating: .delay(seconds: 0.05, then: .status(200, body: "ok")), count: 16))
            let url = server.url("/busy")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await onDedicatedThread { () throws(NetError) in try HTTPClient().get(url).status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 16))
            #expect(server.requestCount("/busy") == 16)
        }
    }

    @Test func keepsAnsweringWhileTheCooperativePoolIsBlocked() async throws {
        // Deliberately blocking calls straight from more tasks than the pool has threads: the server runs on
        // its own threads, so this cannot deadlock (with a server on the pool it did, until the client timed out).
        try await LoopbackHTTPServer.with { server in
            let url = server.url("/direct")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<(2 * ProcessInfo.processInfo.activeProcessorCount + 2) {
                    group.addTask { try HTTPClient(configuration: HTTPClientTests.configuration).get(url).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 404 })
        }
    }

    @Test func refusesConnectionsOnceStopped() async throws {
        let server = try LoopbackHTTPServer()
        let url = server.url("/x")
        #expect(try await onDedicatedThread { () throws(NetError) in try HTTPClient().get(url).status } == 404)
        server.stop()
        let error = await #expect(throws: NetError.self) {
            try await onDedicatedThread { () throws(NetError) in try HTTPClient().get(url) }
        }
        #expect(error?.code == .connectionFailed)
    }
}

/// Sends `request` as is (no URL normalisation, unlike libcurl) and reads the reply until the server closes.
private func rawRequest(_ request: String, port: Int) throws -> String {
    struct SocketFailure: Error { var step: String }
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SocketFailure(step: "socket") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { throw SocketFailure(step: "connect") }
    let bytes = Array(request.utf8)
    guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw SocketFailure(step: "send") }
    var reply: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        reply += buffer[..<count]
    }
    return String(decoding: reply, as: UTF8.self)
}
