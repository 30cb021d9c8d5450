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
                try RawHTTPExchange.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
            }
            #expect(reply.hasPrefix("HTTP/1.1 404"), "\(reply)")
            #expect(!reply.contains("top secret"))
        }
    }

    @Test func answersOtherMethodsWith405() async throws {
        try await LoopbackHTTPServer.with { server in
            let port = server.port
            let reply = try await onDedicatedThread { () throws -> String in
                try RawHTTPExchange.send("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
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
