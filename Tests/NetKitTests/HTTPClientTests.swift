import Foundation
import NetKit
import Testing
import TestSupport

/// `HTTPClient.get` against a real loopback server. Every blocking call goes through `onDedicatedThread`,
/// so the server (on the cooperative pool) is never starved.
@Suite(.timeLimit(.minutes(1)))
struct HTTPClientTests {
    /// Short enough that a broken test fails fast, long enough for a busy CI machine.
    static let configuration = HTTPClient.Configuration(connectTimeout: 5, totalTimeout: 20)

    static func get(_ url: String, headers: [String: String] = [:],
                    configuration: HTTPClient.Configuration = configuration) async throws(NetError) -> HTTPResponse {
        try await onDedicatedThread { () throws(NetError) -> HTTPResponse in
            try HTTPClient(configuration: configuration).get(url, headers: headers)
        }
    }

    @Test func returnsStatusHeadersAndBodyOfA200() async throws {
        let folder = try TemporaryDirectory()
        try Data(#"{"version": "20260822-1"}"#.utf8).write(to: folder.url.appendingPathComponent("version.json"))
        try await LoopbackHTTPServer.with(serving: folder.url) { server in
            let response = try await Self.get(server.url("/version.json"))
            #expect(response.status == 200)
            #expect(response.isSuccess)
            #expect(response.text == #"{"version": "20260822-1"}"#)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.header("content-length") == "25")
            #expect(response.headers.allSatisfy { $0.name == $0.name.lowercased() })
            #expect(response.url == server.url("/version.json"))
        }
    }

    @Test func returnsScriptedHeadersAndBody() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hello", [.status(201, body: "made", headers: ["X-Seekgpu-Test": "  yes "])])
            let response = try await Self.get(server.url("/hello"))
            #expect(response.status == 201)
            #expect(response.text == "made")
            #expect(response.header("x-seekgpu-test") == "yes")
        }
    }

    @Test func returns404AsAResponseNotAnError() async throws {
        try await LoopbackHTTPServer.with { server in
            let response = try await Self.get(server.url("/missing.json"))
            #expect(response.status == 404)
            #expect(!response.isSuccess)
            #expect(server.requestCount("/missing.json") == 1)
        }
    }

    @Test func returns500AsAResponseNotAnError() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/boom", [.status(500, body: "oops")])
            let response = try await Self.get(server.url("/boom"))
            #expect(response.status == 500)
            #expect(response.text == "oops")
        }
    }

    @Test func followsARedirectAndReportsTheFinalURL() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/old", [.status(302, headers: ["Location": "/new"])])
            server.script("/new", [.status(200, body: "moved here", headers: ["X-Final": "1"])])
            let response = try await Self.get(server.url("/old"))
            #expect(response.status == 200)
            #expect(response.text == "moved here")
            #expect(response.url == server.url("/new"))
            #expect(response.header("x-final") == "1")
            #expect(response.header("location") == nil)  // headers of the final response only
            #expect(server.requests == ["/old", "/new"])
        }
    }

    @Test func returnsTheRedirectItselfWhenFollowingIsOff() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/old", [.status(301, headers: ["Location": "/new"])])
            var configuration = Self.configuration
            configuration.followRedirects = false
            let response = try await Self.get(server.url("/old"), configuration: configuration)
            #expect(response.status == 301)
            #expect(response.header("location") == "/new")
            #expect(server.requests == ["/old"])
        }
    }

    @Test func failsWithTooManyRedirectsAfterFive() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/loop", Array(repeating: .status(302, headers: ["Location": "/loop"]), count: 10))
            let error = await #expect(throws: NetError.self) { try await Self.get(server.url("/loop")) }
            #expect(error?.curlCode == 47)
            #expect(error?.code == .other)
            #expect(server.requestCount("/loop") == 6)
        }
    }

    @Test func connectionRefusedThrowsConnectionFailedNamingTheURL() async throws {
        let url = LoopbackHTTPServer.refusingURL + "/aws/version"
        let error = await #expect(throws: NetError.self) { try await Self.get(url) }
        #expect(error?.code == .connectionFailed)
        #expect(error?.curlCode == 7)
        #expect(error?.url == url)
        #expect(error?.description.hasPrefix("GET \(url) failed: connection refused") == true)
        #expect(error?.description.contains("(curl 7: Failed to connect to 127.0.0.1 port") == true)
    }

    @Test func serverSlowerThanTheTotalTimeoutThrowsTimedOut() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/slow", [.delay(seconds: 3, then: .status(200, body: "late"))])
            var configuration = Self.configuration
            configuration.totalTimeout = 0.5
            let error = await #expect(throws: NetError.self) {
                try await Self.get(server.url("/slow"), configuration: configuration)
            }
            #expect(error?.code == .timedOut)
            #expect(error?.curlCode == 28)
        }
    }

    @Test func bodyLargerThanMaxBodyBytesThrowsTooLarge() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/big", [.bytes(Array(repeating: 7, count: 5000))])
            var configuration = Self.configuration
            configuration.maxBodyBytes = 4999
            let error = await #expect(throws: NetError.self) {
                try await Self.get(server.url("/big"), configuration: configuration)
            }
            #expect(error?.code == .tooLarge)
            #expect(error?.message.contains("4999 bytes") == true)
        }
    }

    @Test func bodyOfExactlyMaxBodyBytesIsAccepted() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/fits", [.bytes(Array(repeating: 7, count: 5000))])
            var configuration = Self.configuration
            configuration.maxBodyBytes = 5000
            let response = try await Self.get(server.url("/fits"), configuration: configuration)
            #expect(response.body.count == 5000)
        }
    }

    @Test func fileURLLargerThanMaxBodyBytesThrowsTooLarge() async throws {
        // A file:// read has no Content-Length check up front, so this exercises the write callback's limit.
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("big.bin")
        try Data(repeating: 1, count: 100_000).write(to: file)
        var configuration = Self.configuration
        configuration.maxBodyBytes = 1000
        let error = await #expect(throws: NetError.self) {
            try await Self.get(file.absoluteString, configuration: configuration)
        }
        #expect(error?.code == .tooLarge)
    }

    @Test func truncatedBodyThrowsAPartialFileError() async throws {
        let folder = try TemporaryDirectory()
        try Data(repeating: 42, count: 10_000).write(to: folder.url.appendingPathComponent("catalog.zip"))
        try await LoopbackHTTPServer.with(serving: folder.url) { server in
            server.script("/catalog.zip", [.truncatedFile(keepingBytes: 1234)])
            let error = await #expect(throws: NetError.self) { try await Self.get(server.url("/catalog.zip")) }
            #expect(error?.curlCode == 18)
            #expect(error?.code == .other)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func credentialsAndQueryNeverAppearInTheError() async throws {
        let port = LoopbackHTTPServer.unusedPort()
        let url = "http://seekuser:s3cr3tpass@127.0.0.1:\(port)/x?token=abcdef123"
        let error = await #expect(throws: NetError.self) { try await Self.get(url) }
        let text = String(describing: error)
        #expect(error?.url == "http://127.0.0.1:\(port)/x")
        for secret in ["seekuser", "s3cr3tpass", "token", "abcdef123"] {
            #expect(!text.contains(secret), "\(secret) leaked into \(text)")
        }
    }

    @Test func sendsTheUserAgentAndExtraHeaders() async throws {
        try await LoopbackHTTPServer.with { server in
            _ = try await Self.get(server.url("/x"), headers: ["Accept": "application/json"])
            #expect(server.lastRequestHeaders["user-agent"] == "seekgpu/0.1 (+https://github.com/seekgpu/seekgpu)")
            #expect(server.lastRequestHeaders["accept"] == "application/json")
        }
    }

    @Test func aUserAgentHeaderReplacesTheConfiguredOne() async throws {
        try await LoopbackHTTPServer.with { server in
            _ = try await Self.get(server.url("/x"), headers: ["User-Agent": "other/1"])
            #expect(server.lastRequestHeaders["user-agent"] == "other/1")
        }
    }

    @Test func oneClientServesManyRequests() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/a", [.status(200, body: "first")])
            server.script("/b", [.status(404, body: "second")])
            server.script("/c", [.status(200, body: "third")])
            let (a, b, c, d) = try await onDedicatedThread { () throws(NetError) in
                let client = try HTTPClient(configuration: Self.configuration)
                return (try client.get(server.url("/a")), try client.get(server.url("/b")),
                        try client.get(server.url("/c")), try client.get(server.url("/c")))
            }
            #expect([a.text, b.text, c.text] == ["first", "second", "third"])
            #expect([a.status, b.status, c.status, d.status] == [200, 404, 200, 404] as [Int])
        }
    }

    @Test func readsFileURLsWithStatus200() async throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("local.json")
        try Data("[1, 2, 3]".utf8).write(to: file)
        let response = try await Self.get(file.absoluteString)
        #expect(response.status == 200)
        #expect(response.text == "[1, 2, 3]")
    }

    @Test func missingFileURLThrowsAndIsNotRetryable() async throws {
        let folder = try TemporaryDirectory()
        let url = folder.url.appendingPathComponent("absent.json").absoluteString
        let error = await #expect(throws: NetError.self) { try await Self.get(url) }
        #expect(error?.curlCode == 37)
        #expect(error?.isRetryable == false)
    }

    @Test func unsupportedSchemeThrows() async throws {
        let error = await #expect(throws: NetError.self) { try await Self.get("gopher://127.0.0.1/x") }
        #expect(error?.curlCode == 1)
        #expect(error?.isRetryable == false)
    }
}
