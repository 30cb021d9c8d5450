import Foundation
import NetKit
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `HTTPClient.send` against the loopback server: methods, bodies, headers, timeouts; and the server's upload support.
@Suite(.timeLimit(.minutes(1)))
struct HTTPClientSendTests {
    @Test(arguments: ["POST", "PUT", "PATCH"])
    func sendsTheBodyWithItsMethodAndHeaders(method: String) async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hook", [.status(201, body: "created", headers: ["X-Reply": "yes"])])
            var request = HTTPRequest(method: method, url: server.url("/hook?a=1&b=two"),
                                      headers: [(name: "Content-Type", value: "application/json"),
                                                (name: "X-Custom", value: "value 1")],
                                      body: Array(#"{"n":1}"#.utf8))
            request.timeout = 5
            let sent = request
            let response = try await onDedicatedThread { () throws(NetError) in try HTTPClient().send(sent) }
            #expect(response.status == 201 && response.text == "created" && response.header("x-reply") == "yes")
            let recorded = try #require(server.recordedRequests("/hook").first)
            #expect(recorded.method == method && recorded.query == "a=1&b=two")
            #expect(recorded.text == #"{"n":1}"#)
            #expect(recorded.headers["content-type"] == "application/json" && recorded.headers["x-custom"] == "value 1")
            #expect(recorded.headers["content-length"] == "7")
            #expect(recorded.headers["expect"] == nil)
        }
    }

    @Test func sendsAnEmptyBodyWithoutAContentTypeOfItsOwn() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/bucket", [.status(200)])
            let request = HTTPRequest(method: "PUT", url: server.url("/bucket"))
            let response = try await onDedicatedThread { () throws(NetError) in try HTTPClient().send(request) }
            #expect(response.status == 200)
            let recorded = try #require(server.recordedRequests.first)
            #expect(recorded.method == "PUT" && recorded.body.isEmpty && recorded.headers["content-length"] == "0")
            #expect(recorded.headers["content-type"] == nil)
        }
    }

    @Test func aLargeBodyArrivesWhole() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/big", [.status(204)])
            let body = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let request = HTTPRequest(method: "POST", url: server.url("/big"), body: body)
            let response = try await onDedicatedThread { () throws(NetError) in try HTTPClient().send(request) }
            #expect(response.status == 204)
            #expect(server.recordedRequests.first?.body == body)
        }
    }

    @Test func headAndGetWorkThroughSend() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/x", [.status(200, body: "abc", headers: ["X-Storage": "cold"]), .status(200, body: "abc")])
            let (head, get) = try await onDedicatedThread { () throws(NetError) in
                let client = try HTTPClient()
                return (try client.send(HTTPRequest(method: "HEAD", url: server.url("/x"))),
                        try client.send(HTTPRequest(method: "GET", url: server.url("/x"))))
            }
            #expect(head.status == 200 && head.body.isEmpty && head.header("x-storage") == "cold")
            #expect(get.text == "abc")
        }
    }

    @Test func aPerRequestTimeoutFailsWithTheMethodAndTheLimit() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/slow", [.delay(seconds: 5, then: .status(200))])
            let request = HTTPRequest(method: "POST", url: server.url("/slow?token=sekrit-value"), body: [1], timeout: 0.3)
            let error = await #expect(throws: NetError.self) {
                _ = try await onDedicatedThread { () throws(NetError) in try HTTPClient().send(request) }
            }
            #expect(error?.code == .timedOut && error?.method == "POST")
            #expect(error?.description.contains("total 0.3 s") == true)
            #expect(error?.description.contains("sekrit-value") == false)
        }
    }

    @Test func uploadsWithoutAScriptGet405() async throws {
        try await LoopbackHTTPServer.with { server in
            let request = HTTPRequest(method: "POST", url: server.url("/nothing"), body: [1, 2])
            let response = try await onDedicatedThread { () throws(NetError) in try HTTPClient().send(request) }
            #expect(response.status == 405)
            #expect(server.recordedRequests.first?.body == [1, 2])
        }
    }

    @Test func theServerReadsChunkedBodies() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/chunked", [.status(200, body: "ok")])
            let port = server.port
            let reply = try await onDedicatedThread { () throws -> String in
                try RawHTTPExchange.send("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n", port: port)
            }
            #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")
            #expect(server.recordedRequests.first?.text == "hello, world")
        }
    }
}
